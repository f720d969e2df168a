package dev.mlat.crypto.timestamp;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what the timestamp client and verifier accept from a TSA or from a signature. Every
 * limit has a safe default and a row in {@code docs/LIMITS.md} (section mlat-crypto).
 *
 * <pre>{@code
 * TimestampLimits limits = TimestampLimits.defaults().withTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * @param maxResponseBytes largest HTTP response body read from a TSA ({@code TIMESTAMP_TOO_LARGE})
 * @param maxTokenBytes largest timestamp token parsed, from a TSA or from a signature ({@code TIMESTAMP_TOO_LARGE})
 * @param timeout how long one request to a TSA may take, from connecting to the last byte of the
 *     answer ({@code TIMESTAMP_AUTHORITY_UNAVAILABLE}); at most two minutes
 * @param maxClockSkew how far a token's genTime may lie after the verifier's now ({@code TIMESTAMP_TOKEN_INVALID}); at most one hour
 */
public record TimestampLimits(int maxResponseBytes, int maxTokenBytes, Duration timeout, Duration maxClockSkew) {
  /** The largest accepted {@link #timeout()}. */
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
  /** The largest accepted {@link #maxClockSkew()}. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofHours(1);

  /** Validates. */
  public TimestampLimits {
    if (maxResponseBytes <= 0 || maxTokenBytes <= 0) {
      throw new IllegalArgumentException("timestamp size limits must be positive, got " + maxResponseBytes + " and " + maxTokenBytes);
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be positive and at most " + MAX_TIMEOUT + ", got " + timeout);
    }
    if (maxClockSkew.isNegative() || maxClockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException("maxClockSkew must be between zero and " + MAX_CLOCK_SKEW + ", got " + maxClockSkew);
    }
  }

  /** The defaults: responses and tokens up to 128 KiB, a 10 second timeout, 5 minutes of clock skew. */
  public static TimestampLimits defaults() {
    return new TimestampLimits(128 * 1024, 128 * 1024, Duration.ofSeconds(10), Duration.ofMinutes(5));
  }

  /** A copy with a different response size limit. */
  public TimestampLimits withMaxResponseBytes(int bytes) {
    return new TimestampLimits(bytes, maxTokenBytes, timeout, maxClockSkew);
  }

  /** A copy with a different token size limit. */
  public TimestampLimits withMaxTokenBytes(int bytes) {
    return new TimestampLimits(maxResponseBytes, bytes, timeout, maxClockSkew);
  }

  /** A copy with a different request timeout. */
  public TimestampLimits withTimeout(Duration timeout) {
    return new TimestampLimits(maxResponseBytes, maxTokenBytes, timeout, maxClockSkew);
  }

  /** A copy with a different clock-skew allowance. */
  public TimestampLimits withMaxClockSkew(Duration skew) {
    return new TimestampLimits(maxResponseBytes, maxTokenBytes, timeout, skew);
  }
}
