package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import dev.mlat.core.model.Attachment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers a request for additional information, or supplements the request spontaneously.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param inReplyTo the message id of the request for additional information answered (may be absent)
 * @param text the information (may be absent)
 * @param attachments documents supplied (possibly empty, never null)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record AdditionalInformation(
    MessageHeader header,
    Optional<UUID> inReplyTo,
    Optional<String> text,
    List<Attachment> attachments) implements LifecycleMessage {

  public AdditionalInformation {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(inReplyTo, "inReplyTo");
    Objects.requireNonNull(text, "text");
    attachments = List.copyOf(attachments);
  }

  /** Always {@link MessageType#ADDITIONAL_INFORMATION}. */
  @Override
  public MessageType messageType() {
    return MessageType.ADDITIONAL_INFORMATION;
  }
}
