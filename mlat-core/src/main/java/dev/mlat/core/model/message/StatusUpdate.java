package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells the requesting side how execution is progressing.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param status the current status
 * @param note free text (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record StatusUpdate(
    MessageHeader header,
    ExecutionStatus status,
    Optional<String> note) implements LifecycleMessage {

  public StatusUpdate {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(note, "note");
  }

  /** Always {@link MessageType#STATUS_UPDATE}. */
  @Override
  public MessageType messageType() {
    return MessageType.STATUS_UPDATE;
  }
}
