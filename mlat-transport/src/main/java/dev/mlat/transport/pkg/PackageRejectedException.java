package dev.mlat.transport.pkg;

import dev.mlat.core.ErrorCode;
import dev.mlat.core.MlatException;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * A package the opening pipeline (or the gateway) refused. Carries the transport error code, the
 * {@link PipelineStage} that refused it and, when a lower layer decided, that layer's code (for
 * example {@code CERTIFICATE_WRONG_JURISDICTION} under {@code PACKAGE_SIGNER_UNTRUSTED}). Nothing
 * of the package was released when this is thrown, and no output or quarantine file is left.
 */
public final class PackageRejectedException extends MlatTransportException {
  private static final long serialVersionUID = 1L;

  private final PipelineStage stage;
  private final transient PackageHeader header;
  private final String headerSha256;

  /**
   * @param errorCode why the package was refused
   * @param stage the stage that refused it
   * @param message a one-line explanation without request contents or secrets
   */
  public PackageRejectedException(TransportErrorCode errorCode, PipelineStage stage, String message) {
    this(errorCode, stage, message, null);
  }

  /**
   * @param errorCode why the package was refused
   * @param stage the stage that refused it
   * @param message a one-line explanation without request contents or secrets
   * @param cause the lower layer's failure (may be null)
   */
  public PackageRejectedException(TransportErrorCode errorCode, PipelineStage stage, String message, Throwable cause) {
    super(errorCode, "stage " + Objects.requireNonNull(stage, "stage").number() + ": " + message
        + (cause instanceof MlatException m ? " (" + m.errorCode().code() + ")" : ""), cause);
    this.stage = stage;
    this.header = null;
    this.headerSha256 = null;
  }

  private PackageRejectedException(PackageRejectedException e, PackageHeader header, String headerSha256) {
    super(e.errorCode(), e.messageWithoutCode(), e.getCause());
    setStackTrace(e.getStackTrace());
    this.stage = e.stage;
    this.header = header;
    this.headerSha256 = headerSha256;
  }

  /**
   * This rejection with the package's verified header and SHA-256 attached (the opener does it for
   * rejections from stage 3 on, when the header's signature has been verified), for a negative receipt.
   */
  PackageRejectedException withPackage(PackageHeader verifiedHeader, String sha256) {
    return new PackageRejectedException(this, Objects.requireNonNull(verifiedHeader, "verifiedHeader"),
        Objects.requireNonNull(sha256, "sha256"));
  }

  /**
   * The package's header, when the rejection came at stage 3 or later (so the header's signature was
   * verified): its message id and sender go into the negative receipt.
   */
  public Optional<PackageHeader> header() {
    return Optional.ofNullable(header);
  }

  /** The SHA-256 of the package bytes, when the rejection came at stage 3 or later. */
  public Optional<String> headerSha256() {
    return Optional.ofNullable(headerSha256);
  }

  /** The stage that refused the package. */
  public PipelineStage stage() {
    return stage;
  }

  /** The code of the lower layer (mlat-crypto, mlat-core) that decided, when one did. */
  public Optional<ErrorCode> detail() {
    return getCause() instanceof MlatException m ? Optional.of(m.errorCode()) : Optional.empty();
  }
}
