package dev.mlat.core.lifecycle;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The transition tables: which side may send which kind of message in which state, and the state
 * it leads to. This is the single source of the tables in {@code docs/LIFECYCLE.md}
 * ({@code LifecycleDocumentationTest} compares them). The machine checks every message a side
 * sends against these tables; the state after a message is derived from the whole set of messages
 * ({@link LifecycleView}), and the table-driven test checks the two agree.
 */
final class Transitions {

  /** Where a legal message leads: a state, or back to the progress state ({@link #RESUME}). */
  record Target(RequestState state) {
    /** {@code AdditionalInformation} answering a request for it: back to the progress state. */
    static final Target RESUME = new Target(null);

    static Target to(RequestState state) {
      return new Target(java.util.Objects.requireNonNull(state, "state"));
    }

    boolean resumes() {
      return state == null;
    }

    String label() {
      return resumes() ? "progress state" : state.name();
    }
  }

  /** Main states in which preservation may no longer be confirmed or extended. */
  static final Set<RequestState> PRESERVATION_CLOSED =
      EnumSet.of(RequestState.REFUSED, RequestState.NOT_EXECUTED, RequestState.WITHDRAWAL_REQUESTED, RequestState.WITHDRAWN);

  private Transitions() {}

  /** The target of a non-preservation message, or empty if {@code sender} may not send it in {@code state}. */
  static Optional<Target> main(RequestState state, EventKind kind, Side sender) {
    if (kind.isPreservation()) {
      throw new IllegalArgumentException(kind + " is governed by the preservation table");
    }
    if (state == RequestState.ISSUED) {
      return kind == EventKind.REQUEST && sender == Side.REQUESTING ? Optional.of(Target.to(RequestState.TRANSMITTED)) : Optional.empty();
    }
    if (state.progressRank() >= 0) {
      return sender == Side.REQUESTING ? requestingInProgress(state, kind) : requestedInProgress(state, kind);
    }
    switch (state) {
      case ADDITIONAL_INFORMATION_REQUESTED:
        if (sender == Side.REQUESTING) {
          switch (kind) {
            case WITHDRAWAL:
              return Optional.of(Target.to(RequestState.WITHDRAWAL_REQUESTED));
            case NEW_DEADLINE:
              return Optional.of(Target.to(state));
            case ADDITIONAL_INFORMATION:
              return Optional.of(Target.RESUME);
            default:
              return Optional.empty();
          }
        }
        switch (kind) {
          case STATUS_INFORMATION:
          case NEW_DEADLINE:
            return Optional.of(Target.to(state));
          case FINAL_RESPONSE:
          case REFUSAL:
          case NON_EXECUTION:
            return Optional.of(Target.to(outcome(kind)));
          default:
            return Optional.empty();
        }
      case WITHDRAWAL_REQUESTED:
        if (sender == Side.REQUESTED && kind == EventKind.WITHDRAWAL_CONFIRMED) {
          return Optional.of(Target.to(RequestState.WITHDRAWN));
        }
        if (sender == Side.REQUESTED && kind == EventKind.STATUS_INFORMATION) {
          return Optional.of(Target.to(state));
        }
        return Optional.empty();
      default:
        // DRAFT (must be issued first) and the terminal states.
        return Optional.empty();
    }
  }

  private static Optional<Target> requestingInProgress(RequestState state, EventKind kind) {
    switch (kind) {
      case WITHDRAWAL:
        return Optional.of(Target.to(RequestState.WITHDRAWAL_REQUESTED));
      case NEW_DEADLINE:
        return Optional.of(Target.to(state));
      default:
        return Optional.empty();
    }
  }

  private static Optional<Target> requestedInProgress(RequestState state, EventKind kind) {
    switch (kind) {
      case ACKNOWLEDGEMENT_OF_RECEIPT:
        return state == RequestState.TRANSMITTED ? Optional.of(Target.to(RequestState.RECEIVED)) : Optional.empty();
      case STATUS_UNDER_REVIEW:
      case STATUS_ACCEPTED:
      case STATUS_IN_EXECUTION:
        RequestState reported = progressOf(kind);
        return reported.progressRank() >= state.progressRank() ? Optional.of(Target.to(reported)) : Optional.empty();
      case STATUS_INFORMATION:
      case NEW_DEADLINE:
        return Optional.of(Target.to(state));
      case REQUEST_FOR_ADDITIONAL_INFORMATION:
        return Optional.of(Target.to(RequestState.ADDITIONAL_INFORMATION_REQUESTED));
      case PARTIAL_RESPONSE:
        return Optional.of(Target.to(RequestState.PARTIALLY_EXECUTED));
      case FINAL_RESPONSE:
      case REFUSAL:
      case NON_EXECUTION:
        return Optional.of(Target.to(outcome(kind)));
      default:
        return Optional.empty();
    }
  }

  /** The progress state a progress kind leads to, for {@link LifecycleView}. */
  static RequestState progressOf(EventKind kind) {
    switch (kind) {
      case ACKNOWLEDGEMENT_OF_RECEIPT:
        return RequestState.RECEIVED;
      case STATUS_UNDER_REVIEW:
        return RequestState.UNDER_REVIEW;
      case STATUS_ACCEPTED:
        return RequestState.ACCEPTED;
      case STATUS_IN_EXECUTION:
        return RequestState.IN_EXECUTION;
      case PARTIAL_RESPONSE:
        return RequestState.PARTIALLY_EXECUTED;
      default:
        throw new IllegalArgumentException(kind + " reports no progress");
    }
  }

