package dev.mlat.core.lifecycle;

/**
 * The sub-lifecycle of the preservation of data that a request may ask for (Budapest Convention
 * Art. 29, EU Regulation 2023/1543 Art. 11). {@link #EXPIRED} is never the machine's state: it is
 * what {@link Preservation#stateAt(java.time.Instant)} reports for a confirmed or extended
 * preservation whose end has passed at a given instant, because a clock is not a message and both
 * sides must derive the same state from the same messages. Immutable and thread-safe.
 */
public enum PreservationState {
  /** The request does not ask for preservation. */
  NOT_REQUESTED,
  /** The request asks for preservation; the requested side has not confirmed it. */
  REQUESTED,
  /** The requested side confirmed the preservation until a date. */
  CONFIRMED,
  /** One side extended the preservation to a later date. */
  EXTENDED,
  /** One side ended the preservation (data released, request withdrawn or answered). */
  ENDED,
  /** Confirmed or extended, and the end date has passed at the instant asked about. */
  EXPIRED
}
