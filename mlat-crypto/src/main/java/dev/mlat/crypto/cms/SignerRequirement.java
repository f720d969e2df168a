package dev.mlat.crypto.cms;

/**
 * How many signatures a SignedData must carry, and of which kind. Anything else (zero signers, an
 * extra or a stripped SignerInfo) fails with CMS_SIGNER_COUNT.
 */
public enum SignerRequirement {
  /** Exactly one SignerInfo. */
  ONE_SIGNER,
  /**
   * A hybrid signature: either exactly one SignerInfo with a composite ML-DSA + ECDSA algorithm,
   * or exactly two SignerInfos, one classical (ECDSA, RSA, Ed25519) and one ML-DSA. Stripping
   * either of the two is detected.
   */
  CLASSICAL_AND_POST_QUANTUM
}
