package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import dev.mlat.core.model.Request;
import java.util.Objects;

/**
 * The {@code Request} message: carries the request itself from the requesting to the requested
 * side.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param request the request
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record RequestMessage(
    MessageHeader header,
    Request request) implements LifecycleMessage {

  public RequestMessage {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(request, "request");
  }

  /** Always {@link MessageType#REQUEST}. */
  @Override
  public MessageType messageType() {
    return MessageType.REQUEST;
  }
}
