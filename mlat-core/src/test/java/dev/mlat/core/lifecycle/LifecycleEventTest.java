package dev.mlat.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.MessageType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LifecycleEventTest {
  private static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void everyKindHasAFactoryAndMapsBackToItself() {
    var events = new Events();
    for (var kind : EventKind.values()) {
      var event = events.of(kind, Side.REQUESTED);
      assertThat(event.kind()).isEqualTo(kind);
      assertThat(event.type()).isEqualTo(kind.messageType());
      assertThat(EventKind.fromLabel(kind.label())).isEqualTo(kind);
    }
    for (var type : MessageType.values()) {
      assertThat(EventKind.values()).extracting(EventKind::messageType).contains(type);
    }
  }

  @Test
  void eachTypeCarriesExactlyItsFacts() {
    UUID id = UUID.randomUUID();
    assertThatThrownBy(() -> new LifecycleEvent(
            REQUEST, id, MessageType.REQUEST, Side.REQUESTING, T,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Request needs its requestFacts");
    assertThatThrownBy(() -> new LifecycleEvent(
            REQUEST, id, MessageType.REFUSAL, Side.REQUESTED, T,
            Optional.empty(), Optional.empty(), Optional.of(ResponseKind.FINAL), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Refusal carries no responseKind");
    assertThatThrownBy(() -> new LifecycleEvent(
            REQUEST, id, MessageType.RESPONSE, Side.REQUESTED, T,
            Optional.empty(), Optional.of(ReportedStatus.ACCEPTED), Optional.of(ResponseKind.FINAL), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carries no status");
    assertThatThrownBy(() -> new LifecycleEvent(
            REQUEST, id, MessageType.PRESERVATION_ENDED, Side.REQUESTED, T,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(T)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carries no preservedUntil");
    assertThatThrownBy(() -> new LifecycleEvent(
            REQUEST, id, MessageType.NEW_DEADLINE, Side.REQUESTED, T,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs its newDeadline");
    assertThatThrownBy(() -> LifecycleEvent.acknowledgement(null, id, Side.REQUESTED, T))
        .isInstanceOf(NullPointerException.class).hasMessage("requestId");
    assertThatThrownBy(() -> LifecycleEvent.statusUpdate(REQUEST, id, Side.REQUESTED, T, null))
        .isInstanceOf(NullPointerException.class).hasMessage("status");
  }

  @Test
  void aStatusUpdateWithoutStatusIsInformation() {
    var info = LifecycleEvent.statusInformation(REQUEST, UUID.randomUUID(), Side.REQUESTED, T);
    assertThat(info.kind()).isEqualTo(EventKind.STATUS_INFORMATION);
    assertThat(info.status()).isEmpty();
    for (var status : ReportedStatus.values()) {
      var update = LifecycleEvent.statusUpdate(REQUEST, UUID.randomUUID(), Side.REQUESTED, T, status);
      assertThat(Transitions.progressOf(update.kind())).isEqualTo(status.state());
    }
  }

  @Test
  void sidesArePeers() {
    assertThat(Side.REQUESTING.peer()).isEqualTo(Side.REQUESTED);
    assertThat(Side.REQUESTED.peer()).isEqualTo(Side.REQUESTING);
  }
}
