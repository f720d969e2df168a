package dev.mlat.crypto;

import java.util.Optional;

/**
 * A content-encryption algorithm, as identified by its OID. Only authenticated encryption
 * (AES-GCM) is {@linkplain #authenticated() authenticated}; the CBC modes are known so that they
 * can be named when refused.
 */
public enum ContentEncryptionAlgorithm {
  /** AES-256 in GCM mode (RFC 5084), with a 128-bit tag. */
  AES_256_GCM("2.16.840.1.101.3.4.1.46", 256, true),
  /** AES-128 in GCM mode; known, not in the default policy. */
  AES_128_GCM("2.16.840.1.101.3.4.1.6", 128, true),
  /** AES-256-CBC: unauthenticated, refused unless a legacy policy allows it. */
  AES_256_CBC("2.16.840.1.101.3.4.1.42", 256, false),
  /** AES-128-CBC: unauthenticated, refused unless a legacy policy allows it. */
  AES_128_CBC("2.16.840.1.101.3.4.1.2", 128, false);

  private final String oid;
  private final int keyBits;
  private final boolean authenticated;

  ContentEncryptionAlgorithm(String oid, int keyBits, boolean authenticated) {
    this.oid = oid;
    this.keyBits = keyBits;
    this.authenticated = authenticated;
  }

  /** The OID, dotted. */
  public String oid() {
    return oid;
  }

  /** The AES key length in bits. */
  public int keyBits() {
    return keyBits;
  }

  /** True for AEAD modes. */
  public boolean authenticated() {
    return authenticated;
  }

  /** The algorithm for a dotted OID, or empty when unknown. */
  public static Optional<ContentEncryptionAlgorithm> fromOid(String oid) {
    for (var a : values()) {
      if (a.oid.equals(oid)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
