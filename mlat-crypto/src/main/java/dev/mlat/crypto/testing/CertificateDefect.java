package dev.mlat.crypto.testing;

/**
 * A deliberate flaw in a test signing certificate, for the failure matrix of the trust checks
 * ({@link TestPki#issueDefective(String, CertificateDefect)}).
 */
public enum CertificateDefect {
  /** Validity ended a day before the PKI's clock. */
  EXPIRED,
  /** Validity starts a day after the PKI's clock. */
  NOT_YET_VALID,
  /** Revoked at issue time: listed in {@link TestPki#crl()} and answered "revoked" by OCSP. */
  REVOKED,
  /** Signed by the issuing CA with SHA-1 (SHA1withECDSA or SHA1withRSA; ECDSA and RSA variants only). */
  SHA1_SIGNED,
  /** Subject key RSA 2048 (the issuing CA's algorithm is unchanged). */
  RSA_2048,
  /** Subject key RSA 1024. */
  RSA_1024,
  /** A CA certificate (cA=true, keyCertSign) carrying the authority's identifier. */
  CA_AS_SIGNER,
  /** A signing certificate whose key usage is keyEncipherment only. */
  WRONG_KEY_USAGE,
  /** Subject country differs from the jurisdiction (C=DE in a non-DE PKI, C=FR for DE and international bodies). */
  WRONG_SUBJECT_COUNTRY,
  /** Carries a critical private extension (1.3.6.1.4.1.55555.1.1) no validator knows. */
  UNKNOWN_CRITICAL_EXTENSION
}
