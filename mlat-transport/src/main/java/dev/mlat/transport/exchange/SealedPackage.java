package dev.mlat.transport.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A package a {@link PackageCodec} sealed.
 *
 * @param file the package file
 * @param sha256 the lower-case hex SHA-256 of the whole file
 * @param messageId the message id in its header
 * @param expiresAt when it expires (from its header); the sender stops trying then
 */
public record SealedPackage(Path file, String sha256, String messageId, Instant expiresAt) {

  /** Validates. */
  public SealedPackage {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
