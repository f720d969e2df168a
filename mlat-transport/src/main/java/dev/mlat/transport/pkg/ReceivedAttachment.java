package dev.mlat.transport.pkg;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An attachment of a verified package, written to the output folder after every check passed.
 *
 * @param id the id the message refers to
 * @param name the sender's file name (metadata only: the file is stored as {@code attachments/<id>})
 * @param mediaType the media type from the signed manifest
 * @param size its size in bytes
 * @param sha256 lower-case hex SHA-256 (checked)
 * @param file where it is (owner-only permissions)
 */
public record ReceivedAttachment(String id, String name, String mediaType, long size, String sha256, Path file) {
  /** Validates. */
  public ReceivedAttachment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(file, "file");
  }
}
