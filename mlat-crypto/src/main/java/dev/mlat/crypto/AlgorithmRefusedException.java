package dev.mlat.crypto;

import dev.mlat.core.Jurisdiction;
import java.util.Optional;

/**
 * An {@link AlgorithmPolicy} refused an algorithm or a key: {@link CryptoErrorCode#ALGORITHM_UNKNOWN},
 * {@link CryptoErrorCode#ALGORITHM_REFUSED}, {@link CryptoErrorCode#KEY_TOO_SMALL} or
 * {@link CryptoErrorCode#KEY_REFUSED}.
 */
public final class AlgorithmRefusedException extends MlatCryptoException {
  private static final long serialVersionUID = 1L;

  private final transient Jurisdiction jurisdiction;
  private final String policyName;

  /**
   * @param errorCode one of the four algorithm codes
   * @param message what was refused and why
   * @param jurisdiction the jurisdiction the decision was made for, or {@code null} when it does not depend on one
   * @param policyName the name of the policy that decided
   */
  public AlgorithmRefusedException(CryptoErrorCode errorCode, String message, Jurisdiction jurisdiction, String policyName) {
    super(errorCode, message + " (policy '" + policyName + "'" + (jurisdiction == null ? "" : ", jurisdiction " + jurisdiction) + ")");
    this.jurisdiction = jurisdiction;
    this.policyName = policyName;
  }

  /** The jurisdiction the decision was made for, when it depended on one. */
  public Optional<Jurisdiction> jurisdiction() {
    return Optional.ofNullable(jurisdiction);
  }

  /** The name of the policy that refused. */
  public String policyName() {
    return policyName;
  }
}
