package dev.mlat.core.lifecycle;

import dev.mlat.core.MessageType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One lifecycle message as the state machine sees it: its identity, type, sender and timestamp,
 * plus the few facts that decide its transition. Every field is read directly off a lifecycle
 * message; build one with the factory for its type.
 *
 * <p>Each type carries exactly its facts: a {@code Request} its {@link RequestFacts}, a
 * {@code StatusUpdate} optionally a {@link ReportedStatus}, a {@code Response} its
 * {@link ResponseKind}, a {@code NewDeadline} its deadline, {@code PreservationConfirmed} and
 * {@code PreservationExtended} the end of the preservation. Relations between dates (a deadline
 * after the timestamp, a long enough preservation) are checked by
 * {@link RequestLifecycle#apply(LifecycleEvent)}, because they are facts from the peer.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * var ack = LifecycleEvent.acknowledgement(requestId, messageId, Side.REQUESTED, sentAt);
 * lifecycle = lifecycle.apply(ack);
 * }</pre>
 *
 * @param requestId the request the message belongs to
 * @param messageId the message's unique id
 * @param type the message type
 * @param sender the side that sent it (from the verified signer, not from the message's claims)
 * @param timestamp when the sender created it, by the sender's clock
 * @param requestFacts present exactly for {@code Request}
 * @param status for {@code StatusUpdate}: the progress it reports, empty when informational
 * @param responseKind present exactly for {@code Response}
 * @param newDeadline present exactly for {@code NewDeadline}
 * @param preservedUntil present exactly for {@code PreservationConfirmed} and
 *     {@code PreservationExtended}
 * @throws IllegalArgumentException if a fact is present on a type that has none, or missing
 */
public record LifecycleEvent(
    UUID requestId,
    UUID messageId,
    MessageType type,
    Side sender,
    Instant timestamp,
    Optional<RequestFacts> requestFacts,
    Optional<ReportedStatus> status,
    Optional<ResponseKind> responseKind,
    Optional<Instant> newDeadline,
    Optional<Instant> preservedUntil) {

  public LifecycleEvent {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(requestFacts, "requestFacts");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(responseKind, "responseKind");
    Objects.requireNonNull(newDeadline, "newDeadline");
    Objects.requireNonNull(preservedUntil, "preservedUntil");
    requireFact(type, "requestFacts", requestFacts, type == MessageType.REQUEST);
    requireFact(type, "responseKind", responseKind, type == MessageType.RESPONSE);
    requireFact(type, "newDeadline", newDeadline, type == MessageType.NEW_DEADLINE);
    requireFact(
        type,
        "preservedUntil",
        preservedUntil,
        type == MessageType.PRESERVATION_CONFIRMED || type == MessageType.PRESERVATION_EXTENDED);
    if (status.isPresent() && type != MessageType.STATUS_UPDATE) {
      throw new IllegalArgumentException("a " + type.wireName() + " carries no status; only StatusUpdate does");
    }
  }

  private static void requireFact(MessageType type, String name, Optional<?> value, boolean required) {
    if (required && value.isEmpty()) {
      throw new IllegalArgumentException("a " + type.wireName() + " needs its " + name);
    }
    if (!required && value.isPresent()) {
      throw new IllegalArgumentException("a " + type.wireName() + " carries no " + name);
    }
  }

  private static LifecycleEvent plain(UUID requestId, UUID messageId, MessageType type, Side sender, Instant timestamp) {
    return new LifecycleEvent(
        requestId, messageId, type, sender, timestamp,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The refined kind that the lifecycle tables are keyed by. */
  public EventKind kind() {
    switch (type) {
      case REQUEST:
        return EventKind.REQUEST;
      case ACKNOWLEDGEMENT_OF_RECEIPT:
        return EventKind.ACKNOWLEDGEMENT_OF_RECEIPT;
      case STATUS_UPDATE:
        if (status.isEmpty()) {
          return EventKind.STATUS_INFORMATION;
        }
        switch (status.get()) {
          case UNDER_REVIEW:
            return EventKind.STATUS_UNDER_REVIEW;
          case ACCEPTED:
            return EventKind.STATUS_ACCEPTED;
          case IN_EXECUTION:
            return EventKind.STATUS_IN_EXECUTION;
          default:
            throw new AssertionError(status.get());
        }
      case REQUEST_FOR_ADDITIONAL_INFORMATION:
        return EventKind.REQUEST_FOR_ADDITIONAL_INFORMATION;
      case ADDITIONAL_INFORMATION:
        return EventKind.ADDITIONAL_INFORMATION;
      case NEW_DEADLINE:
        return EventKind.NEW_DEADLINE;
      case RESPONSE:
        return responseKind.orElseThrow() == ResponseKind.FINAL ? EventKind.FINAL_RESPONSE : EventKind.PARTIAL_RESPONSE;
      case REFUSAL:
        return EventKind.REFUSAL;
      case NON_EXECUTION:
        return EventKind.NON_EXECUTION;
      case WITHDRAWAL:
        return EventKind.WITHDRAWAL;
      case WITHDRAWAL_CONFIRMED:
        return EventKind.WITHDRAWAL_CONFIRMED;
      case PRESERVATION_CONFIRMED:
        return EventKind.PRESERVATION_CONFIRMED;
      case PRESERVATION_EXTENDED:
        return EventKind.PRESERVATION_EXTENDED;
      case PRESERVATION_ENDED:
        return EventKind.PRESERVATION_ENDED;
      default:
        throw new AssertionError(type);
    }
  }

  /** A {@code Request}: opens the shared lifecycle. */
  public static LifecycleEvent request(
      UUID requestId, UUID messageId, Side sender, Instant timestamp, RequestFacts facts) {
    Objects.requireNonNull(facts, "facts");
    return new LifecycleEvent(
        requestId, messageId, MessageType.REQUEST, sender, timestamp,
        Optional.of(facts), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** An {@code AcknowledgementOfReceipt}. */
  public static LifecycleEvent acknowledgement(UUID requestId, UUID messageId, Side sender, Instant timestamp) {
    return plain(requestId, messageId, MessageType.ACKNOWLEDGEMENT_OF_RECEIPT, sender, timestamp);
  }

  /** A {@code StatusUpdate} that reports progress. */
  public static LifecycleEvent statusUpdate(
      UUID requestId, UUID messageId, Side sender, Instant timestamp, ReportedStatus status) {
    Objects.requireNonNull(status, "status");
    return new LifecycleEvent(
        requestId, messageId, MessageType.STATUS_UPDATE, sender, timestamp,
        Optional.empty(), Optional.of(status), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A {@code StatusUpdate} that reports no progress (information only). */
  public static LifecycleEvent statusInformation(UUID requestId, UUID messageId, Side sender, Instant timestamp) {
    return plain(requestId, messageId, MessageType.STATUS_UPDATE, sender, timestamp);
  }

  /** A {@code RequestForAdditionalInformation}. */
  public static LifecycleEvent requestForAdditionalInformation(
      UUID requestId, UUID messageId, Side sender, Instant timestamp) {
    return plain(requestId, messageId, MessageType.REQUEST_FOR_ADDITIONAL_INFORMATION, sender, timestamp);
  }

  /** An {@code AdditionalInformation}: the answer to the outstanding request for information. */
  public static LifecycleEvent additionalInformation(UUID requestId, UUID messageId, Side sender, Instant timestamp) {
    return plain(requestId, messageId, MessageType.ADDITIONAL_INFORMATION, sender, timestamp);
  }

  /** A {@code NewDeadline} for the current step. */
  public static LifecycleEvent newDeadline(
      UUID requestId, UUID messageId, Side sender, Instant timestamp, Instant deadline) {
    Objects.requireNonNull(deadline, "deadline");
    return new LifecycleEvent(
        requestId, messageId, MessageType.NEW_DEADLINE, sender, timestamp,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(deadline), Optional.empty());
  }

  /** A {@code Response}, partial or final. */
  public static LifecycleEvent response(
      UUID requestId, UUID messageId, Side sender, Instant timestamp, ResponseKind kind) {
    Objects.requireNonNull(kind, "kind");
    return new LifecycleEvent(
        requestId, messageId, MessageType.RESPONSE, sender, timestamp,
        Optional.empty(), Optional.empty(), Optional.of(kind), Optional.empty(), Optional.empty());
  }

  /** A {@code Refusal}. */
  public static LifecycleEvent refusal(UUID requestId, UUID messageId, Side sender, Instant timestamp) {
    return plain(requestId, messageId, MessageType.REFUSAL, sender, timestamp);
  }

  /** A {@code NonExecution}. */
  public static LifecycleEvent nonExecution(UUID requestId, UUID messageId, Side sender, Instant timestamp) {
    return plain(requestId, messageId, MessageType.NON_EXECUTION, sender, timestamp);
  }

  /** A {@code Withdrawal}. */
  public static LifecycleEvent withdrawal(UUID requestId, UUID messageId, Side sender, Instant timestamp) {
    return plain(requestId, messageId, MessageType.WITHDRAWAL, sender, timestamp);
  }

  /** A {@code WithdrawalConfirmed}. */
  public static LifecycleEvent withdrawalConfirmed(UUID requestId, UUID messageId, Side sender, Instant timestamp) {
    return plain(requestId, messageId, MessageType.WITHDRAWAL_CONFIRMED, sender, timestamp);
  }

  /** A {@code PreservationConfirmed}: the data is preserved until {@code until}. */
  public static LifecycleEvent preservationConfirmed(
      UUID requestId, UUID messageId, Side sender, Instant timestamp, Instant until) {
    return preservation(requestId, messageId, MessageType.PRESERVATION_CONFIRMED, sender, timestamp, until);
  }

  /** A {@code PreservationExtended}: the data is preserved until the later {@code until}. */
  public static LifecycleEvent preservationExtended(
      UUID requestId, UUID messageId, Side sender, Instant timestamp, Instant until) {
    return preservation(requestId, messageId, MessageType.PRESERVATION_EXTENDED, sender, timestamp, until);
  }

  /** A {@code PreservationEnded}. */
  public static LifecycleEvent preservationEnded(UUID requestId, UUID messageId, Side sender, Instant timestamp) {
    return plain(requestId, messageId, MessageType.PRESERVATION_ENDED, sender, timestamp);
  }

  private static LifecycleEvent preservation(
      UUID requestId, UUID messageId, MessageType type, Side sender, Instant timestamp, Instant until) {
    Objects.requireNonNull(until, "until");
    return new LifecycleEvent(
        requestId, messageId, type, sender, timestamp,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(until));
  }
}
