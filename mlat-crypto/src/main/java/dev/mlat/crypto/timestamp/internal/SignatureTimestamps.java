package dev.mlat.crypto.timestamp.internal;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.timestamp.TimestampException;
import dev.mlat.crypto.timestamp.TimestampVerifier;
import dev.mlat.crypto.timestamp.VerifiedTimestamp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;

/**
 * CAdES B-T on BouncyCastle's {@link SignerInformation}, for the CMS engine: attach a token as the
 * unsigned attribute id-aa-signatureTimeStampToken (1.2.840.113549.1.9.16.2.14) and read it back.
 * The token is over the SignerInfo's signature value ({@link SignerInformation#getSignature()}, the
 * OCTET STRING's contents). Not exported: BouncyCastle types stay inside mlat-crypto.
 */
public final class SignatureTimestamps {
  /** id-aa-signatureTimeStampToken. */
  public static final String ATTRIBUTE_OID = PKCSObjectIdentifiers.id_aa_signatureTimeStampToken.getId();

  private SignatureTimestamps() {}

  /** The bytes a CAdES B-T timestamp covers: the contents of the SignerInfo's signature OCTET STRING. */
  public static byte[] timestampedBytes(SignerInformation signer) {
    return signer.getSignature().clone();
  }

  /**
   * A copy of {@code signer} with {@code tokenDer} added as one more id-aa-signatureTimeStampToken
   * unsigned attribute (other unsigned attributes are kept). The signature is unchanged: unsigned
   * attributes are outside it.
   *
   * @throws IllegalArgumentException if {@code tokenDer} is not a DER ContentInfo
   */
  public static SignerInformation attach(SignerInformation signer, byte[] tokenDer) {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(tokenDer, "tokenDer");
    ContentInfo token;
    try {
      token = ContentInfo.getInstance(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(tokenDer));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("the timestamp token is not a DER ContentInfo", e);
    }
    AttributeTable unsigned = signer.getUnsignedAttributes();
    ASN1EncodableVector attributes = unsigned == null ? new ASN1EncodableVector() : unsigned.toASN1EncodableVector();
    attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(token)));
    return SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attributes));
  }

  /**
   * The DER of every token in {@code signer}'s id-aa-signatureTimeStampToken attributes, in order
   * (empty when it has none).
   */
  public static List<byte[]> tokens(SignerInformation signer) throws TimestampException {
    Objects.requireNonNull(signer, "signer");
    var out = new ArrayList<byte[]>();
    AttributeTable unsigned = signer.getUnsignedAttributes();
    if (unsigned == null) {
      return out;
    }
    for (Attribute attribute : attributesOf(unsigned)) {
      for (ASN1Encodable value : attribute.getAttrValues().toArray()) {
        try {
          out.add(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
          throw new TimestampException(CryptoErrorCode.TIMESTAMP_TOKEN_MALFORMED, "a signature timestamp cannot be encoded", null, e);
        }
      }
    }
    return out;
  }

  /**
   * Verifies every signature timestamp of {@code signer} and returns the earliest, or empty when it
   * has none. A token that does not verify fails the whole call: a broken timestamp is never
   * ignored in favour of validating now.
   */
  public static Optional<VerifiedTimestamp> verify(SignerInformation signer, TimestampVerifier verifier, Jurisdiction jurisdiction)
      throws MlatCryptoException {
    Objects.requireNonNull(verifier, "verifier");
    VerifiedTimestamp earliest = null;
    byte[] signature = timestampedBytes(signer);
    for (byte[] token : tokens(signer)) {
      VerifiedTimestamp ts = verifier.verifySignatureTimestamp(token, signature, jurisdiction);
      if (earliest == null || ts.genTime().isBefore(earliest.genTime())) {
        earliest = ts;
      }
    }
    return Optional.ofNullable(earliest);
  }

  private static List<Attribute> attributesOf(AttributeTable table) {
    var list = new ArrayList<Attribute>();
    ASN1EncodableVector all = table.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    for (int i = 0; i < all.size(); i++) {
      list.add(Attribute.getInstance(all.get(i)));
    }
    return list;
  }
}
