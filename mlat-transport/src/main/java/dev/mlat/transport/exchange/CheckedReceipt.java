package dev.mlat.transport.exchange;

import dev.mlat.transport.AuditHead;
import java.util.Objects;
import java.util.Optional;

/**
 * A receipt {@link PackageCodec#checkReceipt} verified against the package it acknowledges.
 *
 * @param messageId the acknowledged message id
 * @param positive true for an acknowledgement, false for a negative one
 * @param code the partner's error code of a negative receipt
 * @param partnerHead the partner's signed audit head it carried
 */
public record CheckedReceipt(String messageId, boolean positive, Optional<String> code,
    Optional<AuditHead> partnerHead) {

  /** Validates. */
  public CheckedReceipt {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(partnerHead, "partnerHead");
    if (positive == code.isPresent()) {
      throw new IllegalArgumentException("a negative receipt carries a code, a positive one none");
    }
  }
}
