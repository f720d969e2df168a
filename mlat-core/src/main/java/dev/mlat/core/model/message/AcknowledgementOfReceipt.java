package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import dev.mlat.core.PartyId;
import java.util.Objects;
import java.util.Optional;

/**
 * Acknowledges that the requested side received the request, and gives its own reference.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param requestedReference the requested side's reference for the case (may be absent)
 * @param executingAuthority the authority that will execute the request, when already known (may be absent)
 * @param note free text (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record AcknowledgementOfReceipt(
    MessageHeader header,
    Optional<String> requestedReference,
    Optional<PartyId> executingAuthority,
    Optional<String> note) implements LifecycleMessage {

  public AcknowledgementOfReceipt {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(requestedReference, "requestedReference");
    Objects.requireNonNull(executingAuthority, "executingAuthority");
    Objects.requireNonNull(note, "note");
  }

  /** Always {@link MessageType#ACKNOWLEDGEMENT_OF_RECEIPT}. */
  @Override
  public MessageType messageType() {
    return MessageType.ACKNOWLEDGEMENT_OF_RECEIPT;
  }
}
