package dev.mlat.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.internal.Providers;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlgorithmPolicyTest {
  private static final Jurisdiction FR = Jurisdiction.of("FR");
  private static final Jurisdiction XK = Jurisdiction.of("XK");
  private static KeyPair p256;
  private static KeyPair rsa2048;
  private static KeyPair rsa3072;
  private static KeyPair mlDsa65;
  private static KeyPair mlKem768;
  private static KeyPair compositeSig;
  private static KeyPair compositeKem;

  @BeforeAll
  static void keys() throws Exception {
    var ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    p256 = ec.generateKeyPair();
    var rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    rsa2048 = rsa.generateKeyPair();
    rsa.initialize(3072);
    rsa3072 = rsa.generateKeyPair();
    mlDsa65 = KeyPairGenerator.getInstance("ML-DSA-65", Providers.bouncyCastle()).generateKeyPair();
    mlKem768 = KeyPairGenerator.getInstance("ML-KEM-768", Providers.bouncyCastle()).generateKeyPair();
    compositeSig = KeyPairGenerator.getInstance("MLDSA65-ECDSA-P256-SHA512", Providers.bouncyCastle()).generateKeyPair();
    compositeKem = KeyPairGenerator.getInstance("MLKEM768-ECDH-P256-SHA3-256", Providers.bouncyCastle()).generateKeyPair();
  }

  private static CryptoErrorCode code(ThrowingRunnable r) {
    try {
      r.run();
    } catch (MlatCryptoException e) {
      return e.errorCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a refusal");
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void defaultPolicyAcceptsTheModernAlgorithms() throws Exception {
    var p = AlgorithmPolicy.defaultPolicy();
    assertThat(p.checkSignature(FR, SignatureAlgorithm.ECDSA_SHA256, p256.getPublic())).isEqualTo(SignatureAlgorithm.ECDSA_SHA256);
    p.checkSignature(FR, SignatureAlgorithm.RSA_PSS_SHA256, rsa3072.getPublic());
    p.checkSignature(FR, SignatureAlgorithm.ML_DSA_65, mlDsa65.getPublic());
    p.checkSignature(FR, SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512, compositeSig.getPublic());
    p.checkKeyEstablishment(FR, KeyEstablishmentAlgorithm.ML_KEM_768, mlKem768.getPublic());
    p.checkKeyEstablishment(FR, KeyEstablishmentAlgorithm.MLKEM768_ECDH_P256_SHA3_256, compositeKem.getPublic());
    p.checkKeyEstablishment(FR, KeyEstablishmentAlgorithm.ECDH_SHA256_KDF, p256.getPublic());
    p.checkKeyEstablishment(FR, KeyEstablishmentAlgorithm.RSA_OAEP_SHA256, rsa3072.getPublic());
    p.checkKeyEstablishment(FR, KeyEstablishmentAlgorithm.AES_256_WRAP, null);
    assertThat(p.checkDigest(NISTObjectIdentifiers.id_sha256.getId())).isEqualTo(DigestAlgorithm.SHA256);
    assertThat(p.checkContentEncryption("2.16.840.1.101.3.4.1.46")).isEqualTo(ContentEncryptionAlgorithm.AES_256_GCM);
  }

  @Test
  void refusesSha1Md5DsaAndPkcs1KeyTransportWithSpecificCodes() {
    var p = AlgorithmPolicy.defaultPolicy();
    assertThat(code(() -> p.checkSignature(FR, SignatureAlgorithm.ECDSA_SHA1, p256.getPublic()))).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
    assertThat(code(() -> p.checkSignature(FR, "1.2.840.113549.1.1.5", null, rsa3072.getPublic()))).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
    assertThat(code(() -> p.checkSignature(FR, "1.2.840.113549.1.1.4", null, rsa3072.getPublic()))).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
    assertThat(code(() -> p.checkDigest(DigestAlgorithm.SHA1))).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
    assertThat(code(() -> p.checkDigest("1.2.840.113549.2.5"))).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
    assertThat(code(() -> p.checkKeyEstablishment(FR, "1.2.840.113549.1.1.1", null, rsa3072.getPublic())))
        .isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
    assertThat(code(() -> p.checkContentEncryption(ContentEncryptionAlgorithm.AES_256_CBC))).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
    assertThat(code(() -> p.checkSignature(FR, "1.2.3.4", null, p256.getPublic()))).isEqualTo(CryptoErrorCode.ALGORITHM_UNKNOWN);
    assertThat(code(() -> p.checkDigest("1.2.3.4"))).isEqualTo(CryptoErrorCode.ALGORITHM_UNKNOWN);
  }

  @Test
  void dsaKeysAreRefused() throws Exception {
    var dsa = KeyPairGenerator.getInstance("DSA");
    dsa.initialize(2048);
    var key = dsa.generateKeyPair().getPublic();
    assertThat(code(() -> AlgorithmPolicy.legacyPolicy().checkPublicKey(FR, key))).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void forbiddenAlgorithmsCannotBeAllowed() {
    var b = AlgorithmPolicy.builder("x");
    assertThatThrownBy(() -> b.allowSignatures(SignatureAlgorithm.RSA_PKCS1_MD5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.allowSignature(FR, SignatureAlgorithm.DSA_SHA256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.allowDigests(DigestAlgorithm.MD5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.minimumRsaBits(1024)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
    assertThatThrownBy(() -> b.minimumRsaBits(FR, 2047)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rsa2048IsRefusedByDefaultAndAcceptedForAConfiguredJurisdictionOnly() throws Exception {
    var p = AlgorithmPolicy.defaultPolicy();
    var e = org.junit.jupiter.api.Assertions.assertThrows(AlgorithmRefusedException.class,
        () -> p.checkSignature(XK, SignatureAlgorithm.RSA_PKCS1_SHA256, rsa2048.getPublic()));
    assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.KEY_TOO_SMALL);
    assertThat(e.jurisdiction()).contains(XK);
    assertThat(e.getMessage()).contains("2048").contains("3072").contains("default");

    var overridden = p.withMinimumRsaBits(XK, 2048);
    overridden.checkSignature(XK, SignatureAlgorithm.RSA_PKCS1_SHA256, rsa2048.getPublic());
    overridden.checkKeyEstablishment(XK, KeyEstablishmentAlgorithm.RSA_OAEP_SHA256, rsa2048.getPublic());
    assertThat(code(() -> overridden.checkSignature(FR, SignatureAlgorithm.RSA_PKCS1_SHA256, rsa2048.getPublic())))
        .isEqualTo(CryptoErrorCode.KEY_TOO_SMALL);
    assertThat(overridden.minimumRsaBits(XK)).isEqualTo(2048);
    assertThat(overridden.minimumRsaBits(FR)).isEqualTo(3072);
    assertThat(p.minimumRsaBits(XK)).as("the preset is unchanged").isEqualTo(3072);
  }

  @Test
  void rsa1024IsRefusedEvenByTheLegacyPolicy() throws Exception {
    var rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    var key = rsa.generateKeyPair().getPublic();
    assertThat(code(() -> AlgorithmPolicy.legacyPolicy().checkSignature(FR, SignatureAlgorithm.RSA_PKCS1_SHA256, key)))
        .isEqualTo(CryptoErrorCode.KEY_TOO_SMALL);
  }

  @Test
  void keyMustFitTheAlgorithmAndCurve() throws Exception {
    var p = AlgorithmPolicy.defaultPolicy();
    assertThat(code(() -> p.checkSignature(FR, SignatureAlgorithm.ECDSA_SHA256, rsa3072.getPublic()))).isEqualTo(CryptoErrorCode.KEY_REFUSED);
    assertThat(code(() -> p.checkSignature(FR, SignatureAlgorithm.ML_DSA_87, mlDsa65.getPublic()))).isEqualTo(CryptoErrorCode.KEY_REFUSED);
    assertThat(code(() -> p.checkKeyEstablishment(FR, KeyEstablishmentAlgorithm.ML_KEM_768, compositeKem.getPublic())))
        .isEqualTo(CryptoErrorCode.KEY_REFUSED);
    var bp = KeyPairGenerator.getInstance("EC", Providers.bouncyCastle());
    bp.initialize(new ECGenParameterSpec("brainpoolP256r1"));
    var brainpool = bp.generateKeyPair().getPublic();
    assertThat(code(() -> p.checkSignature(FR, SignatureAlgorithm.ECDSA_SHA256, brainpool))).isEqualTo(CryptoErrorCode.KEY_REFUSED);
  }

  @Test
  void postQuantumPolicyRefusesClassicalAlgorithms() throws Exception {
    var p = AlgorithmPolicy.postQuantumPolicy();
    p.checkSignature(FR, SignatureAlgorithm.ML_DSA_65, mlDsa65.getPublic());
    assertThat(code(() -> p.checkSignature(FR, SignatureAlgorithm.ECDSA_SHA256, p256.getPublic()))).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
    assertThat(code(() -> p.checkKeyEstablishment(FR, KeyEstablishmentAlgorithm.ECDH_SHA256_KDF, p256.getPublic())))
        .isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
    assertThat(code(() -> p.checkPublicKey(FR, p256.getPublic()))).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void perJurisdictionSignatureOverride() throws Exception {
    var p = AlgorithmPolicy.defaultPolicy().withSignatureAllowed(XK, SignatureAlgorithm.ECDSA_SHA1);
    p.checkSignature(XK, SignatureAlgorithm.ECDSA_SHA1, p256.getPublic());
    assertThat(code(() -> p.checkSignature(FR, SignatureAlgorithm.ECDSA_SHA1, p256.getPublic()))).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void pssAndOaepParametersAreMapped() throws Exception {
    var sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
    var mgf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha256);
    byte[] pss = new RSASSAPSSparams(sha256, mgf, new ASN1Integer(32), new ASN1Integer(1)).getEncoded();
    assertThat(SignatureAlgorithm.fromOid("1.2.840.113549.1.1.10", pss)).contains(SignatureAlgorithm.RSA_PSS_SHA256);
    assertThat(SignatureAlgorithm.fromOid("1.2.840.113549.1.1.10", null)).as("PSS defaults are SHA-1").isEmpty();
    byte[] oaep = new RSAESOAEPparams(sha256, mgf, RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM).getEncoded();
    assertThat(KeyEstablishmentAlgorithm.fromOid("1.2.840.113549.1.1.7", oaep)).contains(KeyEstablishmentAlgorithm.RSA_OAEP_SHA256);
    assertThat(KeyEstablishmentAlgorithm.fromOid("1.2.840.113549.1.1.7", null)).contains(KeyEstablishmentAlgorithm.RSA_OAEP_SHA1);
    assertThat(code(() -> AlgorithmPolicy.defaultPolicy().checkKeyEstablishment(FR, "1.2.840.113549.1.1.7", null, rsa3072.getPublic())))
        .isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
    assertThat(SignatureAlgorithm.fromOid("1.2.840.10045.4.3.2", new byte[] {5, 0})).contains(SignatureAlgorithm.ECDSA_SHA256);
    assertThat(SignatureAlgorithm.fromOid("1.2.840.10045.4.3.2", new byte[] {4, 1, 0})).isEmpty();
    // unused JCA specs referenced so readers see the correspondence
    assertThat(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1).getSaltLength()).isEqualTo(32);
    assertThat(new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT).getDigestAlgorithm()).isEqualTo("SHA-256");
  }

  @Test
  void everyEnumOidRoundTrips() {
    for (var s : SignatureAlgorithm.values()) {
      if (!s.name().startsWith("RSA_PSS")) {
        assertThat(SignatureAlgorithm.fromOid(s.oid(), null)).as(s.name()).contains(s);
      }
    }
    for (var k : KeyEstablishmentAlgorithm.values()) {
      if (!k.name().startsWith("RSA_OAEP")) {
        assertThat(KeyEstablishmentAlgorithm.fromOid(k.oid(), null)).as(k.name()).contains(k);
      }
    }
    for (var d : DigestAlgorithm.values()) {
      assertThat(DigestAlgorithm.fromOid(d.oid())).contains(d);
    }
  }
}