  static boolean reportsProgress(EventKind kind) {
    switch (kind) {
      case ACKNOWLEDGEMENT_OF_RECEIPT:
      case STATUS_UNDER_REVIEW:
      case STATUS_ACCEPTED:
      case STATUS_IN_EXECUTION:
      case PARTIAL_RESPONSE:
        return true;
      default:
        return false;
    }
  }

  /** The terminal state of a requested side's outcome message. */
  static RequestState outcome(EventKind kind) {
    switch (kind) {
      case FINAL_RESPONSE:
        return RequestState.EXECUTED;
      case REFUSAL:
        return RequestState.REFUSED;
      case NON_EXECUTION:
        return RequestState.NOT_EXECUTED;
      case WITHDRAWAL_CONFIRMED:
        return RequestState.WITHDRAWN;
      default:
        throw new IllegalArgumentException(kind + " is not an outcome");
    }
  }

  static boolean isOutcome(EventKind kind) {
    return kind == EventKind.FINAL_RESPONSE || kind == EventKind.REFUSAL || kind == EventKind.NON_EXECUTION
        || kind == EventKind.WITHDRAWAL_CONFIRMED;
  }

  /**
   * The preservation state a preservation message leads to, or empty if {@code sender} may not
   * send it with the preservation in {@code preservation} (main-state conditions aside).
   */
  static Optional<PreservationState> preservation(PreservationState preservation, EventKind kind, Side sender) {
    if (!kind.isPreservation()) {
      throw new IllegalArgumentException(kind + " is governed by the main table");
    }
    switch (preservation) {
      case REQUESTED:
        if (kind == EventKind.PRESERVATION_CONFIRMED && sender == Side.REQUESTED) {
          return Optional.of(PreservationState.CONFIRMED);
        }
        return kind == EventKind.PRESERVATION_ENDED ? Optional.of(PreservationState.ENDED) : Optional.empty();
      case CONFIRMED:
      case EXTENDED:
        if (kind == EventKind.PRESERVATION_EXTENDED) {
          return Optional.of(PreservationState.EXTENDED);
        }
        return kind == EventKind.PRESERVATION_ENDED ? Optional.of(PreservationState.ENDED) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** Whether a preservation message is allowed at all while the request is in {@code state}. */
  static boolean preservationAllowedIn(RequestState state, EventKind kind) {
    if (state.isLocal()) {
      return false;
    }
    return kind == EventKind.PRESERVATION_ENDED || !PRESERVATION_CLOSED.contains(state);
  }

  /** The kinds {@code sender} may send in the given states, main and preservation tables together. */
  static Set<EventKind> allowed(RequestState state, PreservationState preservation, Side sender) {
    var kinds = EnumSet.noneOf(EventKind.class);
    for (var kind : EventKind.values()) {
      boolean legal =
          kind.isPreservation()
              ? preservationAllowedIn(state, kind) && preservation(preservation, kind, sender).isPresent()
              : main(state, kind, sender).isPresent();
      if (legal) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  /** The main table as the Markdown rows of {@code docs/LIFECYCLE.md}: only rows where a side may send. */
  static String mainTableMarkdown() {
    var out = new StringBuilder();
    out.append("| state | message | sent by the requesting side | sent by the requested side |\n");
    out.append("|---|---|---|---|\n");
    for (var state : RequestState.values()) {
      for (var kind : EventKind.values()) {
        if (kind.isPreservation()) {
          continue;
        }
        var byRequesting = main(state, kind, Side.REQUESTING);
        var byRequested = main(state, kind, Side.REQUESTED);
        if (byRequesting.isEmpty() && byRequested.isEmpty()) {
          continue;
        }
        out.append("| `").append(state).append("` | ").append(kind.label()).append(" | ")
            .append(cell(byRequesting.map(Target::label))).append(" | ")
            .append(cell(byRequested.map(Target::label))).append(" |\n");
      }
    }
    return out.toString();
  }

  /** The preservation table as the Markdown rows of {@code docs/LIFECYCLE.md}. */
  static String preservationTableMarkdown() {
    var out = new StringBuilder();
    out.append("| preservation | message | sent by the requesting side | sent by the requested side |\n");
    out.append("|---|---|---|---|\n");
    for (var state : PreservationState.values()) {
      for (var kind : EventKind.values()) {
        if (!kind.isPreservation() || state == PreservationState.EXPIRED) {
          continue;
        }
        var byRequesting = preservation(state, kind, Side.REQUESTING);
        var byRequested = preservation(state, kind, Side.REQUESTED);
        if (byRequesting.isEmpty() && byRequested.isEmpty()) {
          continue;
        }
        out.append("| `").append(state).append("` | ").append(kind.label()).append(" | ")
            .append(cell(byRequesting.map(Enum::name))).append(" | ")
            .append(cell(byRequested.map(Enum::name))).append(" |\n");
      }
    }
    return out.toString();
  }

  private static String cell(Optional<String> target) {
    return target.map(t -> "→ `" + t + "`").orElse("—");
  }
}
