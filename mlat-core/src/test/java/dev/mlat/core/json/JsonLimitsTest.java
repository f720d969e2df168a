package dev.mlat.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.model.Request;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.core.testing.SampleRequests;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Every limit of {@link JsonLimits} holds: one test per row of the mlat-core section of docs/LIMITS.md. */
class JsonLimitsTest {

  private static final Request SAMPLE = SampleRequests.frenchPreservationAndProduction();

  private static JsonInputException reject(MlatJson json, byte[] bytes) {
    return catchThrowableOfType(JsonInputException.class, () -> json.readRequest(bytes));
  }

  private static void assertRejected(JsonInputException e, CoreErrorCode code, String path) {
    assertThat(e).isNotNull();
    assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
    assertThat(e.path()).as(e.getMessage()).isEqualTo(path);
  }

  private static byte[] withReference(String reference) {
    return MlatJson.strict().writeRequest(SAMPLE.toBuilder().requestingReference(reference).build());
  }

  @Test
  void defaultsAreTheDocumentedValues() {
    assertThat(JsonLimits.DEFAULTS).isEqualTo(new JsonLimits(4_194_304, 32, 262_144, 128, 20, 10_000));
    assertThat(MlatJson.strict().limits()).isEqualTo(JsonLimits.DEFAULTS);
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> JsonLimits.DEFAULTS.withMaxArrayLength(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxArrayLength");
    assertThatThrownBy(() -> JsonLimits.DEFAULTS.withMaxDocumentBytes(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDocumentBytes");
  }

  @Test
  void maxDocumentBytesHoldsForBytesAndStreams() throws Exception {
    byte[] bytes = MlatJson.strict().writeRequest(SAMPLE);
    var exact = MlatJson.strict(JsonLimits.DEFAULTS.withMaxDocumentBytes(bytes.length));
    assertThat(exact.readRequest(bytes)).isEqualTo(SAMPLE);
    assertThat(exact.readRequest(new ByteArrayInputStream(bytes))).isEqualTo(SAMPLE);

    var tight = MlatJson.strict(JsonLimits.DEFAULTS.withMaxDocumentBytes(bytes.length - 1));
    assertRejected(reject(tight, bytes), CoreErrorCode.JSON_DOCUMENT_TOO_LARGE, "$");
    var fromStream = catchThrowableOfType(JsonInputException.class,
        () -> tight.readRequest(new ByteArrayInputStream(bytes)));
    assertRejected(fromStream, CoreErrorCode.JSON_DOCUMENT_TOO_LARGE, "$");
  }

  @Test
  void defaultMaxDocumentBytesRejectsAFiveMebibyteDocument() {
    byte[] big = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    assertRejected(reject(MlatJson.strict(), big), CoreErrorCode.JSON_DOCUMENT_TOO_LARGE, "$");
  }

  @Test
  void maxNestingDepthHolds() {
    int depth = JsonLimits.DEFAULT_MAX_NESTING_DEPTH;
    // {"schemaVersion":"1.0","request":{"x": [[...]] }}: the arrays start at depth 3.
    String deep = "{\"schemaVersion\":\"1.0\",\"request\":{\"x\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}}";
    assertRejected(reject(MlatJson.strict(), deep.getBytes(StandardCharsets.UTF_8)),
        CoreErrorCode.JSON_NESTING_TOO_DEEP, "$.request.x" + "[0]".repeat(depth - 2));
    String atLimit = "{\"schemaVersion\":\"1.0\",\"request\":{\"x\":" + "[".repeat(depth - 2) + "]".repeat(depth - 2) + "}}";
    // Within the limit the structure pass succeeds and databind rejects the document for its content instead.
    var e = reject(MlatJson.strict(), atLimit.getBytes(StandardCharsets.UTF_8));
    assertThat(e.errorCode()).isIn(CoreErrorCode.JSON_UNKNOWN_PROPERTY, CoreErrorCode.JSON_MISSING_PROPERTY);
  }

  @Test
  void validDocumentsFitInANestingDepthOfEight() throws Exception {
    var json = MlatJson.strict(JsonLimits.DEFAULTS.withMaxNestingDepth(8));
    for (var message : SampleMessages.oneOfEach()) {
      assertThat(json.readMessage(json.writeMessage(message))).isEqualTo(message);
    }
  }

  @Test
  void maxStringLengthHolds() throws Exception {
    var json = MlatJson.strict(JsonLimits.DEFAULTS.withMaxStringLength(100));
    assertThat(json.readRequest(withReference("R".repeat(100))).requestingReference()).contains("R".repeat(100));
    assertRejected(reject(json, withReference("R".repeat(101))), CoreErrorCode.JSON_STRING_TOO_LONG,
        "$.request.requestingReference");
    assertRejected(reject(MlatJson.strict(), withReference("R".repeat(JsonLimits.DEFAULT_MAX_STRING_LENGTH + 1))),
        CoreErrorCode.JSON_STRING_TOO_LONG, "$.request.requestingReference");
  }

  @Test
  void maxPropertyNameLengthHolds() {
    String longName = "n".repeat(JsonLimits.DEFAULT_MAX_PROPERTY_NAME_LENGTH + 1);
    String doc = "{\"schemaVersion\":\"1.0\",\"request\":{\"" + longName + "\":1}}";
    var e = reject(MlatJson.strict(), doc.getBytes(StandardCharsets.UTF_8));
    assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(CoreErrorCode.JSON_PROPERTY_NAME_TOO_LONG);
    assertThat(e.path()).startsWith("$.request");
  }

  @Test
  void maxNumberLengthHolds() {
    String doc = new String(MlatJson.strict().writeRequest(SAMPLE), StandardCharsets.UTF_8)
        .replace("\"periodDays\" : 90", "\"periodDays\" : 9" + "0".repeat(JsonLimits.DEFAULT_MAX_NUMBER_LENGTH));
    assertRejected(reject(MlatJson.strict(), doc.getBytes(StandardCharsets.UTF_8)),
        CoreErrorCode.JSON_NUMBER_TOO_LONG, "$.request.measures[0].periodDays");
  }

  @Test
  void maxArrayLengthHolds() throws Exception {
    var json = MlatJson.strict(JsonLimits.DEFAULTS.withMaxArrayLength(10));
    var ten = SAMPLE.toBuilder().translationLanguages(Collections.nCopies(10, "de")).build();
    assertThat(json.readRequest(json.writeRequest(ten))).isEqualTo(ten);
    var eleven = SAMPLE.toBuilder().translationLanguages(Collections.nCopies(11, "de")).build();
    assertRejected(reject(json, json.writeRequest(eleven)), CoreErrorCode.JSON_ARRAY_TOO_LONG,
        "$.request.translationLanguages[10]");
    var objects = SAMPLE.toBuilder().attachments(Collections.nCopies(11, SAMPLE.attachments().get(0))).build();
    assertRejected(reject(json, json.writeRequest(objects)), CoreErrorCode.JSON_ARRAY_TOO_LONG,
        "$.request.attachments[10]");
    var defaults = SAMPLE.toBuilder()
        .translationLanguages(Collections.nCopies(JsonLimits.DEFAULT_MAX_ARRAY_LENGTH + 1, "de")).build();
    assertRejected(reject(MlatJson.strict(), MlatJson.strict().writeRequest(defaults)), CoreErrorCode.JSON_ARRAY_TOO_LONG,
        "$.request.translationLanguages[" + JsonLimits.DEFAULT_MAX_ARRAY_LENGTH + "]");
  }
}
