package dev.mlat.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsDecryptor;
import dev.mlat.crypto.cms.CmsEncryptor;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.EncryptionRecipient;
import dev.mlat.crypto.internal.KeyAccess;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against a real SoftHSM2 token (see {@link SoftHsm}). */
public class Pkcs11TokenTest {
  private static final Jurisdiction DE = Jurisdiction.of("DE");
  private static TestPki ecPki;
  private static TestPki rsaPki;
  private static boolean imported;

  /** Imports the test identities once: aliases ec-encryption, ec-signing, rsa-encryption, rsa-signing. */
  public static synchronized Pkcs11Settings tokenWithIdentities() throws Exception {
    Pkcs11Settings settings = SoftHsm.token();
    if (!imported) {
      // Distinct jurisdictions: the two PKIs would otherwise share CA names, and the token builds chains by name.
      ecPki = TestPki.builder(DE).algorithm(PkiAlgorithm.ECDSA_P256).build();
      rsaPki = TestPki.builder(Jurisdiction.of("AT")).algorithm(PkiAlgorithm.RSA_3072).build();
      try (var token = Pkcs11Token.open(settings, SoftHsm.pin())) {
        var store = KeyStore.getInstance("PKCS11", token.provider());
        store.load(null, SoftHsm.pin());
        var entries = Map.of(
            "ec-encryption", ecPki.authorities().get(0).encryption(), "ec-signing", ecPki.authorities().get(0).signing(),
            "rsa-encryption", rsaPki.authorities().get(0).encryption(), "rsa-signing", rsaPki.authorities().get(0).signing());
        for (var e : entries.entrySet()) {
          store.setEntry(e.getKey(), new KeyStore.PrivateKeyEntry(e.getValue().keyPair().getPrivate(),
              e.getValue().chain().toArray(new Certificate[0])), null);
        }
      }
      imported = true;
    }
    return settings;
  }

  public static TestCredential ecSigning() {
    return ecPki.authorities().get(0).signing();
  }

  public static TestCredential rsaSigning() {
    return rsaPki.authorities().get(0).signing();
  }

  @Test
  void readsEveryIdentityAndKeysNeverLeaveTheToken() throws Exception {
    var settings = tokenWithIdentities();
    try (var token = Pkcs11Token.open(settings, SoftHsm.pin())) {
      var ring = token.keyRing();
      assertThat(ring.identities()).extracting(KeyIdentity::label)
          .contains("ec-encryption", "ec-signing", "rsa-encryption", "rsa-signing");
      for (var identity : ring.identities()) {
        assertThat(identity.source()).isEqualTo(KeySource.PKCS11);
        assertThat(KeyAccess.privateKey(identity).getEncoded()).as("sensitive, non-extractable key").isNull();
        assertThat(identity.toString()).doesNotContain("PrivateKey").contains(identity.label());
      }
    }
  }

