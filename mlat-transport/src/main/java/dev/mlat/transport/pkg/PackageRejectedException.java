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
