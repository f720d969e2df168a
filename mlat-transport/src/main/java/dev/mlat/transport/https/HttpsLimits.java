package dev.mlat.transport.https;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits an {@link HttpsReceiver} applies to what peers send (docs/LIMITS.md, "HTTPS
 * channel"). Immutable.
 *
 * @param maxPackageBytes the largest package accepted (declared total length); more is HTTP 413
 * @param uploadIdleTimeout an upload that sends no byte for this long is cut (bytes kept for resumption)
 * @param maxConcurrentUploads PUT requests handled at once; more are answered 429 with Retry-After
 * @param busyRetryAfter the Retry-After sent with 429 and with 409 "upload in progress"
 * @param maxHeldUploadAge partial uploads older than this are deleted by {@link HttpsReceiver#purgeStaleUploads()}
 */
public record HttpsLimits(
    long maxPackageBytes, Duration uploadIdleTimeout, int maxConcurrentUploads, Duration busyRetryAfter, Duration maxHeldUploadAge) {

  /** 16 GiB, 60 s idle, 32 concurrent uploads, retry after 5 s, partial uploads kept 7 days. */
  public static final HttpsLimits DEFAULTS =
      new HttpsLimits(16L << 30, Duration.ofSeconds(60), 32, Duration.ofSeconds(5), Duration.ofDays(7));

  /** Validates. */
  public HttpsLimits {
    if (maxPackageBytes < 1) {
      throw new IllegalArgumentException("maxPackageBytes must be positive, was " + maxPackageBytes);
    }
    positive(uploadIdleTimeout, "uploadIdleTimeout");
    if (maxConcurrentUploads < 1) {
      throw new IllegalArgumentException("maxConcurrentUploads must be positive, was " + maxConcurrentUploads);
    }
    positive(busyRetryAfter, "busyRetryAfter");
    if (busyRetryAfter.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("busyRetryAfter is sent in whole seconds and must be at least 1 s, was " + busyRetryAfter);
    }
    positive(maxHeldUploadAge, "maxHeldUploadAge");
  }

  /** A copy with another maximum package size. */
  public HttpsLimits withMaxPackageBytes(long bytes) {
    return new HttpsLimits(bytes, uploadIdleTimeout, maxConcurrentUploads, busyRetryAfter, maxHeldUploadAge);
  }

  /** A copy with another idle timeout. */
  public HttpsLimits withUploadIdleTimeout(Duration timeout) {
    return new HttpsLimits(maxPackageBytes, timeout, maxConcurrentUploads, busyRetryAfter, maxHeldUploadAge);
  }

  /** A copy with another concurrency limit. */
  public HttpsLimits withMaxConcurrentUploads(int uploads) {
    return new HttpsLimits(maxPackageBytes, uploadIdleTimeout, uploads, busyRetryAfter, maxHeldUploadAge);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }
}
