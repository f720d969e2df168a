package dev.mlat.transport;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a receiver remembers of a package it accepted: the message id, the SHA-256 of the package
 * bytes as received, the receipt it answered with, and when it first saw it. Behind the package
 * pipeline's resend rule: the same id with the same digest is a resend (answer with
 * {@link #receipt()}, deliver nothing), the same id with another digest is refused.
 *
 * <p>Immutable; the receipt bytes are copied in and out.
 *
 * @param messageId the message id from the package header
 * @param headerSha256 lower-case hex SHA-256 of the whole package file (64 characters)
 * @param receipt the encoded receipt sent for it (never empty)
 * @param firstSeen when the package was first accepted
 */
public record SeenMessage(String messageId, String headerSha256, byte[] receipt, Instant firstSeen) {

  /** Validates and copies. */
  public SeenMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(headerSha256, "headerSha256");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(firstSeen, "firstSeen");
    if (messageId.isBlank()) {
      throw new IllegalArgumentException("messageId is blank");
    }
    if (!dev.mlat.transport.pkg.internal.StrictJson.isSha256Hex(headerSha256)) {
      throw new IllegalArgumentException("headerSha256 must be 64 lower-case hex characters");
    }
    if (receipt.length == 0) {
      throw new IllegalArgumentException("receipt is empty");
    }
    receipt = receipt.clone();
  }

  /** A copy of the receipt bytes. */
  @Override
  public byte[] receipt() {
    return receipt.clone();
  }

  /** Whether {@code sha256Hex} (any case) is this package's digest. */
  public boolean sameBytes(String sha256Hex) {
    return headerSha256.equalsIgnoreCase(Objects.requireNonNull(sha256Hex, "sha256Hex"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeenMessage other
        && messageId.equals(other.messageId)
        && headerSha256.equals(other.headerSha256)
        && Arrays.equals(receipt, other.receipt)
        && firstSeen.equals(other.firstSeen);
  }

  @Override
  public int hashCode() {
    return Objects.hash(messageId, headerSha256, Arrays.hashCode(receipt), firstSeen);
  }

  @Override
  public String toString() {
    return "SeenMessage[" + messageId + ", sha256=" + headerSha256 + ", receipt " + receipt.length
        + " bytes, firstSeen=" + firstSeen + "]";
  }

  /** Lower-case hex of a 32-byte digest. */
  public static String hex(byte[] sha256) {
    if (Objects.requireNonNull(sha256, "sha256").length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
    }
    return HexFormat.of().formatHex(sha256);
  }
}
