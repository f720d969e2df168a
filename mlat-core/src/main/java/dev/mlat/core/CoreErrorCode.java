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
  LIFECYCLE_TOO_MANY_MESSAGES("A request has reached the maximum number of lifecycle messages"),
  LIFECYCLE_FACT_MISSING("A lifecycle message lacks a fact the state machine needs (for example a preservation confirmation without its end date)"),
  JSON_DOCUMENT_TOO_LARGE("A JSON document is larger than the configured maximum number of bytes"),
  JSON_INVALID_UTF8("A JSON document is not well-formed UTF-8, or a string holds an unpaired surrogate"),
  JSON_MALFORMED("A document is not syntactically valid JSON"),
  JSON_DUPLICATE_KEY("An object contains the same property name twice"),
  JSON_TRAILING_CONTENT("Something follows the end of the top-level JSON value"),
  JSON_NESTING_TOO_DEEP("Arrays and objects are nested deeper than the configured maximum"),
  JSON_STRING_TOO_LONG("A JSON string is longer than the configured maximum number of characters"),
  JSON_PROPERTY_NAME_TOO_LONG("A property name is longer than the configured maximum"),
  JSON_NUMBER_TOO_LONG("A JSON number has more characters than the configured maximum"),
  JSON_ARRAY_TOO_LONG("A JSON array has more elements than the configured maximum"),
  JSON_NULL_VALUE("A JSON value is null; the format omits absent values instead"),
  JSON_UNKNOWN_PROPERTY("An object has a property the format does not define"),
  JSON_MISSING_PROPERTY("A required property is absent"),
  JSON_WRONG_TYPE("A JSON value has the wrong type (for example a number where a string is expected)"),
  JSON_INVALID_VALUE("A JSON value has the right type but a value the format does not allow"),
  JSON_UNKNOWN_TYPE("A polymorphic type name is not in the closed set of names, or is missing"),
  JSON_UNSUPPORTED_SCHEMA_VERSION("The document's schemaVersion is not one this library reads");

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
