package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Confirms that the data is preserved.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param preservationReference the requested side's reference of the preservation (may be absent)
 * @param preservedUntil until when the data will be kept (may be absent)
 * @param note free text (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record PreservationConfirmed(
    MessageHeader header,
    Optional<String> preservationReference,
    Optional<Instant> preservedUntil,
    Optional<String> note) implements LifecycleMessage {

  public PreservationConfirmed {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(preservationReference, "preservationReference");
    Objects.requireNonNull(preservedUntil, "preservedUntil");
    Objects.requireNonNull(note, "note");
  }

  /** Always {@link MessageType#PRESERVATION_CONFIRMED}. */
  @Override
  public MessageType messageType() {
    return MessageType.PRESERVATION_CONFIRMED;
  }
}
