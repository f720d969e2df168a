package dev.mlat.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.CoreErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table-driven: every shared state x every message kind x every sending side, applied by the
 * sender and by the receiver, compared with {@link Transitions} (which
 * {@link LifecycleDocumentationTest} compares with {@code docs/LIFECYCLE.md}).
 */
class RequestLifecycleTransitionTest {

  /** A shared state, and for ADDITIONAL_INFORMATION_REQUESTED the progress state before it. */
  record Situation(RequestState state, RequestState progressBeforeInformation) {
    @Override
    public String toString() {
      return progressBeforeInformation == null ? state.name() : state + " (after " + progressBeforeInformation + ")";
    }
  }

  static List<Situation> situations() {
    var situations = new ArrayList<Situation>();
    for (var state : RequestState.values()) {
      if (state.isLocal()) {
        continue;
      }
      if (state == RequestState.ADDITIONAL_INFORMATION_REQUESTED) {
        for (var before : List.of(
            RequestState.TRANSMITTED, RequestState.RECEIVED, RequestState.UNDER_REVIEW, RequestState.ACCEPTED,
            RequestState.IN_EXECUTION, RequestState.PARTIALLY_EXECUTED)) {
          situations.add(new Situation(state, before));
        }
      } else {
        situations.add(new Situation(state, null));
      }
    }
    return situations;
  }

