package dev.mlat.transport.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One incoming message in the inbox: recorded and acknowledged, then handed to the application
 * once.
 *
 * @param messageId the message id
 * @param requestId the request it belongs to
 * @param sender the party that sent it
 * @param messageType the lifecycle message type (enum name)
 * @param packageSha256 the SHA-256 of the package as received (its blob name)
 * @param messageSha256 the SHA-256 of the verified message JSON (its blob name)
 * @param receivedAt when it was recorded
 * @param state where it stands
 * @param attachments its attachments, in manifest order
 * @param deliveredAt when the application took it
 */
public record InboxEntry(
    String messageId, UUID requestId, String sender, String messageType, String packageSha256, String messageSha256,
    Instant receivedAt, InboxState state, List<StoredAttachment> attachments, Optional<Instant> deliveredAt) {

  /** Validates and copies. */
  public InboxEntry {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(packageSha256, "packageSha256");
    Objects.requireNonNull(messageSha256, "messageSha256");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(state, "state");
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(deliveredAt, "deliveredAt");
  }
}
