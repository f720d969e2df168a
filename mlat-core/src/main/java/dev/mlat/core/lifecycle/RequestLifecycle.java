package dev.mlat.core.lifecycle;

import dev.mlat.core.CoreErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The lifecycle of one bilateral request as one side sees it: an immutable value holding the
 * messages applied so far, from which it derives the request's {@link #state()}, its
 * {@link #preservation()} and the {@link #deadline()} of the current step.
 *
 * <p>Each side applies every message it sends (before sending it: an illegal one throws and must
 * not be sent) and every message it receives. A message the local side sends must be allowed by
 * the transition tables in the current state. A message received from the peer must have been
 * allowed in a state the peer may have been in when it sent it: the current state, or the state
 * before some of the local side's latest messages, which the peer may not have seen yet (messages
 * that crossed). The state itself is derived from the set of messages with fixed precedence rules
 * so that both sides reach the same state whatever order they saw the messages in. This assumes
 * the channel delivers each side's messages to the other in the order they were sent. See
 * {@code docs/LIFECYCLE.md}.
 *
 * <p>A message id can be applied once: applying it again is an error
 * ({@code LIFECYCLE_DUPLICATE_MESSAGE}); use {@link #hasApplied(UUID)} when replaying a ledger.
 *
 * <p>Immutable and thread-safe: {@link #apply(LifecycleEvent)} returns a new value and leaves
 * this one unchanged, also when it throws.
 *
 * <pre>{@code
 * // requesting side
 * var mine = RequestLifecycle.draft(requestId).issue();
 * mine = mine.apply(LifecycleEvent.request(requestId, messageId, Side.REQUESTING, now, RequestFacts.of(DeadlineRule.EU_EIO)));
 * // requested side, when the request arrives
 * var theirs = RequestLifecycle.received(requestEvent);
 * theirs = theirs.apply(LifecycleEvent.acknowledgement(requestId, UUID.randomUUID(), Side.REQUESTED, now));
 * }</pre>
 */
public final class RequestLifecycle {

  private final UUID requestId;
  private final Side localSide;
  private final LifecycleLimits limits;
  private final boolean issued;
  private final List<LifecycleEvent> history;
  private final Set<UUID> messageIds;
  private final LifecycleView view;

  private RequestLifecycle(
      UUID requestId, Side localSide, LifecycleLimits limits, boolean issued, List<LifecycleEvent> history) {
    this.requestId = requestId;
    this.localSide = localSide;
    this.limits = limits;
    this.issued = issued;
    this.history = List.copyOf(history);
    this.messageIds = this.history.stream().map(LifecycleEvent::messageId).collect(Collectors.toUnmodifiableSet());
    this.view = LifecycleView.derive(this.history, issued);
  }

  /** A new draft on the requesting side, with the default limits. */
  public static RequestLifecycle draft(UUID requestId) {
    return draft(requestId, LifecycleLimits.DEFAULT);
  }

  /** A new draft on the requesting side. */
  public static RequestLifecycle draft(UUID requestId, LifecycleLimits limits) {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(limits, "limits");
    return new RequestLifecycle(requestId, Side.REQUESTING, limits, false, List.of());
  }

  /** The requested side's lifecycle, started by the received {@code Request}, with the default limits. */
  public static RequestLifecycle received(LifecycleEvent request) throws LifecycleException {
    return received(request, LifecycleLimits.DEFAULT);
  }

  /**
   * The requested side's lifecycle, started by the received {@code Request}.
   *
   * @throws IllegalTransitionException if {@code request} is not a {@code Request} sent by the
   *     requesting side
   * @throws LifecycleException with {@code LIFECYCLE_DATE_INVALID} if the request's deadline is
   *     not after its timestamp
   */
  public static RequestLifecycle received(LifecycleEvent request, LifecycleLimits limits) throws LifecycleException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(limits, "limits");
    if (request.kind() != EventKind.REQUEST || request.sender() != Side.REQUESTING) {
      throw new IllegalTransitionException(
          request, null, null, Side.REQUESTED, "a lifecycle starts with a Request sent by the REQUESTING side");
    }
    checkDates(LifecycleView.derive(List.of(), true), request, request.requestId());
    return new RequestLifecycle(request.requestId(), Side.REQUESTED, limits, true, List.of(request));
  }

  /**
   * The local step from {@link RequestState#DRAFT} to {@link RequestState#ISSUED}: the requesting
   * side declares the request complete (validated for its instrument by the caller). No message is
   * sent; the peer never sees the local states.
   *
   * @throws IllegalStateException if this lifecycle is not a requesting side's draft
   */
  public RequestLifecycle issue() {
    if (view.state() != RequestState.DRAFT) {
      throw new IllegalStateException(
          "only a DRAFT can be issued; request " + requestId + " is " + view.state() + " on the " + localSide + " side");
    }
    return new RequestLifecycle(requestId, localSide, limits, true, history);
  }

  /**
   * Applies a message this side sends or receives; whether it sends or receives is read from
   * {@code event.sender()} compared with {@link #localSide()}.
   *
   * @return the lifecycle after the message
   * @throws IllegalTransitionException if the sender may not send this message in this state
   *     (for a received message: in any state the sender may have been in)
   * @throws LifecycleException with {@code LIFECYCLE_WRONG_REQUEST} if the message belongs to
   *     another request, {@code LIFECYCLE_DUPLICATE_MESSAGE} if its id was applied before,
   *     {@code LIFECYCLE_TOO_MANY_MESSAGES} beyond {@link LifecycleLimits#maxMessages()},
   *     {@code LIFECYCLE_DATE_INVALID} if its dates contradict the lifecycle
   */
  public RequestLifecycle apply(LifecycleEvent event) throws LifecycleException {
    Objects.requireNonNull(event, "event");
    if (!event.requestId().equals(requestId)) {
      throw new LifecycleException(
          CoreErrorCode.LIFECYCLE_WRONG_REQUEST, requestId, event.messageId(),
          "the message belongs to request " + event.requestId() + ", not to this one");
    }
    if (messageIds.contains(event.messageId())) {
      throw new LifecycleException(
          CoreErrorCode.LIFECYCLE_DUPLICATE_MESSAGE, requestId, event.messageId(),
          "a message with this id was already applied to this request; a message is applied once");
    }
    if (history.size() >= limits.maxMessages()) {
      throw new LifecycleException(
          CoreErrorCode.LIFECYCLE_TOO_MANY_MESSAGES, requestId, event.messageId(),
          "the request already has " + history.size() + " messages, the limit (maxMessages) is " + limits.maxMessages());
    }
    if (event.sender() == localSide) {
      checkSend(view, event, localSide);
    } else {
      checkReceive(event);
    }
    var next = new ArrayList<LifecycleEvent>(history.size() + 1);
    next.addAll(history);
    next.add(event);
    return new RequestLifecycle(requestId, localSide, limits, issued, next);
  }

  /**
   * A received message is legal if the peer could have sent it: in the state derived from this
   * history without the last k messages of the local side, for some k (the peer had seen a prefix
   * of them). The error reported is the one for the current state.
   */
  private void checkReceive(LifecycleEvent event) throws LifecycleException {
    List<LifecycleEvent> base = history;
    LifecycleView baseView = view;
    LifecycleException first = null;
    while (true) {
      try {
        checkSend(baseView, event, localSide);
        return;
      } catch (LifecycleException e) {
        if (first == null) {
          first = e;
        }
      }
      int lastOwn = lastIndexOfOwn(base);
      // The Request (index 0) is never removed: the peer saw it before sending anything.
      if (lastOwn <= 0) {
        throw first;
      }
      var shorter = new ArrayList<>(base);
      shorter.remove(lastOwn);
      base = shorter;
      baseView = LifecycleView.derive(base, issued);
    }
  }

  private int lastIndexOfOwn(List<LifecycleEvent> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).sender() == localSide) {
        return i;
      }
    }
    return -1;
  }

  /** Checks that {@code event.sender()} may send {@code event} in {@code at}. */
  private static void checkSend(LifecycleView at, LifecycleEvent event, Side localSide) throws LifecycleException {
    EventKind kind = event.kind();
    Side sender = event.sender();
    if (kind.isPreservation()) {
      if (!Transitions.preservationAllowedIn(at.state(), kind)
          || Transitions.preservation(at.preservation().state(), kind, sender).isEmpty()) {
        throw new IllegalTransitionException(
            event, at.state(), at.preservation().state(), localSide,
            allowedText(at, sender));
      }
    } else if (Transitions.main(at.state(), kind, sender).isEmpty()) {
      throw new IllegalTransitionException(event, at.state(), at.preservation().state(), localSide, allowedText(at, sender));
    }
    checkDates(at, event, event.requestId());
  }

  private static String allowedText(LifecycleView at, Side sender) {
    var allowed = Transitions.allowed(at.state(), at.preservation().state(), sender);
    if (allowed.isEmpty()) {
      return "the " + sender + " side may send nothing in this state (see docs/LIFECYCLE.md)";
    }
    return "the " + sender + " side may send here: "
        + allowed.stream().map(EventKind::label).collect(Collectors.joining(", "));
  }

  /** The date rules; they read only the message and the view, never a clock. */
  private static void checkDates(LifecycleView at, LifecycleEvent event, UUID requestId) throws LifecycleException {
    Instant sent = event.timestamp();
    switch (event.kind()) {
      case REQUEST: {
        var deadline = event.requestFacts().orElseThrow().requestedDeadline();
        if (deadline.isPresent() && !deadline.get().isAfter(sent)) {
          throw dateInvalid(event, requestId, "the request's deadline " + deadline.get() + " is not after its timestamp " + sent);
        }
        return;
      }
      case NEW_DEADLINE: {
        Instant deadline = event.newDeadline().orElseThrow();
        if (!deadline.isAfter(sent)) {
          throw dateInvalid(event, requestId, "the new deadline " + deadline + " is not after the message's timestamp " + sent);
        }
        return;
      }
      case PRESERVATION_CONFIRMED: {
        Instant until = event.preservedUntil().orElseThrow();
        if (!until.isAfter(sent)) {
          throw dateInvalid(event, requestId, "the preservation end " + until + " is not after the message's timestamp " + sent);
        }
        Optional<Duration> minimum = at.facts().orElseThrow().deadlinePolicy().minimumPreservation();
        if (minimum.isPresent() && until.isBefore(sent.plus(minimum.get()))) {
          throw dateInvalid(
              event, requestId,
              "the preservation end " + until + " is less than the instrument's minimum of "
                  + minimum.get().toDays() + " days after the confirmation (" + sent + ")");
        }
        return;
      }
      case PRESERVATION_EXTENDED: {
        Instant until = event.preservedUntil().orElseThrow();
        Instant current = at.preservation().until().orElseThrow();
        if (!until.isAfter(current)) {
          throw dateInvalid(
              event, requestId, "the extended preservation end " + until + " is not after the current end " + current);
        }
        return;
      }
      default:
        return;
    }
  }

  private static LifecycleException dateInvalid(LifecycleEvent event, UUID requestId, String message) {
    return new LifecycleException(CoreErrorCode.LIFECYCLE_DATE_INVALID, requestId, event.messageId(), message);
  }

  /** The request this lifecycle belongs to. */
  public UUID requestId() {
    return requestId;
  }

  /** The side this lifecycle belongs to. */
  public Side localSide() {
    return localSide;
  }

  /** The limits this lifecycle applies. */
  public LifecycleLimits limits() {
    return limits;
  }

  /** The request's state. */
  public RequestState state() {
    return view.state();
  }

  /** The preservation sub-lifecycle. */
  public Preservation preservation() {
    return view.preservation();
  }

  /** The deadline of the current step; empty in local, terminal and withdrawal-requested states or without any source. */
  public Optional<Deadline> deadline() {
    return view.deadline();
  }

  /** The facts of the request, once transmitted. */
  public Optional<RequestFacts> requestFacts() {
    return view.facts();
  }

  /** The timestamp of the {@code Request} message, once transmitted. */
  public Optional<Instant> transmitted() {
    return view.transmitted();
  }

  /** The applied messages, in the order this side applied them. */
  public List<LifecycleEvent> history() {
    return history;
  }

  /** Whether a message with this id has been applied. */
  public boolean hasApplied(UUID messageId) {
    return messageIds.contains(Objects.requireNonNull(messageId, "messageId"));
  }

  /**
   * The kinds of message the local side may send now according to the transition tables (the
   * date rules are checked by {@link #apply(LifecycleEvent)}).
   */
  public Set<EventKind> allowedToSend() {
    return Collections.unmodifiableSet(Transitions.allowed(view.state(), view.preservation().state(), localSide));
  }

  /** Equal when they belong to the same request and side, have the same limits and history. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RequestLifecycle)) {
      return false;
    }
    var other = (RequestLifecycle) o;
    return requestId.equals(other.requestId) && localSide == other.localSide && issued == other.issued
        && limits.equals(other.limits) && history.equals(other.history);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestId, localSide, issued, limits, history);
  }

  @Override
  public String toString() {
    return "RequestLifecycle[request=" + requestId + ", side=" + localSide + ", state=" + view.state()
        + ", preservation=" + view.preservation().state() + ", messages=" + history.size() + "]";
  }
}
