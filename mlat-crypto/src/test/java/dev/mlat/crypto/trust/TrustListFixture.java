package dev.mlat.crypto.trust;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.cms.CmsContentType;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Shared material for the trust list tests: a French PKI listed, a Dutch publisher PKI that signs the lists. */
final class TrustListFixture {
  static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
  static final Instant NOW = CLOCK.instant();
  static final Jurisdiction FR = Jurisdiction.of("FR");
  static final Jurisdiction NL = Jurisdiction.of("NL");
  static final TestPki FR_PKI = TestPki.builder(FR).authority("FR-MOJ").clock(CLOCK).build();
  static final TestPki PUBLISHER_PKI = TestPki.builder(NL).authority("NL-TRUSTLIST").clock(CLOCK).build();
  static final TrustDirectory DIRECTORY = directory();

  private TrustListFixture() {}

  private static TrustDirectory directory() {
    try {
      Path folder = Files.createTempDirectory("mlat-trustlist");
      FR_PKI.writeTo(folder);
      return TrustDirectory.load(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TrustDirectoryException e) {
      throw new IllegalStateException(e);
    }
  }

  static TestCredential publisherCredential() {
    return PUBLISHER_PKI.authority("NL-TRUSTLIST").signing();
  }

  static CmsSigner signer(TestCredential credential, Jurisdiction jurisdiction, CmsContentType type) throws MlatCryptoException {
    var identity = KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain());
    return CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), CLOCK).signer(jurisdiction, identity, SignatureAlgorithm.ECDSA_SHA256)
        .contentType(type).build();
  }

  static TrustListPublisher publisher() throws MlatCryptoException {
    return new TrustListPublisher(signer(publisherCredential(), NL, CmsContentType.DATA), "NL trust list service");
  }

  static byte[] list(long sequence) throws MlatCryptoException {
    return publisher().publish(DIRECTORY, sequence, NOW, NOW.plus(Duration.ofDays(7)));
  }

  /** Signs arbitrary content as the publisher. */
  static byte[] signed(byte[] content) throws MlatCryptoException {
    return signer(publisherCredential(), NL, CmsContentType.DATA).sign(content, Encapsulation.ENCAPSULATED);
  }

  static TrustListLoader loader(TrustListState state) {
    return loader(state, CLOCK, TrustListLimits.defaults());
  }

  static TrustListLoader loader(TrustListState state, Clock clock, TrustListLimits limits) {
    return TrustListLoader.builder(List.of(PUBLISHER_PKI.root().certificate()), NL, state).clock(clock).limits(limits).build();
  }
}
