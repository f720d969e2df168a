package dev.mlat.transport.ledger;

import dev.mlat.core.lifecycle.LifecycleEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@link Ledger#recordOutgoing(OutgoingRecord)} records for a sealed message.
 *
 * @param messageId the message id
 * @param requestId its request
 * @param recipient the party it is for
 * @param messageType the lifecycle message type (enum name)
 * @param packageSha256 the sealed package, already in the blob store (its blob name)
 * @param headerSha256 the package's header digest, which its receipt must name
 * @param expiresAt when the sender stops trying
 * @param event the lifecycle event the sending side applies (empty for a message outside a lifecycle)
 */
public record OutgoingRecord(
    String messageId, UUID requestId, String recipient, String messageType, String packageSha256, String headerSha256,
    Instant expiresAt,
    Optional<LifecycleEvent> event) {

  /** Validates. */
  public OutgoingRecord {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(packageSha256, "packageSha256");
    Objects.requireNonNull(headerSha256, "headerSha256");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(event, "event");
  }
}
