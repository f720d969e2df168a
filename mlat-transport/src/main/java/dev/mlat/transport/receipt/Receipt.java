package dev.mlat.transport.receipt;

import dev.mlat.transport.AuditHead;
import dev.mlat.core.PartyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The content of a receipt (receipt.json, docs/FORMAT.md "Receipts").
 *
 * @param receiptId this receipt's id
 * @param status accepted or rejected
 * @param messageId the received message id (absent in a negative receipt when the header could not be read)
 * @param headerSha256 the received package's header digest: lower-case hex SHA-256 of its header.json
 *     (in a negative receipt for a package refused before its header.json could be read, of the
 *     whole file as received; docs/FORMAT.md, "Receipts")
 * @param receiver the party that received the package and signs the receipt
 * @param sender the package's sender, when known
 * @param received when the receiver decided
 * @param errorCode for a negative receipt: the transport error code
 * @param stage for a negative receipt: the pipeline stage (1 to 6) that refused the package
 * @param auditHead the receiver's signed audit-chain head, when its ledger provides one
 */
public record Receipt(UUID receiptId, ReceiptStatus status, Optional<UUID> messageId, String headerSha256, PartyId receiver,
    Optional<PartyId> sender, Instant received, Optional<String> errorCode, Optional<Integer> stage, Optional<AuditHead> auditHead) {

  /** Validates. */
  public Receipt {
    Objects.requireNonNull(receiptId, "receiptId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(headerSha256, "headerSha256");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(auditHead, "auditHead");
    if (!headerSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("headerSha256 must be 64 lower-case hex digits");
    }
    if (status == ReceiptStatus.ACCEPTED && (messageId.isEmpty() || errorCode.isPresent() || stage.isPresent())) {
      throw new IllegalArgumentException("a positive receipt names the message id and no error");
    }
    if (status == ReceiptStatus.REJECTED && errorCode.isEmpty()) {
      throw new IllegalArgumentException("a negative receipt names the error code");
    }
    if (stage.isPresent() && (stage.get() < 1 || stage.get() > 6)) {
      throw new IllegalArgumentException("stage must be 1 to 6");
    }
  }
}
