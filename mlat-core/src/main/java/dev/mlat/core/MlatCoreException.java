package dev.mlat.core;

/**
 * The root of the checked failures raised by {@code mlat-core}: malformed or over-limit JSON,
 * invalid models, illegal lifecycle transitions. Subtypes add context (a JSON path, a state).
 */
public class MlatCoreException extends MlatException {
  private static final long serialVersionUID = 1L;

  public MlatCoreException(CoreErrorCode errorCode, String message) {
    super(errorCode, message);
  }

  public MlatCoreException(CoreErrorCode errorCode, String message, Throwable cause) {
    super(errorCode, message, cause);
  }

  @Override
  public CoreErrorCode errorCode() {
    return (CoreErrorCode) super.errorCode();
  }
}
