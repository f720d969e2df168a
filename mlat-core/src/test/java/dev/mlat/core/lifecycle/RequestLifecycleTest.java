package dev.mlat.core.lifecycle;

import static dev.mlat.core.lifecycle.Side.REQUESTED;
import static dev.mlat.core.lifecycle.Side.REQUESTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.CoreErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestLifecycleTest {

  private static void assertCode(ThrowableAssertCall call, CoreErrorCode code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(LifecycleException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(code);
          assertThat(e.getMessage()).startsWith(code.code() + ": ");
        });
  }

  @FunctionalInterface
  private interface ThrowableAssertCall {
    void run() throws Exception;
  }

  @Test
  void aMessageIdIsAppliedOnceWhetherItsContentIsTheSameOrNot() throws Exception {
    var events = new Events();
    var request = events.request();
    var lifecycle = RequestLifecycle.received(request);
    var ack = events.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT, REQUESTED);
    var acknowledged = lifecycle.apply(ack);
    assertThat(acknowledged.hasApplied(ack.messageId())).isTrue();
    assertThat(lifecycle.hasApplied(ack.messageId())).isFalse();

    assertCode(() -> acknowledged.apply(ack), CoreErrorCode.LIFECYCLE_DUPLICATE_MESSAGE);
    var sameIdOtherContent =
        LifecycleEvent.statusInformation(events.requestId, ack.messageId(), REQUESTED, events.tick());
    assertCode(() -> acknowledged.apply(sameIdOtherContent), CoreErrorCode.LIFECYCLE_DUPLICATE_MESSAGE);
    // The Request itself cannot come again either.
    assertCode(() -> acknowledged.apply(request), CoreErrorCode.LIFECYCLE_DUPLICATE_MESSAGE);
    assertThatThrownBy(() -> acknowledged.apply(ack))
        .isInstanceOfSatisfying(LifecycleException.class, e -> {
          assertThat(e.messageId()).isEqualTo(ack.messageId());
          assertThat(e.requestId()).isEqualTo(events.requestId);
        });
  }

  @Test
  void aMessageOfAnotherRequestIsRejected() throws Exception {
    var events = new Events();
    var lifecycle = RequestLifecycle.received(events.request());
    var other = new Events(UUID.fromString("00000000-0000-0000-0000-00000000ffff"));
    assertCode(
        () -> lifecycle.apply(other.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT, REQUESTED)),
        CoreErrorCode.LIFECYCLE_WRONG_REQUEST);
    assertCode(
        () -> RequestLifecycle.draft(events.requestId).issue().apply(other.request()),
        CoreErrorCode.LIFECYCLE_WRONG_REQUEST);
  }

  @Test
  void rejectsMessagesBeyondTheLimit() throws Exception {
    var events = new Events();
    var lifecycle = RequestLifecycle.received(events.request(), new LifecycleLimits(5));
    for (int i = 0; i < 4; i++) {
      lifecycle = lifecycle.apply(events.of(EventKind.STATUS_INFORMATION, REQUESTED));
    }
    assertThat(lifecycle.history()).hasSize(5);
    var full = lifecycle;
    assertCode(() -> full.apply(events.of(EventKind.STATUS_INFORMATION, REQUESTED)), CoreErrorCode.LIFECYCLE_TOO_MANY_MESSAGES);
    assertCode(() -> full.apply(events.of(EventKind.WITHDRAWAL, REQUESTING)), CoreErrorCode.LIFECYCLE_TOO_MANY_MESSAGES);
    assertThat(LifecycleLimits.DEFAULT.maxMessages()).isEqualTo(1000);
    assertThatThrownBy(() -> new LifecycleLimits(1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDefaultLimitHolds() throws Exception {
    var events = new Events();
    var lifecycle = RequestLifecycle.received(events.request());
    for (int i = 1; i < LifecycleLimits.DEFAULT.maxMessages(); i++) {
      lifecycle = lifecycle.apply(events.of(EventKind.STATUS_INFORMATION, REQUESTED));
    }
    var full = lifecycle;
    assertCode(() -> full.apply(events.of(EventKind.STATUS_INFORMATION, REQUESTED)), CoreErrorCode.LIFECYCLE_TOO_MANY_MESSAGES);
  }

  @Test
  void datesThatContradictTheLifecycleAreRejected() throws Exception {
    var events = new Events();
    UUID id = events.requestId;
    Instant t = events.tick();
    // A request whose deadline is not after its timestamp.
    var badRequest = LifecycleEvent.request(
        id, events.nextId(), REQUESTING, t, new RequestFacts(DeadlineRule.EU_EIO, false, Optional.of(t), false));
    assertCode(() -> RequestLifecycle.received(badRequest), CoreErrorCode.LIFECYCLE_DATE_INVALID);
    assertCode(() -> RequestLifecycle.draft(id).issue().apply(badRequest), CoreErrorCode.LIFECYCLE_DATE_INVALID);

    var lifecycle = RequestLifecycle.received(events.requestWithPreservation());
    Instant now = events.tick();
    assertCode(
        () -> lifecycle.apply(LifecycleEvent.newDeadline(id, events.nextId(), REQUESTED, now, now)),
        CoreErrorCode.LIFECYCLE_DATE_INVALID);
    assertCode(
        () -> lifecycle.apply(LifecycleEvent.newDeadline(id, events.nextId(), REQUESTING, now, now.minusSeconds(1))),
        CoreErrorCode.LIFECYCLE_DATE_INVALID);
    // Budapest Art. 29(7): at least 60 days.
    assertCode(
        () -> lifecycle.apply(LifecycleEvent.preservationConfirmed(id, events.nextId(), REQUESTED, now, now.plus(Duration.ofDays(59)))),
        CoreErrorCode.LIFECYCLE_DATE_INVALID);
    assertCode(
        () -> lifecycle.apply(LifecycleEvent.preservationConfirmed(id, events.nextId(), REQUESTED, now, now.minusSeconds(1))),
        CoreErrorCode.LIFECYCLE_DATE_INVALID);
    var confirmed = lifecycle.apply(
        LifecycleEvent.preservationConfirmed(id, events.nextId(), REQUESTED, now, now.plus(Duration.ofDays(60))));
    assertThat(confirmed.preservation().until()).contains(now.plus(Duration.ofDays(60)));
    assertCode(
        () -> confirmed.apply(LifecycleEvent.preservationExtended(id, events.nextId(), REQUESTING, now, now.plus(Duration.ofDays(60)))),
        CoreErrorCode.LIFECYCLE_DATE_INVALID);
    assertThat(confirmed.apply(
            LifecycleEvent.preservationExtended(id, events.nextId(), REQUESTING, now, now.plus(Duration.ofDays(90))))
        .preservation())
        .isEqualTo(new Preservation(PreservationState.EXTENDED, Optional.of(now.plus(Duration.ofDays(90)))));
  }

  @Test
  void withoutAMinimumAnyPreservationAfterTheConfirmationIsAccepted() throws Exception {
    var events = new Events();
    var lifecycle = RequestLifecycle.received(
        events.request(new RequestFacts(DeadlineRule.NO_FIXED_TIME_LIMIT, false, Optional.empty(), true)));
    Instant now = events.tick();
    var confirmed = lifecycle.apply(
        LifecycleEvent.preservationConfirmed(events.requestId, events.nextId(), REQUESTED, now, now.plusSeconds(1)));
    assertThat(confirmed.preservation().state()).isEqualTo(PreservationState.CONFIRMED);
  }

  @Test
  void onlyADraftCanBeIssued() throws Exception {
    var events = new Events();
    var draft = RequestLifecycle.draft(events.requestId);
    assertThat(draft.state()).isEqualTo(RequestState.DRAFT);
    assertThat(draft.localSide()).isEqualTo(REQUESTING);
    var issued = draft.issue();
    assertThat(issued.state()).isEqualTo(RequestState.ISSUED);
    assertThat(draft.state()).isEqualTo(RequestState.DRAFT);
    assertThatThrownBy(issued::issue).isInstanceOf(IllegalStateException.class).hasMessageContaining("ISSUED");
    var received = RequestLifecycle.received(events.request());
    assertThatThrownBy(received::issue).isInstanceOf(IllegalStateException.class).hasMessageContaining("TRANSMITTED");
    assertThat(draft.deadline()).isEmpty();
    assertThat(draft.requestFacts()).isEmpty();
    assertThat(draft.transmitted()).isEmpty();
    assertThat(draft.preservation().state()).isEqualTo(PreservationState.NOT_REQUESTED);
  }

  @Test
  void applyingLeavesTheOriginalUnchangedAlsoWhenItFails() throws Exception {
    var events = new Events();
    var request = events.request();
    var lifecycle = RequestLifecycle.received(request);
    var ack = events.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT, REQUESTED);
    var after = lifecycle.apply(ack);
    assertThat(lifecycle.history()).containsExactly(request);
    assertThat(after.history()).containsExactly(request, ack);
    assertThatThrownBy(() -> after.apply(events.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT, REQUESTED)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(after.history()).containsExactly(request, ack);
    assertThatThrownBy(() -> after.history().add(ack)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> after.allowedToSend().add(EventKind.REQUEST)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> after.apply(null)).isInstanceOf(NullPointerException.class).hasMessage("event");
  }

  @Test
  void equalWhenSameRequestSideAndHistory() throws Exception {
    var events = new Events();
    var request = events.request();
    var ack = events.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT, REQUESTED);
    var a = RequestLifecycle.received(request).apply(ack);
    var b = RequestLifecycle.received(request).apply(ack);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(RequestLifecycle.received(request));
    assertThat(a).isNotEqualTo(RequestLifecycle.draft(events.requestId).issue().apply(request).apply(ack));
    assertThat(a.toString()).contains("RECEIVED", "REQUESTED", events.requestId.toString());
  }

  @Test
  void theIllegalTransitionMessageListsWhatIsAllowed() throws Exception {
    var events = new Events();
    var lifecycle = RequestLifecycle.received(events.request());
    assertThatThrownBy(() -> lifecycle.apply(events.of(EventKind.WITHDRAWAL_CONFIRMED, REQUESTED)))
        .hasMessageContaining("the REQUESTED side may not send WithdrawalConfirmed in state TRANSMITTED")
        .hasMessageContaining("may send here: AcknowledgementOfReceipt");
    var withdrawn = lifecycle
        .apply(events.of(EventKind.WITHDRAWAL, REQUESTING))
        .apply(events.of(EventKind.WITHDRAWAL_CONFIRMED, REQUESTED));
    assertThatThrownBy(() -> withdrawn.apply(events.of(EventKind.STATUS_INFORMATION, REQUESTED)))
        .hasMessageContaining("may send nothing in this state");
  }

  @Test
  void informationRequestsAreAnsweredOneAtATime() throws Exception {
    var events = new Events();
    var lifecycle = RequestLifecycle.received(events.request());
    for (var kind : List.of(EventKind.STATUS_UNDER_REVIEW, EventKind.REQUEST_FOR_ADDITIONAL_INFORMATION)) {
      lifecycle = lifecycle.apply(events.of(kind, REQUESTED));
    }
    assertThat(lifecycle.state()).isEqualTo(RequestState.ADDITIONAL_INFORMATION_REQUESTED);
    assertThat(lifecycle.allowedToSend()).doesNotContain(EventKind.REQUEST_FOR_ADDITIONAL_INFORMATION);
    lifecycle = lifecycle.apply(events.of(EventKind.ADDITIONAL_INFORMATION, REQUESTING));
    assertThat(lifecycle.state()).isEqualTo(RequestState.UNDER_REVIEW);
    lifecycle = lifecycle.apply(events.of(EventKind.REQUEST_FOR_ADDITIONAL_INFORMATION, REQUESTED));
    var waiting = lifecycle;
    assertThat(waiting.state()).isEqualTo(RequestState.ADDITIONAL_INFORMATION_REQUESTED);
    lifecycle = lifecycle.apply(events.of(EventKind.ADDITIONAL_INFORMATION, REQUESTING));
    var answered = lifecycle;
    assertThat(answered.state()).isEqualTo(RequestState.UNDER_REVIEW);
    // A second answer to the same request is not a crossing: nothing is outstanding.
    assertThatThrownBy(() -> answered.apply(events.of(EventKind.ADDITIONAL_INFORMATION, REQUESTING)))
        .isInstanceOf(IllegalTransitionException.class);
  }
}
