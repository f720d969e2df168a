package dev.mlat.core;

/**
 * The error codes of {@code mlat-core}. Each is documented in {@code docs/ERRORS.md} under
 * "mlat-core"; {@code ErrorCatalogueTest} keeps the two in step.
 */
public enum CoreErrorCode implements ErrorCode {
  JURISDICTION_UNKNOWN("The jurisdiction is neither an ISO 3166-1 alpha-2 code (or XK) nor a known international body"),
  PARTY_ID_INVALID("A party identifier is empty, too long or uses characters outside [A-Za-z0-9._-]"),
  LIFECYCLE_ILLEGAL_TRANSITION("A lifecycle message is not allowed from its sender in the request's state"),
  LIFECYCLE_DUPLICATE_MESSAGE("A lifecycle message id was already applied to the request"),
  LIFECYCLE_WRONG_REQUEST("A lifecycle message was applied to another request than the one it belongs to"),
  LIFECYCLE_DATE_INVALID("A lifecycle message's dates contradict the lifecycle (deadline or preservation end)"),
  LIFECYCLE_TOO_MANY_MESSAGES("A request has reached the maximum number of lifecycle messages");

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
