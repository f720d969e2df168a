package dev.mlat.crypto.seal;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsDecryptor;
import dev.mlat.crypto.cms.CmsEncryptor;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.EncryptionRecipient;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The seal tests' parties, generated once per JVM, with a real trust directory of the signing
 * jurisdictions: FR (ECDSA; FR-MOJ and FR-PG), BE (ML-DSA-65 / ML-KEM-768), DE (ECDSA), IT (ECDSA),
 * AT (RSA-3072), NL (ML-DSA-65 / ML-KEM-768) and PL (composite ML-DSA-65 + ECDSA P-256 /
 * composite ML-KEM-768 + ECDH P-256).
 */
final class SealFixture {
  static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
  static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();
  static final TestPki FR = TestPki.builder(Jurisdiction.of("FR")).authority("FR-MOJ").authority("FR-PG").clock(CLOCK).build();
  static final TestPki BE = TestPki.builder(Jurisdiction.of("BE")).algorithm(PkiAlgorithm.ML_DSA_65).authority("BE-MOJ").clock(CLOCK).build();
  static final TestPki DE = TestPki.builder(Jurisdiction.of("DE")).authority("DE-BMJ").clock(CLOCK).build();
  static final TestPki IT = TestPki.builder(Jurisdiction.of("IT")).authority("IT-MOJ").clock(CLOCK).build();
  static final TestPki AT = TestPki.builder(Jurisdiction.of("AT")).algorithm(PkiAlgorithm.RSA_3072).authority("AT-BMJ").clock(CLOCK).build();
  static final TestPki NL = TestPki.builder(Jurisdiction.of("NL")).algorithm(PkiAlgorithm.ML_DSA_65).authority("NL-MOJ").clock(CLOCK).build();
  static final TestPki PL = TestPki.builder(Jurisdiction.of("PL")).algorithm(PkiAlgorithm.COMPOSITE_MLDSA65_ECDSA_P256)
      .authority("PL-MOJ").clock(CLOCK).build();
  static final TrustVerifier TRUST;

  static {
    try {
      Path folder = Files.createTempDirectory("mlat-seal-trust");
      for (var pki : List.of(FR, BE, DE, IT, AT, NL, PL)) {
        pki.writeTo(folder);
      }
      TRUST = TrustVerifier.builder(TrustDirectory.load(folder)).clock(CLOCK).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MlatCryptoException e) {
      throw new IllegalStateException(e);
    }
  }

  private SealFixture() {}

  static PartyId party(TestPki pki, String authority) {
    return new PartyId(pki.jurisdiction(), authority);
  }

  static CmsSigner signer(TestPki pki, String authority) throws MlatCryptoException {
    var credential = pki.authority(authority).signing();
    return CmsSigner.builder(POLICY, CLOCK)
        .signer(pki.jurisdiction(), KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain()),
            pki.algorithm().signatureAlgorithm())
        .build();
  }

  static Sealer sealer(TestPki pki, String authority) throws MlatCryptoException {
    return new Sealer(signer(pki, authority));
  }

  static CmsEncryptor encryptorFor(TestPki pki, String authority) throws MlatCryptoException {
    return CmsEncryptor.builder(POLICY)
        .recipient(EncryptionRecipient.of(pki.jurisdiction(), pki.authority(authority).encryption().certificate()))
        .build();
  }

  static CmsSignatureVerifier verifier() {
    return new CmsSignatureVerifier(POLICY, TRUST.asSignerTrust(), CLOCK, CmsLimits.defaults());
  }

  static Opener opener(TestPki pki, String authority) {
    return opener(pki, authority, CmsLimits.defaults());
  }

  static Opener opener(TestPki pki, String authority, CmsLimits limits) {
    var credential = pki.authority(authority).encryption();
    var ring = KeyRing.of(List.of(KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain())));
    return new Opener(party(pki, authority), new CmsDecryptor(POLICY, ring, limits),
        new CmsSignatureVerifier(POLICY, TRUST.asSignerTrust(), CLOCK, limits));
  }
}
