package dev.mlat.core.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the lifecycle needs to know about a request, taken from its {@code Request} message: the
 * deadline policy of its instrument, whether it is an emergency, the deadline it states (if any)
 * and whether it asks for preservation of data. Immutable and thread-safe.
 *
 * @param deadlinePolicy the time limits of the instrument, for example {@link DeadlineRule#EU_EIO}
 * @param emergency whether the request is an emergency case (EU Regulation 2023/1543 Art. 10(4))
 * @param requestedDeadline the date by which the requesting side asks for the result, if any
 * @param preservationRequested whether one of the measures is the preservation of data
 */
public record RequestFacts(
    DeadlinePolicy deadlinePolicy, boolean emergency, Optional<Instant> requestedDeadline, boolean preservationRequested) {

  public RequestFacts {
    Objects.requireNonNull(deadlinePolicy, "deadlinePolicy");
    Objects.requireNonNull(requestedDeadline, "requestedDeadline");
  }

  /** A non-emergency request without a deadline of its own and without preservation. */
  public static RequestFacts of(DeadlinePolicy deadlinePolicy) {
    return new RequestFacts(deadlinePolicy, false, Optional.empty(), false);
  }
}
