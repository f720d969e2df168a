package dev.mlat.crypto.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.internal.Pem;
import dev.mlat.crypto.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustDirectoryTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  static final Jurisdiction FR = Jurisdiction.of("FR");
  static TestPki fr;
  static TestPki de;

  @TempDir Path dir;
  Path folder;

  @BeforeAll
  static void pkis() {
    fr = TestPki.builder(FR).authority("FR-MOJ").authority("FR-GW", AuthorityRole.CARRY).clock(CLOCK).build();
    de = TestPki.builder(Jurisdiction.of("DE")).clock(CLOCK).build();
  }

  @BeforeEach
  void write() throws Exception {
    folder = dir.resolve("trust");
    fr.writeTo(folder);
    de.writeTo(folder);
    fr.writeOcspResponsesTo(folder);
  }

  static CryptoErrorCode code(Call call) {
    try {
      call.run();
    } catch (MlatCryptoException e) {
      return e.errorCode();
    }
    throw new AssertionError("expected loading to fail");
  }

  interface Call {
    void run() throws MlatCryptoException;
  }

  TrustDirectory load(TrustLimits limits) throws MlatCryptoException {
    return TrustDirectory.builder().limits(limits).addFolder(folder).build();
  }

  @Test
  void loadsTheFolderLayout() throws Exception {
    var trust = TrustDirectory.load(folder);
    assertThat(trust.jurisdictions()).containsExactly(Jurisdiction.of("DE"), FR);
    assertThat(trust.anchors(FR)).containsExactly(fr.root().certificate());
    assertThat(trust.intermediates(FR)).containsExactly(fr.intermediate().certificate());
    assertThat(trust.authorities(FR)).containsOnlyKeys(new PartyId(FR, "FR-MOJ"), new PartyId(FR, "FR-GW"));
    assertThat(trust.roles(new PartyId(FR, "FR-GW"))).containsExactly(AuthorityRole.CARRY);
    assertThat(trust.roles(new PartyId(FR, "FR-NOBODY"))).isEmpty();
    assertThat(trust.authorityCertificates(new PartyId(FR, "FR-MOJ"))).hasSize(3)
        .contains(fr.authority("FR-MOJ").encryption().certificate());
    assertThat(trust.timestampAnchors()).containsExactlyInAnyOrder(fr.root().certificate(), de.root().certificate());
    assertThat(trust.crls()).hasSize(4);
    assertThat(trust.ocspResponses()).hasSize(7);
    assertThat(trust.jurisdictionsOf(fr.root().certificate())).containsExactly(FR);
  }

  @Test
  void derFilesAndReadmesAreAccepted() throws Exception {
    Files.write(folder.resolve("FR/intermediates/extra.der"), fr.intermediate().certificate().getEncoded());
    Files.write(folder.resolve("FR/crls/issuing-ca.der"), fr.crl().getEncoded());
    Files.writeString(folder.resolve("README.md"), "trust folder of the ministry");
    assertThat(TrustDirectory.load(folder).crls()).hasSize(5);
  }

  @Test
  void strictLayout() throws Exception {
    Files.createDirectories(folder.resolve("UK"));
    assertThat(code(() -> TrustDirectory.load(folder))).as("UK is not an ISO code").isEqualTo(CryptoErrorCode.TRUST_DIRECTORY_INVALID);
    Files.delete(folder.resolve("UK"));
    Files.writeString(folder.resolve("notes.txt"), "x");
    assertThat(code(() -> TrustDirectory.load(folder))).isEqualTo(CryptoErrorCode.TRUST_DIRECTORY_INVALID);
    Files.delete(folder.resolve("notes.txt"));
    Files.writeString(folder.resolve("FR/anchors/root.txt"), "x");
    assertThat(code(() -> TrustDirectory.load(folder))).isEqualTo(CryptoErrorCode.TRUST_DIRECTORY_INVALID);
    Files.delete(folder.resolve("FR/anchors/root.txt"));
    Files.createDirectories(folder.resolve("FR/keys"));
    assertThat(code(() -> TrustDirectory.load(folder))).isEqualTo(CryptoErrorCode.TRUST_DIRECTORY_INVALID);
  }

  @Test
  void anEndEntityIsNotAnAnchor() throws Exception {
    Pem.writeCertificates(folder.resolve("FR/anchors/wrong.pem"), List.of(fr.authority("FR-MOJ").signing().certificate()));
    var e = org.junit.jupiter.api.Assertions.assertThrows(TrustDirectoryException.class, () -> TrustDirectory.load(folder));
    assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.TRUST_DIRECTORY_INVALID);
    assertThat(e.location()).contains("FR/anchors/wrong.pem");
  }

  @Test
  void anAuthorityCertificateInTheWrongFolderIsRefused() throws Exception {
    Pem.writeCertificates(folder.resolve("DE/authorities/fr.pem"), List.of(fr.authority("FR-MOJ").signing().certificate()));
    assertThat(code(() -> TrustDirectory.load(folder))).isEqualTo(CryptoErrorCode.TRUST_DIRECTORY_INVALID);
  }

  @Test
  void malformedFiles() throws Exception {
    Files.writeString(folder.resolve("FR/anchors/bad.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertThat(code(() -> TrustDirectory.load(folder))).isEqualTo(CryptoErrorCode.CERTIFICATE_MALFORMED);
    Files.delete(folder.resolve("FR/anchors/bad.pem"));
    Files.writeString(folder.resolve("FR/anchors/key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertThat(code(() -> TrustDirectory.load(folder))).isEqualTo(CryptoErrorCode.CERTIFICATE_MALFORMED);
    Files.delete(folder.resolve("FR/anchors/key.pem"));
    Files.write(folder.resolve("FR/crls/bad.crl"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
    assertThat(code(() -> TrustDirectory.load(folder))).isEqualTo(CryptoErrorCode.CERTIFICATE_MALFORMED);
    Files.delete(folder.resolve("FR/crls/bad.crl"));
    Files.write(folder.resolve("FR/ocsp/bad.ocsp"), new byte[] {0x30, 0x03, 0x0a, 0x01, 0x01});
    assertThat(code(() -> TrustDirectory.load(folder))).as("status malformedRequest").isEqualTo(CryptoErrorCode.CERTIFICATE_MALFORMED);
  }

  @Test
  void authoritiesJsonIsReadStrictly() throws Exception {
    Path json = folder.resolve("FR/authorities.json");
    for (String bad : List.of(
        "{\"jurisdiction\":\"FR\",\"authorities\":[],\"extra\":1}",
        "{\"jurisdiction\":\"FR\",\"jurisdiction\":\"FR\",\"authorities\":[]}",
        "{\"jurisdiction\":\"DE\",\"authorities\":[]}",
        "{\"jurisdiction\":\"FR\",\"authorities\":[{\"id\":\"DE:DE-BMJ\",\"roles\":[\"sign\"]}]}",
        "{\"jurisdiction\":\"FR\",\"authorities\":[{\"id\":\"FR:FR-MOJ\",\"roles\":[]}]}",
        "{\"jurisdiction\":\"FR\",\"authorities\":[{\"id\":\"FR:FR-MOJ\",\"roles\":[\"sign\",\"sign\"]}]}",
        "{\"jurisdiction\":\"FR\",\"authorities\":[{\"id\":\"FR:FR-MOJ\",\"roles\":[\"SIGN\"]}]}",
        "{\"jurisdiction\":\"FR\",\"authorities\":[{\"id\":\"FR:FR-MOJ\",\"roles\":[\"sign\"],\"note\":\"x\"}]}",
        "{\"jurisdiction\":\"FR\",\"authorities\":[{\"id\":\"FR:FR-MOJ\",\"roles\":[\"sign\"]},{\"id\":\"FR:FR-MOJ\",\"roles\":[\"receive\"]}]}",
        "{\"jurisdiction\":\"FR\",\"authorities\":[{\"id\":\"FR-MOJ\",\"roles\":[\"sign\"]}]}",
        "{\"jurisdiction\":\"FR\",\"authorities\":{}}",
        "{\"jurisdiction\":\"FR\",\"authorities\":[]} []",
        "[]",
        "{\"jurisdiction\":\"FR\",")) {
      Files.writeString(json, bad, StandardCharsets.UTF_8);
      assertThat(code(() -> TrustDirectory.load(folder))).as(bad).isEqualTo(CryptoErrorCode.TRUST_DIRECTORY_INVALID);
    }
  }

  @Test
  void keyStoreAliasesAndEntriesAreChecked() throws Exception {
    char[] password = "pw".toCharArray();
    var store = KeyStore.getInstance("PKCS12");
    store.load(null, password);
    store.setCertificateEntry("root-of-france", fr.root().certificate());
    Path file = dir.resolve("bad.p12");
    try (var out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
    assertThat(code(() -> TrustDirectory.builder().addKeyStore(file, password))).isEqualTo(CryptoErrorCode.TRUST_DIRECTORY_INVALID);
    assertThat(code(() -> TrustDirectory.builder().addKeyStore(file, "wrong".toCharArray()))).isEqualTo(CryptoErrorCode.TRUST_DIRECTORY_INVALID);

    Path withKey = dir.resolve("key.p12");
    fr.writePkcs12("FR-MOJ", withKey, password);
    assertThat(code(() -> TrustDirectory.builder().addKeyStore(withKey, password))).as("key entries")
        .isEqualTo(CryptoErrorCode.TRUST_DIRECTORY_INVALID);
    assertThat(code(() -> TrustDirectory.builder().limits(TrustLimits.defaults().withMaxKeyStoreBytes(100)).addKeyStore(file, password)))
        .isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
  }

  @Test
  void builderRejectsCallerMistakes() {
    var b = TrustDirectory.builder();
    assertThatThrownBy(() -> b.addAnchor(FR, fr.authority("FR-MOJ").signing().certificate())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.registerAuthority(new PartyId(FR, "X"), Set.of())).isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- limits (docs/LIMITS.md)

  @Test
  void maxCertificateFileBytes() throws Exception {
    assertThat(code(() -> load(TrustLimits.defaults().withMaxCertificateFileBytes(200)))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
  }

  @Test
  void maxCertificatesPerFile() throws Exception {
    Pem.writeCertificates(folder.resolve("FR/intermediates/two.pem"), List.of(fr.intermediate().certificate(), fr.root().certificate()));
    var limits = new TrustLimits(256 * 1024, 1, 16 << 20, 64 << 10, 1 << 20, 1000, 2000, 300, 16 << 20, 16, 32, 8);
    assertThat(code(() -> load(limits))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
  }

  @Test
  void maxCrlBytes() {
    assertThat(code(() -> load(TrustLimits.defaults().withMaxCrlBytes(100)))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
  }

  @Test
  void maxOcspResponseBytes() {
    assertThat(code(() -> load(TrustLimits.defaults().withMaxOcspResponseBytes(100)))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
  }

  @Test
  void maxAuthoritiesJsonBytes() {
    assertThat(code(() -> load(TrustLimits.defaults().withMaxAuthoritiesJsonBytes(20)))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
  }

  @Test
  void maxAuthoritiesPerJurisdiction() {
    var limits = new TrustLimits(256 * 1024, 64, 16 << 20, 64 << 10, 1 << 20, 1, 2000, 300, 16 << 20, 16, 32, 8);
    assertThat(code(() -> load(limits))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
  }

  @Test
  void maxFilesPerJurisdiction() {
    assertThat(code(() -> load(TrustLimits.defaults().withMaxFilesPerJurisdiction(5)))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
  }

  @Test
  void maxJurisdictions() {
    var limits = new TrustLimits(256 * 1024, 64, 16 << 20, 64 << 10, 1 << 20, 1000, 2000, 1, 16 << 20, 16, 32, 8);
    assertThat(code(() -> load(limits))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> TrustLimits.defaults().withMaxCrlBytes(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
