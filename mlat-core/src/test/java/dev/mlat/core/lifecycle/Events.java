package dev.mlat.core.lifecycle;

import static dev.mlat.core.lifecycle.Side.REQUESTED;
import static dev.mlat.core.lifecycle.Side.REQUESTING;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds lifecycle events for one request with distinct ids and increasing timestamps, and
 * canonical message sequences that lead to each state.
 */
final class Events {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  final UUID requestId;
  private long nextId = 1;
  private Instant clock = T0;

  Events() {
    this(UUID.fromString("00000000-0000-0000-0000-00000000abcd"));
  }

  Events(UUID requestId) {
    this.requestId = requestId;
  }

  UUID nextId() {
    return new UUID(0x1000, nextId++);
  }

  Instant tick() {
    clock = clock.plus(Duration.ofHours(1));
    return clock;
  }

  Instant now() {
    return clock;
  }

  LifecycleEvent request(RequestFacts facts) {
    return LifecycleEvent.request(requestId, nextId(), REQUESTING, tick(), facts);
  }

  LifecycleEvent request() {
    return request(RequestFacts.of(DeadlineRule.NO_FIXED_TIME_LIMIT));
  }

  LifecycleEvent requestWithPreservation() {
    return request(new RequestFacts(DeadlineRule.BUDAPEST_PRESERVATION, false, Optional.empty(), true));
  }

  /** An event of {@code kind} from {@code sender} with valid dates given the preservation end so far. */
  LifecycleEvent of(EventKind kind, Side sender, Optional<Instant> preservedUntil) {
    Instant at = tick();
    UUID id = nextId();
    switch (kind) {
      case REQUEST:
        return LifecycleEvent.request(requestId, id, sender, at, RequestFacts.of(DeadlineRule.NO_FIXED_TIME_LIMIT));
      case ACKNOWLEDGEMENT_OF_RECEIPT:
        return LifecycleEvent.acknowledgement(requestId, id, sender, at);
      case STATUS_UNDER_REVIEW:
        return LifecycleEvent.statusUpdate(requestId, id, sender, at, ReportedStatus.UNDER_REVIEW);
      case STATUS_ACCEPTED:
        return LifecycleEvent.statusUpdate(requestId, id, sender, at, ReportedStatus.ACCEPTED);
      case STATUS_IN_EXECUTION:
        return LifecycleEvent.statusUpdate(requestId, id, sender, at, ReportedStatus.IN_EXECUTION);
      case STATUS_INFORMATION:
        return LifecycleEvent.statusInformation(requestId, id, sender, at);
      case REQUEST_FOR_ADDITIONAL_INFORMATION:
        return LifecycleEvent.requestForAdditionalInformation(requestId, id, sender, at);
      case ADDITIONAL_INFORMATION:
        return LifecycleEvent.additionalInformation(requestId, id, sender, at);
      case NEW_DEADLINE:
        return LifecycleEvent.newDeadline(requestId, id, sender, at, at.plus(Duration.ofDays(20)));
      case PARTIAL_RESPONSE:
        return LifecycleEvent.response(requestId, id, sender, at, ResponseKind.PARTIAL);
      case FINAL_RESPONSE:
        return LifecycleEvent.response(requestId, id, sender, at, ResponseKind.FINAL);
      case REFUSAL:
        return LifecycleEvent.refusal(requestId, id, sender, at);
      case NON_EXECUTION:
        return LifecycleEvent.nonExecution(requestId, id, sender, at);
      case WITHDRAWAL:
        return LifecycleEvent.withdrawal(requestId, id, sender, at);
      case WITHDRAWAL_CONFIRMED:
        return LifecycleEvent.withdrawalConfirmed(requestId, id, sender, at);
      case PRESERVATION_CONFIRMED:
        return LifecycleEvent.preservationConfirmed(requestId, id, sender, at, at.plus(Duration.ofDays(90)));
      case PRESERVATION_EXTENDED:
        Instant base = preservedUntil.orElse(at);
        return LifecycleEvent.preservationExtended(requestId, id, sender, at, base.plus(Duration.ofDays(30)));
      case PRESERVATION_ENDED:
        return LifecycleEvent.preservationEnded(requestId, id, sender, at);
      default:
        throw new AssertionError(kind);
    }
  }

  LifecycleEvent of(EventKind kind, Side sender) {
    return of(kind, sender, Optional.empty());
  }

  /**
   * A legal sequence of messages after the {@code Request} that leads to {@code state}; for
   * {@link RequestState#ADDITIONAL_INFORMATION_REQUESTED} the request for information follows
   * {@code progressBeforeInformation}.
   */
  List<LifecycleEvent> pathTo(RequestState state, RequestState progressBeforeInformation) {
    var events = new ArrayList<LifecycleEvent>();
    switch (state) {
      case TRANSMITTED:
        break;
      case RECEIVED:
        events.add(of(EventKind.ACKNOWLEDGEMENT_OF_RECEIPT, REQUESTED));
        break;
      case UNDER_REVIEW:
        events.addAll(pathTo(RequestState.RECEIVED, null));
        events.add(of(EventKind.STATUS_UNDER_REVIEW, REQUESTED));
        break;
      case ACCEPTED:
        events.addAll(pathTo(RequestState.UNDER_REVIEW, null));
        events.add(of(EventKind.STATUS_ACCEPTED, REQUESTED));
        break;
      case IN_EXECUTION:
        events.addAll(pathTo(RequestState.ACCEPTED, null));
        events.add(of(EventKind.STATUS_IN_EXECUTION, REQUESTED));
        break;
      case PARTIALLY_EXECUTED:
        events.addAll(pathTo(RequestState.IN_EXECUTION, null));
        events.add(of(EventKind.PARTIAL_RESPONSE, REQUESTED));
        break;
      case ADDITIONAL_INFORMATION_REQUESTED:
        events.addAll(pathTo(progressBeforeInformation, null));
        events.add(of(EventKind.REQUEST_FOR_ADDITIONAL_INFORMATION, REQUESTED));
        break;
      case WITHDRAWAL_REQUESTED:
        events.addAll(pathTo(RequestState.RECEIVED, null));
        events.add(of(EventKind.WITHDRAWAL, REQUESTING));
        break;
      case WITHDRAWN:
        events.addAll(pathTo(RequestState.WITHDRAWAL_REQUESTED, null));
        events.add(of(EventKind.WITHDRAWAL_CONFIRMED, REQUESTED));
        break;
      case EXECUTED:
        events.addAll(pathTo(RequestState.IN_EXECUTION, null));
        events.add(of(EventKind.FINAL_RESPONSE, REQUESTED));
        break;
      case REFUSED:
        events.addAll(pathTo(RequestState.UNDER_REVIEW, null));
        events.add(of(EventKind.REFUSAL, REQUESTED));
        break;
      case NOT_EXECUTED:
        events.addAll(pathTo(RequestState.ACCEPTED, null));
        events.add(of(EventKind.NON_EXECUTION, REQUESTED));
        break;
      default:
        throw new IllegalArgumentException("no shared path to " + state);
    }
    return events;
  }

  /** The lifecycle of {@code side} after {@code request} and {@code events}, applied in order. */
  static RequestLifecycle lifecycle(Side side, LifecycleEvent request, List<LifecycleEvent> events) throws LifecycleException {
    RequestLifecycle lifecycle =
        side == REQUESTING ? RequestLifecycle.draft(request.requestId()).issue().apply(request) : RequestLifecycle.received(request);
    for (var event : events) {
      lifecycle = lifecycle.apply(event);
    }
    return lifecycle;
  }
}
