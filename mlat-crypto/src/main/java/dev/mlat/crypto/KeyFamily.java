package dev.mlat.crypto;

/**
 * The kind of public key an algorithm works with, as named by the key's
 * SubjectPublicKeyInfo algorithm identifier. A composite key names its exact pair of components.
 *
 * <p>Used by {@link AlgorithmPolicy} to check that a key fits an algorithm and to describe keys
 * in reports. Immutable.
 */
public enum KeyFamily {
  /** RSA (rsaEncryption or RSASSA-PSS key). */
  RSA("1.2.840.113549.1.1.1"),
  /** Elliptic curve (id-ecPublicKey); the curve is checked separately. */
  EC("1.2.840.10045.2.1"),
  /** Ed25519 (RFC 8410). */
  ED25519("1.3.101.112"),
  /** DSA: known so that it can be named when refused; never accepted. */
  DSA("1.2.840.10040.4.1"),
  /** ML-DSA-44 (FIPS 204); known, not in the default policy. */
  ML_DSA_44("2.16.840.1.101.3.4.3.17"),
  /** ML-DSA-65 (FIPS 204). */
  ML_DSA_65("2.16.840.1.101.3.4.3.18"),
  /** ML-DSA-87 (FIPS 204). */
  ML_DSA_87("2.16.840.1.101.3.4.3.19"),
  /** ML-KEM-512 (FIPS 203); known, not in the default policy. */
  ML_KEM_512("2.16.840.1.101.3.4.4.1"),
  /** ML-KEM-768 (FIPS 203). */
  ML_KEM_768("2.16.840.1.101.3.4.4.2"),
  /** ML-KEM-1024 (FIPS 203). */
  ML_KEM_1024("2.16.840.1.101.3.4.4.3"),
  /** Composite ML-DSA-65 + ECDSA P-256 (draft-ietf-lamps-pq-composite-sigs, id-MLDSA65-ECDSA-P256-SHA512). */
  MLDSA65_ECDSA_P256("1.3.6.1.5.5.7.6.45"),
  /** Composite ML-DSA-65 + ECDSA P-384 (id-MLDSA65-ECDSA-P384-SHA512). */
  MLDSA65_ECDSA_P384("1.3.6.1.5.5.7.6.46"),
  /** Composite ML-DSA-87 + ECDSA P-384 (id-MLDSA87-ECDSA-P384-SHA512). */
  MLDSA87_ECDSA_P384("1.3.6.1.5.5.7.6.49"),
  /** Composite ML-DSA-87 + ECDSA P-521 (id-MLDSA87-ECDSA-P521-SHA512). */
  MLDSA87_ECDSA_P521("1.3.6.1.5.5.7.6.54"),
  /** Composite ML-KEM-768 + ECDH P-256 (draft-ietf-lamps-pq-composite-kem, id-MLKEM768-ECDH-P256-SHA3-256). */
  MLKEM768_ECDH_P256("1.3.6.1.5.5.7.6.59"),
  /** Composite ML-KEM-768 + ECDH P-384 (id-MLKEM768-ECDH-P384-SHA3-256). */
  MLKEM768_ECDH_P384("1.3.6.1.5.5.7.6.60"),
  /** Composite ML-KEM-1024 + ECDH P-384 (id-MLKEM1024-ECDH-P384-SHA3-256). */
  MLKEM1024_ECDH_P384("1.3.6.1.5.5.7.6.63"),
  /** Composite ML-KEM-1024 + ECDH P-521 (id-MLKEM1024-ECDH-P521-SHA3-256). */
  MLKEM1024_ECDH_P521("1.3.6.1.5.5.7.6.66");

  private final String oid;

  KeyFamily(String oid) {
    this.oid = oid;
  }

  /** The SubjectPublicKeyInfo algorithm OID, dotted. */
  public String oid() {
    return oid;
  }
}
