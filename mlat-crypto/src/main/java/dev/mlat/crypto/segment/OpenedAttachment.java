package dev.mlat.crypto.segment;

import java.util.Objects;

/**
 * An attachment whose segments, order, count, tags digest, length and whole-plaintext SHA-256 all
 * matched the verified manifest, and whose plaintext was committed.
 *
 * @param plaintextLength the bytes released
 * @param plaintextSha256 their SHA-256 (lower-case hex), equal to the manifest's
 * @param segmentCount the segments opened
 */
public record OpenedAttachment(long plaintextLength, String plaintextSha256, long segmentCount) {
  /** Validates. */
  public OpenedAttachment {
    Objects.requireNonNull(plaintextSha256, "plaintextSha256");
  }
}
