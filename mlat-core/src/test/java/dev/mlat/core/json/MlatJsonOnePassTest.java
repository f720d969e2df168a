package dev.mlat.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.testing.ModelArbitraries;
import dev.mlat.core.testing.SampleMessages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * MlatJson reads an accepted document in one pass (UTF-8 checked without decoding, the structure
 * checks applied to the tokens databind reads) and reads a refused one again with the explaining
 * reader (decode, scan, databind) for its error. These properties hold the two to each other: the
 * one-pass reader accepts only what the explaining reader accepts, with an equal value; it accepts
 * every valid document (else it would cost twice); and {@link MlatJson#readMessage(byte[])} has the
 * explaining reader's outcome (value, or code, path and message) for valid and mutated documents.
 */
class MlatJsonOnePassTest {

  private final MlatJson json = MlatJson.strict();

  /** A reader's outcome: the value, or the error's code, path and message. */
  record Outcome(Object value, String error) {
    static Outcome of(ThrowingRead read) {
      try {
        return new Outcome(read.read(), null);
      } catch (JsonInputException e) {
        return new Outcome(null, e.errorCode().code() + " | " + e.path() + " | " + e.getMessage());
      }
    }
  }

  interface ThrowingRead {
    Object read() throws JsonInputException;
  }

  @Provide
  Arbitrary<LifecycleMessage> messages() {
    return ModelArbitraries.messages();
  }

  @Provide
  Arbitrary<Request> requests() {
    return ModelArbitraries.requests();
  }

  @Property(tries = 300)
  void everyValidMessageIsReadInOnePassAsTheExplainingReaderReadsIt(@ForAll("messages") LifecycleMessage message)
      throws Exception {
    byte[] bytes = json.writeMessage(message);
    LifecycleMessage onePass = json.readMessageInOnePass(bytes);
    assertThat(onePass).as("the one-pass reader accepts a valid document").isNotNull();
    assertThat(onePass).isEqualTo(json.readMessageExplaining(bytes)).isEqualTo(message);
  }

  @Property(tries = 150)
  void everyValidRequestIsReadInOnePassAsTheExplainingReaderReadsIt(@ForAll("requests") Request request)
      throws Exception {
    byte[] bytes = json.writeRequest(request);
    Request onePass = json.readRequestInOnePass(bytes);
    assertThat(onePass).as("the one-pass reader accepts a valid document").isNotNull();
    assertThat(onePass).isEqualTo(json.readRequestExplaining(bytes)).isEqualTo(request);
  }

  @Provide
  Arbitrary<byte[]> mutatedMessages() {
    Arbitrary<byte[]> documents = ModelArbitraries.messages().map(json::writeMessage);
    Arbitrary<byte[]> treeMutations = Combinators
        .combine(documents, Arbitraries.of(SchemaAgreementTest.Mutation.class), Arbitraries.longs())
        .as((bytes, mutation, seed) -> SchemaAgreementTest.mutate(bytes, mutation, new Random(seed))
            .document().getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> byteMutations = Combinators
        .combine(documents, Arbitraries.of(ByteMutation.class), Arbitraries.longs())
        .as((bytes, mutation, seed) -> mutation.apply(bytes, new Random(seed)));
    return Arbitraries.oneOf(treeMutations, byteMutations);
  }

  @Property(tries = 600)
  void mutatedMessagesHaveTheExplainingReadersOutcome(@ForAll("mutatedMessages") byte[] bytes) {
    Outcome expected = Outcome.of(() -> json.readMessageExplaining(bytes));
    Outcome actual = Outcome.of(() -> json.readMessage(bytes));
    LifecycleMessage onePass = json.readMessageInOnePass(bytes);
    Statistics.label("outcome").collect(expected.error() == null ? "accepted" : expected.error().split(" ")[0]);
    assertThat(actual).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
    if (onePass != null) {
      assertThat(onePass).as("accepted in one pass, so accepted, equal").isEqualTo(expected.value());
    } else {
      assertThat(expected.error()).as("a document the explaining reader accepts is accepted in one pass").isNotNull();
    }
  }

  /** Mutations of the bytes, for what the tree mutations cannot express. */
  enum ByteMutation {
    /** One byte replaced by any value. */
    REPLACE_BYTE {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        return copy;
      }
    },
    /** A byte sequence (well-formed or not, UTF-8-wise; JSON-wise) inserted anywhere. */
    INSERT_SEQUENCE {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        return insert(bytes, random.nextInt(bytes.length + 1), SEQUENCES.get(random.nextInt(SEQUENCES.size())));
      }
    },
    /** A sequence inserted inside a string value, where the JSON stays valid if the UTF-8 is. */
    INSERT_IN_STRING {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int quote = text.indexOf(": \"", random.nextInt(bytes.length));
        if (quote < 0) {
          quote = text.indexOf(": \"");
        }
        return insert(bytes, quote + 3, SEQUENCES.get(random.nextInt(SEQUENCES.size())));
      }
    },
    /** The first property of a random object repeated (a duplicate key), deep or not. */
    DUPLICATE_PROPERTY {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int from = text.indexOf("{\n", random.nextInt(text.length()));
        if (from < 0) {
          from = 0;
        }
        int start = text.indexOf('"', from);
        int end = text.indexOf(",\n", start);
        if (start < 0 || end < 0) {
          return bytes;
        }
        String property = text.substring(start, end);
        return (text.substring(0, end) + ", " + property + text.substring(end)).getBytes(StandardCharsets.UTF_8);
      }
    },
    /** The document cut short. */
    TRUNCATE {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
    },
    /** Something after the top-level value. */
    TRAILING {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        return insert(bytes, bytes.length, List.of("{}", "x", " 1", "\n\n", "\u00e9").get(random.nextInt(5))
            .getBytes(StandardCharsets.UTF_8));
      }
    },
    /** A byte-order mark in front. */
    BYTE_ORDER_MARK {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        return insert(bytes, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
    },
    /** Another schema version. */
    SCHEMA_VERSION {
      @Override
      byte[] apply(byte[] bytes, Random random) {
        return new String(bytes, StandardCharsets.UTF_8)
            .replace("\"schemaVersion\" : \"1.0\"", "\"schemaVersion\" : \"" + List.of("1.1", "2.0", "", "1.0 ").get(random.nextInt(4)) + "\"")
            .getBytes(StandardCharsets.UTF_8);
      }
    };

    abstract byte[] apply(byte[] bytes, Random random);

    private static final List<byte[]> SEQUENCES = List.of(
        hex("c3a9"), hex("f09f9880"), hex("efbfbe"), hex("f48fbfbf"), // well-formed: é, U+1F600, U+FFFE, U+10FFFF
        hex("c0af"), hex("e080af"), hex("f08080af"), hex("c1bf"),     // overlong
        hex("eda080"), hex("edbfbf"), hex("eda0bdedb880"),             // encoded surrogates, a CESU-8 pair
        hex("f4908080"), hex("f5808080"), hex("ff"), hex("80"), hex("c3"), hex("e282"), // others
        "\\ud800".getBytes(StandardCharsets.US_ASCII), "\\udc00x".getBytes(StandardCharsets.US_ASCII),
        "\\ud83d\\ude00".getBytes(StandardCharsets.US_ASCII), "\\u0000".getBytes(StandardCharsets.US_ASCII),
        "\"".getBytes(StandardCharsets.US_ASCII), "null".getBytes(StandardCharsets.US_ASCII),
        "\t".getBytes(StandardCharsets.US_ASCII), "\u0001".getBytes(StandardCharsets.US_ASCII));

    private static byte[] hex(String hex) {
      return HexFormat.of().parseHex(hex);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] what) {
      var out = new ByteArrayOutputStream();
      out.write(bytes, 0, at);
      out.writeBytes(what);
      out.write(bytes, at, bytes.length - at);
      return out.toByteArray();
    }
  }

  private byte[] sample() {
    return json.writeMessage(SampleMessages.request());
  }

  @Test
  void aStructuralErrorAfterADatabindErrorIsStillReportedFirst() {
    // databind meets the unknown property first; the scan, which runs over the whole document before
    // databind, meets the duplicate key: its code is the one reported, as before the one-pass reader
    String text = new String(sample(), StandardCharsets.UTF_8);
    String broken = text.replaceFirst("\\{", "{\"zzUnknown\": 1, ");
    int end = broken.lastIndexOf('}');
    broken = broken.substring(0, end) + ", \"z1\": 1, \"z1\": 2}\n";
    byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);
    Outcome outcome = Outcome.of(() -> json.readMessage(bytes));
    assertThat(outcome.error()).startsWith(CoreErrorCode.JSON_DUPLICATE_KEY.code() + " | $.z1 | ");
    assertThat(outcome).isEqualTo(Outcome.of(() -> json.readMessageExplaining(bytes)));
    assertThat(json.readMessageInOnePass(bytes)).isNull();
  }

  @Test
  void invalidUtf8InsideAStringIsRefusedAsTheDecoderRefusedIt() {
    String text = new String(sample(), StandardCharsets.UTF_8);
    int at = text.indexOf(": \"") + 3;
    for (String hex : List.of("c0af", "e080af", "eda080", "eda0bdedb880", "f4908080", "c3")) {
      byte[] bytes = ByteMutation.insert(text.getBytes(StandardCharsets.UTF_8), at, HexFormat.of().parseHex(hex));
      Outcome outcome = Outcome.of(() -> json.readMessage(bytes));
      assertThat(outcome.error()).as(hex).startsWith(CoreErrorCode.JSON_INVALID_UTF8.code() + " | $ | ");
      assertThat(outcome).isEqualTo(Outcome.of(() -> json.readMessageExplaining(bytes)));
      assertThat(json.readMessageInOnePass(bytes)).isNull();
    }
    // a noncharacter is well-formed UTF-8: the string takes it (the value's own rules decide on it)
    byte[] nonCharacter = ByteMutation.insert(text.getBytes(StandardCharsets.UTF_8), at, HexFormat.of().parseHex("efbfbe"));
    assertThat(Outcome.of(() -> json.readMessage(nonCharacter))).isEqualTo(Outcome.of(() -> json.readMessageExplaining(nonCharacter)));
  }

  @Test
  void anUnsupportedSchemaVersionIsReportedAsBefore() {
    byte[] bytes = new String(sample(), StandardCharsets.UTF_8)
        .replace("\"schemaVersion\" : \"1.0\"", "\"schemaVersion\" : \"2.0\"").getBytes(StandardCharsets.UTF_8);
    Outcome outcome = Outcome.of(() -> json.readMessage(bytes));
    assertThat(outcome.error()).startsWith(CoreErrorCode.JSON_UNSUPPORTED_SCHEMA_VERSION.code() + " | $.schemaVersion | ");
    assertThat(json.readMessageInOnePass(bytes)).isNull();
  }

  @Test
  void limitsApplyInOnePassAsBefore() {
    byte[] bytes = sample();
    for (JsonLimits limits : List.of(JsonLimits.DEFAULTS.withMaxStringLength(8), JsonLimits.DEFAULTS.withMaxArrayLength(1),
        JsonLimits.DEFAULTS.withMaxNestingDepth(3), JsonLimits.DEFAULTS.withMaxPropertyNameLength(5),
        JsonLimits.DEFAULTS.withMaxDocumentBytes(bytes.length - 1), JsonLimits.DEFAULTS.withMaxNumberLength(1))) {
      MlatJson strict = MlatJson.strict(limits);
      Outcome outcome = Outcome.of(() -> strict.readMessage(bytes));
      assertThat(outcome).as(limits.toString()).isEqualTo(Outcome.of(() -> strict.readMessageExplaining(bytes)));
      if (outcome.error() != null) {
        assertThat(strict.readMessageInOnePass(bytes)).isNull();
      }
    }
    assertThat(Outcome.of(() -> MlatJson.strict(JsonLimits.DEFAULTS.withMaxStringLength(8)).readMessage(bytes)).error())
        .startsWith(CoreErrorCode.JSON_STRING_TOO_LONG.code());
    assertThat(MlatJson.strict(JsonLimits.DEFAULTS.withMaxDocumentBytes(bytes.length)).readMessageInOnePass(bytes)).isNotNull();
  }
}
