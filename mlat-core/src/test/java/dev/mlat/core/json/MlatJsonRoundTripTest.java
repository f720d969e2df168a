package dev.mlat.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.MessageType;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.testing.ModelArbitraries;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.core.testing.SampleRequests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.EnumSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Object to JSON to object gives an equal object, and writing is deterministic. */
class MlatJsonRoundTripTest {

  private final MlatJson json = MlatJson.strict();

  @Provide
  Arbitrary<Request> requests() {
    return ModelArbitraries.requests();
  }

  @Provide
  Arbitrary<LifecycleMessage> messages() {
    return ModelArbitraries.messages();
  }

  @Property(tries = 300)
  void requestsRoundTrip(@ForAll("requests") Request request) throws Exception {
    byte[] bytes = json.writeRequest(request);
    Request back = json.readRequest(bytes);
    assertThat(back).isEqualTo(request);
    assertThat(json.writeRequest(back)).isEqualTo(bytes);
  }

  @Property(tries = 400)
  void messagesOfEveryTypeRoundTrip(@ForAll("messages") LifecycleMessage message) throws Exception {
    Statistics.collect(message.messageType());
    byte[] bytes = json.writeMessage(message);
    LifecycleMessage back = json.readMessage(bytes);
    assertThat(back).isEqualTo(message);
    assertThat(back.messageType()).isEqualTo(message.messageType());
    assertThat(json.writeMessage(back)).isEqualTo(bytes);
    Statistics.coverage(coverage -> {
      for (var type : MessageType.values()) {
        coverage.check(type).count(c -> c > 0);
      }
    });
  }

  @Property(tries = 200)
  void aMessageWrittenIntoAGeneratorHasTheTokensOfItsOwnDocument(@ForAll("messages") LifecycleMessage message) throws Exception {
    byte[] alone = json.writeMessage(message);
    // with MlatJson's own layout, at the top level, into UTF-8 bytes: the same bytes
    var same = new ByteArrayOutputStream();
    try (var g = new com.fasterxml.jackson.databind.ObjectMapper().createGenerator(same)) {
      g.setPrettyPrinter(dev.mlat.core.json.internal.Mappers.prettyPrinter());
      json.writeMessage(message, g);
    }
    assertThat(same.toByteArray()).isEqualTo(alone);
    // inside another document, compact: the same tree, read back to the same message
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var outer = new java.io.StringWriter();
    try (var g = mapper.createGenerator(outer)) {
      g.writeStartObject();
      g.writeStringField("before", "x");
      g.writeFieldName("message");
      json.writeMessage(message, g);
      g.writeStringField("after", "y");
      g.writeEndObject();
    }
    var tree = mapper.readTree(outer.toString());
    assertThat(tree.get("message")).isEqualTo(mapper.readTree(alone));
    assertThat(tree.get("after").asText()).isEqualTo("y");
    assertThat(json.readMessage(mapper.writeValueAsBytes(tree.get("message")))).isEqualTo(message);
  }

  @Example
  void writingIntoAGeneratorRefusesNulls() throws Exception {
    try (var g = new com.fasterxml.jackson.databind.ObjectMapper().createGenerator(new ByteArrayOutputStream())) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> json.writeMessage(null, g)).isInstanceOf(NullPointerException.class);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> json.writeMessage(SampleMessages.request(), (com.fasterxml.jackson.core.JsonGenerator) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Example
  void oneSampleOfEveryMessageTypeRoundTripsThroughStreams() throws Exception {
    var seen = EnumSet.noneOf(MessageType.class);
    for (var message : SampleMessages.oneOfEach()) {
      var out = new ByteArrayOutputStream();
      json.writeMessage(message, out);
      assertThat(json.readMessage(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(message);
      assertThat(new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("\"messageType\" : \"" + message.messageType().wireName() + "\"");
      seen.add(message.messageType());
    }
    assertThat(seen).isEqualTo(EnumSet.allOf(MessageType.class));
  }

  @Example
  void outputIsDeterministicAndOrdered() throws Exception {
    var request = SampleRequests.frenchPreservationAndProduction();
    String text = new String(json.writeRequest(request), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).startsWith("{\n  \"schemaVersion\" : \"1.0\",\n  \"request\" : {\n");
    assertThat(text).doesNotContain("\r").doesNotContain("null");
    assertThat(text).contains("\"issuedAt\" : \"2026-02-20T09:00:00Z\"");
    assertThat(text.indexOf("\"attachments\"")).isLessThan(text.indexOf("\"caseDescription\""));
    assertThat(json.writeRequest(json.readRequest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
