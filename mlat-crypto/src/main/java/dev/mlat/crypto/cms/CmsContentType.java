package dev.mlat.crypto.cms;

import java.util.Objects;

/**
 * The content type a SignedData announces (eContentType and the signed content-type attribute).
 * The verifier requires both to equal the type the caller expects.
 *
 * @param oid the dotted OID
 */
public record CmsContentType(String oid) {
  /** id-data (1.2.840.113549.1.7.1): opaque bytes; what OpenSSL signs. */
  public static final CmsContentType DATA = new CmsContentType("1.2.840.113549.1.7.1");

  /** Validates. */
  public CmsContentType {
    Objects.requireNonNull(oid, "oid");
    if (!oid.matches("[0-2](\\.(0|[1-9][0-9]{0,18})){1,40}")) {
      throw new IllegalArgumentException("not a dotted OID: '" + oid + "'");
    }
  }
}
