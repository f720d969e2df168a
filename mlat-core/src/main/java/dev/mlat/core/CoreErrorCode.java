package dev.mlat.core;

/**
 * The error codes of {@code mlat-core}. Each is documented in {@code docs/ERRORS.md} under
 * "mlat-core"; {@code ErrorCatalogueTest} keeps the two in step.
 */
public enum CoreErrorCode implements ErrorCode {
  JURISDICTION_UNKNOWN("The jurisdiction is neither an ISO 3166-1 alpha-2 code (or XK) nor a known international body"),
  PARTY_ID_INVALID("A party identifier is empty, too long or uses characters outside [A-Za-z0-9._-]");

  private final String description;

  CoreErrorCode(String description) {
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
