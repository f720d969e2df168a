package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import java.util.Objects;

/**
 * Reports that the request could not be executed, in whole or in part, with a reason code and the
 * grounds (for example the data is not held).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param reason the reason code
 * @param grounds the grounds, in words a prosecutor understands
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record NonExecution(
    MessageHeader header,
    RefusalReason reason,
    String grounds) implements LifecycleMessage {

  public NonExecution {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(grounds, "grounds");
  }

  /** Always {@link MessageType#NON_EXECUTION}. */
  @Override
  public MessageType messageType() {
    return MessageType.NON_EXECUTION;
  }
}
