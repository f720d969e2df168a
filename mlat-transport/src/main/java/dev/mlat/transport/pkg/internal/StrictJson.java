package dev.mlat.transport.pkg.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.core.MlatCoreException;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.Utf8;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Strict reading of the small JSON documents of the transport (header.json, the message.json
 * wrapper, receipt.json): UTF-8 only, no duplicate keys, bounded depth and token sizes, exactly the
 * fields allowed, no nulls, no coercion. Failures are {@link Bad} with the JSON path; callers turn
 * them into their own error code.
 */
public final class StrictJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(64).maxNumberLength(20).maxStringLength(64 << 20).build())
      .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
  /** Reads one value of a document being parsed (the parser's own check covers what follows the document). */
  private static final ObjectReader VALUE_READER = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private StrictJson() {}

  /** A JSON document that is not what the format says, with the path of the problem. */
  public static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;

    public Bad(String message) {
      super(message);
    }
  }

  /**
   * The printer of the transport's documents: Jackson's default pretty printer (two-space
   * indentation, {@code " : "}, arrays on one line) with {@code \n} line ends on every platform.
   * A new instance per document (a printer counts its nesting).
   */
  public static com.fasterxml.jackson.core.util.DefaultPrettyPrinter prettyPrinter() {
    return new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
        .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"));
  }

  /** The shared mapper (for writing trees back to bytes). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses UTF-8 bytes to an object node. */
  public static ObjectNode parseObject(byte[] bytes) throws Bad {
    checkUtf8(bytes);
    JsonNode node;
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      node = MAPPER.readTree(parser);
      if (parser.nextToken() != null) {
        throw new Bad("$: content after the top-level value");
      }
    } catch (IOException | RuntimeException e) {
      throw new Bad("$: not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (node == null || !node.isObject()) {
      throw new Bad("$: not a JSON object");
    }
    return (ObjectNode) node;
  }

  private static void checkUtf8(byte[] bytes) throws Bad {
    // what the JDK's decoder accepts with REPORT, checked without decoding (header.json is ASCII,
    // message.json mostly: eight bytes at a time)
    if (!Utf8.isWellFormed(bytes)) {
      throw new Bad("$: not UTF-8");
    }
  }

  /**
   * A document parsed by {@link #parseObjectKeepingRaw}: its tree and, when the kept field's value
   * was taken as bytes, those bytes (the tree then holds an empty object in its place).
   */
  public record KeptRaw(ObjectNode object, Optional<byte[]> raw) {}

  /**
   * {@link #parseObject} for a document whose top-level field {@code field} holds an object that
   * another reader reads from bytes: that object is not built as a tree but kept as the bytes it
   * has in the document (validated as JSON by the same parser, duplicate names included), when it
   * has at most {@code maxRawBytes} bytes. Otherwise, and for a document {@link #parseObject}
   * refuses, the outcome is exactly {@link #parseObject}'s: the same tree, the same {@link Bad}.
   */
  public static KeptRaw parseObjectKeepingRaw(byte[] bytes, String field, int maxRawBytes) throws Bad {
    checkUtf8(bytes);
    ObjectNode object = MAPPER.createObjectNode();
    byte[] raw = null;
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return new KeptRaw(parseObject(bytes), Optional.empty()); // refused there, with its reason
      }
      JsonToken t;
      while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.START_OBJECT && name.equals(field)) {
          long start = parser.currentTokenLocation().getByteOffset();
          parser.skipChildren();
          long end = parser.currentLocation().getByteOffset();
          if (start < 0 || end <= start || end > bytes.length || end - start > maxRawBytes) {
            return new KeptRaw(parseObject(bytes), Optional.empty());
          }
          raw = java.util.Arrays.copyOfRange(bytes, (int) start, (int) end);
          object.set(name, MAPPER.createObjectNode());
        } else {
          object.set(name, VALUE_READER.readTree(parser));
        }
      }
      if (t != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return new KeptRaw(parseObject(bytes), Optional.empty());
      }
    } catch (IOException | RuntimeException e) {
      return new KeptRaw(parseObject(bytes), Optional.empty()); // refused there, with the same message
    }
    return new KeptRaw(object, Optional.ofNullable(raw));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }

  /** Checks that {@code node} is an object with all of {@code required} and nothing but them and {@code optional}. */
  public static ObjectNode fields(JsonNode node, String path, Set<String> required, Set<String> optional) throws Bad {
    if (node == null || !node.isObject()) {
      throw new Bad(path + ": must be an object");
    }
    Set<String> seen = new HashSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      String name = it.next();
      if (!required.contains(name) && !optional.contains(name)) {
        throw new Bad(path + "." + name + ": unknown field");
      }
      if (node.get(name).isNull()) {
        throw new Bad(path + "." + name + ": null is not allowed; leave the field out");
      }
      seen.add(name);
    }
    for (String name : required) {
      if (!seen.contains(name)) {
        throw new Bad(path + "." + name + ": missing");
      }
    }
    return (ObjectNode) node;
  }

  /** A string field. */
  public static String text(JsonNode parent, String name, String path) throws Bad {
    JsonNode n = parent.get(name);
    if (n == null || !n.isTextual()) {
      throw new Bad(path + "." + name + ": must be a string");
    }
    return n.textValue();
  }

  /** A non-negative integer field within long range. */
  public static long count(JsonNode parent, String name, String path) throws Bad {
    JsonNode n = parent.get(name);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
      throw new Bad(path + "." + name + ": must be a non-negative integer");
    }
    return n.longValue();
  }

  /** A canonical lower-case UUID field. */
  public static UUID uuid(JsonNode parent, String name, String path) throws Bad {
    String s = text(parent, name, path);
    try {
      UUID id = UUID.fromString(s);
      if (!id.toString().equals(s)) {
        throw new Bad(path + "." + name + ": must be a UUID in canonical lower-case form");
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw new Bad(path + "." + name + ": not a UUID");
    }
  }

  /** A PartyId field. */
  public static PartyId party(JsonNode parent, String name, String path) throws Bad {
    String s = text(parent, name, path);
    try {
      PartyId p = PartyId.parse(s);
      if (!p.toString().equals(s)) {
        throw new Bad(path + "." + name + ": party id not in canonical form");
      }
      return p;
    } catch (MlatCoreException e) {
      throw new Bad(path + "." + name + ": not a party id (" + e.getMessage() + ")");
    }
  }

  /** An ISO-8601 UTC instant field in {@link Instant#toString()} form. */
  public static Instant instant(JsonNode parent, String name, String path) throws Bad {
    String s = text(parent, name, path);
    try {
      Instant t = Instant.parse(s);
      if (!t.toString().equals(s)) {
        throw new Bad(path + "." + name + ": time must be written as " + t);
      }
      return t;
    } catch (DateTimeParseException e) {
      throw new Bad(path + "." + name + ": not an ISO-8601 UTC time");
    }
  }

  /** A 64-digit lower-case hex SHA-256 field. */
  public static String sha256(JsonNode parent, String name, String path) throws Bad {
    String s = text(parent, name, path);
    if (!isSha256Hex(s)) {
      throw new Bad(path + "." + name + ": must be 64 lower-case hex digits");
    }
    return s;
  }

  /** Whether {@code s} is 64 lower-case hex digits (what {@code [0-9a-f]{64}} matches), without a regular expression. */
  public static boolean isSha256Hex(String s) {
    return isLowerHex(s) && s.length() == 64;
  }

  /** Whether {@code s} is non-empty and all lower-case hex digits. */
  public static boolean isLowerHex(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
