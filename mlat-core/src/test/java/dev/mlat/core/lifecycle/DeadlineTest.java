package dev.mlat.core.lifecycle;

import static dev.mlat.core.lifecycle.Side.REQUESTED;
import static dev.mlat.core.lifecycle.Side.REQUESTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deadline of the current step, derived from the request, NewDeadline messages and the instrument. */
class DeadlineTest {
  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  private long ids;

  private UUID id() {
    return new UUID(7, ++ids);
  }

  private RequestLifecycle start(DeadlineRule rule, boolean emergency, Optional<Instant> requested) throws LifecycleException {
    return RequestLifecycle.received(
        LifecycleEvent.request(ID, id(), REQUESTING, T, new RequestFacts(rule, emergency, requested, false)));
  }

  private static Instant days(long n) {
    return T.plus(Duration.ofDays(n));
  }

  @Test
  void anEioHasADecisionDeadlineThenAnExecutionDeadline() throws Exception {
    var lifecycle = start(DeadlineRule.EU_EIO, false, Optional.empty());
    assertThat(lifecycle.deadline()).contains(new Deadline(days(30), Deadline.Step.DECISION, Deadline.Source.INSTRUMENT));
    lifecycle = lifecycle.apply(LifecycleEvent.acknowledgement(ID, id(), REQUESTED, days(2)));
    lifecycle = lifecycle.apply(LifecycleEvent.statusUpdate(ID, id(), REQUESTED, days(10), ReportedStatus.UNDER_REVIEW));
    assertThat(lifecycle.deadline().orElseThrow().due()).isEqualTo(days(30));
    lifecycle = lifecycle.apply(LifecycleEvent.statusUpdate(ID, id(), REQUESTED, days(20), ReportedStatus.ACCEPTED));
    assertThat(lifecycle.deadline()).contains(new Deadline(days(110), Deadline.Step.EXECUTION, Deadline.Source.INSTRUMENT));
    lifecycle = lifecycle.apply(LifecycleEvent.statusUpdate(ID, id(), REQUESTED, days(25), ReportedStatus.IN_EXECUTION));
    assertThat(lifecycle.deadline().orElseThrow().due()).isEqualTo(days(110));
  }

  @Test
  void theEarlierOfTheRequestsDeadlineAndTheInstrumentsApplies() throws Exception {
    var lifecycle = start(DeadlineRule.EU_EIO, false, Optional.of(days(60)));
    assertThat(lifecycle.deadline()).contains(new Deadline(days(30), Deadline.Step.DECISION, Deadline.Source.INSTRUMENT));
    lifecycle = lifecycle.apply(LifecycleEvent.statusUpdate(ID, id(), REQUESTED, days(5), ReportedStatus.ACCEPTED));
    assertThat(lifecycle.deadline()).contains(new Deadline(days(60), Deadline.Step.EXECUTION, Deadline.Source.REQUEST));

    var short_ = start(DeadlineRule.EU_EIO, false, Optional.of(days(7)));
    assertThat(short_.deadline()).contains(new Deadline(days(7), Deadline.Step.DECISION, Deadline.Source.REQUEST));
  }

  @Test
  void aProductionOrderIsDueInTenDaysOrEightHours() throws Exception {
    var normal = start(DeadlineRule.EU_EPOC_PRODUCTION, false, Optional.empty());
    assertThat(normal.deadline()).contains(new Deadline(days(10), Deadline.Step.DECISION, Deadline.Source.INSTRUMENT));
    var inExecution = normal.apply(LifecycleEvent.statusUpdate(ID, id(), REQUESTED, days(1), ReportedStatus.IN_EXECUTION));
    assertThat(inExecution.deadline()).contains(new Deadline(days(10), Deadline.Step.EXECUTION, Deadline.Source.INSTRUMENT));
    var emergency = start(DeadlineRule.EU_EPOC_PRODUCTION, true, Optional.empty());
    assertThat(emergency.deadline().orElseThrow().due()).isEqualTo(T.plus(Duration.ofHours(8)));
  }

  @Test
  void withoutAnySourceThereIsNoDeadline() throws Exception {
    assertThat(start(DeadlineRule.NO_FIXED_TIME_LIMIT, false, Optional.empty()).deadline()).isEmpty();
    assertThat(start(DeadlineRule.BUDAPEST_PRESERVATION, true, Optional.empty()).deadline()).isEmpty();
    assertThat(start(DeadlineRule.NO_FIXED_TIME_LIMIT, false, Optional.of(days(40))).deadline())
        .contains(new Deadline(days(40), Deadline.Step.DECISION, Deadline.Source.REQUEST));
  }

  @Test
  void aNewDeadlineReplacesTheDeadlineOfItsStepOnly() throws Exception {
    // EIO Art. 12(5): the executing authority extends the recognition time limit.
    var lifecycle = start(DeadlineRule.EU_EIO, false, Optional.empty());
    lifecycle = lifecycle.apply(LifecycleEvent.newDeadline(ID, id(), REQUESTED, days(25), days(55)));
    assertThat(lifecycle.deadline()).contains(new Deadline(days(55), Deadline.Step.DECISION, Deadline.Source.NEW_DEADLINE));
    // The latest one wins, even when it is earlier.
    lifecycle = lifecycle.apply(LifecycleEvent.newDeadline(ID, id(), REQUESTING, days(26), days(50)));
    assertThat(lifecycle.deadline().orElseThrow().due()).isEqualTo(days(50));
    // Recognition on day 45: the execution step has the instrument's 90 days again.
    lifecycle = lifecycle.apply(LifecycleEvent.statusUpdate(ID, id(), REQUESTED, days(45), ReportedStatus.ACCEPTED));
    assertThat(lifecycle.deadline()).contains(new Deadline(days(135), Deadline.Step.EXECUTION, Deadline.Source.INSTRUMENT));
    // EIO Art. 12(6): execution delayed.
    lifecycle = lifecycle.apply(LifecycleEvent.newDeadline(ID, id(), REQUESTED, days(100), days(160)));
    assertThat(lifecycle.deadline()).contains(new Deadline(days(160), Deadline.Step.EXECUTION, Deadline.Source.NEW_DEADLINE));
  }

  @Test
  void theDeadlineRunsWhileInformationIsAwaitedAndEndsWithTheRequest() throws Exception {
    var lifecycle = start(DeadlineRule.EU_EIO, false, Optional.empty());
    var waiting = lifecycle.apply(LifecycleEvent.requestForAdditionalInformation(ID, id(), REQUESTED, days(3)));
    assertThat(waiting.state()).isEqualTo(RequestState.ADDITIONAL_INFORMATION_REQUESTED);
    assertThat(waiting.deadline().orElseThrow().due()).isEqualTo(days(30));
    var withdrawing = waiting.apply(LifecycleEvent.withdrawal(ID, id(), REQUESTING, days(4)));
    assertThat(withdrawing.deadline()).isEmpty();
    var refused = waiting.apply(LifecycleEvent.refusal(ID, id(), REQUESTED, days(5)));
    assertThat(refused.deadline()).isEmpty();
  }

  @Test
  void aDeadlineIsAValue() {
    assertThatThrownBy(() -> new Deadline(null, Deadline.Step.DECISION, Deadline.Source.REQUEST))
        .isInstanceOf(NullPointerException.class);
  }
}
