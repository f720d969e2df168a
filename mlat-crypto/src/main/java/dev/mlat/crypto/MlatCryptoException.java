package dev.mlat.crypto;

import dev.mlat.core.MlatException;

/**
 * The root of the checked failures raised by {@code mlat-crypto}: untrusted signers, failed
 * decryption, refused algorithms, unusable keys. Every instance carries a {@link CryptoErrorCode}.
 * Messages never contain key material, passwords or plaintext.
 */
public class MlatCryptoException extends MlatException {
  private static final long serialVersionUID = 1L;

  public MlatCryptoException(CryptoErrorCode errorCode, String message) {
    super(errorCode, message);
  }

  public MlatCryptoException(CryptoErrorCode errorCode, String message, Throwable cause) {
    super(errorCode, message, cause);
  }

  @Override
  public CryptoErrorCode errorCode() {
    return (CryptoErrorCode) super.errorCode();
  }
}
