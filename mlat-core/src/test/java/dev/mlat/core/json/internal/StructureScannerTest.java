package dev.mlat.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.json.JsonInputException;
import dev.mlat.core.json.JsonLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StructureScanner#checking}: every way a reader can advance the parser (databind uses
 * several) passes each token through the checks, so a refused token never reaches the caller.
 */
class StructureScannerTest {

  private static final JsonFactory STRICT = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final StructureScanner scanner = new StructureScanner(JsonLimits.DEFAULTS.withMaxArrayLength(2));

  private StructureScanner.CheckingParser parser(String json) throws Exception {
    return scanner.checking(STRICT.createParser(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** A way of advancing the parser. */
  interface Advance {
    void apply(JsonParser p) throws Exception;
  }

  private static final List<Advance> ADVANCES = List.of(
      JsonParser::nextToken,
      JsonParser::nextValue,
      JsonParser::nextFieldName,
      p -> p.nextFieldName(new SerializedString("b")),
      JsonParser::nextTextValue,
      p -> p.nextIntValue(0),
      p -> p.nextLongValue(0),
      JsonParser::nextBooleanValue);

  private void assertRefusedWhileAdvancing(String json, CoreErrorCode code) {
    for (int way = 0; way < ADVANCES.size(); way++) {
      Advance advance = ADVANCES.get(way);
      int w = way;
      assertThatThrownBy(() -> {
        try (var p = parser(json)) {
          for (int i = 0; i < 100; i++) {
            advance.apply(p);
          }
        }
      }).as("advancing way %d on %s", w, json)
          .isInstanceOf(StructureScanner.Refused.class)
          .satisfies(e -> assertThat(((JsonInputException) e.getCause()).errorCode()).isEqualTo(code));
    }
  }

  @Test
  void everyWayOfAdvancingChecksEveryToken() {
    assertRefusedWhileAdvancing("{\"a\": 1, \"b\": null}", CoreErrorCode.JSON_NULL_VALUE);
    assertRefusedWhileAdvancing("{\"a\": [1, 2, 3]}", CoreErrorCode.JSON_ARRAY_TOO_LONG);
    assertRefusedWhileAdvancing("{\"a\": \"\\ud800\"}", CoreErrorCode.JSON_INVALID_UTF8);
    assertRefusedWhileAdvancing("{\"a\": 1} {}", CoreErrorCode.JSON_TRAILING_CONTENT);
  }

  @Test
  void duplicateNamesAreLeftToTheParserWhichMustDetectThem() throws Exception {
    for (Advance advance : ADVANCES) {
      assertThatThrownBy(() -> {
        try (var p = parser("{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}}")) {
          for (int i = 0; i < 100; i++) {
            advance.apply(p);
          }
        }
      }).isInstanceOf(JsonParseException.class).hasMessageStartingWith("Duplicate field 'c'");
    }
    assertThatThrownBy(() -> scanner.checking(new JsonFactory().createParser("{}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STRICT_DUPLICATE_DETECTION");
  }

  @Test
  void skippingChildrenChecksTheSkippedTokens() throws Exception {
    for (String json : List.of("{\"a\": {\"b\": null}}", "{\"a\": [[1, 2, 3]]}", "{\"a\": {\"x\": \"\\udc00\"}}")) {
      try (var p = parser(json)) {
        assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        assertThat(p.nextFieldName()).isEqualTo("a");
        p.nextToken();
        assertThatThrownBy(p::skipChildren).as(json).isInstanceOf(StructureScanner.Refused.class);
      }
    }
    try (var p = parser("{\"a\": {\"b\": [1, {\"c\": true}]}, \"d\": 1}")) {
      p.nextToken();
      p.nextToken();
      p.nextToken();
      p.skipChildren();
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(p.nextFieldName()).isEqualTo("d");
    }
  }

  @Test
  void finishTellsWhetherTheWholeDocumentWasReadAndPassed() throws Exception {
    try (var p = parser("{\"schemaVersion\": \"1.0\", \"a\": [true]}")) {
      while (p.currentToken() != JsonToken.END_OBJECT || p.getParsingContext().getParent() != null) {
        p.nextToken();
      }
      assertThat(p.finish()).isTrue();
      assertThat(p.schemaVersion()).contains("1.0");
    }
    try (var p = parser("{\"a\": 1}  ")) {
      p.nextToken();
      p.skipChildren();
      assertThat(p.finish()).isTrue();
      assertThat(p.schemaVersion()).isEmpty();
    }
    try (var p = parser("{\"a\": 1} 2")) {
      p.nextToken();
      p.skipChildren();
      assertThatThrownBy(p::finish).isInstanceOf(StructureScanner.Refused.class);
    }
    try (var p = parser("")) {
      assertThat(p.finish()).as("an empty document has no top-level value").isFalse();
    }
  }
}
