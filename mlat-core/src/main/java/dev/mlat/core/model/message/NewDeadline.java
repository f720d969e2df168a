package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Announces a new deadline for execution (for example when the requested side cannot meet the
 * original one, EIO Art. 12(5)), or sets one when the requesting side changes it.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param deadline the new deadline
 * @param reason why it changed (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record NewDeadline(
    MessageHeader header,
    Instant deadline,
    Optional<String> reason) implements LifecycleMessage {

  public NewDeadline {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(reason, "reason");
  }

  /** Always {@link MessageType#NEW_DEADLINE}. */
  @Override
  public MessageType messageType() {
    return MessageType.NEW_DEADLINE;
  }
}
