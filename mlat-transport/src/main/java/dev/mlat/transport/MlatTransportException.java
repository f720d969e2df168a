package dev.mlat.transport;

import dev.mlat.core.MlatException;

/**
 * The checked root of every failure raised by {@code mlat-transport}: a package, receipt, channel
 * or ledger operation that could not be completed. {@link #errorCode()} names the failure; every
 * code is documented in {@code docs/ERRORS.md}. Messages never contain request contents or secrets.
 */
public class MlatTransportException extends MlatException {
  private static final long serialVersionUID = 1L;

  /**
   * @param errorCode what failed
   * @param message a one-line explanation without request contents or secrets
   */
  public MlatTransportException(TransportErrorCode errorCode, String message) {
    super(errorCode, message);
  }

  /**
   * @param errorCode what failed
   * @param message a one-line explanation without request contents or secrets
   * @param cause the underlying failure
   */
  public MlatTransportException(TransportErrorCode errorCode, String message, Throwable cause) {
    super(errorCode, message, cause);
  }

  @Override
  public TransportErrorCode errorCode() {
    return (TransportErrorCode) super.errorCode();
  }
}
