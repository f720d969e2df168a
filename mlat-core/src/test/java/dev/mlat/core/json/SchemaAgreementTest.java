package dev.mlat.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mlat.core.testing.ErrorCatalogue;
import dev.mlat.core.testing.ModelArbitraries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The published JSON Schema and the strict reader accept exactly the same documents, on the rules
 * a schema can express: valid documents written from generated models, and mutations of them (an
 * unknown property, a removed property, a value of another JSON type, an unknown type name, a
 * null, a value wrapped in an array, an empty string).
 *
 * <p>Rules only the reader enforces (duplicate keys, limits, unpaired surrogates, unassigned
 * country codes, impossible dates, {@code 1.0} for an integer) are outside these mutations; see
 * {@code SchemaGenerator}.
 */
class SchemaAgreementTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema REQUEST_SCHEMA = schema("request.schema.json");
  private static final Schema MESSAGE_SCHEMA = schema("message.schema.json");
  private static final List<JsonNode> WRONG_VALUES = List.of(
      JsonNodeFactory.instance.numberNode(12345),
      JsonNodeFactory.instance.numberNode(-7),
      JsonNodeFactory.instance.numberNode(1.5),
      JsonNodeFactory.instance.textNode("text"),
      JsonNodeFactory.instance.booleanNode(true),
      JsonNodeFactory.instance.objectNode(),
      JsonNodeFactory.instance.arrayNode());

  private final MlatJson json = MlatJson.strict();

  enum Mutation { NONE, UNKNOWN_PROPERTY, REMOVE_PROPERTY, WRONG_TYPE, UNKNOWN_TYPE_NAME, NULL, WRAP_IN_ARRAY, EMPTY_STRING }

  record Case(String document, Mutation mutation, String where) {}

  static Schema schema(String name) {
    try {
      return REGISTRY.getSchema(Files.readString(ErrorCatalogue.docsFolder().resolve("schema").resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<Case> requestCases() {
    return cases(ModelArbitraries.requests().map(json::writeRequest));
  }

  @Provide
  Arbitrary<Case> messageCases() {
    return cases(ModelArbitraries.messages().map(json::writeMessage));
  }

  private static Arbitrary<Case> cases(Arbitrary<byte[]> documents) {
    return Combinators.combine(documents, Arbitraries.of(Mutation.class), Arbitraries.longs())
        .as((bytes, mutation, seed) -> mutate(bytes, mutation, new Random(seed)));
  }

  @Property(tries = 400)
  void schemaAndReaderAgreeOnRequests(@ForAll("requestCases") Case c) {
    assertAgreement(c, REQUEST_SCHEMA, bytes -> {
      try {
        json.readRequest(bytes);
        return null;
      } catch (JsonInputException e) {
        return e;
      }
    });
  }

  @Property(tries = 400)
  void schemaAndReaderAgreeOnMessages(@ForAll("messageCases") Case c) {
    assertAgreement(c, MESSAGE_SCHEMA, bytes -> {
      try {
        json.readMessage(bytes);
        return null;
      } catch (JsonInputException e) {
        return e;
      }
    });
  }

  private static void assertAgreement(Case c, Schema schema, Function<byte[], JsonInputException> reader) {
    List<Error> errors = schema.validate(c.document(), InputFormat.JSON);
    JsonInputException rejection = reader.apply(c.document().getBytes(StandardCharsets.UTF_8));
    boolean schemaAccepts = errors.isEmpty();
    boolean readerAccepts = rejection == null;
    Statistics.label("mutation").collect(c.mutation());
    Statistics.label("outcome").collect(readerAccepts ? "accepted" : "rejected");
    assertThat(readerAccepts)
        .as("%s at %s: schema %s, reader %s%n%s", c.mutation(), c.where(),
            schemaAccepts ? "accepts" : "rejects " + errors,
            readerAccepts ? "accepts" : "rejects: " + rejection.getMessage(), c.document())
        .isEqualTo(schemaAccepts);
    if (c.mutation() == Mutation.NONE) {
      assertThat(readerAccepts).as("unmutated documents are valid").isTrue();
    }
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("accepted").count(n -> n > 0);
      coverage.check("rejected").count(n -> n > 0);
    });
  }

  /** A place in the tree: a container and a key (object) or an index (array). */
  private record Slot(JsonNode container, String key, int index, String path) {
    JsonNode value() {
      return key != null ? container.get(key) : container.get(index);
    }

    void set(JsonNode value) {
      if (key != null) {
        ((ObjectNode) container).set(key, value);
      } else {
        ((ArrayNode) container).set(index, value);
      }
    }
  }

  private static void collect(JsonNode node, String path, List<Slot> slots, List<ObjectNode> objects) {
    if (node.isObject()) {
      objects.add((ObjectNode) node);
      var names = new ArrayList<String>();
      node.fieldNames().forEachRemaining(names::add);
      for (var name : names) {
        slots.add(new Slot(node, name, -1, path + "." + name));
        collect(node.get(name), path + "." + name, slots, objects);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        slots.add(new Slot(node, null, i, path + "[" + i + "]"));
        collect(node.get(i), path + "[" + i + "]", slots, objects);
      }
    }
  }

  static Case mutate(byte[] bytes, Mutation mutation, Random random) {
    try {
      var root = (ObjectNode) PLAIN.readTree(bytes);
      var slots = new ArrayList<Slot>();
      var objects = new ArrayList<ObjectNode>();
      collect(root, "$", slots, objects);
      String where = "$";
      switch (mutation) {
        case NONE:
          break;
        case UNKNOWN_PROPERTY: {
          var target = objects.get(random.nextInt(objects.size()));
          target.put("zzUnknown", "x");
          break;
        }
        case REMOVE_PROPERTY: {
          var properties = slots.stream().filter(s -> s.key() != null).toList();
          var slot = properties.get(random.nextInt(properties.size()));
          ((ObjectNode) slot.container()).remove(slot.key());
          where = slot.path();
          break;
        }
        case WRONG_TYPE: {
          var slot = slots.get(random.nextInt(slots.size()));
          slot.set(WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size())).deepCopy());
          where = slot.path();
          break;
        }
        case UNKNOWN_TYPE_NAME: {
          var typed = slots.stream()
              .filter(s -> "type".equals(s.key()) || "messageType".equals(s.key())).toList();
          if (!typed.isEmpty()) {
            var slot = typed.get(random.nextInt(typed.size()));
            slot.set(JsonNodeFactory.instance.textNode(random.nextBoolean() ? "bogus" : "Ipv6Address"));
            where = slot.path();
          }
          break;
        }
        case NULL: {
          var slot = slots.get(random.nextInt(slots.size()));
          slot.set(JsonNodeFactory.instance.nullNode());
          where = slot.path();
          break;
        }
        case WRAP_IN_ARRAY: {
          var slot = slots.get(random.nextInt(slots.size()));
          slot.set(JsonNodeFactory.instance.arrayNode().add(slot.value().deepCopy()));
          where = slot.path();
          break;
        }
        case EMPTY_STRING: {
          var strings = slots.stream().filter(s -> s.value().isTextual()).toList();
          var slot = strings.get(random.nextInt(strings.size()));
          slot.set(JsonNodeFactory.instance.textNode(""));
          where = slot.path();
          break;
        }
        default:
          throw new IllegalStateException();
      }
      return new Case(PLAIN.writeValueAsString(root), mutation, where);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
