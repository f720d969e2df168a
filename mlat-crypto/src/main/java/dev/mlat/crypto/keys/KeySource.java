package dev.mlat.crypto.keys;

/** Where the private key of a {@link KeyIdentity} lives. */
public enum KeySource {
  /** Loaded from a PKCS#12 file into memory. */
  PKCS12,
  /** On a PKCS#11 token (HSM); the key never leaves it. */
  PKCS11,
  /** Supplied by the application as a JCA private key. */
  IN_MEMORY
}
