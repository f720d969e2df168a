package dev.mlat.crypto.seal;

import dev.mlat.core.PartyId;
import java.util.Objects;
import java.util.UUID;

/**
 * What a sealed message says about itself, inside the signature: who sends it, who it is for, and
 * its identity. {@link Opener} releases a message only when the recipient is the opener and the
 * sender is the signer.
 *
 * @param sender the issuing authority that signs the message
 * @param recipient the party the message is meant for (the one who may open it)
 * @param messageId the message's identity (the package's message id)
 */
public record SealBinding(PartyId sender, PartyId recipient, UUID messageId) {
  /** Validates. */
  public SealBinding {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(messageId, "messageId");
  }
}
