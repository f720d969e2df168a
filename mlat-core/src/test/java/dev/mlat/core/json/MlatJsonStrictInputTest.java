package dev.mlat.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.core.testing.SampleRequests;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** One test per strict-input rule of {@link MlatJson}: each asserts the error code and the JSON path. */
class MlatJsonStrictInputTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private final MlatJson json = MlatJson.strict();

  private static ObjectNode requestDocument() throws Exception {
    return (ObjectNode) PLAIN.readTree(MlatJson.strict().writeRequest(SampleRequests.frenchPreservationAndProduction()));
  }

  private byte[] mutated(Consumer<ObjectNode> mutation) throws Exception {
    var doc = requestDocument();
    mutation.accept(doc);
    return PLAIN.writeValueAsBytes(doc);
  }

  private static ObjectNode request(ObjectNode doc) {
    return (ObjectNode) doc.get("request");
  }

  private static ObjectNode measure0(ObjectNode doc) {
    return (ObjectNode) request(doc).get("measures").get(0);
  }

  private static ObjectNode identifier0(ObjectNode doc) {
    return (ObjectNode) request(doc).get("subjects").get(0).get("identifiers").get(0);
  }

  private JsonInputException rejectRequest(byte[] bytes) {
    return catchThrowableOfType(JsonInputException.class, () -> json.readRequest(bytes));
  }

  private JsonInputException rejectRequest(String text) {
    return rejectRequest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRejected(JsonInputException e, CoreErrorCode code, String path) {
    assertThat(e).as("expected a JsonInputException").isNotNull();
    assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
    assertThat(e.path()).as(e.getMessage()).isEqualTo(path);
    assertThat(e.getMessage()).startsWith(code.code() + ": " + path + ": ");
  }

  @Test
  void theUnmodifiedSampleIsAccepted() throws Exception {
    var bytes = mutated(doc -> { });
    assertThat(json.readRequest(bytes)).isEqualTo(SampleRequests.frenchPreservationAndProduction());
  }

  @Test
  void unknownPropertyIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> request(doc).put("colour", "red")));
    assertRejected(e, CoreErrorCode.JSON_UNKNOWN_PROPERTY, "$.request.colour");
  }

  @Test
  void unknownPropertyDeepInsideAPolymorphicValueIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> identifier0(doc).put("vlan", 12)));
    assertRejected(e, CoreErrorCode.JSON_UNKNOWN_PROPERTY, "$.request.subjects[0].identifiers[0].vlan");
  }

  @Test
  void oddPropertyNamesAreQuotedAndSanitisedInThePath() throws Exception {
    var e = rejectRequest(mutated(doc -> request(doc).put("a b'\u0007", 1)));
    assertRejected(e, CoreErrorCode.JSON_UNKNOWN_PROPERTY, "$.request['a b\\'?']");
  }

  @Test
  void duplicateKeyIsRejected() {
    var e = rejectRequest("{\"schemaVersion\":\"1.0\",\"request\":{\"id\":\"0f8c2f4e-8d7a-4c71-9a53-3c0d2a9b6e11\","
        + "\"id\":\"0f8c2f4e-8d7a-4c71-9a53-3c0d2a9b6e12\"}}");
    assertRejected(e, CoreErrorCode.JSON_DUPLICATE_KEY, "$.request.id");
  }

  @Test
  void numberForAStringIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> request(doc).put("requestingReference", 42)));
    assertRejected(e, CoreErrorCode.JSON_WRONG_TYPE, "$.request.requestingReference");
  }

  @Test
  void stringForAnIntegerIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> measure0(doc).put("periodDays", "90")));
    assertRejected(e, CoreErrorCode.JSON_WRONG_TYPE, "$.request.measures[0].periodDays");
  }

  @Test
  void decimalForAnIntegerIsRejectedEvenWithoutFraction() throws Exception {
    var e = rejectRequest(mutated(doc -> measure0(doc).put("periodDays", 90.5)));
    assertRejected(e, CoreErrorCode.JSON_WRONG_TYPE, "$.request.measures[0].periodDays");
    var whole = rejectRequest(mutated(doc -> measure0(doc).put("periodDays", 90.0)));
    assertRejected(whole, CoreErrorCode.JSON_WRONG_TYPE, "$.request.measures[0].periodDays");
  }

  @Test
  void integerOutOfRangeIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> measure0(doc).put("periodDays", 3_000_000_000L)));
    assertRejected(e, CoreErrorCode.JSON_INVALID_VALUE, "$.request.measures[0].periodDays");
  }

  @Test
  void stringForABooleanIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> measure0(doc).put("productionToFollow", "true")));
    assertRejected(e, CoreErrorCode.JSON_WRONG_TYPE, "$.request.measures[0].productionToFollow");
  }

  @Test
  void numberForAnInstantIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> request(doc).put("issuedAt", 1_771_578_000)));
    assertRejected(e, CoreErrorCode.JSON_WRONG_TYPE, "$.request.issuedAt");
  }

  @Test
  void objectForAListIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> request(doc).putObject("subjects")));
    assertRejected(e, CoreErrorCode.JSON_WRONG_TYPE, "$.request.subjects");
  }

  @Test
  void nullForAPrimitiveIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> measure0(doc).putNull("productionToFollow")));
    assertRejected(e, CoreErrorCode.JSON_NULL_VALUE, "$.request.measures[0].productionToFollow");
  }

  @Test
  void nullForAnOptionalValueIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> request(doc).putNull("requestingReference")));
    assertRejected(e, CoreErrorCode.JSON_NULL_VALUE, "$.request.requestingReference");
  }

  @Test
  void missingRequiredPropertyIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> request(doc).remove("urgency")));
    assertRejected(e, CoreErrorCode.JSON_MISSING_PROPERTY, "$.request.urgency");
  }

  @Test
  void missingRequiredPrimitiveIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> measure0(doc).remove("productionToFollow")));
    assertRejected(e, CoreErrorCode.JSON_MISSING_PROPERTY, "$.request.measures[0].productionToFollow");
  }

  @Test
  void unknownTypeNameIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> identifier0(doc).put("type", "ipv7")));
    assertRejected(e, CoreErrorCode.JSON_UNKNOWN_TYPE, "$.request.subjects[0].identifiers[0].type");
  }

  @Test
  void missingTypeNameIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> measure0(doc).remove("type")));
    assertRejected(e, CoreErrorCode.JSON_UNKNOWN_TYPE, "$.request.measures[0].type");
  }

  @Test
  void classNameAsTypeIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> identifier0(doc).put("type", "dev.mlat.core.model.identifier.Ipv6Address")));
    assertRejected(e, CoreErrorCode.JSON_UNKNOWN_TYPE, "$.request.subjects[0].identifiers[0].type");
  }

  @Test
  void unknownMessageTypeIsRejected() throws Exception {
    var doc = (ObjectNode) PLAIN.readTree(json.writeMessage(SampleMessages.refusal()));
    ((ObjectNode) doc.get("message")).put("messageType", "Refusal2");
    var e = catchThrowableOfType(JsonInputException.class, () -> json.readMessage(PLAIN.writeValueAsBytes(doc)));
    assertRejected(e, CoreErrorCode.JSON_UNKNOWN_TYPE, "$.message.messageType");
  }

  @Test
  void unknownEnumConstantIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> ((ObjectNode) request(doc).get("urgency")).put("level", "urgent")));
    assertRejected(e, CoreErrorCode.JSON_INVALID_VALUE, "$.request.urgency.level");
  }

  @Test
  void enumIndexIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> ((ObjectNode) request(doc).get("urgency")).put("level", 1)));
    assertRejected(e, CoreErrorCode.JSON_WRONG_TYPE, "$.request.urgency.level");
  }

  @Test
  void malformedUuidIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> request(doc).put("id", "1-1-1-1-1")));
    assertRejected(e, CoreErrorCode.JSON_INVALID_VALUE, "$.request.id");
  }

  @Test
  void instantWithOffsetOrWithoutSecondsIsRejected() throws Exception {
    var offset = rejectRequest(mutated(doc -> request(doc).put("issuedAt", "2026-02-20T10:00:00+01:00")));
    assertRejected(offset, CoreErrorCode.JSON_INVALID_VALUE, "$.request.issuedAt");
    var impossible = rejectRequest(mutated(doc -> request(doc).put("issuedAt", "2026-02-30T10:00:00Z")));
    assertRejected(impossible, CoreErrorCode.JSON_INVALID_VALUE, "$.request.issuedAt");
  }

  @Test
  void unknownJurisdictionKeepsItsOwnCode() throws Exception {
    var e = rejectRequest(mutated(doc -> ((ObjectNode) request(doc).get("caseDescription").get("occurrences").get(0))
        .put("country", "UK")));
    assertRejected(e, CoreErrorCode.JURISDICTION_UNKNOWN, "$.request.caseDescription.occurrences[0].country");
  }

  @Test
  void invalidPartyIdKeepsItsOwnCode() throws Exception {
    var e = rejectRequest(mutated(doc -> ((ObjectNode) request(doc).get("parties").get("issuingAuthority"))
        .put("id", "FR-TJ-PARIS")));
    assertRejected(e, CoreErrorCode.PARTY_ID_INVALID, "$.request.parties.issuingAuthority.id");
  }

  @Test
  void trailingValueIsRejected() throws Exception {
    var text = new String(mutated(doc -> { }), StandardCharsets.UTF_8);
    assertRejected(rejectRequest(text + " {}"), CoreErrorCode.JSON_TRAILING_CONTENT, "$");
    assertRejected(rejectRequest(text + "]"), CoreErrorCode.JSON_TRAILING_CONTENT, "$");
    assertThat(json.readRequest((text + " \n\t").getBytes(StandardCharsets.UTF_8))).isNotNull();
  }

  @Test
  void syntaxErrorsAreRejected() throws Exception {
    var text = new String(mutated(doc -> { }), StandardCharsets.UTF_8);
    assertRejected(rejectRequest(text.substring(0, text.length() / 2)), CoreErrorCode.JSON_MALFORMED,
        rejectRequest(text.substring(0, text.length() / 2)).path());
    assertRejected(rejectRequest("{\"schemaVersion\":'1.0'}"), CoreErrorCode.JSON_MALFORMED, "$.schemaVersion");
    assertRejected(rejectRequest("/* c */ {}"), CoreErrorCode.JSON_MALFORMED, "$");
    assertRejected(rejectRequest(""), CoreErrorCode.JSON_MALFORMED, "$");
    assertRejected(rejectRequest("{\"a\":01}"), CoreErrorCode.JSON_MALFORMED, "$.a");
  }

  @Test
  void invalidUtf8IsRejected() throws Exception {
    byte[] valid = mutated(doc -> request(doc).put("requestingReference", "AB"));
    String text = new String(valid, StandardCharsets.UTF_8);
    int at = text.indexOf("\"AB\"") + 1;
    byte[] broken = valid.clone();
    broken[at] = (byte) 0xC3;
    broken[at + 1] = (byte) 0x28;
    var e = rejectRequest(broken);
    assertRejected(e, CoreErrorCode.JSON_INVALID_UTF8, "$");
    assertThat(e.getMessage()).contains("byte offset " + at);
    byte[] overlong = valid.clone();
    overlong[at] = (byte) 0xC0;
    overlong[at + 1] = (byte) 0xAF;
    assertRejected(rejectRequest(overlong), CoreErrorCode.JSON_INVALID_UTF8, "$");
  }

  @Test
  void utf16InputIsRejected() throws Exception {
    byte[] utf16 = new String(mutated(doc -> { }), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
    var e = rejectRequest(utf16);
    assertThat(e.errorCode()).isIn(CoreErrorCode.JSON_INVALID_UTF8, CoreErrorCode.JSON_MALFORMED);
  }

  @Test
  void unpairedSurrogateEscapeIsRejected() throws Exception {
    var text = new String(mutated(doc -> request(doc).put("requestingReference", "AB")), StandardCharsets.UTF_8)
        .replace("\"AB\"", "\"A\\ud800B\"");
    assertRejected(rejectRequest(text), CoreErrorCode.JSON_INVALID_UTF8, "$.request.requestingReference");
  }

  @Test
  void byteOrderMarkIsRejected() throws Exception {
    var text = "\uFEFF" + new String(mutated(doc -> { }), StandardCharsets.UTF_8);
    assertRejected(rejectRequest(text), CoreErrorCode.JSON_MALFORMED, "$");
  }

  @Test
  void unsupportedSchemaVersionIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> doc.put("schemaVersion", "2.0")));
    assertRejected(e, CoreErrorCode.JSON_UNSUPPORTED_SCHEMA_VERSION, "$.schemaVersion");
  }

  @Test
  void missingSchemaVersionIsRejected() throws Exception {
    var e = rejectRequest(mutated(doc -> doc.remove("schemaVersion")));
    assertRejected(e, CoreErrorCode.JSON_MISSING_PROPERTY, "$.schemaVersion");
  }

  @Test
  void wrongTopLevelValueIsRejected() throws Exception {
    assertRejected(rejectRequest("[]"), CoreErrorCode.JSON_WRONG_TYPE, "$");
    assertRejected(rejectRequest("\"request\""), CoreErrorCode.JSON_WRONG_TYPE, "$");
    var e = rejectRequest(mutated(doc -> doc.putArray("request")));
    assertRejected(e, CoreErrorCode.JSON_WRONG_TYPE, "$.request");
  }

  @Test
  void aMessageIsNotARequest() throws Exception {
    var e = rejectRequest(json.writeMessage(SampleMessages.refusal()));
    assertRejected(e, CoreErrorCode.JSON_MISSING_PROPERTY, "$.request");
  }
}
