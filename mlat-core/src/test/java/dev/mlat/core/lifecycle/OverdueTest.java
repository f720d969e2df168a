package dev.mlat.core.lifecycle;

import static dev.mlat.core.lifecycle.Side.REQUESTED;
import static dev.mlat.core.lifecycle.Side.REQUESTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OverdueTest {
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private static RequestLifecycle eio(int n, Instant sent) throws LifecycleException {
    var id = new UUID(0, n);
    return RequestLifecycle.received(
        LifecycleEvent.request(id, new UUID(1, n), REQUESTING, sent, RequestFacts.of(DeadlineRule.EU_EIO)));
  }

  @Test
  void listsTheRequestsPastTheirDeadlineMostOverdueFirst() throws Exception {
    // Decision due 30 days after transmission.
    var fiveDaysLate = eio(1, T.minus(Duration.ofDays(35)));
    var twoDaysLate = eio(2, T.minus(Duration.ofDays(32)));
    var notYetDue = eio(3, T.minus(Duration.ofDays(10)));
    var dueNow = eio(4, T.minus(Duration.ofDays(30)));
    var refused = eio(5, T.minus(Duration.ofDays(300)))
        .apply(LifecycleEvent.refusal(new UUID(0, 5), new UUID(2, 5), REQUESTED, T.minus(Duration.ofDays(1))));
    var clock = Clock.fixed(T, ZoneOffset.UTC);

    var overdue = Overdue.list(List.of(twoDaysLate, notYetDue, refused, fiveDaysLate, dueNow), clock);

    assertThat(overdue).extracting(Overdue::lifecycle).containsExactly(fiveDaysLate, twoDaysLate);
    assertThat(overdue).extracting(Overdue::overdueBy).containsExactly(Duration.ofDays(5), Duration.ofDays(2));
    assertThat(overdue.get(0).deadline())
        .isEqualTo(new Deadline(T.minus(Duration.ofDays(5)), Deadline.Step.DECISION, Deadline.Source.INSTRUMENT));
    // One second later the request due now is overdue too.
    assertThat(Overdue.list(List.of(dueNow), Clock.offset(clock, Duration.ofSeconds(1))))
        .extracting(Overdue::overdueBy).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void requestsWithoutADeadlineAreNeverOverdue() throws Exception {
    var noLimit = RequestLifecycle.received(LifecycleEvent.request(
        new UUID(0, 9), new UUID(1, 9), REQUESTING, T.minus(Duration.ofDays(1000)),
        new RequestFacts(DeadlineRule.NO_FIXED_TIME_LIMIT, false, Optional.empty(), false)));
    var draft = RequestLifecycle.draft(new UUID(0, 10));
    assertThat(Overdue.list(List.of(noLimit, draft), Clock.fixed(T, ZoneOffset.UTC))).isEmpty();
    assertThat(Overdue.list(List.of(), Clock.fixed(T, ZoneOffset.UTC))).isEmpty();
  }

  @Test
  void rejectsNonsense() throws Exception {
    var clock = Clock.fixed(T, ZoneOffset.UTC);
    assertThatThrownBy(() -> Overdue.list(null, clock)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Overdue.list(List.of(), null)).isInstanceOf(NullPointerException.class);
    var lifecycle = eio(1, T);
    var deadline = lifecycle.deadline().orElseThrow();
    assertThatThrownBy(() -> new Overdue(lifecycle, deadline, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
