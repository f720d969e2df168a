package dev.mlat.crypto.attack;

import static dev.mlat.crypto.attack.AttackFixture.AT;
import static dev.mlat.crypto.attack.AttackFixture.CLOCK;
import static dev.mlat.crypto.attack.AttackFixture.DE;
import static dev.mlat.crypto.attack.AttackFixture.FR;
import static dev.mlat.crypto.attack.AttackFixture.FR_POST_QUANTUM;
import static dev.mlat.crypto.attack.AttackFixture.IT;
import static dev.mlat.crypto.attack.AttackFixture.NL;
import static dev.mlat.crypto.attack.AttackFixture.PAYLOAD;
import static dev.mlat.crypto.attack.AttackFixture.POLICY;
import static dev.mlat.crypto.attack.AttackFixture.RSA_1024;
import static dev.mlat.crypto.attack.AttackFixture.assertCode;
import static dev.mlat.crypto.attack.AttackFixture.binding;
import static dev.mlat.crypto.attack.AttackFixture.decryptor;
import static dev.mlat.crypto.attack.AttackFixture.encryptorFor;
import static dev.mlat.crypto.attack.AttackFixture.hostileSignedData;
import static dev.mlat.crypto.attack.AttackFixture.identity;
import static dev.mlat.crypto.attack.AttackFixture.opener;
import static dev.mlat.crypto.attack.AttackFixture.party;
import static dev.mlat.crypto.attack.AttackFixture.sealedContent;
import static dev.mlat.crypto.attack.AttackFixture.sealer;
import static dev.mlat.crypto.attack.AttackFixture.signer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.cms.CmsContentType;
import dev.mlat.crypto.cms.CmsEncryptor;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.crypto.cms.EncryptionRecipient;
import dev.mlat.crypto.cms.SignerRequirement;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.seal.OpenExpectation;
import java.io.ByteArrayOutputStream;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the sealed message (sign-then-encrypt, docs/CMS.md), from the point of view of a
 * network attacker, a misbehaving relay or gateway, a compromised partner authority and a
 * malicious insider at the sender (docs/SECURITY.md, threats S1 to S21). The victim is always DE-BMJ
 * opening what claims to come from France; each test asserts the one error code it must get.
 */
class SealAttackTest {
  private static final Jurisdiction FRANCE = FR.jurisdiction();

  /** What the genuine FR-MOJ signs for DE-BMJ, as bytes. */
  private static byte[] genuineContent() {
    return sealedContent(party(FR, "FR-MOJ"), party(DE, "DE-BMJ"), UUID.randomUUID(), PAYLOAD);
  }

  private static byte[] encryptedForDe(byte[] signedData) throws Exception {
    return encryptorFor(DE, "DE-BMJ").encrypt(signedData);
  }

  private static void assertDeRefuses(byte[] sealed, CryptoErrorCode code) {
    assertCode(() -> opener(DE, "DE-BMJ").open(sealed, OpenExpectation.from(FRANCE)), code);
  }

  // ---------------------------------------------------------------- signatures

  @Test
  void theSignatureStrippedFromASealedMessageIsRefused() throws Exception {
    // an attacker who could encrypt for DE replaces the SignedData by the bare binding it claims
    assertDeRefuses(encryptedForDe(genuineContent()), CryptoErrorCode.CMS_MALFORMED);
  }

  @Test
  void aSignedDataWithZeroSignersIsRefused() throws Exception {
    assertDeRefuses(encryptedForDe(hostileSignedData(genuineContent(), "SHA256withECDSA")), CryptoErrorCode.CMS_SIGNER_COUNT);
  }

  @Test
  void anExtraSignerInfoIsRefused() throws Exception {
    var twoSigners = CmsSigner.builder(POLICY, CLOCK)
        .signer(FRANCE, identity(FR.authority("FR-MOJ").signing()), SignatureAlgorithm.ECDSA_SHA256)
        .signer(FRANCE, identity(FR.authority("FR-PG").signing()), SignatureAlgorithm.ECDSA_SHA256)
        .build();
    assertDeRefuses(encryptedForDe(twoSigners.sign(genuineContent(), Encapsulation.ENCAPSULATED)), CryptoErrorCode.CMS_SIGNER_COUNT);
  }

