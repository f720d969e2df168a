package dev.mlat.crypto.seal;

/** Which signers may speak for the sender a sealed message names. */
public enum SenderAuthority {
  /**
   * The signer's certificate belongs to exactly the named sender: the trust report's authority
   * equals the signed sender. The default.
   */
  SIGNER_IS_SENDER,
  /**
   * Another issuing authority of the sender's jurisdiction may sign for it (for example a central
   * authority signing for a prosecutor's office); the signer's jurisdiction must still equal the
   * sender's. Only when the two states' agreement provides for it.
   */
  SAME_JURISDICTION
}
