package dev.mlat.transport.pkg;

import dev.mlat.transport.pkg.internal.StrictJson;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the package as header.json lists it (format version 2): its name and size, and for
 * {@code message.p7m} its SHA-256. Attachment entries carry no digest: the signed manifest inside
 * message.p7m binds each of them by its segments' GCM tags and its plaintext's SHA-256
 * (docs/FORMAT.md, "header.json").
 *
 * @param name the ZIP entry name ({@code message.p7m}, {@code attachments/1}, ...)
 * @param size its size in bytes (stored, so compressed and uncompressed sizes are equal)
 * @param sha256 lower-case hex SHA-256 of its bytes: present for {@code message.p7m} only
 */
public record HeaderEntry(String name, long size, Optional<String> sha256) {
  /** The name of the entry that carries the signed, encrypted message. */
  public static final String MESSAGE_ENTRY = "message.p7m";

  /** Validates: a digest on {@code message.p7m} and on no other entry. */
  public HeaderEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    if (sha256.isPresent() && !StrictJson.isSha256Hex(sha256.get())) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
    if (sha256.isPresent() != name.equals(MESSAGE_ENTRY)) {
      throw new IllegalArgumentException(name.equals(MESSAGE_ENTRY) ? "the message entry needs its SHA-256"
          : "only the message entry carries a SHA-256 in the header, not " + name);
    }
  }

  /** An attachment entry: name and size. */
  public static HeaderEntry attachment(String name, long size) {
    return new HeaderEntry(name, size, Optional.empty());
  }

  /** The message entry: its size and lower-case hex SHA-256. */
  public static HeaderEntry message(long size, String sha256) {
    return new HeaderEntry(MESSAGE_ENTRY, size, Optional.of(sha256));
  }
}
