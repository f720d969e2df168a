package dev.mlat.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.internal.KeyAccess;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Pkcs12KeyStoreTest {
  private static final String PASSWORD = "correct horse battery staple";

  @ParameterizedTest
  @EnumSource(PkiAlgorithm.class)
  void loadsEveryIdentityOfEveryAlgorithmFamilyAndWipesThePassword(PkiAlgorithm algorithm, @TempDir Path dir) throws Exception {
    var pki = TestPki.builder(Jurisdiction.of("FR")).algorithm(algorithm).build();
    Path file = dir.resolve("fr-moj.p12");
    pki.writePkcs12("FR-MOJ", file, PASSWORD.toCharArray());
    char[] password = PASSWORD.toCharArray();

    KeyRing ring = Pkcs12KeyStore.load(file, password);

    assertThat(password).containsOnly('\0');
    assertThat(ring.identities()).extracting(KeyIdentity::label).containsExactlyInAnyOrder("signing", "encryption", "tls");
    var signing = pki.authority("FR-MOJ").signing();
    var identity = ring.require(signing.certificate());
    assertThat(identity.source()).isEqualTo(KeySource.PKCS12);
    assertThat(identity.chain()).startsWith(signing.certificate());
    assertThat(ring.byIssuerAndSerial(identity.issuer(), identity.serialNumber())).contains(identity);
    assertThat(ring.bySubjectKeyIdentifier(identity.subjectKeyIdentifier().orElseThrow())).contains(identity);
    var signer = java.security.Signature.getInstance(algorithm.signatureAlgorithm().jcaName(), dev.mlat.crypto.internal.Providers.bouncyCastle());
    signer.initSign(KeyAccess.privateKey(identity));
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    var verifier = java.security.Signature.getInstance(algorithm.signatureAlgorithm().jcaName(), dev.mlat.crypto.internal.Providers.bouncyCastle());
    verifier.initVerify(signing.certificate().getPublicKey());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).as("the loaded key is the certificate's").isTrue();
  }

  @Test
  void secretsNeverAppearInToStringOrErrors(@TempDir Path dir) throws Exception {
    var pki = TestPki.builder(Jurisdiction.of("FR")).build();
    Path file = dir.resolve("fr.p12");
    pki.writePkcs12("FR-MOJ", file, PASSWORD.toCharArray());
    var ring = Pkcs12KeyStore.load(file, PASSWORD.toCharArray());
    for (var identity : ring.identities()) {
      String key = HexFormat.of().formatHex(KeyAccess.privateKey(identity).getEncoded());
      String text = identity + " " + ring;
      assertThat(text).doesNotContain(key.substring(key.length() - 40)).doesNotContain(PASSWORD);
      assertThat(text).doesNotContainIgnoringCase("private");
    }
    assertThatThrownBy(() -> Pkcs12KeyStore.load(file, "wrong password".toCharArray()))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.KEYSTORE_WRONG_PASSWORD);
          assertThat(e.getMessage()).doesNotContain(PASSWORD);
        });
  }

  @Test
  void refusesGarbageOversizeAndEmptyStores(@TempDir Path dir) throws Exception {
    Path garbage = dir.resolve("garbage.p12");
    Files.write(garbage, new byte[] {0x30, 0x03, 0x02, 0x01, 0x03});
    assertCode(() -> Pkcs12KeyStore.load(garbage, "x".toCharArray()), CryptoErrorCode.KEYSTORE_INVALID);
    assertCode(() -> Pkcs12KeyStore.load(dir.resolve("absent.p12"), "x".toCharArray()), CryptoErrorCode.KEYSTORE_INVALID);

    var pki = TestPki.builder(Jurisdiction.of("FR")).build();
    Path file = dir.resolve("fr.p12");
    pki.writePkcs12("FR-MOJ", file, PASSWORD.toCharArray());
    long size = Files.size(file);
    assertCode(() -> Pkcs12KeyStore.load(file, PASSWORD.toCharArray(), size - 1, 64), CryptoErrorCode.KEYSTORE_LIMIT_EXCEEDED);
    assertThat(Pkcs12KeyStore.load(file, PASSWORD.toCharArray(), size, 64).identities()).hasSize(3);
    assertCode(() -> Pkcs12KeyStore.load(file, PASSWORD.toCharArray(), size, 2), CryptoErrorCode.KEYSTORE_LIMIT_EXCEEDED);
  }

  @Test
  void aKeyRingCombinesStoresAndSaysWhatIsMissing(@TempDir Path dir) throws Exception {
    var pki = TestPki.builder(Jurisdiction.of("FR")).authority("FR-MOJ").authority("FR-PNF").build();
    pki.writePkcs12("FR-MOJ", dir.resolve("a.p12"), PASSWORD.toCharArray());
    pki.writePkcs12("FR-PNF", dir.resolve("b.p12"), PASSWORD.toCharArray());
    var ring = Pkcs12KeyStore.load(dir.resolve("a.p12"), PASSWORD.toCharArray())
        .plus(Pkcs12KeyStore.load(dir.resolve("b.p12"), PASSWORD.toCharArray()));
    assertThat(ring.identities()).hasSize(6);
    assertThat(ring.require(pki.authority("FR-PNF").encryption().certificate()).label()).isEqualTo("encryption");
    assertCode(() -> KeyRing.of().require(pki.authority("FR-PNF").encryption().certificate()), CryptoErrorCode.IDENTITY_NOT_FOUND);
  }

  interface Call {
    void run() throws Exception;
  }

  private static void assertCode(Call call, CryptoErrorCode code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
  }
}
