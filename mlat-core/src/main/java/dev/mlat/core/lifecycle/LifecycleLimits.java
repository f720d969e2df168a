package dev.mlat.core.lifecycle;

/**
 * Limits the lifecycle applies to what a peer sends. Immutable and thread-safe.
 *
 * @param maxMessages the most messages (both sides together) one request may carry; each applied
 *     message costs time linear in the history, so a peer must not grow it without bound
 */
public record LifecycleLimits(int maxMessages) {

  /** 1000 messages per request: a busy real case has a few dozen. */
  public static final LifecycleLimits DEFAULT = new LifecycleLimits(1000);

  public LifecycleLimits {
    if (maxMessages < 2) {
      throw new IllegalArgumentException("maxMessages must be at least 2 (a request and one answer), was " + maxMessages);
    }
  }
}
