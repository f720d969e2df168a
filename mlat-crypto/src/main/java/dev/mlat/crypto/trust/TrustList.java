package dev.mlat.crypto.trust;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed trust list that a {@link TrustListLoader} accepted: its header and the
 * {@link TrustDirectory} it lists. Format in {@code docs/TRUST-LIST.md}.
 *
 * @param schemaVersion the format version (1)
 * @param sequenceNumber the publisher's sequence number; never goes backwards
 * @param issuedAt when the publisher issued it
 * @param nextUpdate after this instant the list is stale
 * @param publisher the publisher's name as stated in the list (informative; trust comes from the signature)
 * @param contentSha256 lower-case hex SHA-256 of the signed JSON content
 * @param directory the jurisdictions, anchors, intermediates, authorities, CRLs and timestamping anchors listed
 */
public record TrustList(int schemaVersion, long sequenceNumber, Instant issuedAt, Instant nextUpdate, String publisher,
    String contentSha256, TrustDirectory directory) {
  /** Validates. */
  public TrustList {
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(nextUpdate, "nextUpdate");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(contentSha256, "contentSha256");
    Objects.requireNonNull(directory, "directory");
    if (sequenceNumber < 0) {
      throw new IllegalArgumentException("sequenceNumber must not be negative");
    }
    if (!nextUpdate.isAfter(issuedAt)) {
      throw new IllegalArgumentException("nextUpdate must be after issuedAt");
    }
  }
}
