package dev.mlat.transport;

import dev.mlat.core.ErrorCode;

/**
 * The error codes of {@code mlat-transport}. Each is documented in {@code docs/ERRORS.md} under
 * "mlat-transport"; {@code TransportErrorCodeTest} keeps the two in step.
 */
public enum TransportErrorCode implements ErrorCode {
  // general

  /** Reading or writing a package, a receipt or a store failed at the operating-system level (disk full, permission, I/O error); nothing was consumed, retry. */
  IO_FAILURE(
      "Reading or writing a package, a receipt or a store failed at the operating-system level (disk full, permission, I/O error); nothing was consumed, retry.");

  // package

  // receipts

  // ledger

  // drop box

  // exchange service

  private final String description;

  TransportErrorCode(String description) {
    this.description = description;
  }

  @Override
  public String code() {
    return name();
  }

  @Override
  public String description() {
    return description;
  }
}
