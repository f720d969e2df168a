package dev.mlat.core.lifecycle;

import static dev.mlat.core.lifecycle.Side.REQUESTED;
import static dev.mlat.core.lifecycle.Side.REQUESTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rows of "Crossing messages" in {@code docs/LIFECYCLE.md}: each side applies its own message
 * first and the other's second (the two delivery orders), and both must end in the same state.
 */
class RequestLifecycleCrossingTest {

  /** The two sides after a common history. */
  private static final class Pair {
    final Events events = new Events();
    RequestLifecycle requesting;
    RequestLifecycle requested;

    Pair(boolean preservation, List<EventKind> prefix) throws LifecycleException {
      var request = preservation ? events.requestWithPreservation() : events.request();
      var path = new ArrayList<LifecycleEvent>();
      for (var kind : prefix) {
        Side sender = kind == EventKind.WITHDRAWAL || kind == EventKind.ADDITIONAL_INFORMATION ? REQUESTING : REQUESTED;
        path.add(events.of(kind, sender));
      }
      requesting = Events.lifecycle(REQUESTING, request, path);
      requested = Events.lifecycle(REQUESTED, request, path);
    }

    /** The requesting side sends {@code a} while the requested side sends {@code b}; both deliver. */
    void cross(LifecycleEvent a, LifecycleEvent b) throws LifecycleException {
      assertThat(a.sender()).isEqualTo(REQUESTING);
      assertThat(b.sender()).isEqualTo(REQUESTED);
      requesting = requesting.apply(a).apply(b);
      requested = requested.apply(b).apply(a);
      assertThat(requested.state()).isEqualTo(requesting.state());
      assertThat(requested.preservation()).isEqualTo(requesting.preservation());
      assertThat(requested.deadline()).isEqualTo(requesting.deadline());
    }

    void deliver(LifecycleEvent event) throws LifecycleException {
      requesting = requesting.apply(event);
      requested = requested.apply(event);
    }

    LifecycleEvent r(EventKind kind) {
      return events.of(kind, REQUESTING, requesting.preservation().until());
    }

    LifecycleEvent d(EventKind kind) {
      return events.of(kind, REQUESTED, requested.preservation().until());
    }
  }

