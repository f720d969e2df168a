package dev.mlat.crypto.cms;

import static dev.mlat.crypto.cms.Pkis.DE;
import static dev.mlat.crypto.cms.Pkis.FR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestCredential;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interoperability with the OpenSSL 3 command line, as docs/CMS.md tells a partner to use it.
 * Ed25519, ML-DSA, ML-KEM and the composites are not here: OpenSSL 3.0 cannot sign or verify
 * Ed25519 in CMS ("no default digest" / "invalid digest") and has no post-quantum algorithms.
 */
class CmsOpenSslInteropTest {
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();

  @TempDir
  Path dir;

  private Path write(TestCredential credential) throws Exception {
    credential.writeCertificatePem(dir.resolve("cert.pem"));
    credential.writePrivateKeyPem(dir.resolve("key.pem"));
    return dir;
  }

  private static List<String> profileKeyOptions(PkiAlgorithm algorithm) {
    return algorithm == PkiAlgorithm.RSA_3072
        ? List.of("-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256")
        : List.of("-keyopt", "ecdh_kdf_md:sha256");
  }

  @ParameterizedTest
  @EnumSource(value = PkiAlgorithm.class, names = {"RSA_3072", "ECDSA_P256"})
  void openSslDecryptsWhatWeEncrypt(PkiAlgorithm algorithm) throws Exception {
    var credential = Pkis.encryption(algorithm);
    write(credential);
    byte[] plaintext = CmsEncryptorTest.random(100_000);
    byte[] sealed = CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, credential.certificate())).build().encrypt(plaintext);
    Files.write(dir.resolve("sealed.der"), sealed);

    OpenSsl.ok(dir, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", "sealed.der", "-recip", "cert.pem", "-inkey", "key.pem",
        "-out", "plain.bin");

    assertThat(Files.readAllBytes(dir.resolve("plain.bin"))).isEqualTo(plaintext);
  }

  @ParameterizedTest
  @EnumSource(value = PkiAlgorithm.class, names = {"RSA_3072", "ECDSA_P256"})
  void weDecryptWhatOpenSslEncryptsWithTheProfileOptions(PkiAlgorithm algorithm) throws Exception {
    var credential = Pkis.encryption(algorithm);
    write(credential);
    byte[] plaintext = CmsEncryptorTest.random(70_000);
    Files.write(dir.resolve("plain.bin"), plaintext);
    var args = new ArrayList<>(List.of("cms", "-encrypt", "-aes-256-gcm", "-binary", "-in", "plain.bin", "-outform", "DER",
        "-out", "sealed.der", "-recip", "cert.pem"));
    args.addAll(profileKeyOptions(algorithm));
    OpenSsl.ok(dir, args.toArray(new String[0]));

    var opened = new CmsDecryptor(POLICY, Pkis.ring(credential), CmsLimits.defaults()).decrypt(Files.readAllBytes(dir.resolve("sealed.der")), FR);

    assertThat(opened.content()).isEqualTo(plaintext);
    assertThat(opened.keyEstablishment()).isEqualTo(algorithm.encryptionAlgorithm());
  }

  @ParameterizedTest
  @EnumSource(value = PkiAlgorithm.class, names = {"RSA_3072", "ECDSA_P256"})
  void theDefaultPolicyRefusesOpenSslsDefaults(PkiAlgorithm algorithm) throws Exception {
    var credential = Pkis.encryption(algorithm);
    write(credential);
    Files.write(dir.resolve("plain.bin"), new byte[] {1, 2, 3});
    OpenSsl.ok(dir, "cms", "-encrypt", "-aes-256-gcm", "-binary", "-in", "plain.bin", "-outform", "DER", "-out", "sealed.der",
        "-recip", "cert.pem");
    byte[] sealed = Files.readAllBytes(dir.resolve("sealed.der"));

    assertThatThrownBy(() -> new CmsDecryptor(POLICY, Pkis.ring(credential), CmsLimits.defaults()).decrypt(sealed, FR))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
          assertThat(e.getMessage()).contains(algorithm == PkiAlgorithm.RSA_3072 ? "RSA_PKCS1_V15" : "ECDH_SHA1_KDF");
        });
  }

  @ParameterizedTest
  @EnumSource(value = SignatureAlgorithm.class, names = {"ECDSA_SHA256", "ECDSA_SHA384", "ECDSA_SHA512", "RSA_PKCS1_SHA256", "RSA_PSS_SHA256"})
  void openSslVerifiesWhatWeSignEncapsulatedAndDetached(SignatureAlgorithm algorithm) throws Exception {
    Signers.pki().root().writeCertificatePem(dir.resolve("root.pem"));
    byte[] content = CmsEncryptorTest.random(50_000);
    Files.write(dir.resolve("content.bin"), content);
    var signer = CmsSignerTest.signer(algorithm);
    Files.write(dir.resolve("encapsulated.der"), signer.sign(content, Encapsulation.ENCAPSULATED));
    Files.write(dir.resolve("detached.der"), signer.sign(content, Encapsulation.DETACHED));

    OpenSsl.ok(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "encapsulated.der", "-CAfile", "root.pem", "-out", "out.bin");
    assertThat(Files.readAllBytes(dir.resolve("out.bin"))).isEqualTo(content);
    OpenSsl.ok(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "detached.der", "-content", "content.bin",
        "-CAfile", "root.pem", "-out", "/dev/null");
  }

  @ParameterizedTest
  @EnumSource(value = SignatureAlgorithm.class, names = {"ECDSA_SHA256", "ECDSA_SHA384", "RSA_PKCS1_SHA256"})
  void weVerifyWhatOpenSslSignsWithTheCadesOptions(SignatureAlgorithm algorithm) throws Exception {
    var credential = Signers.credential(algorithm);
    write(credential);
    Signers.pki().intermediate().writeCertificatePem(dir.resolve("intermediate.pem"));
    byte[] content = CmsEncryptorTest.random(30_000);
    Files.write(dir.resolve("content.bin"), content);
    var common = List.of("cms", "-sign", "-cades", "-nosmimecap", "-md", "sha256", "-binary", "-in", "content.bin",
        "-signer", "cert.pem", "-inkey", "key.pem", "-certfile", "intermediate.pem", "-outform", "DER");
    var encapsulated = new ArrayList<>(common);
    encapsulated.addAll(List.of("-nodetach", "-out", "encapsulated.der"));
    OpenSsl.ok(dir, encapsulated.toArray(new String[0]));
    var detached = new ArrayList<>(common);
    detached.addAll(List.of("-out", "detached.der"));
    OpenSsl.ok(dir, detached.toArray(new String[0]));

    var verifier = CmsSignerTest.verifier();
    var verified = verifier.verify(Files.readAllBytes(dir.resolve("encapsulated.der")), SignatureExpectation.oneSigner(DE));
    assertThat(verified.content()).isEqualTo(content);
    assertThat(verified.signers()).singleElement().satisfies(s -> assertThat(s.certificate()).isEqualTo(credential.certificate()));
    var detachedResult = verifier.verifyDetached(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("detached.der"))),
        new ByteArrayInputStream(content), SignatureExpectation.oneSigner(DE));
    assertThat(detachedResult.contentLength()).isEqualTo(content.length);
  }

  @ParameterizedTest
  @EnumSource(value = SignatureAlgorithm.class, names = {"ECDSA_SHA256"})
  void openSslsDefaultSignatureIsRefusedAsUnexpectedAttributes(SignatureAlgorithm algorithm) throws Exception {
    var credential = Signers.credential(algorithm);
    write(credential);
    Signers.pki().intermediate().writeCertificatePem(dir.resolve("intermediate.pem"));
    Files.write(dir.resolve("content.bin"), new byte[] {42});
    OpenSsl.ok(dir, "cms", "-sign", "-binary", "-nodetach", "-in", "content.bin", "-signer", "cert.pem", "-inkey", "key.pem",
        "-certfile", "intermediate.pem", "-outform", "DER", "-out", "signed.der");
    byte[] signed = Files.readAllBytes(dir.resolve("signed.der"));
    assertThatThrownBy(() -> CmsSignerTest.verifier().verify(signed, SignatureExpectation.oneSigner(DE)))
        .isInstanceOfSatisfying(MlatCryptoException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE));
  }
}
