package dev.mlat.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The time limits an instrument sets when a request states none of its own. The lifecycle asks it
 * for the default deadline of the current step and for the minimum preservation period;
 * {@link DeadlineRule} is the default table. Implementations must be pure functions of their
 * arguments (both sides must compute the same deadline) and thread-safe.
 *
 * <p>Instruments count from the receipt of the request; no message records that instant, so the
 * lifecycle passes the {@code Request} message's timestamp, which is never later than the receipt
 * and so never yields a later deadline than the law's.
 */
public interface DeadlinePolicy {

  /**
   * The default deadline for the decision to recognise and execute the request, if the instrument
   * sets one.
   *
   * @param transmitted the timestamp of the {@code Request} message
   * @param emergency whether the request is an emergency case
   */
  Optional<Instant> decisionDue(Instant transmitted, boolean emergency);

  /**
   * The default deadline for executing the request, if the instrument sets one.
   *
   * @param transmitted the timestamp of the {@code Request} message
   * @param accepted the earliest timestamp of the requested side's messages reporting acceptance,
   *     execution or a partial response, if any
   * @param emergency whether the request is an emergency case
   */
  Optional<Instant> executionDue(Instant transmitted, Optional<Instant> accepted, boolean emergency);

  /** The shortest period for which a preservation may be confirmed, if the instrument sets one. */
  Optional<Duration> minimumPreservation();
}
