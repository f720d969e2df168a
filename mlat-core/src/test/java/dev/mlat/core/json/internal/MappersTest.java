package dev.mlat.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.testing.SampleRequests;
import dev.mlat.core.PartyId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MappersTest {

  private final com.fasterxml.jackson.databind.ObjectMapper mapper = Mappers.wireMapper(StreamReadConstraints.defaults());

  @Test
  void sampleRequestRoundTrips() throws Exception {
    Request request = SampleRequests.frenchPreservationAndProduction();
    String json = mapper.writeValueAsString(request);
    assertThat(json).contains("\"type\":\"ipv6\"").contains("\"FR:TJ-PARIS-J3\"");
    assertThat(mapper.readValue(json, Request.class)).isEqualTo(request);
  }

  @Test
  void requestMessageRoundTripsWithItsWireName() throws Exception {
    var request = SampleRequests.frenchPreservationAndProduction();
    LifecycleMessage message = new RequestMessage(new MessageHeader(UUID.randomUUID(), request.id(),
        PartyId.parse("FR:FR-MOJ-BEPI"), PartyId.parse("DE:DE-BFJ"), Instant.parse("2026-02-20T09:05:00Z")), request);
    String json = mapper.writerFor(LifecycleMessage.class).writeValueAsString(message);
    assertThat(json).startsWith("{\"messageType\":\"Request\"");
    assertThat(mapper.readValue(json, LifecycleMessage.class)).isEqualTo(message);
  }
}
