package dev.mlat.crypto.trust;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import java.util.Optional;

/**
 * A certificate is not trusted for the jurisdiction and use asked about, or the trust directory
 * itself could not be read. The {@link #errorCode()} names the rule that failed (see
 * {@code docs/TRUST.md}); {@link #jurisdiction()} and {@link #subject()} say what was checked.
 * Algorithm refusals inside a path are raised as {@link dev.mlat.crypto.AlgorithmRefusedException}
 * instead.
 */
public final class UntrustedCertificateException extends MlatCryptoException {
  private static final long serialVersionUID = 1L;

  private final transient Jurisdiction jurisdiction;
  private final String subject;

  /**
   * @param errorCode the rule that failed
   * @param message what failed and how to fix it
   * @param jurisdiction the jurisdiction asked about, or {@code null}
   * @param subject the subject DN of the certificate concerned, or {@code null}
   * @param cause the underlying failure, or {@code null}
   */
  public UntrustedCertificateException(
      CryptoErrorCode errorCode, String message, Jurisdiction jurisdiction, String subject, Throwable cause) {
    super(errorCode, message + (subject == null ? "" : " [certificate " + subject + "]")
        + (jurisdiction == null ? "" : " [jurisdiction " + jurisdiction + "]"), cause);
    this.jurisdiction = jurisdiction;
    this.subject = subject;
  }

  /** The jurisdiction the verification was for, when there was one. */
  public Optional<Jurisdiction> jurisdiction() {
    return Optional.ofNullable(jurisdiction);
  }

  /** The subject DN (RFC 2253) of the certificate concerned, when one is. */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }
}
