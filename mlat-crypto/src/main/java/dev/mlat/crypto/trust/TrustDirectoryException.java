package dev.mlat.crypto.trust;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import java.util.Optional;

/**
 * A trust directory (folder, {@code authorities.json}, keystore) could not be loaded:
 * {@code TRUST_DIRECTORY_INVALID}, {@code TRUST_LIMIT_EXCEEDED} or {@code CERTIFICATE_MALFORMED}.
 * {@link #location()} names the file or entry at fault.
 */
public final class TrustDirectoryException extends MlatCryptoException {
  private static final long serialVersionUID = 1L;

  private final String location;

  /**
   * @param errorCode the failure
   * @param location the file (relative to the trust folder) or keystore alias at fault, or {@code null}
   * @param message what is wrong and how to fix it
   * @param cause the underlying failure, or {@code null}
   */
  public TrustDirectoryException(CryptoErrorCode errorCode, String location, String message, Throwable cause) {
    super(errorCode, (location == null ? "" : location + ": ") + message, cause);
    this.location = location;
  }

  /** The file or alias at fault, when known. */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }
}
