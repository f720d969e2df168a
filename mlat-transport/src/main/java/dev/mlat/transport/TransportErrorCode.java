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

  // drop box

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
      "No HTTPS endpoint is configured for the destination party.");

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
