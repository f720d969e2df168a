package dev.mlat.crypto.seal;

import dev.mlat.core.MlatCoreException;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * The signed content of a sealed message (docs/CMS.md, "Sign then encrypt"):
 *
 * <pre>
 * SealedContent ::= SEQUENCE {
 *   version    INTEGER (1),
 *   sender     UTF8String,   -- PartyId, "FR:FR-MOJ"
 *   recipient  UTF8String,   -- PartyId
 *   messageId  UTF8String,   -- UUID, canonical lower-case form
 *   payload    OCTET STRING }
 * </pre>
 *
 * DER only: a decoding that is not the DER encoding of what it decodes to is refused.
 */
final class SealedContent {
  static final int VERSION = 1;

  private SealedContent() {}

  static byte[] encode(SealBinding binding, byte[] payload) {
    try {
      return new DERSequence(new ASN1Encodable[] {
          new ASN1Integer(VERSION),
          new DERUTF8String(binding.sender().toString()),
          new DERUTF8String(binding.recipient().toString()),
          new DERUTF8String(binding.messageId().toString()),
          new DEROctetString(payload)}).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding in memory failed", e);
    }
  }

  /** A decoded SealedContent. */
  record Decoded(SealBinding binding, byte[] payload) {}

  static Decoded decode(byte[] der) throws MlatCryptoException {
    ASN1Primitive primitive;
    try (var in = new ASN1InputStream(der)) {
      primitive = in.readObject();
      if (primitive == null) {
        throw malformed("it is empty", null);
      }
      if (in.readObject() != null) {
        throw malformed("bytes follow the SEQUENCE", null);
      }
    } catch (IOException | RuntimeException e) {
      throw malformed("it is not ASN.1: " + e.getMessage(), e);
    }
    try {
      return decode(primitive, der);
    } catch (RuntimeException e) {
      // BouncyCastle reports some bad contents (invalid UTF-8 in a UTF8String) with unchecked exceptions
      throw malformed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }
  }

  private static Decoded decode(ASN1Primitive primitive, byte[] der) throws MlatCryptoException {
    if (!(primitive instanceof ASN1Sequence sequence) || sequence.size() != 5) {
      throw malformed("it is not a SEQUENCE of five elements", null);
    }
    if (!(sequence.getObjectAt(0) instanceof ASN1Integer version) || !version.hasValue(BigInteger.valueOf(VERSION))) {
      throw malformed("the version is not " + VERSION, null);
    }
    PartyId sender = party(sequence.getObjectAt(1), "sender");
    PartyId recipient = party(sequence.getObjectAt(2), "recipient");
    if (!(sequence.getObjectAt(3) instanceof ASN1UTF8String idText)) {
      throw malformed("the message id is not a UTF8String", null);
    }
    UUID messageId;
    try {
      messageId = UUID.fromString(idText.getString());
    } catch (IllegalArgumentException e) {
      throw malformed("the message id is not a UUID", e);
    }
    if (!messageId.toString().equals(idText.getString())) {
      throw malformed("the message id is not a UUID in canonical lower-case form", null);
    }
    if (!(sequence.getObjectAt(4) instanceof ASN1OctetString payload)) {
      throw malformed("the payload is not an OCTET STRING", null);
    }
    var binding = new SealBinding(sender, recipient, messageId);
    byte[] octets = payload.getOctets();
    if (!Arrays.equals(encode(binding, octets), der)) {
      throw malformed("it is not DER encoded", null);
    }
    return new Decoded(binding, octets);
  }

  private static PartyId party(ASN1Encodable element, String name) throws MlatCryptoException {
    if (!(element instanceof ASN1UTF8String text)) {
      throw malformed("the " + name + " is not a UTF8String", null);
    }
    try {
      return PartyId.parse(text.getString());
    } catch (MlatCoreException e) {
      throw malformed("the " + name + " is not a party id: " + e.getMessage(), e);
    }
  }

  private static MlatCryptoException malformed(String why, Throwable cause) {
    return new MlatCryptoException(CryptoErrorCode.SEAL_BINDING_MALFORMED, "the sealed message's signed content is malformed: " + why, cause);
  }
}
