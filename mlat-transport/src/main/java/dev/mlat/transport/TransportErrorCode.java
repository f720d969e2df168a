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

  /** The package is not a ZIP file of the mlat profile: bytes before the first entry or between entries, a compressed or encrypted entry, a data descriptor, an archive comment, a wrong or misplaced mimetype entry, or a CRC that does not match. */
  PACKAGE_STRUCTURE_INVALID(
      "The package is not a ZIP file of the mlat profile: bytes before the first entry or between entries, a compressed or encrypted entry, a data descriptor, an archive comment, a wrong or misplaced mimetype entry, or a CRC that does not match."),
  /** A ZIP entry's local header disagrees with its central directory record (name, flags, method, CRC, sizes or position). */
  PACKAGE_LOCAL_CENTRAL_MISMATCH(
      "A ZIP entry's local header disagrees with its central directory record (name, flags, method, CRC, sizes or position)."),
  /** An entry name is empty, absolute, contains a backslash, a NUL or other control character, a . or .. segment, or is not printable ASCII. */
  PACKAGE_ENTRY_NAME_INVALID(
      "An entry name is empty, absolute, contains a backslash, a NUL or other control character, a . or .. segment, or is not printable ASCII."),
  /** Two entries of the package have the same name. */
  PACKAGE_ENTRY_DUPLICATE(
      "Two entries of the package have the same name."),
  /** The package has an entry the format does not define, lacks one it requires, or has them in another order. */
  PACKAGE_ENTRY_UNEXPECTED(
      "The package has an entry the format does not define, lacks one it requires, or has them in another order."),
  /** The package, an entry or the number of entries or attachments is larger than the reader's PackageLimits allow (docs/LIMITS.md). */
  PACKAGE_LIMIT_EXCEEDED(
      "The package, an entry or the number of entries or attachments is larger than the reader's PackageLimits allow (docs/LIMITS.md)."),
  /** header.json is not the strict JSON the format defines: wrong UTF-8 or JSON, unknown or missing field, wrong type, bad party id, UUID, time or digest, or an unknown format version. */
  PACKAGE_HEADER_MALFORMED(
      "header.json is not the strict JSON the format defines: wrong UTF-8 or JSON, unknown or missing field, wrong type, bad party id, UUID, time or digest, or an unknown format version."),
  /** header.p7s is not a valid detached CAdES signature of header.json (bad signature, wrong attributes or algorithm, malformed CMS); the cause names the mlat-crypto code. */
  PACKAGE_HEADER_SIGNATURE_INVALID(
      "header.p7s is not a valid detached CAdES signature of header.json (bad signature, wrong attributes or algorithm, malformed CMS); the cause names the mlat-crypto code."),
  /** The header signer is not trusted to sign for the header's sender: no valid path to the sender jurisdiction's anchors, revoked, not a registered authority with the sign role, or of another jurisdiction; the cause names the mlat-crypto code. */
  PACKAGE_SENDER_UNTRUSTED(
      "The header signer is not trusted to sign for the header's sender: no valid path to the sender jurisdiction's anchors, revoked, not a registered authority with the sign role, or of another jurisdiction; the cause names the mlat-crypto code."),
  /** A relayed package (header with originalSender) comes from a party that the trust directory does not register as a relay of the recipient's jurisdiction, or the relay is of another jurisdiction than the recipient. */
  PACKAGE_RELAY_NOT_REGISTERED(
      "A relayed package (header with originalSender) comes from a party that the trust directory does not register as a relay of the recipient's jurisdiction, or the relay is of another jurisdiction than the recipient."),
  /** The header names another recipient than the party opening the package. */
  PACKAGE_WRONG_RECIPIENT(
      "The header names another recipient than the party opening the package."),
  /** An entry's size, SHA-256 or CRC differs from what header.json lists, or the entries differ from the header's list. */
  PACKAGE_ENTRY_MISMATCH(
      "An entry's size, SHA-256 or CRC differs from what header.json lists, or the entries differ from the header's list."),
  /** The header's expiry time has passed (or lies before its creation time). */
  PACKAGE_EXPIRED(
      "The header's expiry time has passed (or lies before its creation time)."),
  /** The header's creation time lies further in the future than the allowed clock skew. */
  PACKAGE_NOT_YET_VALID(
      "The header's creation time lies further in the future than the allowed clock skew."),
  /** A package with this message id was received before with different bytes; a message id is never reused. */
  PACKAGE_RESEND_CONFLICT(
      "A package with this message id was received before with different bytes; a message id is never reused."),
  /** message.p7m could not be decrypted with the receiver's keys: not encrypted for them, tag check failed, or algorithms refused; the cause names the mlat-crypto code. */
  PACKAGE_DECRYPTION_FAILED(
      "message.p7m could not be decrypted with the receiver's keys: not encrypted for them, tag check failed, or algorithms refused; the cause names the mlat-crypto code."),
  /** The issuing authority's signature inside message.p7m is invalid or outside the profile (signers, attributes, content type, algorithm); the cause names the mlat-crypto code. */
  PACKAGE_SIGNATURE_INVALID(
      "The issuing authority's signature inside message.p7m is invalid or outside the profile (signers, attributes, content type, algorithm); the cause names the mlat-crypto code."),
  /** The issuing authority's signature does not count for the sender's jurisdiction (wrong jurisdiction, untrusted, revoked, not registered to sign); the cause names the mlat-crypto code. */
  PACKAGE_SIGNER_UNTRUSTED(
      "The issuing authority's signature does not count for the sender's jurisdiction (wrong jurisdiction, untrusted, revoked, not registered to sign); the cause names the mlat-crypto code."),
  /** The signed message does not match the header: its sender, recipient, message id, request id or type differ from the header's (or, relayed, from the relay rule), so it may have been cut from another package. */
  PACKAGE_BINDING_MISMATCH(
      "The signed message does not match the header: its sender, recipient, message id, request id or type differ from the header's (or, relayed, from the relay rule), so it may have been cut from another package."),
  /** message.json is not valid: not strict JSON of the format, an unknown field, or the lifecycle message fails validation at the level its type needs; the message names the field. */
  PACKAGE_MESSAGE_INVALID(
      "message.json is not valid: not strict JSON of the format, an unknown field, or the lifecycle message fails validation at the level its type needs; the message names the field."),
  /** An attachment does not match the signed manifest (segments, tags, length or SHA-256), or the manifest does not match the attachments the lifecycle message refers to; the cause names the mlat-crypto code when a segment failed. */
  PACKAGE_ATTACHMENT_MISMATCH(
      "An attachment does not match the signed manifest (segments, tags, length or SHA-256), or the manifest does not match the attachments the lifecycle message refers to; the cause names the mlat-crypto code when a segment failed."),

  // receipts

  /** A receipt is not a SignedData of a receipt.json of the format (docs/FORMAT.md, Receipts): bad CMS, bad JSON, unknown or missing field. */
  RECEIPT_MALFORMED(
      "A receipt is not a SignedData of a receipt.json of the format (docs/FORMAT.md, Receipts): bad CMS, bad JSON, unknown or missing field."),
  /** A receipt's signature is invalid, outside the CMS profile, or its signer is not trusted for the receiver's jurisdiction or is not the authority the receipt names; the cause names the mlat-crypto code. */
  RECEIPT_SIGNATURE_INVALID(
      "A receipt's signature is invalid, outside the CMS profile, or its signer is not trusted for the receiver's jurisdiction or is not the authority the receipt names; the cause names the mlat-crypto code."),
  /** A receipt names another message id, another package SHA-256 or another receiver than the package it is checked against. */
  RECEIPT_MISMATCH(
      "A receipt names another message id, another package SHA-256 or another receiver than the package it is checked against."),

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

  // https channel

  /** The TLS peer's certificate chain was refused by the trust directory (unknown anchor, wrong jurisdiction, expired, revoked, not a registered authority or carrier); the cause names the trust rule. */
  HTTPS_PEER_REFUSED(
      "The TLS peer's certificate chain was refused by the trust directory (unknown anchor, wrong jurisdiction, expired, revoked, not a registered authority or carrier); the cause names the trust rule."),

  /** The authenticated TLS peer may not hand over this package: the package's sender belongs to another jurisdiction than the peer, which is not registered to carry for it. */
  HTTPS_PEER_NOT_CARRIER(
      "The authenticated TLS peer may not hand over this package: the package's sender belongs to another jurisdiction than the peer, which is not registered to carry for it."),

  /** An upload declares more bytes than the receiver's maxPackageBytes (HTTP 413). */
  HTTPS_PACKAGE_TOO_LARGE(
      "An upload declares more bytes than the receiver's maxPackageBytes (HTTP 413)."),

  /** The bytes received do not hash to the SHA-256 named in the request path; the upload was discarded. */
  HTTPS_DIGEST_MISMATCH(
      "The bytes received do not hash to the SHA-256 named in the request path; the upload was discarded."),

  /** A resumed upload does not start where the receiver's held bytes end, or names another total length than the first part (HTTP 409). */
  HTTPS_RANGE_MISMATCH(
      "A resumed upload does not start where the receiver's held bytes end, or names another total length than the first part (HTTP 409)."),

  /** Another connection is uploading the same package right now (HTTP 409 with Retry-After). */
  HTTPS_UPLOAD_IN_PROGRESS(
      "Another connection is uploading the same package right now (HTTP 409 with Retry-After)."),

  /** The receiver has reached maxConcurrentUploads (HTTP 429 with Retry-After). */
  HTTPS_BUSY(
      "The receiver has reached maxConcurrentUploads (HTTP 429 with Retry-After)."),

  /** No byte of an upload arrived for longer than the receiver's uploadIdleTimeout; the bytes received so far are kept for resumption. */
  HTTPS_UPLOAD_TIMEOUT(
      "No byte of an upload arrived for longer than the receiver's uploadIdleTimeout; the bytes received so far are kept for resumption."),

  /** An HTTP request or answer does not follow docs/HTTP.md: unknown path or method, malformed digest, header or range, unexpected status. */
  HTTPS_REQUEST_INVALID(
      "An HTTP request or answer does not follow docs/HTTP.md: unknown path or method, malformed digest, header or range, unexpected status."),

  /** The receiver could not read the sender from the uploaded package's header (PackageRouting failed); the upload was discarded. */
  HTTPS_PACKAGE_UNROUTABLE(
      "The receiver could not read the sender from the uploaded package's header (PackageRouting failed); the upload was discarded."),

  /** The HTTPS exchange failed at the network level (connection refused or reset, TLS handshake failure, timeout); transient. */
  HTTPS_CONNECTION_FAILED(
      "The HTTPS exchange failed at the network level (connection refused or reset, TLS handshake failure, timeout); transient."),

  /** No HTTPS endpoint is configured for the destination party. */
  HTTPS_ENDPOINT_UNKNOWN(
      "No HTTPS endpoint is configured for the destination party."),
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
      "An incoming package could not be recorded now (database, key store or disk failure); no receipt was issued and the message id was not consumed.");

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
