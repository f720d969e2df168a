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
  JSON_UNSUPPORTED_SCHEMA_VERSION("The document's schemaVersion is not one this library reads"),
  // validation
  VALIDATION_AMOUNT_INVALID("A monetary amount is not a non-negative decimal number with at most 18 integer and 4 fractional digits"),
  VALIDATION_AUTHORITY_KIND_NOT_ALLOWED("The kind of the issuing or validating authority is not one the instrument allows for this order (for example a prosecutor validating a Regulation 2023/1543 order for traffic or content data)"),
  VALIDATION_CURRENCY_INVALID("A currency is not an ISO 4217 alphabetic code"),
  VALIDATION_DATE_ORDER_INVALID("Two dates are in the wrong order: a time range or occurrence ends before it starts, or the deadline is not after the issue date"),
  VALIDATION_DOMAIN_INVALID("A domain name is not a valid DNS name (LDH labels of 1 to 63 characters, at most 253 in all, at least two labels) or an internationalised name that IDNA cannot convert"),
  VALIDATION_E164_INVALID("A telephone number is not in E.164 international form"),
  VALIDATION_EMAIL_INVALID("An e-mail address is not a valid RFC 5322 addr-spec (dot-atom local part of at most 64 characters, @, a valid domain name)"),
  VALIDATION_FAILED("A request (or a value) has validation violations; the report lists each with its JSON path, code and message"),
  VALIDATION_FIELD_BLANK("A text that is present is empty or only whitespace"),
  VALIDATION_FIELD_REQUIRED("An issued request lacks something its instrument requires (the path names it, the message cites the article); see docs/VALIDATION.md"),
  VALIDATION_IBAN_INVALID("An IBAN has a wrong length for its country, an unknown country, characters other than upper-case letters and digits, or a wrong ISO 13616 mod-97 check"),
  VALIDATION_IMEI_INVALID("An IMEI is not 14 digits, 15 digits with a valid Luhn check digit, or a 16-digit IMEISV (3GPP TS 23.003)"),
  VALIDATION_IMSI_INVALID("An IMSI is not 14 or 15 digits starting with a valid mobile country code (ITU-T E.212)"),
  VALIDATION_IP_ADDRESS_INVALID("An IPv4 address is not a dotted quad (four decimal numbers 0-255 without leading zeros), or an IPv6 address is not an RFC 4291 text form (zone identifiers and prefixes are not accepted)"),
  VALIDATION_IP_OBSERVED_TIME_MISSING("An issued request names an IP address without the time it was observed in use; a dynamic or shared address identifies nobody without it"),
  VALIDATION_LANGUAGE_CODE_INVALID("A language is not a lower-case ISO 639-1 two-letter code known to the JDK (Locale.getISOLanguages())"),
  VALIDATION_MEASURE_NOT_AVAILABLE("The instrument the request invokes does not provide for one of its measures (Regulation 2023/1543 orders are production or preservation orders only)"),
  VALIDATION_MEASURE_TARGET_MISSING("An issued request has a measure without a target: no identifier, asset, account, person, place or preservation it applies to"),
  VALIDATION_MEDIA_TYPE_INVALID("A media type is not of the form type/subtype (RFC 6838 restricted names, no parameters)"),
  VALIDATION_NUMBER_OUT_OF_RANGE("A number is outside its allowed range (a negative or zero size or period, a port above 65535)"),
  VALIDATION_REFERENCE_INVALID("A reference does not resolve or is ambiguous: a subject or attachment reference names nothing in the request, or two subjects or attachments share a reference"),
  VALIDATION_SHA256_INVALID("A SHA-256 digest is not 64 lower-case hexadecimal digits"),
  VALIDATION_TIME_ZONE_INVALID("A time zone is neither an IANA zone name nor a UTC offset that java.time.ZoneId accepts"),
  VALIDATION_URGENCY_JUSTIFICATION_MISSING("An issued request is urgent or an emergency but does not say why (for an emergency: the imminent risk to life or safety)"),
  VALIDATION_URL_INVALID("A URL is not an absolute http, https, ftp or ftps URL with a host (RFC 3986)"),
  VALIDATION_VALIDATING_AUTHORITY_REQUIRED("The instrument requires a validating judicial authority because the issuing authority is not a judge, court or prosecutor of the kind the article names");

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
