package dev.mlat.core.model;

import dev.mlat.core.validation.OrderedTimeRange;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed interval of time, for example the period for which traffic data is sought.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param start start, inclusive
 * @param end end, inclusive
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
@OrderedTimeRange
public record TimeRange(
    Instant start,
    Instant end) {

  public TimeRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }
}
