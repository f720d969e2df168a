package dev.mlat.core.lifecycle;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.MessageType;
import java.util.Objects;
import java.util.Optional;

/**
 * A message that the lifecycle does not allow from its sender in the request's state (code
 * {@code LIFECYCLE_ILLEGAL_TRANSITION}). It names the state, the message type (and its refined
 * {@link EventKind}), the sending side and the side that applied it.
 */
public final class IllegalTransitionException extends LifecycleException {
  private static final long serialVersionUID = 1L;

  private final RequestState state;
  private final PreservationState preservationState;
  private final EventKind kind;
  private final Side sender;
  private final Side localSide;

  IllegalTransitionException(
      LifecycleEvent event, RequestState state, PreservationState preservationState, Side localSide, String rule) {
    super(
        CoreErrorCode.LIFECYCLE_ILLEGAL_TRANSITION,
        event.requestId(),
        event.messageId(),
        describe(event, state, preservationState, localSide, rule));
    this.state = state;
    this.preservationState = preservationState;
    this.kind = event.kind();
    this.sender = event.sender();
    this.localSide = Objects.requireNonNull(localSide, "localSide");
  }

  private static String describe(
      LifecycleEvent event, RequestState state, PreservationState preservation, Side localSide, String rule) {
    String where = state == null ? "before any request was received" : "in state " + state;
    if (event.kind().isPreservation() && preservation != null) {
      where += " with preservation " + preservation;
    }
    String how = event.sender() == localSide ? "may not send" : "may not have sent";
    return "the " + event.sender() + " side " + how + " " + event.kind().label() + " " + where
        + " (applied by the " + localSide + " side): " + rule;
  }

  /** The request's state, or empty when the requested side had no lifecycle yet. */
  public Optional<RequestState> state() {
    return Optional.ofNullable(state);
  }

  /** The preservation state, or empty when the requested side had no lifecycle yet. */
  public Optional<PreservationState> preservationState() {
    return Optional.ofNullable(preservationState);
  }

  /** The type of the rejected message. */
  public MessageType messageType() {
    return kind.messageType();
  }

  /** The rejected message's type refined by its status or completeness. */
  public EventKind kind() {
    return kind;
  }

  /** The side that sent (or tried to send) the message. */
  public Side sender() {
    return sender;
  }

  /** The side whose lifecycle rejected it. */
  public Side localSide() {
    return localSide;
  }
}
