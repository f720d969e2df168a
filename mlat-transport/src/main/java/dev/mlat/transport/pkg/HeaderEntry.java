package dev.mlat.transport.pkg;

import java.util.Objects;

/**
 * One entry of the package as header.json lists it: its name, size and SHA-256.
 *
 * @param name the ZIP entry name ({@code message.p7m}, {@code attachments/1}, ...)
 * @param size its size in bytes (stored, so compressed and uncompressed sizes are equal)
 * @param sha256 lower-case hex SHA-256 of its bytes
 */
public record HeaderEntry(String name, long size, String sha256) {
  /** Validates. */
  public HeaderEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
  }
}
