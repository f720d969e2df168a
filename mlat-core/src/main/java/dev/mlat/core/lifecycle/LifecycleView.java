package dev.mlat.core.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The state of a request derived from its messages. The derivation is a function of the set of
 * messages only (counts, maxima, earliest and latest timestamps, "anyone sent"), never of the
 * order in which they were applied: that is what makes both sides agree after crossings. The
 * rules are those of "How the state is derived" in {@code docs/LIFECYCLE.md}.
 */
record LifecycleView(
    RequestState state,
    Preservation preservation,
    Optional<Deadline> deadline,
    Optional<RequestFacts> facts,
    Optional<Instant> transmitted) {

  private static final Comparator<LifecycleEvent> LATEST_FIRST_WINS =
      Comparator.comparing(LifecycleEvent::timestamp).thenComparing(LifecycleEvent::messageId);

  /**
   * Derives the view of {@code history}.
   *
   * @param history the applied messages in the order this side applied them
   * @param issued for a requesting side whose history is empty: whether the draft was issued
   */
  static LifecycleView derive(List<LifecycleEvent> history, boolean issued) {
    if (history.isEmpty()) {
      return new LifecycleView(
          issued ? RequestState.ISSUED : RequestState.DRAFT,
          Preservation.NOT_REQUESTED,
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
    LifecycleEvent request = history.get(0);
    if (request.kind() != EventKind.REQUEST) {
      throw new IllegalStateException("a lifecycle history starts with its Request");
    }
    RequestFacts facts = request.requestFacts().orElseThrow();

    int progress = RequestState.TRANSMITTED.progressRank();
    RequestState outcome = null;
    boolean withdrawn = false;
    int informationRequests = 0;
    int informationAnswers = 0;
    Instant executionStart = null;
    var newDeadlines = new ArrayList<LifecycleEvent>();
    boolean preservationConfirmed = false;
    boolean preservationExtended = false;
    boolean preservationEnded = false;
    Instant preservedUntil = null;

    for (var event : history) {
      EventKind kind = event.kind();
      if (Transitions.reportsProgress(kind)) {
        RequestState reached = Transitions.progressOf(kind);
        progress = Math.max(progress, reached.progressRank());
        if (reached.progressRank() >= RequestState.ACCEPTED.progressRank()
            && (executionStart == null || event.timestamp().isBefore(executionStart))) {
          executionStart = event.timestamp();
        }
      } else if (Transitions.isOutcome(kind)) {
        // At most one: after an outcome nothing else is legal for the requested side, and a
        // received second outcome is rejected in every state the sender may have been in.
        outcome = Transitions.outcome(kind);
      } else {
        switch (kind) {
          case WITHDRAWAL:
            withdrawn = true;
            break;
          case REQUEST_FOR_ADDITIONAL_INFORMATION:
            informationRequests++;
            break;
          case ADDITIONAL_INFORMATION:
            informationAnswers++;
            break;
          case NEW_DEADLINE:
            newDeadlines.add(event);
            break;
          case PRESERVATION_CONFIRMED:
            preservationConfirmed = true;
            preservedUntil = later(preservedUntil, event.preservedUntil().orElseThrow());
            break;
          case PRESERVATION_EXTENDED:
            preservationExtended = true;
            preservedUntil = later(preservedUntil, event.preservedUntil().orElseThrow());
            break;
          case PRESERVATION_ENDED:
            preservationEnded = true;
            break;
          default:
            break;
        }
      }
    }

    RequestState state;
    if (outcome != null) {
      state = outcome;
    } else if (withdrawn) {
      state = RequestState.WITHDRAWAL_REQUESTED;
    } else if (informationRequests > informationAnswers) {
      state = RequestState.ADDITIONAL_INFORMATION_REQUESTED;
    } else {
      state = RequestState.ofProgressRank(progress);
    }

    Preservation preservation;
    if (!facts.preservationRequested()) {
      preservation = Preservation.NOT_REQUESTED;
    } else if (preservationEnded) {
      preservation = new Preservation(PreservationState.ENDED, Optional.ofNullable(preservedUntil));
    } else if (preservationExtended) {
      preservation = new Preservation(PreservationState.EXTENDED, Optional.of(preservedUntil));
    } else if (preservationConfirmed) {
      preservation = new Preservation(PreservationState.CONFIRMED, Optional.of(preservedUntil));
    } else {
      preservation = new Preservation(PreservationState.REQUESTED, Optional.empty());
    }

    Optional<Deadline> deadline =
        state.isTerminal() || state == RequestState.WITHDRAWAL_REQUESTED
            ? Optional.empty()
            : deadline(facts, request.timestamp(), Optional.ofNullable(executionStart), newDeadlines);
    return new LifecycleView(state, preservation, deadline, Optional.of(facts), Optional.of(request.timestamp()));
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /**
   * The deadline of the current step: the latest {@code NewDeadline} sent during the step (by
   * timestamp, then message id), else the earliest of the request's own deadline and the
   * instrument's defaults for the step.
   */
  private static Optional<Deadline> deadline(
      RequestFacts facts, Instant transmitted, Optional<Instant> executionStart, List<LifecycleEvent> newDeadlines) {
    Deadline.Step step = executionStart.isPresent() ? Deadline.Step.EXECUTION : Deadline.Step.DECISION;
    Optional<LifecycleEvent> inForce =
        newDeadlines.stream()
            .filter(e -> executionStart.map(start -> !e.timestamp().isBefore(start)).orElse(true))
            .max(LATEST_FIRST_WINS);
    if (inForce.isPresent()) {
      return Optional.of(new Deadline(inForce.get().newDeadline().orElseThrow(), step, Deadline.Source.NEW_DEADLINE));
    }
    DeadlinePolicy policy = facts.deadlinePolicy();
    Deadline best = null;
    if (facts.requestedDeadline().isPresent()) {
      best = new Deadline(facts.requestedDeadline().get(), step, Deadline.Source.REQUEST);
    }
    if (step == Deadline.Step.DECISION) {
      best = earliest(best, policy.decisionDue(transmitted, facts.emergency()), step);
    }
    best = earliest(best, policy.executionDue(transmitted, executionStart, facts.emergency()), step);
    return Optional.ofNullable(best);
  }

  private static Deadline earliest(Deadline best, Optional<Instant> candidate, Deadline.Step step) {
    if (candidate.isEmpty()) {
      return best;
    }
    if (best == null || candidate.get().isBefore(best.due())) {
      return new Deadline(candidate.get(), step, Deadline.Source.INSTRUMENT);
    }
    return best;
  }
}
