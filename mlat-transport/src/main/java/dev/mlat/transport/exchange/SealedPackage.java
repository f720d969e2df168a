package dev.mlat.transport.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A package a {@link PackageCodec} sealed.
 *
 * @param file the package file
 * @param headerSha256 the package's header digest (lower-case hex SHA-256 of its header.json), which
 *     its receipt names (docs/FORMAT.md)
 * @param messageId the message id in its header
 * @param expiresAt when it expires (from its header); the sender stops trying then
 */
public record SealedPackage(Path file, String headerSha256, String messageId, Instant expiresAt) {

  /** Validates. */
  public SealedPackage {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(headerSha256, "headerSha256");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
