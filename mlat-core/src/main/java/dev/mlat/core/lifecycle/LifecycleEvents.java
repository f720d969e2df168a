package dev.mlat.core.lifecycle;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.model.Instrument;
import dev.mlat.core.model.LegalBasis;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.UrgencyLevel;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.ExpeditedDisclosure;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.measure.Preservation;
import dev.mlat.core.model.message.AcknowledgementOfReceipt;
import dev.mlat.core.model.message.AdditionalInformation;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.NewDeadline;
import dev.mlat.core.model.message.NonExecution;
import dev.mlat.core.model.message.PreservationConfirmed;
import dev.mlat.core.model.message.PreservationEnded;
import dev.mlat.core.model.message.PreservationExtended;
import dev.mlat.core.model.message.Refusal;
import dev.mlat.core.model.message.RequestForAdditionalInformation;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.model.message.Response;
import dev.mlat.core.model.message.StatusUpdate;
import dev.mlat.core.model.message.Withdrawal;
import dev.mlat.core.model.message.WithdrawalConfirmed;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a lifecycle message of the model into the {@link LifecycleEvent} the state machine
 * applies. The sender's {@link Side} is a parameter, not read from the message: it must come from
 * the verified signer (a package's opening pipeline knows it), never from the message's own claims.
 *
 * <pre>{@code
 * LifecycleEvent event = LifecycleEvents.from(openedMessage, Side.REQUESTED);
 * lifecycle = lifecycle.apply(event);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LifecycleEvents {

  private LifecycleEvents() {}

  /**
   * The event for {@code message}, sent by {@code sender}.
   *
   * @throws LifecycleException with {@link CoreErrorCode#LIFECYCLE_FACT_MISSING} when the message
   *     lacks a fact the machine needs (a preservation confirmation or extension without its end)
   */
  public static LifecycleEvent from(LifecycleMessage message, Side sender) throws LifecycleException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sender, "sender");
    MessageHeader h = message.header();
    var requestId = h.requestId();
    var messageId = h.messageId();
    Instant at = h.createdAt();
    if (message instanceof RequestMessage m) {
      return LifecycleEvent.request(requestId, messageId, sender, at, factsOf(m.request()));
    } else if (message instanceof AcknowledgementOfReceipt) {
      return LifecycleEvent.acknowledgement(requestId, messageId, sender, at);
    } else if (message instanceof StatusUpdate m) {
      Optional<ReportedStatus> status = reportedStatus(m);
      return status.isPresent()
          ? LifecycleEvent.statusUpdate(requestId, messageId, sender, at, status.get())
          : LifecycleEvent.statusInformation(requestId, messageId, sender, at);
    } else if (message instanceof RequestForAdditionalInformation) {
      return LifecycleEvent.requestForAdditionalInformation(requestId, messageId, sender, at);
    } else if (message instanceof AdditionalInformation) {
      return LifecycleEvent.additionalInformation(requestId, messageId, sender, at);
    } else if (message instanceof NewDeadline m) {
      return LifecycleEvent.newDeadline(requestId, messageId, sender, at, m.deadline());
    } else if (message instanceof Response m) {
      var kind = m.kind() == dev.mlat.core.model.message.ResponseKind.FINAL ? ResponseKind.FINAL : ResponseKind.PARTIAL;
      return LifecycleEvent.response(requestId, messageId, sender, at, kind);
    } else if (message instanceof Refusal) {
      return LifecycleEvent.refusal(requestId, messageId, sender, at);
    } else if (message instanceof NonExecution) {
      return LifecycleEvent.nonExecution(requestId, messageId, sender, at);
    } else if (message instanceof Withdrawal) {
      return LifecycleEvent.withdrawal(requestId, messageId, sender, at);
    } else if (message instanceof WithdrawalConfirmed) {
      return LifecycleEvent.withdrawalConfirmed(requestId, messageId, sender, at);
    } else if (message instanceof PreservationConfirmed m) {
      Instant until = required(m.preservedUntil(), h, "PreservationConfirmed");
      return LifecycleEvent.preservationConfirmed(requestId, messageId, sender, at, until);
    } else if (message instanceof PreservationExtended m) {
      Instant until = required(m.preservedUntil(), h, "PreservationExtended");
      return LifecycleEvent.preservationExtended(requestId, messageId, sender, at, until);
    } else if (message instanceof PreservationEnded) {
      return LifecycleEvent.preservationEnded(requestId, messageId, sender, at);
    }
    throw new AssertionError("unhandled message type " + message.messageType());
  }

  /** What the lifecycle needs of a request: its instrument's deadline rule, emergency, deadline, preservation. */
  public static RequestFacts factsOf(Request request) {
    Objects.requireNonNull(request, "request");
    boolean preservation = request.measures().stream().anyMatch(Preservation.class::isInstance);
    boolean production =
        request.measures().stream().anyMatch(m -> m instanceof DataProduction || m instanceof ExpeditedDisclosure);
    DeadlineRule rule =
        request.legalBasis().map(LegalBasis::instrument).map(i -> deadlineRule(i, preservation, production))
            .orElse(DeadlineRule.NO_FIXED_TIME_LIMIT);
    return new RequestFacts(
        rule, request.urgency().level() == UrgencyLevel.EMERGENCY, request.deadline(), preservation);
  }

  /**
   * The deadline rule of an instrument: EU Regulation 2023/1543 has one for production orders
   * and one for preservation orders (an order is one or the other; production wins when a
   * request mixes them), the Budapest Convention fixes the preservation period of Art. 29(7),
   * the EIO Directive its Art. 12 limits; the others fix no time limit.
   */
  static DeadlineRule deadlineRule(Instrument instrument, boolean preservation, boolean production) {
    switch (instrument) {
      case EU_EIO_DIRECTIVE:
        return DeadlineRule.EU_EIO;
      case EU_E_EVIDENCE_REGULATION:
        return production || !preservation ? DeadlineRule.EU_EPOC_PRODUCTION : DeadlineRule.EU_EPOC_PRESERVATION;
      case BUDAPEST_CONVENTION:
        return preservation ? DeadlineRule.BUDAPEST_PRESERVATION : DeadlineRule.NO_FIXED_TIME_LIMIT;
      case BUDAPEST_SECOND_PROTOCOL:
      case BILATERAL_MLAT:
      case UNTOC:
      case UNCAC:
      case RECIPROCITY:
      case OTHER:
        return DeadlineRule.NO_FIXED_TIME_LIMIT;
      default:
        throw new AssertionError(instrument);
    }
  }

  /** The progress a status update reports; the others (received, postponed...) are information only. */
  static Optional<ReportedStatus> reportedStatus(StatusUpdate update) {
    switch (update.status()) {
      case UNDER_EXAMINATION:
        return Optional.of(ReportedStatus.UNDER_REVIEW);
      case ACCEPTED:
        return Optional.of(ReportedStatus.ACCEPTED);
      case IN_EXECUTION:
        return Optional.of(ReportedStatus.IN_EXECUTION);
      case RECEIVED:
      case AWAITING_INFORMATION:
      case POSTPONED:
      case PARTIALLY_EXECUTED:
      case EXECUTED:
        // Partial and full execution are reported by Response messages, which carry the evidence;
        // a status update alone never moves the request there.
        return Optional.empty();
      default:
        throw new AssertionError(update.status());
    }
  }

  private static Instant required(Optional<Instant> value, MessageHeader h, String type) throws LifecycleException {
    if (value.isEmpty()) {
      throw new LifecycleException(
          CoreErrorCode.LIFECYCLE_FACT_MISSING, h.requestId(), h.messageId(),
          "a " + type + " must state until when the data is preserved (preservedUntil)");
    }
    return value.get();
  }
}
