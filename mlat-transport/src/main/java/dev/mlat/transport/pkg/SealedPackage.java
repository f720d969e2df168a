package dev.mlat.transport.pkg;

import dev.mlat.core.MessageType;
import java.util.Objects;
import java.util.UUID;

/**
 * What {@link PackageSealer} wrote: keep it to check the receipt
 * ({@code ReceiptVerifier.check(receipt, sealed)}).
 *
 * @param messageId the message id
 * @param messageType the message type
 * @param headerSha256 lower-case hex SHA-256 of the package bytes (what a positive receipt names)
 * @param size the package's size in bytes
 * @param header the header written
 */
public record SealedPackage(UUID messageId, MessageType messageType, String headerSha256, long size, PackageHeader header) {
  /** Validates. */
  public SealedPackage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(headerSha256, "headerSha256");
    Objects.requireNonNull(header, "header");
  }
}
