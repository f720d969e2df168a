package dev.mlat.transport.exchange;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A verified attachment a {@link PackageCodec} extracted from a package.
 *
 * @param name its name in the manifest
 * @param mediaType its media type
 * @param file the verified plaintext
 * @param size its size
 * @param sha256 the lower-case hex SHA-256 of the plaintext
 */
public record ReceivedAttachment(String name, String mediaType, Path file, long size, String sha256) {

  /** Validates. */
  public ReceivedAttachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
  }
}
