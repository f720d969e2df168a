package dev.mlat.core;

import java.util.Objects;

/**
 * The common supertype of every checked mlat failure. Each module has one root below it
 * ({@link MlatCoreException} here, {@code MlatCryptoException}, {@code MlatTransportException}),
 * and every instance carries a stable {@link ErrorCode}.
 *
 * <p>Messages never contain request contents, secrets or key material: they name the field, the
 * rule and, where it helps, the fix.
 */
public abstract class MlatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ErrorCode errorCode;
  private final String detail;

  protected MlatException(ErrorCode errorCode, String message, Throwable cause) {
    super(Objects.requireNonNull(errorCode, "errorCode").code() + ": " + Objects.requireNonNull(message, "message"), cause);
    this.errorCode = errorCode;
    this.detail = message;
  }

  protected MlatException(ErrorCode errorCode, String message) {
    this(errorCode, message, null);
  }

  /** The stable code of this failure, as documented in {@code docs/ERRORS.md}. */
  public ErrorCode errorCode() {
    return errorCode;
  }

  /**
   * The message as given, without the leading {@code CODE: } that {@link #getMessage()} adds; what
   * a subclass passes on when it re-raises the failure with more context.
   */
  public String messageWithoutCode() {
    return detail;
  }
}
