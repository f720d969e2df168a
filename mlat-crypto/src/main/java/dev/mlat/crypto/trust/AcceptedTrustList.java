package dev.mlat.crypto.trust;

import java.util.Objects;

/**
 * What a {@link TrustListState} remembers of an accepted trust list.
 *
 * @param sequenceNumber the list's sequence number (not negative)
 * @param contentSha256 lower-case hex SHA-256 of the signed JSON content (64 characters)
 */
public record AcceptedTrustList(long sequenceNumber, String contentSha256) {
  /** Validates. */
  public AcceptedTrustList {
    if (sequenceNumber < 0) {
      throw new IllegalArgumentException("sequenceNumber must not be negative");
    }
    Objects.requireNonNull(contentSha256, "contentSha256");
    if (!contentSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("contentSha256 must be 64 lower-case hex digits");
    }
  }
}