  @Test
  void theRequestedSidesOutcomePrevailsOverACrossingWithdrawal() throws Exception {
    for (var outcome : List.of(EventKind.FINAL_RESPONSE, EventKind.REFUSAL, EventKind.NON_EXECUTION)) {
      var pair = new Pair(false, List.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT, EventKind.STATUS_IN_EXECUTION));
      pair.cross(pair.r(EventKind.WITHDRAWAL), pair.d(outcome));
      assertThat(pair.requesting.state()).isEqualTo(Transitions.outcome(outcome));
      assertThat(pair.requesting.deadline()).isEmpty();
      // No confirmation follows: the request is closed by the outcome.
      assertThat(pair.requested.allowedToSend()).doesNotContain(EventKind.WITHDRAWAL_CONFIRMED);
      assertThatThrownBy(() -> pair.requested.apply(pair.d(EventKind.WITHDRAWAL_CONFIRMED)))
          .isInstanceOf(IllegalTransitionException.class);
    }
  }

  @Test
  void aWithdrawalPrevailsOverCrossingProgressAndIsThenConfirmed() throws Exception {
    var progress = List.of(
        EventKind.ACKNOWLEDGEMENT_OF_RECEIPT, EventKind.STATUS_UNDER_REVIEW, EventKind.STATUS_ACCEPTED,
        EventKind.STATUS_IN_EXECUTION, EventKind.STATUS_INFORMATION, EventKind.PARTIAL_RESPONSE,
        EventKind.REQUEST_FOR_ADDITIONAL_INFORMATION, EventKind.NEW_DEADLINE);
    for (var kind : progress) {
      var pair = new Pair(false, List.of());
      pair.cross(pair.r(EventKind.WITHDRAWAL), pair.d(kind));
      assertThat(pair.requesting.state()).as(kind.label()).isEqualTo(RequestState.WITHDRAWAL_REQUESTED);
      assertThat(pair.requesting.deadline()).isEmpty();
      // The requesting side does not answer a request for information after withdrawing.
      assertThat(pair.requesting.allowedToSend()).doesNotContain(EventKind.ADDITIONAL_INFORMATION);
      pair.deliver(pair.d(EventKind.WITHDRAWAL_CONFIRMED));
      assertThat(pair.requesting.state()).isEqualTo(RequestState.WITHDRAWN);
      assertThat(pair.requested.state()).isEqualTo(RequestState.WITHDRAWN);
    }
  }

  @Test
  void aPreservationConfirmedAcrossAWithdrawalIsEndedAfterwards() throws Exception {
    var pair = new Pair(true, List.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT));
    pair.cross(pair.r(EventKind.WITHDRAWAL), pair.d(EventKind.PRESERVATION_CONFIRMED));
    assertThat(pair.requesting.state()).isEqualTo(RequestState.WITHDRAWAL_REQUESTED);
    assertThat(pair.requesting.preservation().state()).isEqualTo(PreservationState.CONFIRMED);
    assertThat(pair.requested.allowedToSend()).contains(EventKind.PRESERVATION_ENDED).doesNotContain(EventKind.PRESERVATION_EXTENDED);
    pair.deliver(pair.d(EventKind.PRESERVATION_ENDED));
    pair.deliver(pair.d(EventKind.WITHDRAWAL_CONFIRMED));
    assertThat(pair.requesting.preservation().state()).isEqualTo(PreservationState.ENDED);
    assertThat(pair.requested.state()).isEqualTo(RequestState.WITHDRAWN);
  }

  @Test
  void aNewDeadlineCrossingAnOutcomeLeavesNoDeadline() throws Exception {
    for (var outcome : List.of(EventKind.FINAL_RESPONSE, EventKind.REFUSAL, EventKind.NON_EXECUTION)) {
      var pair = new Pair(false, List.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT));
      pair.cross(pair.r(EventKind.NEW_DEADLINE), pair.d(outcome));
      assertThat(pair.requesting.state()).isEqualTo(Transitions.outcome(outcome));
      assertThat(pair.requesting.deadline()).isEmpty();
    }
  }

  @Test
  void ofTwoCrossingNewDeadlinesTheLaterTimestampWinsThenTheGreaterMessageId() throws Exception {
    var pair = new Pair(false, List.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT));
    UUID id = pair.events.requestId;
    Instant t = pair.events.tick();
    Instant requestingWants = t.plus(Duration.ofDays(5));
    Instant requestedNeeds = t.plus(Duration.ofDays(40));
    pair.cross(
        LifecycleEvent.newDeadline(id, new UUID(9, 1), REQUESTING, t.plusSeconds(1), requestingWants),
        LifecycleEvent.newDeadline(id, new UUID(9, 2), REQUESTED, t, requestedNeeds));
    assertThat(pair.requesting.deadline().orElseThrow().due()).isEqualTo(requestingWants);
    assertThat(pair.requesting.deadline().orElseThrow().source()).isEqualTo(Deadline.Source.NEW_DEADLINE);

    var tie = new Pair(false, List.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT));
    Instant u = tie.events.tick();
    tie.cross(
        LifecycleEvent.newDeadline(id, new UUID(9, 3), REQUESTING, u, u.plus(Duration.ofDays(5))),
        LifecycleEvent.newDeadline(id, new UUID(9, 4), REQUESTED, u, u.plus(Duration.ofDays(40))));
    assertThat(tie.requesting.deadline().orElseThrow().due()).isEqualTo(u.plus(Duration.ofDays(40)));
  }

  @Test
  void aNewDeadlineSentBeforeTheAcceptanceBelongsToTheDecisionStep() throws Exception {
    var pair = new Pair(false, List.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT));
    UUID id = pair.events.requestId;
    Instant t = pair.events.tick();
    pair.cross(
        LifecycleEvent.newDeadline(id, new UUID(9, 1), REQUESTING, t, t.plus(Duration.ofDays(3))),
        LifecycleEvent.statusUpdate(id, new UUID(9, 2), REQUESTED, t.plusSeconds(60), ReportedStatus.ACCEPTED));
    assertThat(pair.requesting.state()).isEqualTo(RequestState.ACCEPTED);
    // NO_FIXED_TIME_LIMIT and no deadline in the request: nothing sets the execution deadline.
    assertThat(pair.requesting.deadline()).isEmpty();

    var later = new Pair(false, List.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT));
    Instant u = later.events.tick();
    later.cross(
        LifecycleEvent.newDeadline(id, new UUID(9, 3), REQUESTING, u.plusSeconds(60), u.plus(Duration.ofDays(3))),
        LifecycleEvent.statusUpdate(id, new UUID(9, 4), REQUESTED, u, ReportedStatus.ACCEPTED));
    assertThat(later.requesting.deadline()).contains(
        new Deadline(u.plus(Duration.ofDays(3)), Deadline.Step.EXECUTION, Deadline.Source.NEW_DEADLINE));
  }

  @Test
  void additionalInformationCrossingAnOutcomeOrANewDeadline() throws Exception {
    var pair = new Pair(false, List.of(EventKind.STATUS_UNDER_REVIEW, EventKind.REQUEST_FOR_ADDITIONAL_INFORMATION));
    assertThat(pair.requesting.state()).isEqualTo(RequestState.ADDITIONAL_INFORMATION_REQUESTED);
    pair.cross(pair.r(EventKind.ADDITIONAL_INFORMATION), pair.d(EventKind.REFUSAL));
    assertThat(pair.requesting.state()).isEqualTo(RequestState.REFUSED);

    var other = new Pair(false, List.of(EventKind.STATUS_UNDER_REVIEW, EventKind.REQUEST_FOR_ADDITIONAL_INFORMATION));
    other.cross(other.r(EventKind.ADDITIONAL_INFORMATION), other.d(EventKind.NEW_DEADLINE));
    assertThat(other.requesting.state()).isEqualTo(RequestState.UNDER_REVIEW);
    assertThat(other.requesting.deadline().orElseThrow().source()).isEqualTo(Deadline.Source.NEW_DEADLINE);
  }

  @Test
  void crossingPreservationExtensionsKeepTheLaterEnd() throws Exception {
    var pair = new Pair(true, List.of(EventKind.PRESERVATION_CONFIRMED));
    Instant confirmedUntil = pair.requesting.preservation().until().orElseThrow();
    UUID id = pair.events.requestId;
    Instant t = pair.events.tick();
    pair.cross(
        LifecycleEvent.preservationExtended(id, new UUID(9, 1), REQUESTING, t, confirmedUntil.plus(Duration.ofDays(30))),
        LifecycleEvent.preservationExtended(id, new UUID(9, 2), REQUESTED, t, confirmedUntil.plus(Duration.ofDays(10))));
    assertThat(pair.requesting.preservation())
        .isEqualTo(new Preservation(PreservationState.EXTENDED, java.util.Optional.of(confirmedUntil.plus(Duration.ofDays(30)))));
  }

  @Test
  void endingAPreservationPrevailsOverACrossingConfirmationOrExtension() throws Exception {
    var beforeConfirmation = new Pair(true, List.of());
    beforeConfirmation.cross(beforeConfirmation.r(EventKind.PRESERVATION_ENDED), beforeConfirmation.d(EventKind.PRESERVATION_CONFIRMED));
    assertThat(beforeConfirmation.requesting.preservation().state()).isEqualTo(PreservationState.ENDED);

    var extension = new Pair(true, List.of(EventKind.PRESERVATION_CONFIRMED));
    extension.cross(extension.r(EventKind.PRESERVATION_EXTENDED), extension.d(EventKind.PRESERVATION_ENDED));
    assertThat(extension.requesting.preservation().state()).isEqualTo(PreservationState.ENDED);

    var both = new Pair(true, List.of(EventKind.PRESERVATION_CONFIRMED));
    both.cross(both.r(EventKind.PRESERVATION_ENDED), both.d(EventKind.PRESERVATION_ENDED));
    assertThat(both.requesting.preservation().state()).isEqualTo(PreservationState.ENDED);
  }

  @Test
  void withoutACrossingTheSenderIsHeldToItsCurrentState() throws Exception {
    var pair = new Pair(false, List.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT));
    pair.deliver(pair.d(EventKind.FINAL_RESPONSE));
    // The requesting side has seen the final response: withdrawing now is not a crossing.
    assertThatThrownBy(() -> pair.requesting.apply(pair.r(EventKind.WITHDRAWAL)))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.state()).contains(RequestState.EXECUTED);
          assertThat(e.getMessage()).contains("may not send Withdrawal in state EXECUTED");
        });
  }

  @Test
  void aLateWithdrawalThatTheReceiverCannotTellFromACrossingEndsTheSame() throws Exception {
    var pair = new Pair(false, List.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT));
    var response = pair.d(EventKind.FINAL_RESPONSE);
    pair.requested = pair.requested.apply(response);
    // A faulty requesting side that withdraws after the final response looks like a crossing.
    var after = pair.requested.apply(pair.r(EventKind.WITHDRAWAL));
    assertThat(after.state()).isEqualTo(RequestState.EXECUTED);
  }

  @Test
  void aReceivedMessageThatNoStateOfTheSenderAllowsIsRejected() throws Exception {
    var pair = new Pair(false, List.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT));
    assertThatThrownBy(() -> pair.requesting.apply(pair.d(EventKind.WITHDRAWAL_CONFIRMED)))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.state()).contains(RequestState.RECEIVED);
          assertThat(e.sender()).isEqualTo(REQUESTED);
          assertThat(e.localSide()).isEqualTo(REQUESTING);
        });
    // After its own withdrawal the requesting side still rejects a second acknowledgement.
    pair.requesting = pair.requesting.apply(pair.r(EventKind.WITHDRAWAL));
    assertThatThrownBy(() -> pair.requesting.apply(pair.d(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT)))
        .isInstanceOfSatisfying(IllegalTransitionException.class,
            e -> assertThat(e.state()).contains(RequestState.WITHDRAWAL_REQUESTED));
  }
}
