package dev.mlat.crypto.timestamp;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import java.net.URI;
import java.util.Optional;

/**
 * A timestamp could not be obtained or did not verify. The {@link #errorCode()} is one of the
 * {@code TIMESTAMP_*} codes of {@link CryptoErrorCode} (docs/TIMESTAMPS.md lists which step raises
 * which); {@link #authority()} names the TSA asked, when a client was involved. For
 * {@link CryptoErrorCode#TIMESTAMP_AUTHORITY_UNTRUSTED} the {@linkplain #getCause() cause} is the
 * {@link dev.mlat.crypto.trust.UntrustedCertificateException} or
 * {@link dev.mlat.crypto.AlgorithmRefusedException} of the trust rule that failed.
 */
public final class TimestampException extends MlatCryptoException {
  private static final long serialVersionUID = 1L;

  private final URI authority;

  /**
   * @param errorCode a {@code TIMESTAMP_*} code
   * @param message what failed and how to fix it
   * @param authority the TSA's URL, or {@code null} when verifying a token alone
   * @param cause the underlying failure, or {@code null}
   */
  public TimestampException(CryptoErrorCode errorCode, String message, URI authority, Throwable cause) {
    super(errorCode, message + (authority == null ? "" : " [TSA " + authority + "]"), cause);
    if (!errorCode.name().startsWith("TIMESTAMP_")) {
      throw new IllegalArgumentException("a TimestampException needs a TIMESTAMP_* code, not " + errorCode);
    }
    this.authority = authority;
  }

  /** The URL of the TSA that was asked, when the failure came from a {@link TimestampClient}. */
  public Optional<URI> authority() {
    return Optional.ofNullable(authority);
  }
}