  @Test
  void everySentMessageIsAcceptedOrRejectedAsTheTableSays() throws Exception {
    int accepted = 0;
    int rejected = 0;
    for (var situation : situations()) {
      for (var kind : EventKind.values()) {
        if (kind.isPreservation()) {
          continue;
        }
        for (var sender : Side.values()) {
          var events = new Events();
          var request = events.request();
          var path = events.pathTo(situation.state(), situation.progressBeforeInformation());
          var lifecycle = Events.lifecycle(sender, request, path);
          assertThat(lifecycle.state()).as("canonical path to %s", situation).isEqualTo(situation.state());
          var event = events.of(kind, sender);
          var expected = Transitions.main(situation.state(), kind, sender);
          String what = sender + " sends " + kind.label() + " in " + situation;
          if (expected.isPresent()) {
            var after = lifecycle.apply(event);
            RequestState target =
                expected.get().resumes() ? situation.progressBeforeInformation() : expected.get().state();
            assertThat(after.state()).as(what).isEqualTo(target);
            assertThat(lifecycle.allowedToSend()).as(what).contains(kind);
            // The receiver, which saw the same messages, reaches the same state.
            var peer = Events.lifecycle(sender.peer(), request, path).apply(event);
            assertThat(peer.state()).as("peer of: " + what).isEqualTo(target);
            accepted++;
          } else {
            assertThat(lifecycle.allowedToSend()).as(what).doesNotContain(kind);
            assertThatThrownBy(() -> lifecycle.apply(event))
                .as(what)
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                  assertThat(e.errorCode()).isEqualTo(CoreErrorCode.LIFECYCLE_ILLEGAL_TRANSITION);
                  assertThat(e.state()).contains(situation.state());
                  assertThat(e.messageType()).isEqualTo(kind.messageType());
                  assertThat(e.kind()).isEqualTo(kind);
                  assertThat(e.sender()).isEqualTo(sender);
                  assertThat(e.localSide()).isEqualTo(sender);
                  assertThat(e.messageId()).isEqualTo(event.messageId());
                  assertThat(e.getMessage())
                      .startsWith("LIFECYCLE_ILLEGAL_TRANSITION: ")
                      .contains(situation.state().name(), kind.label(), sender.name());
                });
            rejected++;
          }
        }
      }
    }
    assertThat(accepted).isGreaterThan(60);
    assertThat(rejected).isGreaterThan(300);
  }

  /**
   * A received message is accepted exactly when the table allows it in the current state or in a
   * state before some of the receiver's latest own messages (which the sender may not have seen).
   */
  @Test
  void everyReceivedMessageIsAcceptedIfTheSenderMayHaveSentIt() throws Exception {
    int acceptedOnlyAsCrossing = 0;
    for (var situation : situations()) {
      for (var kind : EventKind.values()) {
        if (kind.isPreservation()) {
          continue;
        }
        for (var sender : Side.values()) {
          Side receiver = sender.peer();
          var events = new Events();
          var request = events.request();
          var path = events.pathTo(situation.state(), situation.progressBeforeInformation());
          var lifecycle = Events.lifecycle(receiver, request, path);
          var event = events.of(kind, sender);

          var all = new ArrayList<LifecycleEvent>();
          all.add(request);
          all.addAll(path);
          boolean expected = false;
          boolean legalNow = Transitions.main(situation.state(), kind, sender).isPresent();
          while (true) {
            if (Transitions.main(LifecycleView.derive(all, true).state(), kind, sender).isPresent()) {
              expected = true;
              break;
            }
            int last = lastIndexOf(all, receiver);
            if (last <= 0) {
              break;
            }
            all.remove(last);
          }
          String what = receiver + " receives " + kind.label() + " from " + sender + " in " + situation;
          if (expected) {
            var after = lifecycle.apply(event);
            assertThat(after.history()).as(what).endsWith(event);
            if (!legalNow) {
              acceptedOnlyAsCrossing++;
            }
          } else {
            assertThatThrownBy(() -> lifecycle.apply(event))
                .as(what)
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                  assertThat(e.state()).contains(situation.state());
                  assertThat(e.sender()).isEqualTo(sender);
                  assertThat(e.localSide()).isEqualTo(receiver);
                  assertThat(e.getMessage()).contains("may not have sent");
                });
          }
        }
      }
    }
    // Withdrawal crossing the outcome, progress crossing the withdrawal, and so on.
    assertThat(acceptedOnlyAsCrossing).isGreaterThan(10);
  }

  /** Whether {@code sender} may have sent {@code kind} before some of the receiver's latest messages. */
  private static boolean mayHaveSent(List<LifecycleEvent> history, EventKind kind, Side sender, Side receiver) {
    var all = new ArrayList<>(history);
    while (true) {
      var view = LifecycleView.derive(all, true);
      if (Transitions.allowed(view.state(), view.preservation().state(), sender).contains(kind)) {
        return true;
      }
      int last = lastIndexOf(all, receiver);
      if (last <= 0) {
        return false;
      }
      all.remove(last);
    }
  }

  private static int lastIndexOf(List<LifecycleEvent> events, Side side) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).sender() == side) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aDraftAcceptsNothingAndAnIssuedRequestOnlyItsRequest() throws Exception {
    for (var kind : EventKind.values()) {
      for (var sender : Side.values()) {
        var events = new Events();
        var event = events.of(kind, sender);
        var draft = RequestLifecycle.draft(events.requestId);
        assertThatThrownBy(() -> draft.apply(event))
            .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.state()).contains(RequestState.DRAFT));
        var issued = draft.issue();
        if (kind == EventKind.REQUEST && sender == Side.REQUESTING) {
          assertThat(issued.apply(event).state()).isEqualTo(RequestState.TRANSMITTED);
        } else {
          assertThatThrownBy(() -> issued.apply(event))
              .as("%s from %s in ISSUED", kind, sender)
              .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.state()).contains(RequestState.ISSUED));
        }
      }
    }
    assertThat(RequestLifecycle.draft(new Events().requestId).allowedToSend()).isEmpty();
    assertThat(RequestLifecycle.draft(new Events().requestId).issue().allowedToSend()).containsExactly(EventKind.REQUEST);
  }

  @Test
  void theRequestedSideStartsOnlyFromARequestOfTheRequestingSide() throws Exception {
    for (var kind : EventKind.values()) {
      for (var sender : Side.values()) {
        var event = new Events().of(kind, sender);
        if (kind == EventKind.REQUEST && sender == Side.REQUESTING) {
          var lifecycle = RequestLifecycle.received(event);
          assertThat(lifecycle.state()).isEqualTo(RequestState.TRANSMITTED);
          assertThat(lifecycle.localSide()).isEqualTo(Side.REQUESTED);
        } else {
          assertThatThrownBy(() -> RequestLifecycle.received(event))
              .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                assertThat(e.state()).isEmpty();
                assertThat(e.kind()).isEqualTo(kind);
                assertThat(e.sender()).isEqualTo(sender);
                assertThat(e.getMessage()).contains("before any request was received");
              });
        }
      }
    }
  }

  @Test
  void everyPreservationMessageFollowsThePreservationTable() throws Exception {
    var states = List.of(
        PreservationState.NOT_REQUESTED, PreservationState.REQUESTED, PreservationState.CONFIRMED,
        PreservationState.EXTENDED, PreservationState.ENDED);
    for (var preservation : states) {
      for (var kind : List.of(EventKind.PRESERVATION_CONFIRMED, EventKind.PRESERVATION_EXTENDED, EventKind.PRESERVATION_ENDED)) {
        for (var sender : Side.values()) {
          for (var applier : Side.values()) {
            var events = new Events();
            var request = preservation == PreservationState.NOT_REQUESTED ? events.request() : events.requestWithPreservation();
            var path = new ArrayList<LifecycleEvent>();
            path.add(events.of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT, Side.REQUESTED));
            if (preservation != PreservationState.NOT_REQUESTED && preservation != PreservationState.REQUESTED) {
              path.add(events.of(EventKind.PRESERVATION_CONFIRMED, Side.REQUESTED));
            }
            if (preservation == PreservationState.EXTENDED) {
              path.add(events.of(EventKind.PRESERVATION_EXTENDED, Side.REQUESTING, Events.lifecycle(applier, request, path).preservation().until()));
            }
            if (preservation == PreservationState.ENDED) {
              path.add(events.of(EventKind.PRESERVATION_ENDED, Side.REQUESTING));
            }
            var lifecycle = Events.lifecycle(applier, request, path);
            assertThat(lifecycle.preservation().state()).isEqualTo(preservation);
            var event = events.of(kind, sender, lifecycle.preservation().until());
            var expected = Transitions.preservation(preservation, kind, sender);
            String what = applier + " applies " + kind.label() + " from " + sender + " with preservation " + preservation;
            var all = new ArrayList<LifecycleEvent>();
            all.add(request);
            all.addAll(path);
            if (applier != sender && expected.isEmpty() && mayHaveSent(all, kind, sender, applier)) {
              // Received: legal before the receiver's latest own message, a crossing.
              assertThat(lifecycle.apply(event).history()).as(what).endsWith(event);
            } else if (expected.isPresent()) {
              assertThat(lifecycle.apply(event).preservation().state()).as(what).isEqualTo(expected.get());
            } else {
              assertThatThrownBy(() -> lifecycle.apply(event))
                  .as(what)
                  .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.preservationState()).contains(preservation);
                    assertThat(e.getMessage()).contains("with preservation " + preservation);
                  });
            }
          }
        }
      }
    }
  }

  /** Confirming or extending is illegal once there is nothing left to preserve for; ending never is. */
  @Test
  void preservationMessagesDependOnTheRequestState() throws Exception {
    for (var situation : situations()) {
      for (var kind : List.of(EventKind.PRESERVATION_EXTENDED, EventKind.PRESERVATION_ENDED)) {
        for (var sender : Side.values()) {
          var events = new Events();
          var request = events.requestWithPreservation();
          var path = new ArrayList<LifecycleEvent>();
          path.add(events.of(EventKind.PRESERVATION_CONFIRMED, Side.REQUESTED));
          path.addAll(events.pathTo(situation.state(), situation.progressBeforeInformation()));
          var lifecycle = Events.lifecycle(sender, request, path);
          var event = events.of(kind, sender, lifecycle.preservation().until());
          boolean expected = kind == EventKind.PRESERVATION_ENDED || !Transitions.PRESERVATION_CLOSED.contains(situation.state());
          assertThat(Transitions.preservationAllowedIn(situation.state(), kind)).isEqualTo(expected);
          if (expected) {
            assertThat(lifecycle.apply(event).state()).isEqualTo(situation.state());
          } else {
            assertThatThrownBy(() -> lifecycle.apply(event))
                .as("%s sends %s in %s", sender, kind, situation)
                .isInstanceOf(IllegalTransitionException.class);
          }
        }
      }
      // Confirmation: only the requested side, only while the request is still open for it.
      var events = new Events();
      var request = events.requestWithPreservation();
      var path = events.pathTo(situation.state(), situation.progressBeforeInformation());
      var lifecycle = Events.lifecycle(Side.REQUESTED, request, path);
      var confirm = events.of(EventKind.PRESERVATION_CONFIRMED, Side.REQUESTED);
      if (Transitions.PRESERVATION_CLOSED.contains(situation.state())) {
        assertThatThrownBy(() -> lifecycle.apply(confirm)).isInstanceOf(IllegalTransitionException.class);
      } else {
        assertThat(lifecycle.apply(confirm).preservation().state()).isEqualTo(PreservationState.CONFIRMED);
      }
    }
    assertThat(Transitions.PRESERVATION_CLOSED)
        .containsExactlyInAnyOrder(
            RequestState.REFUSED, RequestState.NOT_EXECUTED, RequestState.WITHDRAWAL_REQUESTED, RequestState.WITHDRAWN);
  }
}
