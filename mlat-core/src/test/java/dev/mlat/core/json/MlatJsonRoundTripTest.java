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
