package dev.mlat.core.lifecycle;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.MlatCoreException;
import java.util.Objects;
import java.util.UUID;

/**
 * A lifecycle message that cannot be applied to a request: it belongs to another request, repeats
 * a message id, carries dates that contradict the lifecycle, exceeds a limit, or is an illegal
 * transition ({@link IllegalTransitionException}). The lifecycle it was applied to is unchanged.
 * The message names identifiers only, never request contents.
 */
public class LifecycleException extends MlatCoreException {
  private static final long serialVersionUID = 1L;

  private final UUID requestId;
  private final UUID messageId;

  public LifecycleException(CoreErrorCode errorCode, UUID requestId, UUID messageId, String message) {
    super(errorCode, message + " (request " + requestId + ", message " + messageId + ")");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.messageId = Objects.requireNonNull(messageId, "messageId");
  }

  /** The request the message was applied to. */
  public UUID requestId() {
    return requestId;
  }

  /** The id of the rejected message. */
  public UUID messageId() {
    return messageId;
  }
}
