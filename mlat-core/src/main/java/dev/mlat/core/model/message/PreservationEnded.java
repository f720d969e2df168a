package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports that a preservation ended (expired, lifted on request, or superseded by production).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param preservationReference the requested side's reference of the preservation (may be absent)
 * @param reason why it ended (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record PreservationEnded(
    MessageHeader header,
    Optional<String> preservationReference,
    Optional<String> reason) implements LifecycleMessage {

  public PreservationEnded {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(preservationReference, "preservationReference");
    Objects.requireNonNull(reason, "reason");
  }

  /** Always {@link MessageType#PRESERVATION_ENDED}. */
  @Override
  public MessageType messageType() {
    return MessageType.PRESERVATION_ENDED;
  }
}
