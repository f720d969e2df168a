package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import java.util.Objects;
import java.util.Optional;

/**
 * Withdraws the request; the requested side stops execution.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param reason why it is withdrawn (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Withdrawal(
    MessageHeader header,
    Optional<String> reason) implements LifecycleMessage {

  public Withdrawal {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(reason, "reason");
  }

  /** Always {@link MessageType#WITHDRAWAL}. */
  @Override
  public MessageType messageType() {
    return MessageType.WITHDRAWAL;
  }
}
