package dev.mlat.crypto.seal;

import static dev.mlat.crypto.seal.SealFixture.AT;
import static dev.mlat.crypto.seal.SealFixture.BE;
import static dev.mlat.crypto.seal.SealFixture.CLOCK;
import static dev.mlat.crypto.seal.SealFixture.DE;
import static dev.mlat.crypto.seal.SealFixture.FR;
import static dev.mlat.crypto.seal.SealFixture.IT;
import static dev.mlat.crypto.seal.SealFixture.NL;
import static dev.mlat.crypto.seal.SealFixture.PL;
import static dev.mlat.crypto.seal.SealFixture.POLICY;
import static dev.mlat.crypto.seal.SealFixture.encryptorFor;
import static dev.mlat.crypto.seal.SealFixture.opener;
import static dev.mlat.crypto.seal.SealFixture.party;
import static dev.mlat.crypto.seal.SealFixture.sealer;
import static dev.mlat.crypto.seal.SealFixture.signer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.KeyEstablishmentAlgorithm;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.cms.CmsContentType;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.crypto.cms.SignatureExpectation;
import dev.mlat.crypto.cms.SignerRequirement;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.BERSequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenerTest {
  private static final byte[] PAYLOAD = "{\"messageType\":\"Request\",\"messageId\":\"...\"}".getBytes(StandardCharsets.UTF_8);
  private static final Jurisdiction FRANCE = FR.jurisdiction();

  private static SealBinding binding(PartyId sender, PartyId recipient) {
    return new SealBinding(sender, recipient, UUID.randomUUID());
  }

  private static void assertCode(ThrowingCallable call, CryptoErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
  }

  static Stream<Arguments> parties() {
    return Stream.of(
        Arguments.of(FR, "FR-MOJ", DE, "DE-BMJ", KeyEstablishmentAlgorithm.ECDH_SHA256_KDF),
        Arguments.of(FR, "FR-MOJ", AT, "AT-BMJ", KeyEstablishmentAlgorithm.RSA_OAEP_SHA256),
        Arguments.of(FR, "FR-MOJ", NL, "NL-MOJ", KeyEstablishmentAlgorithm.ML_KEM_768),
        Arguments.of(BE, "BE-MOJ", NL, "NL-MOJ", KeyEstablishmentAlgorithm.ML_KEM_768));
  }

  @ParameterizedTest(name = "{1} to {3}")
  @MethodSource("parties")
  void theRecipientOpensWhatTheSenderSealed(TestPki from, String sender, TestPki to, String recipient,
      KeyEstablishmentAlgorithm keyEstablishment) throws Exception {
    var binding = binding(party(from, sender), party(to, recipient));
    var sealed = sealer(from, sender).seal(binding, PAYLOAD, encryptorFor(to, recipient));
    assertThat(sealed.binding()).isEqualTo(binding);

    var opened = opener(to, recipient).open(sealed.bytes(),
        OpenExpectation.from(from.jurisdiction()).withMessageId(binding.messageId()));

    assertThat(opened.binding()).isEqualTo(binding);
    assertThat(opened.payload()).isEqualTo(PAYLOAD);
    assertThat(opened.keyEstablishment()).isEqualTo(keyEstablishment);
    assertThat(opened.recipientCertificate()).isEqualTo(to.authority(recipient).encryption().certificate());
    assertThat(opened.signers()).singleElement().satisfies(s -> {
      assertThat(s.algorithm()).isEqualTo(from.algorithm().signatureAlgorithm());
      assertThat(s.trust().jurisdiction()).isEqualTo(from.jurisdiction());
      assertThat(s.trust().authority()).contains(party(from, sender));
    });
    // the kept SignedData verifies again on its own: evidence without the decryption key
    var again = SealFixture.verifier().verify(opened.signedData(), SignatureExpectation.oneSigner(from.jurisdiction()));
    assertThat(again.content()).isEqualTo(SealedContent.encode(binding, PAYLOAD));
  }

  @Test
  void aHybridSignatureSealsForACompositeRecipient() throws Exception {
    var binding = binding(party(PL, "PL-MOJ"), party(PL, "PL-MOJ"));
    var sealed = sealer(PL, "PL-MOJ").seal(binding, PAYLOAD, encryptorFor(PL, "PL-MOJ"));
    var opened = opener(PL, "PL-MOJ").open(sealed.bytes(),
        OpenExpectation.from(PL.jurisdiction()).withRequirement(SignerRequirement.CLASSICAL_AND_POST_QUANTUM));
    assertThat(opened.payload()).isEqualTo(PAYLOAD);
    assertThat(opened.keyEstablishment()).isEqualTo(KeyEstablishmentAlgorithm.MLKEM768_ECDH_P256_SHA3_256);
    assertThat(opened.signers()).singleElement()
        .satisfies(s -> assertThat(s.algorithm()).isEqualTo(SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512));
  }

  @Test
  void aClassicalSignatureDoesNotPassForAHybridOne() throws Exception {
    var sealed = sealer(FR, "FR-MOJ").seal(binding(party(FR, "FR-MOJ"), party(DE, "DE-BMJ")), PAYLOAD, encryptorFor(DE, "DE-BMJ"));
    assertCode(() -> opener(DE, "DE-BMJ").open(sealed.bytes(),
        OpenExpectation.from(FRANCE).withRequirement(SignerRequirement.CLASSICAL_AND_POST_QUANTUM)), CryptoErrorCode.CMS_SIGNER_COUNT);
  }

  @Test
  void aMessageForwardedByItsRecipientToAThirdPartyIsRejectedThere() throws Exception {
    // A (FR-MOJ) seals for B (DE-BMJ)
    var binding = binding(party(FR, "FR-MOJ"), party(DE, "DE-BMJ"));
    var sealed = sealer(FR, "FR-MOJ").seal(binding, PAYLOAD, encryptorFor(DE, "DE-BMJ"));
    var openedByB = opener(DE, "DE-BMJ").open(sealed.bytes(), OpenExpectation.from(FRANCE));

    // B re-encrypts A's signed content, signature untouched, for C (IT-MOJ)
    byte[] forwarded = encryptorFor(IT, "IT-MOJ").encrypt(openedByB.signedData());

    // C decrypts it and A's signature verifies, but it was not signed for C
    assertCode(() -> opener(IT, "IT-MOJ").open(forwarded, OpenExpectation.from(FRANCE)), CryptoErrorCode.SEAL_RECIPIENT_MISMATCH);
  }

  @Test
  void aMessageForAnotherAuthorityOfTheSameJurisdictionIsRejected() throws Exception {
    var sealed = sealer(FR, "FR-MOJ").seal(binding(party(FR, "FR-MOJ"), new PartyId(DE.jurisdiction(), "DE-BKA")), PAYLOAD,
        encryptorFor(DE, "DE-BMJ"));
    assertCode(() -> opener(DE, "DE-BMJ").open(sealed.bytes(), OpenExpectation.from(FRANCE)), CryptoErrorCode.SEAL_RECIPIENT_MISMATCH);
  }

  @Test
  void aSignerOfAnotherJurisdictionIsRejected() throws Exception {
    // DE-BMJ signs a message that claims to come from FR-MOJ
    var sealed = sealer(DE, "DE-BMJ").seal(binding(party(FR, "FR-MOJ"), party(IT, "IT-MOJ")), PAYLOAD, encryptorFor(IT, "IT-MOJ"));
    // expected from FR: DE's signature does not count for FR
    assertThatThrownBy(() -> opener(IT, "IT-MOJ").open(sealed.bytes(), OpenExpectation.from(FRANCE)))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode())
            .isIn(CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION, CryptoErrorCode.CERTIFICATE_COUNTRY_MISMATCH));
    // expected from DE: the signature counts, but the signed sender is French
    assertCode(() -> opener(IT, "IT-MOJ").open(sealed.bytes(), OpenExpectation.from(DE.jurisdiction())
        .withSenderAuthority(SenderAuthority.SAME_JURISDICTION)), CryptoErrorCode.SEAL_SENDER_MISMATCH);
    assertCode(() -> opener(IT, "IT-MOJ").open(sealed.bytes(), OpenExpectation.from(DE.jurisdiction())),
        CryptoErrorCode.SEAL_SENDER_MISMATCH);
  }

  @Test
  void anotherAuthorityOfTheSenderJurisdictionSignsOnlyWhenAllowed() throws Exception {
    // FR-PG signs a message naming FR-MOJ as its sender
    var sealed = sealer(FR, "FR-PG").seal(binding(party(FR, "FR-MOJ"), party(DE, "DE-BMJ")), PAYLOAD, encryptorFor(DE, "DE-BMJ"));
    assertCode(() -> opener(DE, "DE-BMJ").open(sealed.bytes(), OpenExpectation.from(FRANCE)), CryptoErrorCode.SEAL_SENDER_MISMATCH);

    var opened = opener(DE, "DE-BMJ").open(sealed.bytes(),
        OpenExpectation.from(FRANCE).withSenderAuthority(SenderAuthority.SAME_JURISDICTION));
    assertThat(opened.binding().sender()).isEqualTo(party(FR, "FR-MOJ"));
    assertThat(opened.signers().get(0).trust().authority()).contains(party(FR, "FR-PG"));
  }

  @Test
  void anUnexpectedMessageIdIsRejected() throws Exception {
    var binding = binding(party(FR, "FR-MOJ"), party(DE, "DE-BMJ"));
    var sealed = sealer(FR, "FR-MOJ").seal(binding, PAYLOAD, encryptorFor(DE, "DE-BMJ"));
    assertCode(() -> opener(DE, "DE-BMJ").open(sealed.bytes(), OpenExpectation.from(FRANCE).withMessageId(UUID.randomUUID())),
        CryptoErrorCode.SEAL_MESSAGE_ID_MISMATCH);
    assertThat(opener(DE, "DE-BMJ").open(sealed.bytes(), OpenExpectation.from(FRANCE).withMessageId(binding.messageId()))
        .binding()).isEqualTo(binding);
  }

  @Test
  void aRecipientSwappedInsideTheSignatureBreaksIt() throws Exception {
    // "DE:DE-BMJ" and "IT:IT-MOJ" have the same length: swap the recipient in A's signed content and re-encrypt for IT
    var binding = binding(party(FR, "FR-MOJ"), party(DE, "DE-BMJ"));
    var sealed = sealer(FR, "FR-MOJ").seal(binding, PAYLOAD, encryptorFor(DE, "DE-BMJ"));
    byte[] signedData = opener(DE, "DE-BMJ").open(sealed.bytes(), OpenExpectation.from(FRANCE)).signedData();
    byte[] tampered = replace(signedData, "DE:DE-BMJ".getBytes(StandardCharsets.US_ASCII), "IT:IT-MOJ".getBytes(StandardCharsets.US_ASCII));
    byte[] forwarded = encryptorFor(IT, "IT-MOJ").encrypt(tampered);
    assertCode(() -> opener(IT, "IT-MOJ").open(forwarded, OpenExpectation.from(FRANCE)), CryptoErrorCode.CMS_SIGNATURE_INVALID);
  }

  @Test
  void anAlteredCiphertextReleasesNothing() throws Exception {
    var sealed = sealer(FR, "FR-MOJ").seal(binding(party(FR, "FR-MOJ"), party(DE, "DE-BMJ")), PAYLOAD, encryptorFor(DE, "DE-BMJ"));
    byte[] bytes = sealed.bytes();
    bytes[bytes.length - 20] ^= 1;
    assertCode(() -> opener(DE, "DE-BMJ").open(bytes, OpenExpectation.from(FRANCE)), CryptoErrorCode.CMS_AUTHENTICATION_FAILED);
  }

  static Stream<Arguments> malformedBindings() throws Exception {
    var good = new ASN1Encodable[] {new ASN1Integer(1), new DERUTF8String("FR:FR-MOJ"), new DERUTF8String("DE:DE-BMJ"),
        new DERUTF8String(UUID.randomUUID().toString()), new DEROctetString(PAYLOAD)};
    byte[] valid = new DERSequence(good).getEncoded();
    byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
    return Stream.of(
        Arguments.of("the bare payload", PAYLOAD),
        Arguments.of("empty", new byte[0]),
        Arguments.of("trailing byte", trailing),
        Arguments.of("version 2", with(good, 0, new ASN1Integer(2))),
        Arguments.of("four elements", new DERSequence(Arrays.copyOf(good, 4)).getEncoded()),
        Arguments.of("sender not a party id", with(good, 1, new DERUTF8String("FR-MOJ"))),
        Arguments.of("recipient a PrintableString", with(good, 2, new DERPrintableString("DE:DE-BMJ"))),
        Arguments.of("upper-case UUID", with(good, 3, new DERUTF8String(UUID.randomUUID().toString().toUpperCase()))),
        Arguments.of("not a UUID", with(good, 3, new DERUTF8String("message-1"))),
        Arguments.of("payload a UTF8String", with(good, 4, new DERUTF8String("{}"))),
        Arguments.of("BER indefinite length", new BERSequence(good).getEncoded()),
        Arguments.of("constructed payload", constructedPayload(good)));
  }

  /** The four first elements, then the payload {1, 2} as a constructed (definite length) OCTET STRING of two parts. */
  private static byte[] constructedPayload(ASN1Encodable[] elements) throws Exception {
    var body = new ByteArrayOutputStream();
    for (int i = 0; i < 4; i++) {
      body.write(elements[i].toASN1Primitive().getEncoded());
    }
    body.write(new byte[] {0x24, 0x06, 0x04, 0x01, 0x01, 0x04, 0x01, 0x02});
    var out = new ByteArrayOutputStream();
    out.write(0x30);
    out.write(body.size());
    body.writeTo(out);
    return out.toByteArray();
  }

  private static byte[] with(ASN1Encodable[] elements, int index, ASN1Encodable replacement) throws Exception {
    var copy = elements.clone();
    copy[index] = replacement;
    var out = new ByteArrayOutputStream();
    new BERSequence(copy).encodeTo(out, "DL");
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBindings")
  void aSignedContentThatIsNotASealedContentIsRejected(String what, byte[] content) throws Exception {
    // the genuine sender signs and encrypts it, so only the binding's form is wrong
    byte[] signed = signer(FR, "FR-MOJ").sign(content, Encapsulation.ENCAPSULATED);
    byte[] message = encryptorFor(DE, "DE-BMJ").encrypt(signed);
    assertCode(() -> opener(DE, "DE-BMJ").open(message, OpenExpectation.from(FRANCE)), CryptoErrorCode.SEAL_BINDING_MALFORMED);
  }

  @Test
  void theCmsLimitsOfTheOpenerHold() throws Exception {
    var sealed = sealer(FR, "FR-MOJ").seal(binding(party(FR, "FR-MOJ"), party(DE, "DE-BMJ")), new byte[4096], encryptorFor(DE, "DE-BMJ"));
    assertCode(() -> opener(DE, "DE-BMJ", CmsLimits.defaults().withMaxContentBytes(1024)).open(sealed.bytes(), OpenExpectation.from(FRANCE)),
        CryptoErrorCode.CMS_LIMIT_EXCEEDED);
  }

  @Test
  void aSealerRefusesASignerOfAnotherContentType() throws Exception {
    var credential = FR.authority("FR-MOJ").signing();
    var signer = CmsSigner.builder(POLICY, CLOCK)
        .signer(FRANCE, KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain()), FR.algorithm().signatureAlgorithm())
        .contentType(new CmsContentType("1.2.840.113549.1.9.16.1.4"))
        .build();
    assertThatThrownBy(() -> new Sealer(signer)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id-data");
  }

  private static byte[] replace(byte[] in, byte[] what, byte[] by) {
    for (int i = 0; i + what.length <= in.length; i++) {
      if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
        byte[] out = in.clone();
        System.arraycopy(by, 0, out, i, by.length);
        return out;
      }
    }
    throw new AssertionError("not found");
  }
}
