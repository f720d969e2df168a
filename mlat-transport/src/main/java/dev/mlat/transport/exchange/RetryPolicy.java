package dev.mlat.transport.exchange;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When the sender loop tries again: exponential backoff with full jitter. The n-th wait (n = 0
 * after the first attempt) is a random duration between half and all of
 * {@code min(maxBackoff, initialBackoff x 2^n)}, so nodes that failed together do not retry
 * together. A message is retried until a receipt settles it or it expires.
 *
 * @param initialBackoff the first wait
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff) {

  /** 2 s, doubling up to 15 min. */
  public static final RetryPolicy DEFAULTS = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(15));

  /** Validates. */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.toMillis() < 10 || maxBackoff.compareTo(initialBackoff) < 0
        || maxBackoff.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("need 10 ms <= initialBackoff <= maxBackoff <= 1 day, got " + initialBackoff
          + " and " + maxBackoff);
    }
  }

  /** The wait after {@code attempts} attempts (0 or more), drawn from {@code random}. */
  public Duration delay(int attempts, RandomGenerator random) {
    long cap = maxBackoff.toMillis();
    long base = initialBackoff.toMillis();
    long exp = attempts >= 40 ? cap : Math.min(cap, base << Math.min(attempts, 40));
    if (exp <= 0) {
      exp = cap;
    }
    long half = exp / 2;
    return Duration.ofMillis(half + (long) (random.nextDouble() * (exp - half + 1)));
  }
}
