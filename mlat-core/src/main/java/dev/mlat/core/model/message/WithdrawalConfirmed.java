package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import java.util.Objects;
import java.util.Optional;

/**
 * Confirms that a withdrawal was received and execution stopped.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param note free text (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record WithdrawalConfirmed(
    MessageHeader header,
    Optional<String> note) implements LifecycleMessage {

  public WithdrawalConfirmed {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(note, "note");
  }

  /** Always {@link MessageType#WITHDRAWAL_CONFIRMED}. */
  @Override
  public MessageType messageType() {
    return MessageType.WITHDRAWAL_CONFIRMED;
  }
}
