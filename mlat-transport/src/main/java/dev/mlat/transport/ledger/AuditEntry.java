package dev.mlat.transport.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit trail. Entries hold identifiers and digests only, never personal data, so
 * personal data can be erased from the inbox and the blob store without breaking the chain.
 *
 * <p>{@code entrySha256} is the SHA-256 of the UTF-8 text {@code "mlat-audit-v1\n" + sequence +
 * "\n" + recordedAt + "\n" + kind + "\n" + subject + "\n" + detail + "\n" + previousSha256 +
 * "\n"} ({@code recordedAt} in ISO-8601, {@code previousSha256} 64 zeros for the first entry).
 *
 * @param sequence 1, 2, 3... without gaps
 * @param recordedAt when it was recorded
 * @param kind what happened ({@code OUTBOX_RECORDED}, {@code INBOX_RECORDED}, {@code LIFECYCLE}...)
 * @param subject the identifier it is about (a message id, a request id)
 * @param detail identifiers and digests, {@code key=value} separated by spaces
 * @param previousSha256 the previous entry's {@code entrySha256}
 * @param entrySha256 this entry's digest
 */
public record AuditEntry(
    long sequence, Instant recordedAt, String kind, String subject, String detail, String previousSha256,
    String entrySha256) {

  /** The digest of the first entry's predecessor. */
  public static final String GENESIS = "0".repeat(64);

  /** Validates. */
  public AuditEntry {
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(previousSha256, "previousSha256");
    Objects.requireNonNull(entrySha256, "entrySha256");
  }
}
