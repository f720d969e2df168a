package dev.mlat.crypto;

import java.util.Optional;

/**
 * A message digest, as identified on the wire by its OID. SHA-1 and MD5 are known so that they can
 * be named when refused; MD5 is {@linkplain #forbidden() forbidden} under any policy.
 */
public enum DigestAlgorithm {
  /** SHA-256 (FIPS 180-4). */
  SHA256("2.16.840.1.101.3.4.2.1", "SHA-256", 32, false),
  /** SHA-384. */
  SHA384("2.16.840.1.101.3.4.2.2", "SHA-384", 48, false),
  /** SHA-512. */
  SHA512("2.16.840.1.101.3.4.2.3", "SHA-512", 64, false),
  /** SHA-1: refused unless a legacy policy allows it. */
  SHA1("1.3.14.3.2.26", "SHA-1", 20, false),
  /** MD5: forbidden. */
  MD5("1.2.840.113549.2.5", "MD5", 16, true);

  private final String oid;
  private final String jcaName;
  private final int length;
  private final boolean forbidden;

  DigestAlgorithm(String oid, String jcaName, int length, boolean forbidden) {
    this.oid = oid;
    this.jcaName = jcaName;
    this.length = length;
    this.forbidden = forbidden;
  }

  /** The OID, dotted. */
  public String oid() {
    return oid;
  }

  /** The JCA name for {@code MessageDigest.getInstance}. */
  public String jcaName() {
    return jcaName;
  }

  /** The output length in bytes. */
  public int length() {
    return length;
  }

  /** True for MD5, which no policy may allow. */
  public boolean forbidden() {
    return forbidden;
  }

  /** The digest for a dotted OID, or empty when unknown. */
  public static Optional<DigestAlgorithm> fromOid(String oid) {
    for (var d : values()) {
      if (d.oid.equals(oid)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
