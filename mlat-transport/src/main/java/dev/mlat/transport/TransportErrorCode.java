package dev.mlat.transport;

import dev.mlat.core.ErrorCode;

/**
 * The error codes of {@code mlat-transport}. Each is documented in {@code docs/ERRORS.md} under
 * "mlat-transport"; {@code TransportErrorCodeTest} keeps the two in step.
 */
public enum TransportErrorCode implements ErrorCode {
  // general

  /** Reading or writing a package, a receipt or a store failed at the operating-system level (disk full, permission, I/O error); nothing was consumed, retry. */
  IO_FAILURE(
      "Reading or writing a package, a receipt or a store failed at the operating-system level (disk full, permission, I/O error); nothing was consumed, retry."),

  // package

  // receipts

  // ledger

  /** The ledger's database could not be read or written (connection lost, disk full, lock timeout); the operation was rolled back and nothing was consumed. */
  LEDGER_UNAVAILABLE(
      "The ledger's database could not be read or written (connection lost, disk full, lock timeout); the operation was rolled back and nothing was consumed."),

  /** The embedded (SQLite) ledger is already open in another process or another Ledger of this process; it is single-node by design. */
  LEDGER_LOCKED(
      "The embedded (SQLite) ledger is already open in another process or another Ledger of this process; it is single-node by design."),

  /** The ledger database carries a schema version newer than this library knows; it was written by a newer mlat. */
  LEDGER_SCHEMA_TOO_NEW(
      "The ledger database carries a schema version newer than this library knows; it was written by a newer mlat."),

  /** A schema migration failed while the ledger was opened; it was rolled back and the ledger did not open. */
  LEDGER_MIGRATION_FAILED(
      "A schema migration failed while the ledger was opened; it was rolled back and the ledger did not open."),

  /** A record contradicts what the ledger already holds (a message id already in the outbox with another package, a receipt for a message never sent). */
  LEDGER_RECORD_CONFLICT(
      "A record contradicts what the ledger already holds (a message id already in the outbox with another package, a receipt for a message never sent)."),

  /** The audit trail's hash chain does not verify: an entry was edited, deleted or reordered (the message names the first bad sequence number). */
  AUDIT_CHAIN_BROKEN(
      "The audit trail's hash chain does not verify: an entry was edited, deleted or reordered (the message names the first bad sequence number)."),

  /** The audit trail ends before an anchored (signed) head: entries after it were removed. */
  AUDIT_CHAIN_TRUNCATED(
      "The audit trail ends before an anchored (signed) head: entries after it were removed."),

  /** A signed audit head does not verify: its signature is wrong, or it names an entry digest the chain does not have at that sequence. */
  AUDIT_ANCHOR_INVALID(
      "A signed audit head does not verify: its signature is wrong, or it names an entry digest the chain does not have at that sequence."),

  /** A stored package or receipt file no longer has the SHA-256 its name and the ledger give: the file was changed on disk. */
  BLOB_CORRUPT(
      "A stored package or receipt file no longer has the SHA-256 its name and the ledger give: the file was changed on disk."),

  /** A package or receipt file the ledger references is not in the blob store. */
  BLOB_MISSING(
      "A package or receipt file the ledger references is not in the blob store."),

  // drop box

  /** A drop box directory is missing, not a directory, or not writable. */
  DROPBOX_UNAVAILABLE(
      "A drop box directory is missing, not a directory, or not writable."),

  /** A file in a drop box is larger than the drop box limit for its kind (package or receipt); it was moved to rejected/ unread. */
  DROPBOX_FILE_TOO_LARGE(
      "A file in a drop box is larger than the drop box limit for its kind (package or receipt); it was moved to rejected/ unread."),

  /** A file in a drop box does not have a name the drop box writes (<message id>.mlat or <message id>.receipt); it was moved to rejected/. */
  DROPBOX_NAME_INVALID(
      "A file in a drop box does not have a name the drop box writes (<message id>.mlat or <message id>.receipt); it was moved to rejected/."),

  // exchange service

  /** A message expired before a receipt for it arrived; the sender stopped retrying. */
  EXCHANGE_MESSAGE_EXPIRED(
      "A message expired before a receipt for it arrived; the sender stopped retrying."),

  /** The partner answered a message with a negative receipt; its code is in the message and in the status. */
  EXCHANGE_DELIVERY_REFUSED(
      "The partner answered a message with a negative receipt; its code is in the message and in the status."),

  /** A receipt does not match the message it claims to acknowledge (another package digest, unreadable, or not signed as expected); it was not recorded. */
  EXCHANGE_RECEIPT_INVALID(
      "A receipt does not match the message it claims to acknowledge (another package digest, unreadable, or not signed as expected); it was not recorded."),

  /** An incoming package could not be recorded now (database, key store or disk failure); no receipt was issued and the message id was not consumed. */
  EXCHANGE_TEMPORARY_FAILURE(
      "An incoming package could not be recorded now (database, key store or disk failure); no receipt was issued and the message id was not consumed."),

  ;

  private final String description;

  TransportErrorCode(String description) {
    this.description = description;
  }

  @Override
  public String code() {
    return name();
  }

  @Override
  public String description() {
    return description;
  }
}
