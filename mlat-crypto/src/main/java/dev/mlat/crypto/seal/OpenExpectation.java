package dev.mlat.crypto.seal;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.cms.SignerRequirement;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the opener expects of a sealed message before it looks at it.
 *
 * @param sender the jurisdiction the message comes from: every signer must be trusted for it and
 *     the signed sender must belong to it
 * @param requirement the signatures required (one signer, or a hybrid)
 * @param messageId the message id the caller expects, if it knows it
 * @param senderAuthority whether the signer must be the signed sender itself
 */
public record OpenExpectation(Jurisdiction sender, SignerRequirement requirement, Optional<UUID> messageId,
    SenderAuthority senderAuthority) {
  /** Validates. */
  public OpenExpectation {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(senderAuthority, "senderAuthority");
  }

  /** One signer that is the signed sender, of {@code sender}; any message id. */
  public static OpenExpectation from(Jurisdiction sender) {
    return new OpenExpectation(sender, SignerRequirement.ONE_SIGNER, Optional.empty(), SenderAuthority.SIGNER_IS_SENDER);
  }

  /** A copy requiring this message id. */
  public OpenExpectation withMessageId(UUID id) {
    return new OpenExpectation(sender, requirement, Optional.of(Objects.requireNonNull(id, "id")), senderAuthority);
  }

  /** A copy requiring these signatures. */
  public OpenExpectation withRequirement(SignerRequirement r) {
    return new OpenExpectation(sender, r, messageId, senderAuthority);
  }

  /** A copy with this sender authority rule. */
  public OpenExpectation withSenderAuthority(SenderAuthority a) {
    return new OpenExpectation(sender, requirement, messageId, a);
  }
}