  @Test
  void decryptsWithRawEcdhOnTheTokenAndTheKdfInSoftware() throws Exception {
    var settings = tokenWithIdentities();
    var cert = ecPki.authorities().get(0).encryption().certificate();
    byte[] plaintext = "evidence for the token".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] sealed = CmsEncryptor.builder(AlgorithmPolicy.defaultPolicy()).recipient(EncryptionRecipient.of(DE, cert)).build().encrypt(plaintext);
    try (var token = Pkcs11Token.open(settings, SoftHsm.pin())) {
      var opened = new CmsDecryptor(AlgorithmPolicy.defaultPolicy(), token.keyRing(), CmsLimits.defaults()).decrypt(sealed, DE);
      assertThat(opened.content()).isEqualTo(plaintext);
      assertThat(opened.recipientCertificate()).isEqualTo(cert);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = dev.mlat.crypto.SignatureAlgorithm.class,
      names = {"ECDSA_SHA256", "RSA_PKCS1_SHA256", "RSA_PSS_SHA256", "RSA_PSS_SHA512"})
  void signsOnTheToken(dev.mlat.crypto.SignatureAlgorithm algorithm) throws Exception {
    var settings = tokenWithIdentities();
    boolean ec = algorithm == dev.mlat.crypto.SignatureAlgorithm.ECDSA_SHA256;
    var pki = ec ? ecPki : rsaPki;
    var clock = java.time.Clock.systemUTC();
    byte[] content = "signed on the HSM".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (var token = Pkcs11Token.open(settings, SoftHsm.pin())) {
      var identity = token.keyRing().identities().stream()
          .filter(i -> i.label().equals(ec ? "ec-signing" : "rsa-signing")).findFirst().orElseThrow();
      byte[] signed = dev.mlat.crypto.cms.CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), clock)
          .signer(DE, identity, algorithm).build().sign(content, dev.mlat.crypto.cms.Encapsulation.ENCAPSULATED);
      dev.mlat.crypto.cms.SignerTrust anchor = (signer, intermediates, expected, at) -> {
        if (!intermediates.contains(pki.intermediate().certificate())) {
          throw new MlatCryptoException(CryptoErrorCode.CERTIFICATE_UNTRUSTED, "intermediate missing");
        }
        try {
          signer.verify(pki.intermediate().certificate().getPublicKey());
        } catch (java.security.GeneralSecurityException e) {
          throw new MlatCryptoException(CryptoErrorCode.CERTIFICATE_UNTRUSTED, "not issued by the test CA");
        }
        return dev.mlat.crypto.cms.AnchorTrust.report(signer, java.util.List.of(signer, pki.intermediate().certificate()), expected, at);
      };
      var verified = new dev.mlat.crypto.cms.CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), anchor, clock, CmsLimits.defaults())
          .verify(signed, dev.mlat.crypto.cms.SignatureExpectation.oneSigner(DE));
      assertThat(verified.content()).isEqualTo(content);
      assertThat(verified.signers()).singleElement().satisfies(s -> assertThat(s.algorithm()).isEqualTo(algorithm));
    }
  }

  @Test
  void refusesRsaDecryptionOnTheTokenRatherThanFallingBackToPkcs1v15() throws Exception {
    var settings = tokenWithIdentities();
    var cert = rsaPki.authorities().get(0).encryption().certificate();
    byte[] sealed = CmsEncryptor.builder(AlgorithmPolicy.defaultPolicy()).recipient(EncryptionRecipient.of(DE, cert)).build().encrypt(new byte[10]);
    try (var token = Pkcs11Token.open(settings, SoftHsm.pin())) {
      var decryptor = new CmsDecryptor(AlgorithmPolicy.defaultPolicy(), token.keyRing(), CmsLimits.defaults());
      assertThatThrownBy(() -> decryptor.decrypt(sealed, DE)).isInstanceOfSatisfying(MlatCryptoException.class,
          e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.KEY_OPERATION_UNSUPPORTED));
    }
  }

  @Test
  void wipesThePinAndNamesAMissingModule() throws Exception {
    var settings = tokenWithIdentities();
    char[] pin = SoftHsm.pin();
    try (var token = Pkcs11Token.open(settings, pin)) {
      assertThat(token.keyRing().identities()).isNotEmpty();
    }
    assertThat(pin).containsOnly('\0');

    var missing = Pkcs11Settings.slot("missing", Path.of("/nonexistent/libpkcs11.so"), 0);
    char[] pin2 = SoftHsm.pin();
    assertThatThrownBy(() -> Pkcs11Token.open(missing, pin2)).isInstanceOfSatisfying(MlatCryptoException.class,
        e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.HSM_UNAVAILABLE));
    assertThat(pin2).containsOnly('\0');
  }

  @Test
  void aWrongPinFailsLoginWithoutRevealingIt() throws Exception {
    var settings = tokenWithIdentities();
    char[] wrong = "99999999".toCharArray();
    var other = Pkcs11Settings.slot("mlat-softhsm-wrong", settings.library(), settings.slotId());
    assertThatThrownBy(() -> Pkcs11Token.open(other, wrong)).isInstanceOfSatisfying(MlatCryptoException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.HSM_LOGIN_FAILED);
      assertThat(e.getMessage()).doesNotContain("99999999");
    });
    assertThat(wrong).containsOnly('\0');
    assertThat(Arrays.toString(wrong)).doesNotContain("9");
  }
}
