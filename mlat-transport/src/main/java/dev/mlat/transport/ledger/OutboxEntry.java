package dev.mlat.transport.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One outgoing message in the outbox.
 *
 * @param messageId the message id
 * @param requestId the request it belongs to
 * @param recipient the party it is for ({@code FR:FR-MOJ})
 * @param messageType the lifecycle message type (enum name)
 * @param packageSha256 the SHA-256 of the sealed package file (its blob name)
 * @param headerSha256 the package's header digest, which its receipt names (docs/FORMAT.md); empty
 *     for a row recorded before ledger schema version 2 (a package of format version 1)
 * @param createdAt when it was recorded
 * @param expiresAt after this, it is no longer sent
 * @param state where it stands
 * @param attempts delivery attempts made so far
 * @param nextAttemptAt when the sender loop tries again
 * @param lastError the last failure, a code and a short reason
 * @param receiptSha256 the receipt that settled it (DELIVERED, REFUSED)
 */
public record OutboxEntry(
    String messageId, UUID requestId, String recipient, String messageType, String packageSha256,
    Optional<String> headerSha256, Instant createdAt,
    Instant expiresAt, OutboxState state, int attempts, Instant nextAttemptAt, Optional<String> lastError,
    Optional<String> receiptSha256) {

  /** Validates. */
  public OutboxEntry {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(packageSha256, "packageSha256");
    Objects.requireNonNull(headerSha256, "headerSha256");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(receiptSha256, "receiptSha256");
  }
}
