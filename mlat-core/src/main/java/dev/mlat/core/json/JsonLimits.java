package dev.mlat.core.json;

/**
 * The limits the strict JSON reader applies to documents it did not produce. Each is checked before
 * any model object is built; exceeding one raises a {@link JsonInputException} with the code named
 * below and the JSON path where it happened. Every limit is listed in {@code docs/LIMITS.md}.
 *
 * <p>Immutable and thread-safe. Start from {@link #DEFAULTS} and change one limit at a time:
 *
 * <pre>{@code
 * JsonLimits limits = JsonLimits.DEFAULTS.withMaxStringLength(1_000_000);
 * MlatJson json = MlatJson.strict(limits);
 * }</pre>
 *
 * @param maxDocumentBytes largest document, in bytes ({@code JSON_DOCUMENT_TOO_LARGE})
 * @param maxNestingDepth deepest nesting of arrays and objects; the top-level object is depth 1
 *     ({@code JSON_NESTING_TOO_DEEP})
 * @param maxStringLength longest string value, in UTF-16 characters ({@code JSON_STRING_TOO_LONG})
 * @param maxPropertyNameLength longest property name, in characters ({@code JSON_PROPERTY_NAME_TOO_LONG})
 * @param maxNumberLength longest number, in characters including the sign ({@code JSON_NUMBER_TOO_LONG})
 * @param maxArrayLength most elements in one array ({@code JSON_ARRAY_TOO_LONG})
 * @throws IllegalArgumentException if a limit is not positive
 */
public record JsonLimits(
    int maxDocumentBytes,
    int maxNestingDepth,
    int maxStringLength,
    int maxPropertyNameLength,
    int maxNumberLength,
    int maxArrayLength) {

  /** Default largest document: 4 MiB (requests and messages are small; evidence travels as attachments). */
  public static final int DEFAULT_MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
  /** Default deepest nesting: 32 (valid documents need at most 9). */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 32;
  /** Default longest string: 262,144 characters (about 100 pages of facts). */
  public static final int DEFAULT_MAX_STRING_LENGTH = 262_144;
  /** Default longest property name: 128 characters (the format's longest is far shorter). */
  public static final int DEFAULT_MAX_PROPERTY_NAME_LENGTH = 128;
  /** Default longest number: 20 characters (any 64-bit integer with its sign). */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 20;
  /** Default most elements in one array: 10,000. */
  public static final int DEFAULT_MAX_ARRAY_LENGTH = 10_000;

  /** The safe defaults. */
  public static final JsonLimits DEFAULTS = new JsonLimits(
      DEFAULT_MAX_DOCUMENT_BYTES,
      DEFAULT_MAX_NESTING_DEPTH,
      DEFAULT_MAX_STRING_LENGTH,
      DEFAULT_MAX_PROPERTY_NAME_LENGTH,
      DEFAULT_MAX_NUMBER_LENGTH,
      DEFAULT_MAX_ARRAY_LENGTH);

  public JsonLimits {
    positive("maxDocumentBytes", maxDocumentBytes);
    positive("maxNestingDepth", maxNestingDepth);
    positive("maxStringLength", maxStringLength);
    positive("maxPropertyNameLength", maxPropertyNameLength);
    positive("maxNumberLength", maxNumberLength);
    positive("maxArrayLength", maxArrayLength);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }

  /** A copy with {@code maxDocumentBytes} changed. */
  public JsonLimits withMaxDocumentBytes(int value) {
    return new JsonLimits(value, maxNestingDepth, maxStringLength, maxPropertyNameLength, maxNumberLength, maxArrayLength);
  }

  /** A copy with {@code maxNestingDepth} changed. */
  public JsonLimits withMaxNestingDepth(int value) {
    return new JsonLimits(maxDocumentBytes, value, maxStringLength, maxPropertyNameLength, maxNumberLength, maxArrayLength);
  }

  /** A copy with {@code maxStringLength} changed. */
  public JsonLimits withMaxStringLength(int value) {
    return new JsonLimits(maxDocumentBytes, maxNestingDepth, value, maxPropertyNameLength, maxNumberLength, maxArrayLength);
  }

  /** A copy with {@code maxPropertyNameLength} changed. */
  public JsonLimits withMaxPropertyNameLength(int value) {
    return new JsonLimits(maxDocumentBytes, maxNestingDepth, maxStringLength, value, maxNumberLength, maxArrayLength);
  }

  /** A copy with {@code maxNumberLength} changed. */
  public JsonLimits withMaxNumberLength(int value) {
    return new JsonLimits(maxDocumentBytes, maxNestingDepth, maxStringLength, maxPropertyNameLength, value, maxArrayLength);
  }

  /** A copy with {@code maxArrayLength} changed. */
  public JsonLimits withMaxArrayLength(int value) {
    return new JsonLimits(maxDocumentBytes, maxNestingDepth, maxStringLength, maxPropertyNameLength, maxNumberLength, value);
  }
}
