package dev.mlat.core.json.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.MessageType;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.LifecycleMessage;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Generates the JSON Schemas (draft 2020-12) of the wire format from the model itself, with the
 * same rules the reader applies: a record's components are its properties, all required except
 * {@code Optional} and {@code List} ones; no other property is allowed; polymorphic values carry
 * their closed type name from {@link TypeNames}; scalars have the patterns of {@link
 * StrictDeserializers}. The committed files in {@code docs/schema/} are this generator's output
 * ({@code SchemaGeneratorTest} keeps them equal).
 *
 * <p>What the reader checks and a schema cannot express: duplicate keys, the limits, unpaired
 * surrogates, unassigned country codes (the schema checks the shape), impossible calendar dates,
 * and integers written with a zero fraction such as {@code 1.0} (JSON Schema counts them as
 * integers; the reader does not).
 */
public final class SchemaGenerator {

  /** The JSON Schema dialect of every generated file. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final String VERSION = "1.0";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String JURISDICTION_PATTERN = "[A-Z]{2}|"
      + Arrays.stream(Jurisdiction.InternationalBody.values()).map(Enum::name).collect(Collectors.joining("|"));

  private final Map<String, ObjectNode> definitions = new TreeMap<>();
  private final Map<String, Class<?>> definedBy = new LinkedHashMap<>();

  private SchemaGenerator() {}

  /** Every schema file, by its path under {@code docs/schema/}, as the bytes to commit. */
  public static Map<String, byte[]> allFiles() {
    var files = new TreeMap<String, byte[]>();
    files.put("request.schema.json", bytes(requestDocument()));
    files.put("message.schema.json", bytes(messageDocument(null)));
    for (var type : MessageType.values()) {
      files.put("messages/" + type.wireName() + ".schema.json", bytes(messageDocument(type)));
    }
    return files;
  }

  /** The schema of a request document, {@code {"schemaVersion", "request"}}. */
  public static ObjectNode requestDocument() {
    var generator = new SchemaGenerator();
    var request = generator.reference(Request.class);
    return generator.document("mlat request document, schema version " + VERSION, "request", request);
  }

  /**
   * The schema of a message document, {@code {"schemaVersion", "message"}}, for any message type
   * when {@code type} is null.
   */
  public static ObjectNode messageDocument(MessageType type) {
    var generator = new SchemaGenerator();
    ObjectNode message;
    String title;
    if (type == null) {
      message = generator.reference(LifecycleMessage.class);
      title = "mlat lifecycle message document (any message type), schema version " + VERSION;
    } else {
      message = generator.reference(TypeNames.MESSAGE.subtypes().get(type.wireName()));
      title = "mlat " + type.wireName() + " message document, schema version " + VERSION;
    }
    return generator.document(title, "message", message);
  }

  private ObjectNode document(String title, String property, ObjectNode content) {
    var root = NODES.objectNode();
    root.put("$schema", DIALECT);
    root.put("title", title);
    root.put("type", "object");
    root.put("additionalProperties", false);
    root.putArray("required").add("schemaVersion").add(property);
    var properties = root.putObject("properties");
    properties.putObject("schemaVersion").put("const", VERSION);
    properties.set(property, content);
    var defs = root.putObject("$defs");
    definitions.forEach(defs::set);
    return root;
  }

