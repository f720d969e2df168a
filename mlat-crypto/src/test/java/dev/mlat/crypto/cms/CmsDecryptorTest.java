package dev.mlat.crypto.cms;

import static dev.mlat.crypto.cms.Pkis.DE;
import static dev.mlat.crypto.cms.Pkis.FR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CmsDecryptorTest {
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();
  private static final byte[] PLAINTEXT = CmsEncryptorTest.random(4096);

  private static TestCredential rsa() {
    return Pkis.encryption(PkiAlgorithm.RSA_3072);
  }

  private static TestCredential ec() {
    return Pkis.encryption(PkiAlgorithm.ECDSA_P256);
  }

  /** Sealed for the RSA recipient first, then for the EC recipient. */
  private static byte[] sealedForRsaAndEc() throws Exception {
    return CmsEncryptor.builder(POLICY)
        .recipient(EncryptionRecipient.of(DE, rsa().certificate()))
        .recipient(EncryptionRecipient.of(DE, ec().certificate()))
        .build().encrypt(PLAINTEXT);
  }

  private static CmsDecryptor decryptor(TestCredential... credentials) {
    return new CmsDecryptor(POLICY, Pkis.ring(credentials), CmsLimits.defaults());
  }

  private static void assertCode(ThrowingRunnable r, CryptoErrorCode code) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  enum Position { OWN_ENCRYPTED_KEY, OWN_RECIPIENT_SERIAL, CONTENT_ALGORITHM, NONCE, TAG_LENGTH, CIPHERTEXT, TAG }

  static Stream<Position> positions() {
    return Stream.of(Position.values());
  }

  @ParameterizedTest
  @MethodSource("positions")
  void tamperingWithAuthenticatedOrOwnBytesIsRejectedWithASpecificCode(Position position) throws Exception {
    byte[] sealed = sealedForRsaAndEc();
    var parser = new CMSAuthEnvelopedDataParser(sealed);
    byte[] nonce = GCMParameters.getInstance(ASN1Primitive.fromByteArray(parser.getEncAlgParams())).getNonce();
    var ktri = keyTransRecipientInfo(sealed);
    int index;
    CryptoErrorCode expected;
    switch (position) {
      case OWN_ENCRYPTED_KEY:
        index = Bytes.indexOf(sealed, ktri.getEncryptedKey().getOctets()) + 100;
        expected = CryptoErrorCode.CMS_AUTHENTICATION_FAILED;
        break;
      case OWN_RECIPIENT_SERIAL:
        index = Bytes.indexOf(sealed, rsa().certificate().getSerialNumber().toByteArray()) + 3;
        expected = CryptoErrorCode.CMS_NO_MATCHING_RECIPIENT;
        break;
      case CONTENT_ALGORITHM:
        // 2.16.840.1.101.3.4.1.46 (AES-256-GCM) becomes .47, an unknown OID.
        index = Bytes.indexOf(sealed, new byte[] {0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2e}) + 8;
        expected = CryptoErrorCode.ALGORITHM_UNKNOWN;
        break;
      case NONCE:
        index = Bytes.indexOf(sealed, nonce) + 5;
        expected = CryptoErrorCode.CMS_AUTHENTICATION_FAILED;
        break;
      case TAG_LENGTH:
        sealed = sealed.clone();
        index = Bytes.indexOf(sealed, nonce) + nonce.length + 2; // INTEGER 16 after the nonce
        sealed[index] = 0x0c ^ 0x01; // becomes 12 after the flip below
        expected = CryptoErrorCode.CMS_GCM_PARAMETERS_REFUSED;
        break;
      case CIPHERTEXT:
        index = Bytes.indexOf(sealed, mac(sealed)) - 2000;
        expected = CryptoErrorCode.CMS_AUTHENTICATION_FAILED;
        break;
      case TAG:
        index = Bytes.indexOf(sealed, mac(sealed)) + 7;
        expected = CryptoErrorCode.CMS_AUTHENTICATION_FAILED;
        break;
      default:
        throw new AssertionError(position);
    }
    byte[] tampered = Bytes.flip(sealed, index);
    assertCode(() -> decryptor(rsa()).decrypt(tampered, FR), expected);
  }

  @Test
  void anotherRecipientsRecipientInfoIsNotAuthenticatedAndDoesNotChangeTheResult() throws Exception {
    byte[] sealed = sealedForRsaAndEc();
    var ktri = keyTransRecipientInfo(sealed);
    byte[] tampered = Bytes.flip(sealed, Bytes.indexOf(sealed, ktri.getEncryptedKey().getOctets()) + 50);
    // The EC recipient's view: the RSA recipient's RecipientInfo changed, the result is identical.
    var original = decryptor(ec()).decrypt(sealed, FR);
    var altered = decryptor(ec()).decrypt(tampered, FR);
    assertThat(altered.content()).isEqualTo(original.content()).isEqualTo(PLAINTEXT);
    assertThat(altered.recipientCertificate()).isEqualTo(original.recipientCertificate());
  }

  @Test
  void noPlaintextFileExistsWhenTheTagFails(@TempDir Path dir) throws Exception {
    byte[] sealed = sealedForRsaAndEc();
    byte[] tampered = Bytes.flip(sealed, Bytes.indexOf(sealed, mac(sealed)));
    Path target = dir.resolve("plain.bin");
    assertThatThrownBy(() -> decryptor(ec()).decrypt(new ByteArrayInputStream(tampered), FR, target))
        .isInstanceOfSatisfying(MlatCryptoException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CMS_AUTHENTICATION_FAILED));
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void picksTheIdentityAMessageWasSealedToAmongSeveralAfterAKeyRotation() throws Exception {
    TestPki pki = Pkis.pki(PkiAlgorithm.ECDSA_P256);
    TestCredential previous = pki.authority("DE-BKA").encryption();
    TestCredential current = ec();
    KeyRing ring = Pkis.ring(current, previous);
    byte[] forPrevious = CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, previous.certificate())).build().encrypt(PLAINTEXT);
    byte[] forCurrent = CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, current.certificate())).build().encrypt(PLAINTEXT);
    var decryptor = new CmsDecryptor(POLICY, ring, CmsLimits.defaults());

    assertThat(decryptor.decrypt(forPrevious, FR).recipientCertificate()).isEqualTo(previous.certificate());
    assertThat(decryptor.decrypt(forCurrent, FR).recipientCertificate()).isEqualTo(current.certificate());
    assertCode(() -> decryptor(rsa()).decrypt(forCurrent, FR), CryptoErrorCode.CMS_NO_MATCHING_RECIPIENT);
  }

  @Test
  void refusesRsaPkcs1v15KeyTransportUnderTheDefaultPolicyAndReadsItUnderTheLegacyOne() throws Exception {
    byte[] sealed = bouncyCastleSealed(new JceKeyTransRecipientInfoGenerator(rsa().certificate()).setProvider(Providers.bouncyCastle()));
    assertCode(() -> decryptor(rsa()).decrypt(sealed, FR), CryptoErrorCode.ALGORITHM_REFUSED);
    var legacy = new CmsDecryptor(AlgorithmPolicy.legacyPolicy(), Pkis.ring(rsa()), CmsLimits.defaults());
    assertThat(legacy.decrypt(sealed, FR).content()).isEqualTo(PLAINTEXT);
  }

  @Test
  void refusesEcdhWithTheSha1KdfUnderTheDefaultPolicyAndReadsItUnderTheLegacyOne() throws Exception {
    var g = java.security.KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    var eph = g.generateKeyPair();
    byte[] sealed = bouncyCastleSealed(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA1KDF, eph.getPrivate(), eph.getPublic(),
        CMSAlgorithm.AES256_WRAP).addRecipient(ec().certificate()).setProvider(Providers.bouncyCastle()));
    assertCode(() -> decryptor(ec()).decrypt(sealed, FR), CryptoErrorCode.ALGORITHM_REFUSED);
    var legacy = new CmsDecryptor(AlgorithmPolicy.legacyPolicy(), Pkis.ring(ec()), CmsLimits.defaults());
    assertThat(legacy.decrypt(sealed, FR).content()).isEqualTo(PLAINTEXT);
  }

  @Test
  void refusesAuthenticatedAttributesOutsideTheProfile() throws Exception {
    var gen = new CMSAuthEnvelopedDataStreamGenerator();
    gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(rsa().certificate(), new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
        org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_RSAES_OAEP, new org.bouncycastle.asn1.pkcs.RSAESOAEPparams(
            new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256, org.bouncycastle.asn1.DERNull.INSTANCE),
            new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_mgf1,
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256, org.bouncycastle.asn1.DERNull.INSTANCE)),
            org.bouncycastle.asn1.pkcs.RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM))).setProvider(Providers.bouncyCastle()));
    gen.setAuthenticatedAttributeGenerator(params -> new org.bouncycastle.asn1.cms.AttributeTable(
        new org.bouncycastle.asn1.cms.Attribute(org.bouncycastle.asn1.cms.CMSAttributes.signingTime,
            new org.bouncycastle.asn1.DERSet(new org.bouncycastle.asn1.cms.Time(new java.util.Date())))));
    var out = new ByteArrayOutputStream();
    var encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
        .setProvider(Providers.bouncyCastle()).build();
    try (var os = gen.open(out, encryptor)) {
      os.write(PLAINTEXT);
    }
    byte[] sealed = out.toByteArray();
    assertThatThrownBy(() -> decryptor(rsa()).decrypt(sealed, FR)).isInstanceOfSatisfying(MlatCryptoException.class,
        e -> assertThat(e.errorCode()).as(e.getMessage() + " / " + e.getCause()).isEqualTo(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE));
  }

  @Test
  void refusesUnauthenticatedEnvelopedData() throws Exception {
    var gen = new CMSEnvelopedDataGenerator();
    gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(rsa().certificate()).setProvider(Providers.bouncyCastle()));
    byte[] sealed = gen.generate(new CMSProcessableByteArray(PLAINTEXT),
        new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider(Providers.bouncyCastle()).build()).getEncoded();
    assertCode(() -> decryptor(rsa()).decrypt(sealed, FR), CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void refusesGarbageAndTruncation() throws Exception {
    assertCode(() -> decryptor(rsa()).decrypt(new byte[] {1, 2, 3, 4, 5}, FR), CryptoErrorCode.CMS_MALFORMED);
    assertCode(() -> decryptor(rsa()).decrypt(new byte[0], FR), CryptoErrorCode.CMS_MALFORMED);
    byte[] sealed = sealedForRsaAndEc();
    byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 40);
    assertThatThrownBy(() -> decryptor(rsa()).decrypt(truncated, FR))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).as(e.getMessage())
            .isIn(CryptoErrorCode.CMS_MALFORMED, CryptoErrorCode.CMS_AUTHENTICATION_FAILED));
  }

  @Test
  void limitsHold() throws Exception {
    byte[] sealed = sealedForRsaAndEc();
    var ring = Pkis.ring(rsa());
    assertCode(() -> new CmsDecryptor(POLICY, ring, CmsLimits.defaults().withMaxMessageBytes(2000)).decrypt(sealed, FR),
        CryptoErrorCode.CMS_LIMIT_EXCEEDED);
    assertCode(() -> new CmsDecryptor(POLICY, ring, CmsLimits.defaults().withMaxContentBytes(4095)).decrypt(sealed, FR),
        CryptoErrorCode.CMS_LIMIT_EXCEEDED);
    assertThat(new CmsDecryptor(POLICY, ring, CmsLimits.defaults().withMaxContentBytes(4096)).decrypt(sealed, FR).length()).isEqualTo(4096);
    assertCode(() -> new CmsDecryptor(POLICY, ring, CmsLimits.defaults().withMaxRecipientInfos(1)).decrypt(sealed, FR),
        CryptoErrorCode.CMS_LIMIT_EXCEEDED);
  }

  @Test
  void deeplyNestedInputIsRejected() {
    // ContentInfo { authEnvelopedData, [0] { AuthEnvelopedData { version 0, recipientInfos SET { SEQUENCE { ... 200 deep } } } } }
    var out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x30, (byte) 0x80, 0x06, 0x0b, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01, 0x17,
        (byte) 0xa0, (byte) 0x80, 0x30, (byte) 0x80, 0x02, 0x01, 0x00, 0x31, (byte) 0x80});
    for (int i = 0; i < 200; i++) {
      out.writeBytes(new byte[] {0x30, (byte) 0x80});
    }
    for (int i = 0; i < 204; i++) {
      out.writeBytes(new byte[] {0, 0});
    }
    byte[] nested = out.toByteArray();
    assertThatThrownBy(() -> decryptor(rsa()).decrypt(nested, FR))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).as(e.getMessage())
            .isEqualTo(CryptoErrorCode.CMS_LIMIT_EXCEEDED));
  }

  @Test
  void messagesNeverContainKeyMaterialInErrors() throws Exception {
    byte[] sealed = sealedForRsaAndEc();
    byte[] tampered = Bytes.flip(sealed, Bytes.indexOf(sealed, mac(sealed)));
    try {
      decryptor(rsa()).decrypt(tampered, FR);
    } catch (MlatCryptoException e) {
      String encodedKey = java.util.HexFormat.of().formatHex(rsa().keyPair().getPrivate().getEncoded());
      assertThat(e.toString()).doesNotContain(encodedKey.substring(40, 80));
      assertThat(e.getMessage()).doesNotContain(new String(PLAINTEXT, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }

  private static byte[] mac(byte[] sealed) throws Exception {
    var info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(sealed));
    return AuthEnvelopedData.getInstance(info.getContent()).getMac().getOctets();
  }

  private static KeyTransRecipientInfo keyTransRecipientInfo(byte[] sealed) throws Exception {
    var info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(sealed));
    var aed = AuthEnvelopedData.getInstance(info.getContent());
    for (var ri : aed.getRecipientInfos()) {
      var info2 = org.bouncycastle.asn1.cms.RecipientInfo.getInstance(ri).getInfo();
      if (info2 instanceof KeyTransRecipientInfo) {
        return (KeyTransRecipientInfo) info2;
      }
    }
    throw new AssertionError("no KeyTransRecipientInfo");
  }

  private static byte[] bouncyCastleSealed(RecipientInfoGenerator rig) throws Exception {
    var gen = new CMSAuthEnvelopedDataStreamGenerator();
    gen.addRecipientInfoGenerator(rig);
    var out = new ByteArrayOutputStream();
    var encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
        .setProvider(Providers.bouncyCastle()).setSecureRandom(new SecureRandom()).build();
    try (var os = gen.open(out, encryptor)) {
      os.write(PLAINTEXT);
    }
    return out.toByteArray();
  }

  @Test
  void successiveMessagesForDifferentEcKeysOnOneThreadEachOpenWithTheirOwnKey() throws Exception {
    // the thread's key agreement and key-wrap cipher are reused: each message must still be
    // opened with its own recipient's key and KEK only
    var moj = ec();
    var bka = Pkis.pki(PkiAlgorithm.ECDSA_P256).authority("DE-BKA").encryption();
    byte[] forMoj = CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, moj.certificate())).build().encrypt(PLAINTEXT);
    byte[] other = CmsEncryptorTest.random(100);
    byte[] forBka = CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, bka.certificate())).build().encrypt(other);
    for (int round = 0; round < 3; round++) {
      assertThat(decryptor(moj).decrypt(forMoj, FR).content()).isEqualTo(PLAINTEXT);
      assertThat(decryptor(bka).decrypt(forBka, FR).content()).isEqualTo(other);
      assertCode(() -> decryptor(bka).decrypt(forMoj, FR), CryptoErrorCode.CMS_NO_MATCHING_RECIPIENT);
    }
  }
}
