package dev.mlat.crypto.cms;

import static dev.mlat.crypto.cms.Pkis.DE;
import static dev.mlat.crypto.cms.Pkis.FR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.KeyEstablishmentAlgorithm;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.testing.PkiAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CmsEncryptorTest {
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();
  private static final SecureRandom RANDOM = new SecureRandom();

  static Stream<Arguments> matrix() {
    var out = new ArrayList<Arguments>();
    for (var alg : PkiAlgorithm.values()) {
      for (int size : new int[] {0, 1, 65535, 65536, 65537}) {
        out.add(Arguments.of(alg, size));
      }
    }
    return out.stream();
  }

  static byte[] random(int size) {
    byte[] b = new byte[size];
    RANDOM.nextBytes(b);
    return b;
  }

  @ParameterizedTest(name = "{0}, {1} bytes")
  @MethodSource("matrix")
  void roundTripsEveryRecipientAlgorithmAndSize(PkiAlgorithm algorithm, int size) throws Exception {
    var recipient = Pkis.encryption(algorithm);
    byte[] plaintext = random(size);
    byte[] sealed = CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, recipient.certificate())).build().encrypt(plaintext);

    var opened = new CmsDecryptor(POLICY, Pkis.ring(recipient), CmsLimits.defaults()).decrypt(sealed, FR);

    assertThat(opened.content()).isEqualTo(plaintext);
    assertThat(opened.recipientCertificate()).isEqualTo(recipient.certificate());
    assertThat(opened.keyEstablishment()).isEqualTo(algorithm.encryptionAlgorithm());
  }

  static Stream<Arguments> moreRecipientKeys() throws Exception {
    return Stream.of(
        Arguments.of("EC P-384", Signers.ec("secp384r1"), org.bouncycastle.asn1.x509.KeyUsage.keyAgreement, KeyEstablishmentAlgorithm.ECDH_SHA384_KDF),
        Arguments.of("EC P-521", Signers.ec("secp521r1"), org.bouncycastle.asn1.x509.KeyUsage.keyAgreement, KeyEstablishmentAlgorithm.ECDH_SHA512_KDF),
        Arguments.of("ML-KEM-1024", java.security.KeyPairGenerator.getInstance("ML-KEM-1024", dev.mlat.crypto.internal.Providers.bouncyCastle())
            .generateKeyPair(), org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment, KeyEstablishmentAlgorithm.ML_KEM_1024),
        Arguments.of("ML-KEM-1024 and ECDH P-384", java.security.KeyPairGenerator.getInstance("MLKEM1024-ECDH-P384-SHA3-256",
            dev.mlat.crypto.internal.Providers.bouncyCastle()).generateKeyPair(), org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment,
            KeyEstablishmentAlgorithm.MLKEM1024_ECDH_P384_SHA3_256));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moreRecipientKeys")
  void roundTripsTheOtherCurvesAndKemSizes(String name, java.security.KeyPair keys, int keyUsage, KeyEstablishmentAlgorithm expected)
      throws Exception {
    var credential = Signers.issue(keys, keyUsage, "DE-MOJ encryption " + name);
    byte[] plaintext = random(70_000);
    var recipient = EncryptionRecipient.of(DE, credential.certificate());
    assertThat(recipient.algorithm()).isEqualTo(expected);
    byte[] sealed = CmsEncryptor.builder(POLICY).recipient(recipient).build().encrypt(plaintext);
    var opened = new CmsDecryptor(POLICY, Pkis.ring(credential), CmsLimits.defaults()).decrypt(sealed, FR);
    assertThat(opened.content()).isEqualTo(plaintext);
    assertThat(opened.keyEstablishment()).isEqualTo(expected);
  }

  @Test
  void usesAes256GcmWith128BitTagAnd96BitNonce() throws Exception {
    var recipient = Pkis.encryption(PkiAlgorithm.ECDSA_P256);
    byte[] sealed = CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, recipient.certificate())).build().encrypt(random(10));
    var parser = new CMSAuthEnvelopedDataParser(sealed);
    assertThat(parser.getEncAlgOID()).isEqualTo("2.16.840.1.101.3.4.1.46");
    var gcm = GCMParameters.getInstance(ASN1Primitive.fromByteArray(parser.getEncAlgParams()));
    assertThat(gcm.getIcvLen()).isEqualTo(16);
    assertThat(gcm.getNonce()).hasSize(12);
  }

  @Test
  void kemRecipientsUseHkdfSha256AndAes256KeyWrap() throws Exception {
    var recipient = Pkis.encryption(PkiAlgorithm.ML_DSA_65);
    byte[] sealed = CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, recipient.certificate())).build().encrypt(random(10));
    var info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(ASN1Primitive.fromByteArray(sealed));
    var aed = org.bouncycastle.asn1.cms.AuthEnvelopedData.getInstance(info.getContent());
    var ori = org.bouncycastle.asn1.cms.OtherRecipientInfo.getInstance(
        org.bouncycastle.asn1.cms.RecipientInfo.getInstance(aed.getRecipientInfos().getObjectAt(0)).getInfo());
    assertThat(ori.getType().getId()).isEqualTo("1.2.840.113549.1.9.16.13.3"); // id-ori-kem
    var kem = org.bouncycastle.asn1.cms.KEMRecipientInfo.getInstance(ori.getValue());
    assertThat(kem.getKem().getAlgorithm().getId()).isEqualTo(KeyEstablishmentAlgorithm.ML_KEM_768.oid());
    assertThat(kem.getKdf().getAlgorithm().getId()).isEqualTo("1.2.840.113549.1.9.16.3.28"); // id-alg-hkdf-with-sha256
    assertThat(kem.getWrap().getAlgorithm().getId()).isEqualTo(KeyEstablishmentAlgorithm.AES_256_WRAP.oid());
  }

  @Test
  void streamsSeveralMebibytesForSeveralRecipientsEachOfWhichCanOpen(@TempDir Path dir) throws Exception {
    var ec = Pkis.encryption(PkiAlgorithm.ECDSA_P256);
    var rsa = Pkis.encryption(PkiAlgorithm.RSA_3072);
    byte[] plaintext = random(3 * 1024 * 1024 + 17);
    var encryptor = CmsEncryptor.builder(POLICY)
        .recipient(EncryptionRecipient.of(DE, ec.certificate()))
        .recipient(EncryptionRecipient.of(DE, rsa.certificate()))
        .build();
    var out = new ByteArrayOutputStream();
    encryptor.encrypt(new ByteArrayInputStream(plaintext), out);

    for (var who : List.of(ec, rsa)) {
      Path target = dir.resolve("plain-" + who.certificate().getSerialNumber());
      var result = new CmsDecryptor(POLICY, Pkis.ring(who), CmsLimits.defaults())
          .decrypt(new ByteArrayInputStream(out.toByteArray()), FR, target);
      assertThat(result.size()).isEqualTo(plaintext.length);
      assertThat(Files.readAllBytes(target)).isEqualTo(plaintext);
    }
  }

  @Test
  void refusesClassicalRecipientBesidePostQuantumUnlessOptedIn() throws Exception {
    var mlkem = EncryptionRecipient.of(DE, Pkis.encryption(PkiAlgorithm.ML_DSA_65).certificate());
    var ecdh = EncryptionRecipient.of(DE, Pkis.encryption(PkiAlgorithm.ECDSA_P256).certificate());

    assertThatThrownBy(() -> CmsEncryptor.builder(POLICY).recipient(mlkem).recipient(ecdh).build())
        .isInstanceOfSatisfying(MlatCryptoException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CMS_CLASSICAL_BESIDE_POST_QUANTUM));

    var encryptor = CmsEncryptor.builder(POLICY).recipient(mlkem).recipient(ecdh).allowClassicalBesidePostQuantum().build();
    assertThat(encryptor.recipients()).hasSize(2);
    // Post-quantum only (ML-KEM beside a composite KEM) needs no opt-in.
    var composite = EncryptionRecipient.of(DE, Pkis.encryption(PkiAlgorithm.COMPOSITE_MLDSA65_ECDSA_P256).certificate());
    assertThat(CmsEncryptor.builder(POLICY).recipient(mlkem).recipient(composite).build().recipients()).hasSize(2);
  }

  @Test
  void refusesRecipientsThePolicyRefuses() throws Exception {
    var rsaCert = Pkis.encryption(PkiAlgorithm.RSA_3072).certificate();
    assertThatThrownBy(() -> CmsEncryptor.builder(POLICY).recipient(new EncryptionRecipient(DE, rsaCert, KeyEstablishmentAlgorithm.RSA_PKCS1_V15)))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED));
    var ecCert = Pkis.encryption(PkiAlgorithm.ECDSA_P256).certificate();
    assertThatThrownBy(() -> CmsEncryptor.builder(POLICY).recipient(new EncryptionRecipient(DE, ecCert, KeyEstablishmentAlgorithm.ECDH_SHA1_KDF)))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED));
    // The post-quantum policy refuses a classical recipient outright.
    assertThatThrownBy(() -> CmsEncryptor.builder(AlgorithmPolicy.postQuantumPolicy()).recipient(EncryptionRecipient.of(DE, ecCert)))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED));
  }

  @Test
  void refusesACertificateWhoseKeyUsageDoesNotFit() {
    var signingCert = Pkis.signing(PkiAlgorithm.ECDSA_P256).certificate();
    assertThatThrownBy(() -> CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, signingCert)))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_KEY_USAGE));
  }

  @Test
  void needsARecipient() {
    assertThatThrownBy(() -> CmsEncryptor.builder(POLICY).build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theEphemeralKeyIsAnUncompressedPointOnTheRecipientsNamedCurve() throws Exception {
    for (var curve : new String[][] {{"secp256r1", "65"}, {"secp384r1", "97"}, {"secp521r1", "133"}}) {
      var credential = Signers.issue(Signers.ec(curve[0]), org.bouncycastle.asn1.x509.KeyUsage.keyAgreement, "DE-MOJ encryption " + curve[0]);
      byte[] sealed = CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, credential.certificate())).build().encrypt(random(10));
      var info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(ASN1Primitive.fromByteArray(sealed));
      var aed = org.bouncycastle.asn1.cms.AuthEnvelopedData.getInstance(info.getContent());
      var kari = org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo.getInstance(
          org.bouncycastle.asn1.cms.RecipientInfo.getInstance(aed.getRecipientInfos().getObjectAt(0)).getInfo());
      var originator = org.bouncycastle.asn1.cms.OriginatorPublicKey.getInstance(kari.getOriginator().getOriginatorKey());
      assertThat(originator.getAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.840.10045.2.1");
      byte[] point = originator.getPublicKey().getOctets();
      assertThat(point).as(curve[0]).hasSize(Integer.parseInt(curve[1]));
      assertThat(point[0]).isEqualTo((byte) 4);
      // on the curve: BouncyCastle decodes (and validates) the point on the recipient's curve
      var spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec(curve[0]);
      assertThat(spec.getCurve().decodePoint(point).isValid()).isTrue();
      assertThat(new CmsDecryptor(POLICY, Pkis.ring(credential), CmsLimits.defaults()).decrypt(sealed, FR).content()).hasSize(10);
    }
  }

  @Test
  void curveParametersAreBuiltOncePerCurveAndOnlyForNamedCurves() throws Exception {
    assertThat(CmsEncryptor.curve("1.2.840.10045.3.1.7")).isSameAs(CmsEncryptor.curve("1.2.840.10045.3.1.7"));
    assertThat(CmsEncryptor.curve("1.3.132.0.34")).isNotSameAs(CmsEncryptor.curve("1.2.840.10045.3.1.7"));
    assertThatThrownBy(() -> CmsEncryptor.curve(null)).isInstanceOf(java.security.InvalidAlgorithmParameterException.class);
    assertThatThrownBy(() -> CmsEncryptor.curve("1.2.3.4.5")).isInstanceOf(java.security.InvalidAlgorithmParameterException.class);
  }

  @Test
  void encryptorsOnManyThreadsShareTheDefaultRandomSafely() throws Exception {
    var recipient = Pkis.encryption(PkiAlgorithm.ECDSA_P256);
    var decryptor = new CmsDecryptor(POLICY, Pkis.ring(recipient), CmsLimits.defaults());
    int threads = 4;
    int each = 15;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      var futures = new ArrayList<java.util.concurrent.Future<List<byte[]>>>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          var sealed = new ArrayList<byte[]>();
          for (int i = 0; i < each; i++) {
            sealed.add(CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, recipient.certificate())).build().encrypt(random(100)));
          }
          return sealed;
        }));
      }
      var nonces = new java.util.HashSet<String>();
      var ephemeralKeys = new java.util.HashSet<String>();
      for (var f : futures) {
        for (byte[] sealed : f.get()) {
          var parser = new CMSAuthEnvelopedDataParser(sealed);
          nonces.add(java.util.HexFormat.of().formatHex(GCMParameters.getInstance(ASN1Primitive.fromByteArray(parser.getEncAlgParams())).getNonce()));
          var aed = org.bouncycastle.asn1.cms.AuthEnvelopedData.getInstance(
              org.bouncycastle.asn1.cms.ContentInfo.getInstance(ASN1Primitive.fromByteArray(sealed)).getContent());
          var kari = org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo.getInstance(
              org.bouncycastle.asn1.cms.RecipientInfo.getInstance(aed.getRecipientInfos().getObjectAt(0)).getInfo());
          ephemeralKeys.add(java.util.HexFormat.of().formatHex(
              org.bouncycastle.asn1.cms.OriginatorPublicKey.getInstance(kari.getOriginator().getOriginatorKey()).getPublicKey().getOctets()));
          assertThat(decryptor.decrypt(sealed, FR).content()).hasSize(100);
        }
      }
      assertThat(nonces).hasSize(threads * each);
      assertThat(ephemeralKeys).hasSize(threads * each);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void ephemeralKeysAreFreshForEverySealAndOnTheRecipientsCurve() throws Exception {
    var random = new java.security.SecureRandom();
    var first = CmsEncryptor.EphemeralKeys.generate(dev.mlat.crypto.internal.AlgorithmIdentifiers.P256, random);
    var second = CmsEncryptor.EphemeralKeys.generate(dev.mlat.crypto.internal.AlgorithmIdentifiers.P256, random);
    assertThat(second.getPublic()).isNotEqualTo(first.getPublic());
    assertThat(dev.mlat.crypto.internal.AlgorithmIdentifiers.describe(second.getPublic()).curveOid())
        .isEqualTo(dev.mlat.crypto.internal.AlgorithmIdentifiers.P256);
    // another curve, then the first again: the thread's generator follows the curve asked for
    var other = CmsEncryptor.EphemeralKeys.generate(dev.mlat.crypto.internal.AlgorithmIdentifiers.P384, random);
    assertThat(dev.mlat.crypto.internal.AlgorithmIdentifiers.describe(other.getPublic()).curveOid())
        .isEqualTo(dev.mlat.crypto.internal.AlgorithmIdentifiers.P384);
    var again = CmsEncryptor.EphemeralKeys.generate(dev.mlat.crypto.internal.AlgorithmIdentifiers.P256, new java.security.SecureRandom());
    assertThat(dev.mlat.crypto.internal.AlgorithmIdentifiers.describe(again.getPublic()).curveOid())
        .isEqualTo(dev.mlat.crypto.internal.AlgorithmIdentifiers.P256);
    assertThatThrownBy(() -> CmsEncryptor.EphemeralKeys.generate(null, random))
        .isInstanceOf(java.security.InvalidAlgorithmParameterException.class);
  }
}