  private static byte[] bytes(ObjectNode schema) {
    try {
      var mapper = new ObjectMapper();
      String text = mapper.writer(Mappers.prettyPrinter()).writeValueAsString(schema);
      return (text + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode reference(Class<?> type) {
    String name = type.getSimpleName();
    var previous = definedBy.putIfAbsent(name, type);
    if (previous != null && !previous.equals(type)) {
      throw new IllegalStateException("two model types named " + name + ": " + previous + " and " + type);
    }
    if (!definitions.containsKey(name)) {
      definitions.put(name, NODES.objectNode()); // placeholder, against endless recursion
      definitions.put(name, define(type));
    }
    return NODES.objectNode().put("$ref", "#/$defs/" + name);
  }

  private ObjectNode define(Class<?> type) {
    if (type == UUID.class) {
      return string(StrictDeserializers.UUID_PATTERN, "A UUID, 8-4-4-4-12 hexadecimal digits.");
    }
    if (type == Instant.class) {
      return string(StrictDeserializers.INSTANT_PATTERN, "An instant in UTC, ISO-8601, for example 2026-03-01T10:15:30Z.");
    }
    if (type == LocalDate.class) {
      return string(StrictDeserializers.DATE_PATTERN, "A calendar date, ISO-8601, for example 2026-03-01.");
    }
    if (type == Jurisdiction.class) {
      return string("^(" + JURISDICTION_PATTERN + ")$",
          "An assigned ISO 3166-1 alpha-2 code (or XK), or an international body.");
    }
    if (type == PartyId.class) {
      return string("^(" + JURISDICTION_PATTERN + "):" + PartyId.IDENTIFIER.pattern() + "$",
          "A party: JURISDICTION:IDENTIFIER, for example FR:FR-MOJ.");
    }
    if (type.isEnum()) {
      var node = NODES.objectNode().put("type", "string");
      var values = node.putArray("enum");
      for (var constant : type.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
      return node;
    }
    if (type.isSealed()) {
      var family = TypeNames.familyOf(type)
          .orElseThrow(() -> new IllegalStateException("sealed type without type names: " + type));
      var node = NODES.objectNode();
      node.put("description", "One of: " + String.join(", ", family.subtypes().keySet())
          + " (in the \"" + family.property() + "\" property).");
      // The closed set of type names, stated once for the family; each branch below fixes its own.
      node.put("type", "object");
      node.putArray("required").add(family.property());
      var names = node.putObject("properties").putObject(family.property()).put("type", "string").putArray("enum");
      family.subtypes().keySet().forEach(names::add);
      ArrayNode oneOf = node.putArray("oneOf");
      for (var subtype : family.subtypes().values()) {
        oneOf.add(reference(subtype));
      }
      return node;
    }
    if (type.isRecord()) {
      return record(type);
    }
    throw new IllegalStateException("no schema for " + type);
  }

  private ObjectNode record(Class<?> type) {
    var node = NODES.objectNode().put("type", "object").put("additionalProperties", false);
    var required = node.putArray("required");
    var properties = node.putObject("properties");
    Optional<TypeNames.Family> family = Arrays.stream(type.getInterfaces())
        .map(TypeNames::familyOf).flatMap(Optional::stream).findFirst();
    family.ifPresent(f -> {
      required.add(f.property());
      properties.putObject(f.property()).put("const", f.nameOf(type));
    });
    var sorted = new TreeMap<String, RecordComponent>();
    for (var component : type.getRecordComponents()) {
      sorted.put(component.getName(), component);
    }
    for (var component : sorted.values()) {
      Class<?> raw = component.getType();
      if (raw != Optional.class && raw != List.class) {
        required.add(component.getName());
      }
      properties.set(component.getName(), schemaOf(component.getGenericType()));
    }
    return node;
  }

  private ObjectNode schemaOf(Type type) {
    if (type instanceof ParameterizedType) {
      var parameterized = (ParameterizedType) type;
      Type element = parameterized.getActualTypeArguments()[0];
      if (parameterized.getRawType() == Optional.class) {
        return schemaOf(element);
      }
      if (parameterized.getRawType() == List.class) {
        var node = NODES.objectNode().put("type", "array");
        node.set("items", schemaOf(element));
        return node;
      }
      throw new IllegalStateException("no schema for " + type);
    }
    Class<?> raw = (Class<?>) type;
    if (raw == String.class) {
      return NODES.objectNode().put("type", "string");
    }
    if (raw == Integer.class || raw == int.class) {
      return NODES.objectNode().put("type", "integer").put("minimum", Integer.MIN_VALUE).put("maximum", Integer.MAX_VALUE);
    }
    if (raw == Long.class || raw == long.class) {
      return NODES.objectNode().put("type", "integer").put("minimum", Long.MIN_VALUE).put("maximum", Long.MAX_VALUE);
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return NODES.objectNode().put("type", "boolean");
    }
    return reference(raw);
  }

  private static ObjectNode string(String pattern, String description) {
    return NODES.objectNode().put("type", "string").put("pattern", pattern).put("description", description);
  }
}
