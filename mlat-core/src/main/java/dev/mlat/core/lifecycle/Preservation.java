package dev.mlat.core.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The preservation sub-lifecycle of a request: its state and, once confirmed, the instant until
 * which the data is preserved (the latest of the confirmed and extended dates). Immutable and
 * thread-safe.
 *
 * @param state never {@link PreservationState#EXPIRED}: expiry depends on a clock, see
 *     {@link #stateAt(Instant)}
 * @param until the end of the preservation, present once confirmed
 */
public record Preservation(PreservationState state, Optional<Instant> until) {

  static final Preservation NOT_REQUESTED = new Preservation(PreservationState.NOT_REQUESTED, Optional.empty());

  public Preservation {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(until, "until");
    if (state == PreservationState.EXPIRED) {
      throw new IllegalArgumentException("EXPIRED is derived by stateAt(instant), never stored");
    }
    boolean needsUntil = state == PreservationState.CONFIRMED || state == PreservationState.EXTENDED;
    if (needsUntil && until.isEmpty()) {
      throw new IllegalArgumentException(state + " preservation needs its end instant");
    }
  }

  /**
   * The state at {@code instant}: {@link PreservationState#EXPIRED} if confirmed or extended and
   * {@code until} is not after {@code instant}, otherwise {@link #state()}.
   */
  public PreservationState stateAt(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    boolean running = state == PreservationState.CONFIRMED || state == PreservationState.EXTENDED;
    if (running && !until.orElseThrow().isAfter(instant)) {
      return PreservationState.EXPIRED;
    }
    return state;
  }
}
