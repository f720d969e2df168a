package dev.mlat.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreservationTest {
  private static final Instant UNTIL = Instant.parse("2026-05-01T00:00:00Z");

  @Test
  void expiresAtItsEndWithoutChangingTheMachinesState() {
    var confirmed = new Preservation(PreservationState.CONFIRMED, Optional.of(UNTIL));
    assertThat(confirmed.stateAt(UNTIL.minusSeconds(1))).isEqualTo(PreservationState.CONFIRMED);
    assertThat(confirmed.stateAt(UNTIL)).isEqualTo(PreservationState.EXPIRED);
    assertThat(confirmed.stateAt(Clock.fixed(UNTIL.plus(Duration.ofDays(3)), ZoneOffset.UTC).instant()))
        .isEqualTo(PreservationState.EXPIRED);
    var extended = new Preservation(PreservationState.EXTENDED, Optional.of(UNTIL));
    assertThat(extended.stateAt(UNTIL)).isEqualTo(PreservationState.EXPIRED);
    var ended = new Preservation(PreservationState.ENDED, Optional.of(UNTIL));
    assertThat(ended.stateAt(UNTIL.plusSeconds(1))).isEqualTo(PreservationState.ENDED);
    assertThat(new Preservation(PreservationState.REQUESTED, Optional.empty()).stateAt(UNTIL)).isEqualTo(PreservationState.REQUESTED);
  }

  @Test
  void anExpiredPreservationCanStillBeExtendedOrEnded() throws Exception {
    var events = new Events();
    var lifecycle = RequestLifecycle.received(events.requestWithPreservation());
    Instant now = events.tick();
    lifecycle = lifecycle.apply(LifecycleEvent.preservationConfirmed(
        events.requestId, events.nextId(), Side.REQUESTED, now, now.plus(Duration.ofDays(60))));
    Instant afterExpiry = now.plus(Duration.ofDays(61));
    assertThat(lifecycle.preservation().stateAt(afterExpiry)).isEqualTo(PreservationState.EXPIRED);
    assertThat(lifecycle.preservation().state()).isEqualTo(PreservationState.CONFIRMED);
    var extended = lifecycle.apply(LifecycleEvent.preservationExtended(
        events.requestId, events.nextId(), Side.REQUESTING, afterExpiry, afterExpiry.plus(Duration.ofDays(30))));
    assertThat(extended.preservation().stateAt(afterExpiry)).isEqualTo(PreservationState.EXTENDED);
  }

  @Test
  void rejectsInconsistentValues() {
    assertThatThrownBy(() -> new Preservation(PreservationState.EXPIRED, Optional.of(UNTIL)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Preservation(PreservationState.CONFIRMED, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
