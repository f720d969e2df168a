package dev.mlat.transport.https;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The synchronous answer to a package upload, the same on both ends of the channel: what the
 * receiving application decided ({@link IncomingPackages#receive}) and what the sending side gets
 * back from {@link HttpsChannel#deliver}.
 *
 * <ul>
 *   <li>{@link Receipt}: the signed receipt (HTTP 200); the sender keeps it as proof of delivery.
 *   <li>{@link NegativeReceipt}: a signed negative acknowledgement (HTTP 422); final, do not resend.
 *   <li>{@link TemporaryFailure}: the receiver cannot decide now (HTTP 503 with Retry-After); resend
 *       after the delay, the upload already held is not sent again.
 * </ul>
 *
 * <p>Immutable; receipt bytes are copied in and out. Dispatch with {@code instanceof}.
 */
public sealed interface Answer permits Answer.Receipt, Answer.NegativeReceipt, Answer.TemporaryFailure {

  /** A signed receipt. */
  static Answer receipt(byte[] encoded) {
    return new Receipt(encoded);
  }

  /** A signed negative receipt. */
  static Answer negativeReceipt(byte[] encoded) {
    return new NegativeReceipt(encoded);
  }

  /** Try again after {@code retryAfter}. */
  static Answer temporaryFailure(Duration retryAfter) {
    return new TemporaryFailure(retryAfter);
  }

  /** @param encoded the receipt as produced by the receipt module (never empty) */
  record Receipt(byte[] encoded) implements Answer {
    /** Validates and copies. */
    public Receipt {
      encoded = checkedCopy(encoded);
    }

    /** A copy of the bytes. */
    @Override
    public byte[] encoded() {
      return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Receipt r && Arrays.equals(encoded, r.encoded);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
      return "Receipt[" + encoded.length + " bytes]";
    }
  }

  /** @param encoded the negative receipt (never empty) */
  record NegativeReceipt(byte[] encoded) implements Answer {
    /** Validates and copies. */
    public NegativeReceipt {
      encoded = checkedCopy(encoded);
    }

    /** A copy of the bytes. */
    @Override
    public byte[] encoded() {
      return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof NegativeReceipt r && Arrays.equals(encoded, r.encoded);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
      return "NegativeReceipt[" + encoded.length + " bytes]";
    }
  }

  /** @param retryAfter how long to wait, 1 second to 1 day, whole seconds on the wire */
  record TemporaryFailure(Duration retryAfter) implements Answer {
    /** Validates. */
    public TemporaryFailure {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.compareTo(Duration.ofSeconds(1)) < 0 || retryAfter.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("retryAfter must be between 1 second and 1 day, was " + retryAfter);
      }
    }
  }

  private static byte[] checkedCopy(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length == 0) {
      throw new IllegalArgumentException("a receipt is never empty");
    }
    return encoded.clone();
  }
}
