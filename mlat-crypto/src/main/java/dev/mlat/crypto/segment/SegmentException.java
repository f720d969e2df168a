package dev.mlat.crypto.segment;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import java.util.Optional;

/**
 * A segmented attachment could not be sealed or opened. Carries the position (0-based) of the
 * segment in the stream where the failure was found, when there is one. No plaintext has been
 * released when this is thrown by {@link SegmentedDecryptor}.
 */
public final class SegmentException extends MlatCryptoException {
  private static final long serialVersionUID = 1L;
  private final long position;

  /** A failure not tied to one segment. */
  public SegmentException(CryptoErrorCode errorCode, String message) {
    super(errorCode, message);
    this.position = -1;
  }

  /** A failure at the segment at {@code position} (0-based) in the stream. */
  public SegmentException(CryptoErrorCode errorCode, long position, String message) {
    super(errorCode, "segment " + position + ": " + message);
    this.position = position;
  }

  /** A failure at the segment at {@code position}, with its cause. */
  public SegmentException(CryptoErrorCode errorCode, long position, String message, Throwable cause) {
    super(errorCode, "segment " + position + ": " + message, cause);
    this.position = position;
  }

  /** The 0-based position in the stream of the segment where the failure was found, if any. */
  public Optional<Long> position() {
    return position < 0 ? Optional.empty() : Optional.of(position);
  }
}
