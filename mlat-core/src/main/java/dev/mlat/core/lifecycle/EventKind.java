package dev.mlat.core.lifecycle;

import dev.mlat.core.MessageType;

/**
 * A {@link MessageType} refined by the one fact that decides its transition: the status a
 * {@code StatusUpdate} reports, whether a {@code Response} is partial or final. The lifecycle
 * tables in {@code docs/LIFECYCLE.md} have one row per kind and state. Immutable and thread-safe.
 */
public enum EventKind {
  REQUEST(MessageType.REQUEST, "Request"),
  ACKNOWLEDGEMENT_OF_RECEIPT(MessageType.ACKNOWLEDGEMENT_OF_RECEIPT, "AcknowledgementOfReceipt"),
  STATUS_UNDER_REVIEW(MessageType.STATUS_UPDATE, "StatusUpdate(UNDER_REVIEW)"),
  STATUS_ACCEPTED(MessageType.STATUS_UPDATE, "StatusUpdate(ACCEPTED)"),
  STATUS_IN_EXECUTION(MessageType.STATUS_UPDATE, "StatusUpdate(IN_EXECUTION)"),
  /** A status update that reports no {@link ReportedStatus}: information only. */
  STATUS_INFORMATION(MessageType.STATUS_UPDATE, "StatusUpdate(information)"),
  REQUEST_FOR_ADDITIONAL_INFORMATION(MessageType.REQUEST_FOR_ADDITIONAL_INFORMATION, "RequestForAdditionalInformation"),
  ADDITIONAL_INFORMATION(MessageType.ADDITIONAL_INFORMATION, "AdditionalInformation"),
  NEW_DEADLINE(MessageType.NEW_DEADLINE, "NewDeadline"),
  PARTIAL_RESPONSE(MessageType.RESPONSE, "Response(PARTIAL)"),
  FINAL_RESPONSE(MessageType.RESPONSE, "Response(FINAL)"),
  REFUSAL(MessageType.REFUSAL, "Refusal"),
  NON_EXECUTION(MessageType.NON_EXECUTION, "NonExecution"),
  WITHDRAWAL(MessageType.WITHDRAWAL, "Withdrawal"),
  WITHDRAWAL_CONFIRMED(MessageType.WITHDRAWAL_CONFIRMED, "WithdrawalConfirmed"),
  PRESERVATION_CONFIRMED(MessageType.PRESERVATION_CONFIRMED, "PreservationConfirmed"),
  PRESERVATION_EXTENDED(MessageType.PRESERVATION_EXTENDED, "PreservationExtended"),
  PRESERVATION_ENDED(MessageType.PRESERVATION_ENDED, "PreservationEnded");

  private final MessageType messageType;
  private final String label;

  EventKind(MessageType messageType, String label) {
    this.messageType = messageType;
    this.label = label;
  }

  /** The message type this kind refines. */
  public MessageType messageType() {
    return messageType;
  }

  /** The name used in {@code docs/LIFECYCLE.md} and in error messages, e.g. {@code Response(FINAL)}. */
  public String label() {
    return label;
  }

  /** Whether this kind belongs to the preservation sub-lifecycle. */
  public boolean isPreservation() {
    return this == PRESERVATION_CONFIRMED || this == PRESERVATION_EXTENDED || this == PRESERVATION_ENDED;
  }

  /** The kind whose {@link #label()} is {@code label}, exactly. */
  static EventKind fromLabel(String label) {
    for (var kind : values()) {
      if (kind.label.equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown event kind label '" + label + "'");
  }
}
