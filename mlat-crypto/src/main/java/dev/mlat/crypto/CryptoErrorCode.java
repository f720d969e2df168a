package dev.mlat.crypto;

import dev.mlat.core.ErrorCode;

/**
 * The error codes of {@code mlat-crypto}. Each is documented in {@code docs/ERRORS.md} under
 * "mlat-crypto"; {@code CryptoErrorCodeTest} keeps the two in step.
 */
public enum CryptoErrorCode implements ErrorCode {
  ;

  private final String description;

  CryptoErrorCode(String description) {
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
