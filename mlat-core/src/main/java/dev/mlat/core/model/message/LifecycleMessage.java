package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;

/**
 * A message of a request's lifecycle: one record per {@link MessageType}. Every message carries a
 * {@link MessageHeader} (its own id, the request id, sender, recipient, creation time). The JSON
 * form carries {@code "messageType"} with {@link MessageType#wireName()}; no other type
 * information is read from input.
 *
 * <p>Dispatch on the kind with {@link #messageType()} (an enum, so {@code switch} works on Java
 * 17) or with {@code instanceof} patterns.
 */
public sealed interface LifecycleMessage
    permits RequestMessage,
        AcknowledgementOfReceipt,
        StatusUpdate,
        RequestForAdditionalInformation,
        AdditionalInformation,
        NewDeadline,
        Response,
        Refusal,
        NonExecution,
        Withdrawal,
        WithdrawalConfirmed,
        PreservationConfirmed,
        PreservationExtended,
        PreservationEnded {

  /** The envelope common to every message. */
  MessageHeader header();

  /** The type of this message; constant for each record type. */
  MessageType messageType();
}
