package dev.mlat.crypto.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.segment.SegmentException;
import java.security.SecureRandom;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.KEKIdentifier;
import org.bouncycastle.asn1.cms.KEKRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The reader accepts exactly the profile's canonical DER: structures BouncyCastle parses but that
 * leave the profile are refused with a message saying what (the BouncyCastle diagnostic path).
 */
class SegmentCodecTest {
  private static final byte[] KEK_ID = new byte[16];
  private final SecureRandom random = new SecureRandom();

  private SegmentCodec.Parsed valid() throws Exception {
    byte[] kek = new byte[32];
    random.nextBytes(kek);
    byte[] cek = new byte[32];
    random.nextBytes(cek);
    var sealed = SegmentCodec.seal(new SecretKeySpec(kek, "AES"), KEK_ID, 0, true, new byte[100], 0, 100, cek);
    return SegmentCodec.parse(sealed.encoded(), 0);
  }

  private byte[] randomBytes(int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  /** A sealed segment of {@code plaintext} under {@code kek}. */
  private static SegmentCodec.Sealed sealed(byte[] kek, byte[] plaintext) throws Exception {
    byte[] cek = new byte[32];
    new SecureRandom().nextBytes(cek);
    return SegmentCodec.seal(new SecretKeySpec(kek, "AES"), KEK_ID, 3, false, plaintext, 0, plaintext.length, cek);
  }

  @Test
  void opensWithoutAPoolLeavingTheSegmentsArrayAsItWas() throws Exception {
    byte[] kek = randomBytes(32);
    byte[] plaintext = randomBytes(40_000);
    byte[] encoded = sealed(kek, plaintext).encoded();
    byte[] before = encoded.clone();
    var parsed = SegmentCodec.parse(encoded, 3);
    assertThat(SegmentCodec.open(new SecretKeySpec(kek, "AES"), parsed, 3)).isEqualTo(plaintext);
    assertThat(encoded).isEqualTo(before);
    assertThat(SegmentCodec.open(new SecretKeySpec(kek, "AES"), SegmentCodec.parse(encoded, 3), 3)).isEqualTo(plaintext);
  }

  @Test
  void opensWithAPoolIntoItsArrayAndGivesItBackZeroedWhenTheTagFails() throws Exception {
    byte[] kek = randomBytes(32);
    byte[] plaintext = randomBytes(40_000);
    BufferPool pool = new BufferPool(4);
    byte[] reused = new byte[plaintext.length];
    pool.give(reused);
    var good = SegmentCodec.parse(sealed(kek, plaintext).encoded(), 3);
    byte[] opened = SegmentCodec.open(new SecretKeySpec(kek, "AES"), good, 3, pool);
    assertThat(opened).isSameAs(reused).isEqualTo(plaintext);

    byte[] bad = sealed(kek, plaintext).encoded();
    var parsed = SegmentCodec.parse(bad, 3);
    bad[parsed.ciphertextOffset() + 100] ^= 1; // the ciphertext altered: the tag no longer verifies
    java.util.Arrays.fill(reused, (byte) 0x55);
    pool.give(reused);
    assertThatThrownBy(() -> SegmentCodec.open(new SecretKeySpec(kek, "AES"), parsed, 3, pool))
        .isInstanceOfSatisfying(SegmentException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.SEGMENT_AUTHENTICATION_FAILED));
    assertThat(pool.kept()).as("the plaintext array came back").isEqualTo(1);
    assertThat(reused).as("and holds nothing of the unverified plaintext").containsOnly(0);
  }

  /** Re-encodes a valid segment's fields with BouncyCastle after {@code change}. */
  private byte[] variant(Variant change) throws Exception {
    var p = valid();
    ASN1Encodable recipient = new RecipientInfo(new KEKRecipientInfo(change.kekIdentifier.apply(p),
        new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_wrap), new DEROctetString(p.wrappedKey())));
    ASN1EncodableVector recipients = new ASN1EncodableVector();
    recipients.add(recipient);
    if (change.twoRecipients) {
      recipients.add(recipient);
    }
    var content = new EncryptedContentInfo(CMSObjectIdentifiers.data,
        new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(p.nonce(), change.icvLen)),
        new DEROctetString(p.ciphertext()));
    ASN1Set authAttrs = change.authAttrs
        ? new DERSet(new Attribute(CMSObjectIdentifiers.data, new DERSet(new DEROctetString(new byte[1])))) : null;
    var data = new AuthEnvelopedData(null, new DERSet(recipients), content, authAttrs, new DEROctetString(p.tag()), null);
    return new ContentInfo(CMSObjectIdentifiers.authEnvelopedData, data).getEncoded(ASN1Encoding.DER);
  }

  private static final class Variant {
    Function<SegmentCodec.Parsed, KEKIdentifier> kekIdentifier = p -> new KEKIdentifier(p.kekId(), null, null);
    boolean twoRecipients;
    int icvLen = 16;
    boolean authAttrs;
  }

  @Test
  void theBouncyCastleEncodingOfTheSameFieldsIsAccepted() throws Exception {
    byte[] encoded = variant(new Variant());
    assertThat(SegmentCodec.parse(encoded, 0).ciphertextLength()).isEqualTo(100);
  }

  @Test
  void aKeyIdentifierWithADateIsRefused() throws Exception {
    var v = new Variant();
    v.kekIdentifier = p -> new KEKIdentifier(p.kekId(), new ASN1GeneralizedTime("20260101000000Z"), null);
    assertMalformed(variant(v), "bare key identifier");
  }

  @Test
  void twoRecipientInfosAreRefused() throws Exception {
    var v = new Variant();
    v.twoRecipients = true;
    assertMalformed(variant(v), "exactly one KEKRecipientInfo");
  }

  @Test
  void aShortTagIsRefused() throws Exception {
    var v = new Variant();
    v.icvLen = 12;
    assertMalformed(variant(v), "the profile is 12 and 16");
  }

  @Test
  void authenticatedAttributesAreRefused() throws Exception {
    var v = new Variant();
    v.authAttrs = true;
    assertMalformed(variant(v), "attributes are not allowed");
  }

  @Test
  void nonMinimalLengthsAreRefused() throws Exception {
    byte[] encoded = variant(new Variant());
    // the same structure, every length in 4-byte long form: valid BER, parsed by BouncyCastle, not DER
    assertMalformed(longForm(encoded, 0, encoded.length), "not its DER encoding");
  }

  /** Re-encodes the TLVs in [start, end) with every length as 0x84 and 4 bytes. */
  private static byte[] longForm(byte[] der, int start, int end) {
    var out = new java.io.ByteArrayOutputStream();
    int at = start;
    while (at < end) {
      int tag = der[at] & 0xff;
      int first = der[at + 1] & 0xff;
      int contentStart = at + 2;
      int length = first;
      if (first >= 0x80) {
        length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
          length = (length << 8) | (der[contentStart + i] & 0xff);
        }
        contentStart += first & 0x7f;
      }
      byte[] content = (tag & 0x20) != 0 ? longForm(der, contentStart, contentStart + length)
          : java.util.Arrays.copyOfRange(der, contentStart, contentStart + length);
      out.write(tag);
      out.write(0x84);
      out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(content.length).array());
      out.writeBytes(content);
      at = contentStart + length;
    }
    return out.toByteArray();
  }

  private static void assertMalformed(byte[] encoded, String message) {
    assertThatThrownBy(() -> SegmentCodec.parse(encoded, 7)).isInstanceOfSatisfying(SegmentException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.SEGMENT_MALFORMED);
      assertThat(e.getMessage()).contains(message);
      assertThat(e.position()).contains(7L);
    });
  }
}
