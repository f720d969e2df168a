package dev.mlat.transport.ledger;

import java.util.Objects;

/**
 * An attachment of an incoming message, kept in the blob store.
 *
 * @param name its name in the message's manifest
 * @param mediaType its media type
 * @param sha256 the SHA-256 of its plaintext (its blob name)
 * @param size its size in bytes
 */
public record StoredAttachment(String name, String mediaType, String sha256, long size) {

  /** Validates. */
  public StoredAttachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(sha256, "sha256");
    if (size < 0) {
      throw new IllegalArgumentException("size is negative");
    }
  }
}
