package dev.mlat.examples;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.MlatCoreException;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.DocumentType;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The examples' world: test PKIs (generated here, test use only) written as one trust folder, and
 * the request of {@link BuildRequestExample} re-addressed between two parties with a court order
 * attached. A real deployment loads its keys from PKCS#12 files or an HSM and its trust folder from
 * what the partner states published.
 */
final class ExampleWorld {

  /** The court order attached to the request. */
  static final byte[] COURT_ORDER = "Ordonnance du juge d'instruction (example document)\n".getBytes(StandardCharsets.UTF_8);

  final Clock clock = Clock.systemUTC();
  final List<TestPki> pkis;
  final Path trustFolder;
  final TrustVerifier trust;

  ExampleWorld(Path folder, TestPki... pkis) throws IOException, MlatCryptoException {
    this.pkis = List.of(pkis);
    this.trustFolder = Files.createDirectories(folder.resolve("trust"));
    for (TestPki pki : pkis) {
      pki.writeTo(trustFolder);
    }
    this.trust = TrustVerifier.builder(TrustDirectory.load(trustFolder)).clock(clock).build();
  }

  TestPki pki(PartyId party) {
    return pkis.stream().filter(p -> p.jurisdiction().equals(party.jurisdiction())).findFirst().orElseThrow();
  }

  /** The signer of {@code party}'s signing key, with its PKI's algorithm. */
  CmsSigner signer(PartyId party) throws MlatCryptoException {
    TestCredential c = pki(party).authority(party.identifier()).signing();
    return CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), clock)
        .signer(party.jurisdiction(), KeyIdentity.of(c.keyPair().getPrivate(), c.chain()), pki(party).algorithm().signatureAlgorithm())
        .build();
  }

  /** {@code party}'s decryption key. */
  KeyRing keys(PartyId party) {
    TestCredential c = pki(party).authority(party.identifier()).encryption();
    return KeyRing.of(KeyIdentity.of(c.keyPair().getPrivate(), c.chain()));
  }

  /** A Request message from {@code from} to {@code to}, referring to {@link #COURT_ORDER} as attachment A1. */
  RequestMessage request(PartyId from, PartyId to) throws MlatCoreException {
    Request base = BuildRequestExample.buildRequest();
    Request request = base.toBuilder()
        .attachments(List.of(new Attachment("A1", DocumentType.COURT_ORDER, "text/plain", COURT_ORDER.length, sha256(COURT_ORDER),
            Optional.of("fr"), Optional.of("Ordonnance"), Optional.empty())))
        .build();
    return new RequestMessage(new MessageHeader(UUID.randomUUID(), request.id(), from, to,
        Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)), request);
  }

  static PartyId party(String text) {
    try {
      return PartyId.parse(text);
    } catch (MlatCoreException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Jurisdiction jurisdiction(String code) {
    return Jurisdiction.of(code);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
