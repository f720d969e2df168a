package dev.mlat.core.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A request whose current deadline has passed. Immutable and thread-safe.
 *
 * <pre>{@code
 * for (Overdue late : Overdue.list(openRequests, clock)) {
 *   remind(late.lifecycle().requestId(), late.deadline(), late.overdueBy());
 * }
 * }</pre>
 *
 * @param lifecycle the request
 * @param deadline its deadline of the current step
 * @param overdueBy how long ago the deadline passed (positive)
 */
public record Overdue(RequestLifecycle lifecycle, Deadline deadline, Duration overdueBy) {

  public Overdue {
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(overdueBy, "overdueBy");
    if (overdueBy.isNegative() || overdueBy.isZero()) {
      throw new IllegalArgumentException("overdueBy must be positive, was " + overdueBy);
    }
  }

  /**
   * The requests among {@code lifecycles} whose deadline is before the clock's instant, the most
   * overdue first (ties by request id). Requests without a deadline (local, terminal, withdrawal
   * requested, or no source of a deadline) are never overdue.
   */
  public static List<Overdue> list(Collection<RequestLifecycle> lifecycles, Clock clock) {
    Objects.requireNonNull(lifecycles, "lifecycles");
    Objects.requireNonNull(clock, "clock");
    Instant now = clock.instant();
    var overdue = new ArrayList<Overdue>();
    for (var lifecycle : lifecycles) {
      Objects.requireNonNull(lifecycle, "lifecycles contains null");
      lifecycle.deadline()
          .filter(deadline -> deadline.due().isBefore(now))
          .ifPresent(deadline -> overdue.add(new Overdue(lifecycle, deadline, Duration.between(deadline.due(), now))));
    }
    overdue.sort(
        Comparator.comparing((Overdue o) -> o.deadline().due())
            .thenComparing(o -> o.lifecycle().requestId())
            .thenComparing(o -> o.lifecycle().localSide()));
    return List.copyOf(overdue);
  }
}