  @Test
  void aSignatureWithoutSignedAttributesIsRefused() throws Exception {
    var credential = FR.authority("FR-MOJ").signing();
    var generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Providers.bouncyCastle())
        .setDirectSignature(true).build("SHA256withECDSA", credential.keyPair().getPrivate(), credential.certificate()));
    generator.addCertificates(new JcaCertStore(credential.chain().subList(0, 2)));
    byte[] signed = generator.generate(new CMSProcessableByteArray(genuineContent()), true).getEncoded();
    assertDeRefuses(encryptedForDe(signed), CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE);
  }

  @Test
  void aSignedContentTypeOtherThanDataIsRefused() throws Exception {
    var credential = FR.authority("FR-MOJ").signing();
    var receiptType = CmsSigner.builder(POLICY, CLOCK)
        .signer(FRANCE, identity(credential), SignatureAlgorithm.ECDSA_SHA256)
        .contentType(new CmsContentType("1.2.840.113549.1.9.16.1.1")) // id-ct-receipt
        .build();
    assertDeRefuses(encryptedForDe(receiptType.sign(genuineContent(), Encapsulation.ENCAPSULATED)),
        CryptoErrorCode.CMS_CONTENT_TYPE_MISMATCH);
  }

  @Test
  void aSha1DigestDowngradeIsRefused() throws Exception {
    assertDeRefuses(encryptedForDe(hostileSignedData(genuineContent(), "SHA1withECDSA", FR.authority("FR-MOJ").signing())),
        CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void anRsa1024SignerKeyIsRefused() throws Exception {
    assertDeRefuses(encryptedForDe(hostileSignedData(genuineContent(), "SHA256withRSA", RSA_1024)), CryptoErrorCode.KEY_TOO_SMALL);
  }

  @Test
  void anAlteredSignedBindingBreaksTheSignature() throws Exception {
    byte[] signed = signer(FR, "FR-MOJ").sign(genuineContent(), Encapsulation.ENCAPSULATED);
    // "DE:DE-BMJ" becomes "DE:DE-BMK" inside the signed content
    byte[] recipient = "DE:DE-BMJ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int at = indexOf(signed, recipient);
    signed[at + recipient.length - 1] ^= 0x01;
    assertDeRefuses(encryptedForDe(signed), CryptoErrorCode.CMS_SIGNATURE_INVALID);
  }

  // ---------------------------------------------------------------- who signed, for whom

  @Test
  void anInnerSignatureByAValidAuthorityOfAnotherJurisdictionIsRefused() throws Exception {
    // DE-BMJ is a genuine, registered signer, but of Germany: it signs a message naming FR-MOJ as sender for IT
    var sealed = sealer(DE, "DE-BMJ").seal(binding(FR, "FR-MOJ", IT, "IT-MOJ"), PAYLOAD, encryptorFor(IT, "IT-MOJ"));
    assertCode(() -> opener(IT, "IT-MOJ").open(sealed.bytes(), OpenExpectation.from(FRANCE)),
        CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION);
  }

  @Test
  void aSignerCannotNameASenderOfAnotherJurisdiction() throws Exception {
    // the same message opened as German (the signer's own jurisdiction): the signed sender is French
    var sealed = sealer(DE, "DE-BMJ").seal(binding(FR, "FR-MOJ", IT, "IT-MOJ"), PAYLOAD, encryptorFor(IT, "IT-MOJ"));
    assertCode(() -> opener(IT, "IT-MOJ").open(sealed.bytes(), OpenExpectation.from(DE.jurisdiction())),
        CryptoErrorCode.SEAL_SENDER_MISMATCH);
  }

  @Test
  void anotherAuthorityOfTheSendingStateCannotSignAsTheSender() throws Exception {
    // a malicious insider at FR-PG signs a message that names FR-MOJ as its sender
    var sealed = sealer(FR, "FR-PG").seal(binding(FR, "FR-MOJ", DE, "DE-BMJ"), PAYLOAD, encryptorFor(DE, "DE-BMJ"));
    assertDeRefuses(sealed.bytes(), CryptoErrorCode.SEAL_SENDER_MISMATCH);
  }

  @Test
  void aMessageReEncryptedForAnotherRecipientIsRefused() throws Exception {
    // surreptitious forwarding: DE opens FR's message and re-encrypts FR's untouched SignedData for IT
    var sealed = sealer(FR, "FR-MOJ").seal(binding(FR, "FR-MOJ", DE, "DE-BMJ"), PAYLOAD, encryptorFor(DE, "DE-BMJ"));
    byte[] signedData = opener(DE, "DE-BMJ").open(sealed.bytes(), OpenExpectation.from(FRANCE)).signedData();
    byte[] forwarded = encryptorFor(IT, "IT-MOJ").encrypt(signedData);
    assertCode(() -> opener(IT, "IT-MOJ").open(forwarded, OpenExpectation.from(FRANCE)), CryptoErrorCode.SEAL_RECIPIENT_MISMATCH);
  }

  @Test
  void aMessageSubstitutedUnderAnotherMessageIdIsRefused() throws Exception {
    // a relay delivers an older genuine message where the header announced another id
    var sealed = sealer(FR, "FR-MOJ").seal(binding(FR, "FR-MOJ", DE, "DE-BMJ"), PAYLOAD, encryptorFor(DE, "DE-BMJ"));
    assertCode(() -> opener(DE, "DE-BMJ").open(sealed.bytes(), OpenExpectation.from(FRANCE).withMessageId(UUID.randomUUID())),
        CryptoErrorCode.SEAL_MESSAGE_ID_MISMATCH);
  }

  @Test
  void aSignedPayloadWithoutTheBindingIsRefused() throws Exception {
    // the genuine sender's signature over the bare payload (no sender, recipient, message id)
    byte[] signed = signer(FR, "FR-MOJ").sign(PAYLOAD, Encapsulation.ENCAPSULATED);
    assertDeRefuses(encryptedForDe(signed), CryptoErrorCode.SEAL_BINDING_MALFORMED);
  }

  // ---------------------------------------------------------------- hybrid signatures

  private static byte[] hybridWithOnlyThe(boolean postQuantumHalf) throws Exception {
    var hybrid = CmsSigner.builder(POLICY, CLOCK)
        .signer(FRANCE, identity(FR.authority("FR-MOJ").signing()), SignatureAlgorithm.ECDSA_SHA256)
        .signer(FRANCE, identity(FR_POST_QUANTUM.authority("FR-MOJ").signing()), SignatureAlgorithm.ML_DSA_65)
        .build();
    var both = new CMSSignedData(hybrid.sign(genuineContent(), Encapsulation.ENCAPSULATED));
    assertThat(both.getSignerInfos().size()).isEqualTo(2);
    var kept = new ArrayList<SignerInformation>();
    for (var signer : both.getSignerInfos().getSigners()) {
      boolean isPostQuantum = signer.getEncryptionAlgOID().equals(SignatureAlgorithm.ML_DSA_65.oid());
      if (isPostQuantum == postQuantumHalf) {
        kept.add(signer);
      }
    }
    return CMSSignedData.replaceSigners(both, new SignerInformationStore(kept)).getEncoded();
  }

  @Test
  void aHybridSignatureWithItsPostQuantumHalfStrippedIsRefused() throws Exception {
    byte[] sealed = encryptedForDe(hybridWithOnlyThe(false));
    assertCode(() -> opener(DE, "DE-BMJ").open(sealed, OpenExpectation.from(FRANCE)
        .withRequirement(SignerRequirement.CLASSICAL_AND_POST_QUANTUM)), CryptoErrorCode.CMS_SIGNER_COUNT);
  }

  @Test
  void aHybridSignatureWithItsClassicalHalfStrippedIsRefused() throws Exception {
    byte[] sealed = encryptedForDe(hybridWithOnlyThe(true));
    assertCode(() -> opener(DE, "DE-BMJ").open(sealed, OpenExpectation.from(FRANCE)
        .withRequirement(SignerRequirement.CLASSICAL_AND_POST_QUANTUM)), CryptoErrorCode.CMS_SIGNER_COUNT);
  }

  // ---------------------------------------------------------------- encryption

  private static byte[] genuineSealed() throws Exception {
    return sealer(FR, "FR-MOJ").seal(binding(FR, "FR-MOJ", DE, "DE-BMJ"), PAYLOAD, encryptorFor(DE, "DE-BMJ")).bytes();
  }

  @Test
  void aTagLengthDowngradeIsRefused() throws Exception {
    byte[] sealed = genuineSealed();
    byte[] nonce = GCMParameters.getInstance(ASN1Primitive.fromByteArray(new CMSAuthEnvelopedDataParser(sealed).getEncAlgParams()))
        .getNonce();
    int icvLength = indexOf(sealed, nonce) + nonce.length + 2; // INTEGER 16 after the nonce
    assertThat(sealed[icvLength]).isEqualTo((byte) 16);
    sealed[icvLength] = 12;
    assertDeRefuses(sealed, CryptoErrorCode.CMS_GCM_PARAMETERS_REFUSED);
  }

  private static byte[] bouncyCastleAuthEnveloped(org.bouncycastle.asn1.ASN1ObjectIdentifier content, RecipientInfoGenerator... recipients)
      throws Exception {
    var generator = new CMSAuthEnvelopedDataGenerator();
    for (var r : recipients) {
      generator.addRecipientInfoGenerator(r);
    }
    var encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(content).setProvider(Providers.bouncyCastle()).build();
    return generator.generate(new CMSProcessableByteArray(signer(FR, "FR-MOJ").sign(genuineContent(), Encapsulation.ENCAPSULATED)),
        encryptor).getEncoded();
  }

  private static RecipientInfoGenerator ecdhSha256For(TestPkiRef to) throws Exception {
    var generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    var ephemeral = generator.generateKeyPair();
    return new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(), ephemeral.getPublic(),
        CMSAlgorithm.AES256_WRAP).addRecipient(to.certificate()).setProvider(Providers.bouncyCastle());
  }

  /** The encryption certificate of an authority (a small indirection so that the helpers read well). */
  private record TestPkiRef(java.security.cert.X509Certificate certificate) {
    static TestPkiRef of(dev.mlat.crypto.testing.TestPki pki, String authority) {
      return new TestPkiRef(pki.authority(authority).encryption().certificate());
    }
  }

  @Test
  void aContentAlgorithmDowngradeToAes128GcmIsRefused() throws Exception {
    byte[] sealed = bouncyCastleAuthEnveloped(CMSAlgorithm.AES128_GCM, ecdhSha256For(TestPkiRef.of(DE, "DE-BMJ")));
    assertDeRefuses(sealed, CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void unauthenticatedEnvelopedDataIsRefused() throws Exception {
    var generator = new CMSEnvelopedDataGenerator();
    generator.addRecipientInfoGenerator(ecdhSha256For(TestPkiRef.of(DE, "DE-BMJ")));
    byte[] sealed = generator.generate(new CMSProcessableByteArray(signer(FR, "FR-MOJ").sign(genuineContent(), Encapsulation.ENCAPSULATED)),
        new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider(Providers.bouncyCastle()).build()).getEncoded();
    assertDeRefuses(sealed, CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void rsaPkcs1v15KeyTransportIsRefused() throws Exception {
    byte[] sealed = bouncyCastleAuthEnveloped(CMSAlgorithm.AES256_GCM,
        new JceKeyTransRecipientInfoGenerator(AT.authority("AT-BMJ").encryption().certificate()).setProvider(Providers.bouncyCastle()));
    assertCode(() -> opener(AT, "AT-BMJ").open(sealed, OpenExpectation.from(FRANCE)), CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void rsaOaepWithSha1IsRefused() throws Exception {
    var sha1 = new AlgorithmIdentifier(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE);
    var oaepSha1 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, new RSAESOAEPparams(sha1,
        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha1), RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));
    byte[] sealed = bouncyCastleAuthEnveloped(CMSAlgorithm.AES256_GCM,
        new JceKeyTransRecipientInfoGenerator(AT.authority("AT-BMJ").encryption().certificate(), oaepSha1)
            .setProvider(Providers.bouncyCastle()));
    assertCode(() -> opener(AT, "AT-BMJ").open(sealed, OpenExpectation.from(FRANCE)), CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void ecdhWithTheSha1KdfIsRefused() throws Exception {
    var generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    var ephemeral = generator.generateKeyPair();
    byte[] sealed = bouncyCastleAuthEnveloped(CMSAlgorithm.AES256_GCM, new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA1KDF,
        ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
        .addRecipient(DE.authority("DE-BMJ").encryption().certificate()).setProvider(Providers.bouncyCastle()));
    assertDeRefuses(sealed, CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void aClassicalRecipientInfoBesideAnMlKemOneIsRefusedWhenSealing() {
    assertCode(() -> CmsEncryptor.builder(POLICY)
        .recipient(EncryptionRecipient.of(NL.jurisdiction(), NL.authority("NL-MOJ").encryption().certificate()))
        .recipient(EncryptionRecipient.of(DE.jurisdiction(), DE.authority("DE-BMJ").encryption().certificate()))
        .build(), CryptoErrorCode.CMS_CLASSICAL_BESIDE_POST_QUANTUM);
  }

  @Test
  void aClassicalRecipientInfoBesideAnMlKemOneIsRefusedWhenOpening() throws Exception {
    // a sender (or a tool) that ignores the rule: the ML-KEM recipient refuses what a future quantum attacker can read
    var mixed = CmsEncryptor.builder(POLICY)
        .recipient(EncryptionRecipient.of(NL.jurisdiction(), NL.authority("NL-MOJ").encryption().certificate()))
        .recipient(EncryptionRecipient.of(DE.jurisdiction(), DE.authority("DE-BMJ").encryption().certificate()))
        .allowClassicalBesidePostQuantum()
        .build();
    byte[] sealed = sealer(FR, "FR-MOJ").seal(binding(FR, "FR-MOJ", NL, "NL-MOJ"), PAYLOAD, mixed).bytes();
    assertCode(() -> opener(NL, "NL-MOJ").open(sealed, OpenExpectation.from(FRANCE)), CryptoErrorCode.CMS_CLASSICAL_BESIDE_POST_QUANTUM);
    // the classical recipient is not concerned, and a post-quantum recipient may opt in for a transition
    assertThat(decryptor(DE, "DE-BMJ").decrypt(sealed, FRANCE).length()).isPositive();
    var optedIn = new dev.mlat.crypto.seal.Opener(party(NL, "NL-MOJ"), decryptor(NL, "NL-MOJ").allowingClassicalBesidePostQuantum(),
        AttackFixture.verifier());
    assertThat(optedIn.open(sealed, OpenExpectation.from(FRANCE)).payload()).isEqualTo(PAYLOAD);
  }

  @Test
  void aFlippedCiphertextBitReleasesNothing() throws Exception {
    byte[] sealed = genuineSealed();
    sealed[sealed.length - 40] ^= 0x01;
    assertDeRefuses(sealed, CryptoErrorCode.CMS_AUTHENTICATION_FAILED);
  }

  @Test
  void aMessageSealedForSomeoneElseIsNotOpened() throws Exception {
    byte[] forItaly = sealer(FR, "FR-MOJ").seal(binding(FR, "FR-MOJ", IT, "IT-MOJ"), PAYLOAD, encryptorFor(IT, "IT-MOJ")).bytes();
    assertDeRefuses(forItaly, CryptoErrorCode.CMS_NO_MATCHING_RECIPIENT);
  }

  @Test
  void aTruncatedSealedMessageIsRefused() throws Exception {
    byte[] sealed = genuineSealed();
    assertDeRefuses(Arrays.copyOf(sealed, sealed.length - 10), CryptoErrorCode.CMS_MALFORMED);
  }

  @Test
  void tooManyRecipientInfosAreRefusedBeforeAnyKeyOperation() throws Exception {
    var recipients = new RecipientInfoGenerator[33];
    for (int i = 0; i < recipients.length; i++) {
      recipients[i] = ecdhSha256For(TestPkiRef.of(DE, "DE-BMJ"));
    }
    assertDeRefuses(bouncyCastleAuthEnveloped(CMSAlgorithm.AES256_GCM, recipients), CryptoErrorCode.CMS_LIMIT_EXCEEDED);
  }

  // ---------------------------------------------------------------- ASN.1 resource exhaustion

  @Test
  void anAsn1NestingBombIsRefused() {
    // ContentInfo { authEnvelopedData, [0] { AuthEnvelopedData { version 0, recipientInfos SET { SEQUENCE { ... 5000 deep } } } } }
    var out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x30, (byte) 0x80, 0x06, 0x0b, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x09, 0x10,
        0x01, 0x17, (byte) 0xa0, (byte) 0x80, 0x30, (byte) 0x80, 0x02, 0x01, 0x00, 0x31, (byte) 0x80});
    for (int i = 0; i < 5000; i++) {
      out.writeBytes(new byte[] {0x30, (byte) 0x80});
    }
    for (int i = 0; i < 5004; i++) {
      out.writeBytes(new byte[] {0, 0});
    }
    assertDeRefuses(out.toByteArray(), CryptoErrorCode.CMS_LIMIT_EXCEEDED);
  }

  @Test
  void anAsn1LengthBombIsRefusedWithoutAllocatingWhatItClaims() {
    // ContentInfo claiming 2 GiB - 1 of content in a 20-byte message
    byte[] bomb = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x06, 0x0b, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01, 0x17, (byte) 0xa0, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0};
    assertDeRefuses(bomb, CryptoErrorCode.CMS_MALFORMED);
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("pattern not found");
  }
}
