package dev.mlat.core.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.json.JsonInputException;
import dev.mlat.core.json.JsonLimits;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.core.testing.SampleRequests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the JSON reader, from the point of view of a hostile partner or gateway that controls
 * every byte of a request or lifecycle message document (docs/SECURITY.md, threats J1 to J9).
 * Each test is one attack and asserts the exact error code the reader must answer with; none may
 * end in another exception, an error (stack overflow, out of memory) or an accepted document.
 */
class JsonAttackTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final MlatJson JSON = MlatJson.strict();

  private static ObjectNode requestDocument() throws IOException {
    return (ObjectNode) PLAIN.readTree(JSON.writeRequest(SampleRequests.frenchPreservationAndProduction()));
  }

  private static byte[] mutatedRequest(Consumer<ObjectNode> mutation) throws IOException {
    var doc = requestDocument();
    mutation.accept(doc);
    return PLAIN.writeValueAsBytes(doc);
  }

  private static ObjectNode request(ObjectNode doc) {
    return (ObjectNode) doc.get("request");
  }

  private static String requestText() throws IOException {
    return new String(JSON.writeRequest(SampleRequests.frenchPreservationAndProduction()), StandardCharsets.UTF_8);
  }

  private static JsonInputException rejected(byte[] document) {
    var request = catchThrowableOfType(JsonInputException.class, () -> JSON.readRequest(document));
    assertThat(request).as("readRequest must reject the document").isNotNull();
    return request;
  }

  private static JsonInputException rejected(String document) {
    return rejected(document.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertCode(JsonInputException e, CoreErrorCode code) {
    assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
    assertThat(e.path()).startsWith("$");
  }

  @Test
  void arraysNestedAHundredThousandDeepAreRefusedWithoutAStackOverflow() {
    String bomb = "{\"schemaVersion\":\"1.0\",\"request\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertCode(rejected(bomb), CoreErrorCode.JSON_NESTING_TOO_DEEP);
  }

  @Test
  void objectsNestedDeepInsideAValidPropertyAreRefused() throws IOException {
    String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    String doc = requestText().replaceFirst("\"requestingReference\" : \"[^\"]*\"", "\"requestingReference\" : " + deep);
    var e = rejected(doc);
    assertCode(e, CoreErrorCode.JSON_NESTING_TOO_DEEP);
    assertThat(e.path()).startsWith("$.request.requestingReference");
  }

  @Test
  void aNumberWithTenThousandDigitsIsRefused() throws IOException {
    String doc = requestText().replace("\"periodDays\" : 90", "\"periodDays\" : 9" + "0".repeat(10_000));
    var e = rejected(doc);
    assertCode(e, CoreErrorCode.JSON_NUMBER_TOO_LONG);
    assertThat(e.path()).isEqualTo("$.request.measures[0].periodDays");
  }

  @Test
  void aDecimalWithTenThousandFractionDigitsIsRefused() throws IOException {
    String doc = requestText().replace("\"periodDays\" : 90", "\"periodDays\" : 0." + "1".repeat(10_000));
    assertCode(rejected(doc), CoreErrorCode.JSON_NUMBER_TOO_LONG);
  }

  @Test
  void aHugeExponentIsNotExpandedAndIsAWrongType() throws IOException {
    // 1e999999999 is 11 characters: short, but BigDecimal/BigInteger expansion would be a CPU bomb
    String doc = requestText().replace("\"periodDays\" : 90", "\"periodDays\" : 1e999999999");
    var e = rejected(doc);
    assertCode(e, CoreErrorCode.JSON_WRONG_TYPE);
    assertThat(e.path()).isEqualTo("$.request.measures[0].periodDays");
  }

  @Test
  void aStringOfTenMillionCharactersIsRefusedAsTooLargeADocument() throws IOException {
    String doc = requestText().replaceFirst("\"requestingReference\" : \"[^\"]*\"",
        "\"requestingReference\" : \"" + "A".repeat(10_000_000) + "\"");
    assertCode(rejected(doc), CoreErrorCode.JSON_DOCUMENT_TOO_LARGE);
  }

  @Test
  void aStringOverTheStringLimitInsideTheDocumentLimitIsRefused() throws IOException {
    String doc = requestText().replaceFirst("\"requestingReference\" : \"[^\"]*\"",
        "\"requestingReference\" : \"" + "A".repeat(JsonLimits.DEFAULT_MAX_STRING_LENGTH + 1) + "\"");
    var e = rejected(doc);
    assertCode(e, CoreErrorCode.JSON_STRING_TOO_LONG);
    assertThat(e.path()).isEqualTo("$.request.requestingReference");
  }

  @Test
  void aHugePropertyNameIsRefused() throws IOException {
    String doc = requestText().replaceFirst("\\{", "{\"" + "k".repeat(1_000_000) + "\":1,");
    assertCode(rejected(doc), CoreErrorCode.JSON_PROPERTY_NAME_TOO_LONG);
  }

  @Test
  void anArrayOfAMillionElementsIsRefused() {
    String doc = "{\"schemaVersion\":\"1.0\",\"request\":{\"translationLanguages\":[" + "1,".repeat(1_000_000) + "1]}}";
    var e = rejected(doc);
    assertCode(e, CoreErrorCode.JSON_ARRAY_TOO_LONG);
    assertThat(e.path()).isEqualTo("$.request.translationLanguages[" + JsonLimits.DEFAULT_MAX_ARRAY_LENGTH + "]");
  }

  @Test
  void anEndlessStreamIsCutAtTheDocumentLimit() {
    // a gateway that never stops sending: the reader stops at the limit and does not buffer the rest
    var endless = new InputStream() {
      long served;

      @Override
      public int read() {
        served++;
        return ' ';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) ' ');
        served += len;
        return len;
      }
    };
    var e = catchThrowableOfType(JsonInputException.class, () -> JSON.readRequest(endless));
    assertCode(e, CoreErrorCode.JSON_DOCUMENT_TOO_LARGE);
    assertThat(endless.served).isLessThanOrEqualTo(2L * JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES);
  }

  @Test
  void aDuplicatedKeyCannotSmuggleASecondValue() throws IOException {
    // a second "requestedReference"-style override: the reader never picks one of two values
    String doc = requestText().replaceFirst("\\{", "{\"schemaVersion\":\"1.0\",");
    assertCode(rejected(doc), CoreErrorCode.JSON_DUPLICATE_KEY);
  }

  @Test
  void aTypeNameOutsideTheClosedSetIsRefused() throws IOException {
    var e = rejected(mutatedRequest(doc -> ((ObjectNode) request(doc).get("measures").get(0)).put("type", "wiretap")));
    assertCode(e, CoreErrorCode.JSON_UNKNOWN_TYPE);
    assertThat(e.path()).isEqualTo("$.request.measures[0].type");
  }

  @Test
  void aJavaClassNameAsTypeIdIsRefused() throws IOException {
    var e = rejected(mutatedRequest(doc -> ((ObjectNode) request(doc).get("measures").get(0))
        .put("type", "dev.mlat.core.model.measure.SearchAndSeizure")));
    assertCode(e, CoreErrorCode.JSON_UNKNOWN_TYPE);
  }

  @Test
  void aJacksonClassPropertyIsAnUnknownPropertyAndInstantiatesNothing() throws IOException {
    var e = rejected(mutatedRequest(doc -> request(doc).put("@class", "java.lang.ProcessBuilder")));
    assertCode(e, CoreErrorCode.JSON_UNKNOWN_PROPERTY);
    assertThat(e.path()).isEqualTo("$.request['@class']");
  }

  @Test
  void aDefaultTypingWrapperArrayIsAWrongType() throws IOException {
    // Jackson's default typing form ["class name", {...}] where an object is expected
    var e = rejected(mutatedRequest(doc -> {
      var wrapper = request(doc).putArray("urgency");
      wrapper.add("java.util.HashMap");
      wrapper.addObject().put("level", "NORMAL");
    }));
    assertCode(e, CoreErrorCode.JSON_WRONG_TYPE);
    assertThat(e.path()).isEqualTo("$.request.urgency");
  }

  @Test
  void aTypeNameGivenAsAnObjectIsRefused() throws IOException {
    var e = rejected(mutatedRequest(doc -> ((ObjectNode) request(doc).get("measures").get(0)).putObject("type")
        .put("@class", "dev.mlat.core.model.measure.Preservation")));
    assertCode(e, CoreErrorCode.JSON_UNKNOWN_TYPE);
    assertThat(e.path()).isEqualTo("$.request.measures[0].type");
  }

  @Test
  void aMessageTypeOutsideTheClosedSetIsRefused() throws IOException {
    var doc = (ObjectNode) PLAIN.readTree(JSON.writeMessage(SampleMessages.refusal()));
    ((ObjectNode) doc.get("message")).put("messageType", "java.lang.Runtime");
    var e = catchThrowableOfType(JsonInputException.class, () -> JSON.readMessage(PLAIN.writeValueAsBytes(doc)));
    assertCode(e, CoreErrorCode.JSON_UNKNOWN_TYPE);
    assertThat(e.path()).isEqualTo("$.message.messageType");
  }

  @Test
  void aPrototypePollutionKeyIsAnUnknownProperty() throws IOException {
    var e = rejected(mutatedRequest(doc -> request(doc).putObject("__proto__").put("admin", true)));
    assertCode(e, CoreErrorCode.JSON_UNKNOWN_PROPERTY);
  }

  @Test
  void aByteOrderMarkIsRefused() throws IOException {
    byte[] text = JSON.writeRequest(SampleRequests.frenchPreservationAndProduction());
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    assertCode(rejected(withBom), CoreErrorCode.JSON_MALFORMED);
  }

  @Test
  void anOverlongUtf8EncodingOfAQuoteIsRefused() throws IOException {
    // 0xC0 0xA2 is an overlong '"': a lenient decoder would end the string early
    byte[] valid = mutatedRequest(doc -> request(doc).put("requestingReference", "AB"));
    String text = new String(valid, StandardCharsets.UTF_8);
    int at = text.indexOf("\"AB\"") + 1;
    valid[at] = (byte) 0xC0;
    valid[at + 1] = (byte) 0xA2;
    assertCode(rejected(valid), CoreErrorCode.JSON_INVALID_UTF8);
  }

  @Test
  void aRawNulByteInsideAStringIsRefused() throws IOException {
    byte[] valid = mutatedRequest(doc -> request(doc).put("requestingReference", "AB"));
    String text = new String(valid, StandardCharsets.UTF_8);
    valid[text.indexOf("\"AB\"") + 1] = 0;
    assertCode(rejected(valid), CoreErrorCode.JSON_MALFORMED);
  }

  @Test
  void anEscapedNulIsKeptAsDataAndNeverTruncatesTheString() throws IOException, JsonInputException {
    // RFC 8259 allows "\u0000": it is data, kept exactly (docs/SECURITY.md J10), never a terminator that
    // would let "AB\u0000<anything>" look like "AB" to one reader and like something else to another
    String doc = requestText().replaceFirst("\"requestingReference\" : \"[^\"]*\"", "\"requestingReference\" : \"A\\\\u0000B\"");
    var request = JSON.readRequest(doc.getBytes(StandardCharsets.UTF_8));
    assertThat(request.requestingReference()).contains("A\u0000B");
    assertThat(JSON.readRequest(JSON.writeRequest(request))).isEqualTo(request);
  }

  @Test
  void aNulByteBeforeTheDocumentIsRefused() throws IOException {
    byte[] text = JSON.writeRequest(SampleRequests.frenchPreservationAndProduction());
    byte[] withNul = new byte[text.length + 1];
    System.arraycopy(text, 0, withNul, 1, text.length);
    assertCode(rejected(withNul), CoreErrorCode.JSON_MALFORMED);
  }

  @Test
  void aSecondDocumentAfterTheFirstIsRefused() throws IOException {
    String text = requestText();
    assertCode(rejected(text + text), CoreErrorCode.JSON_TRAILING_CONTENT);
  }

  @Test
  void anOlderSchemaVersionIsRefused() throws IOException {
    var e = rejected(mutatedRequest(doc -> doc.put("schemaVersion", "0.9")));
    assertCode(e, CoreErrorCode.JSON_UNSUPPORTED_SCHEMA_VERSION);
  }

  @Test
  void aNullInPlaceOfAnAbsentValueIsRefused() throws IOException {
    var e = rejected(mutatedRequest(doc -> request(doc).putNull("confidentiality")));
    assertCode(e, CoreErrorCode.JSON_NULL_VALUE);
  }
}
