package dev.mlat.crypto.testing;

import dev.mlat.crypto.KeyEstablishmentAlgorithm;
import dev.mlat.crypto.SignatureAlgorithm;

/**
 * The algorithm family of a {@link TestPki}: what its CAs, authority signing, encryption and
 * timestamping keys use.
 *
 * <p>TLS certificates use ECDSA P-256 keys in the post-quantum variants (JDK 17's TLS stack has no
 * ML-DSA); they are still issued, and therefore signed, by the variant's CA.
 */
public enum PkiAlgorithm {
  /** ECDSA P-256 with SHA-256; encryption certificates hold a P-256 key for ECDH (keyAgreement). */
  ECDSA_P256(SignatureAlgorithm.ECDSA_SHA256, KeyEstablishmentAlgorithm.ECDH_SHA256_KDF),
  /** RSA 3072 with PKCS#1 v1.5 SHA-256 signatures; encryption certificates for RSA-OAEP (keyEncipherment). */
  RSA_3072(SignatureAlgorithm.RSA_PKCS1_SHA256, KeyEstablishmentAlgorithm.RSA_OAEP_SHA256),
  /** ML-DSA-65 signing, ML-KEM-768 encryption (keyEncipherment). */
  ML_DSA_65(SignatureAlgorithm.ML_DSA_65, KeyEstablishmentAlgorithm.ML_KEM_768),
  /** Composite ML-DSA-65 + ECDSA P-256 signing, composite ML-KEM-768 + ECDH P-256 encryption (keyEncipherment). */
  COMPOSITE_MLDSA65_ECDSA_P256(
      SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512, KeyEstablishmentAlgorithm.MLKEM768_ECDH_P256_SHA3_256);

  private final SignatureAlgorithm signatureAlgorithm;
  private final KeyEstablishmentAlgorithm encryptionAlgorithm;

  PkiAlgorithm(SignatureAlgorithm signatureAlgorithm, KeyEstablishmentAlgorithm encryptionAlgorithm) {
    this.signatureAlgorithm = signatureAlgorithm;
    this.encryptionAlgorithm = encryptionAlgorithm;
  }

  /** What the CAs sign certificates and CRLs with, and what authority signing keys are for. */
  public SignatureAlgorithm signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** The key establishment the encryption certificates are meant for. */
  public KeyEstablishmentAlgorithm encryptionAlgorithm() {
    return encryptionAlgorithm;
  }
}
