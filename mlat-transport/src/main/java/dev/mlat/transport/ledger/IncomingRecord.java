package dev.mlat.transport.ledger;

import dev.mlat.core.lifecycle.LifecycleEvent;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Ledger#recordIncoming(IncomingRecord, ReceiptIssuance)} records for a verified
 * package: every file is already durable in the blob store.
 *
 * @param messageId the message id
 * @param sender the party that sent it (the verified signer's)
 * @param packageSha256 the package as received (its blob name)
 * @param headerSha256 the package's header digest (its identity: the seen-message record and the
 *     receipt name it)
 * @param messageSha256 the verified message JSON
 * @param attachments the verified attachments
 * @param event the lifecycle event (its sender side from the verified signer)
 */
public record IncomingRecord(
    String messageId, String sender, String packageSha256, String headerSha256, String messageSha256, List<StoredAttachment> attachments,
    LifecycleEvent event) {

  /** Validates and copies. */
  public IncomingRecord {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(packageSha256, "packageSha256");
    Objects.requireNonNull(headerSha256, "headerSha256");
    Objects.requireNonNull(messageSha256, "messageSha256");
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(event, "event");
  }
}
