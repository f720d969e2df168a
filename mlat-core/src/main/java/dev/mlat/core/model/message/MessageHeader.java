package dev.mlat.core.model.message;

import dev.mlat.core.PartyId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope common to every lifecycle message. The package layer checks that sender, recipient
 * and message id equal those of the package header that carried it.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param messageId this message's identifier, never reused
 * @param requestId the identifier of the request this message belongs to
 * @param sender the party that sends the message
 * @param recipient the party the message is for
 * @param createdAt when the sender created the message
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record MessageHeader(
    UUID messageId,
    UUID requestId,
    PartyId sender,
    PartyId recipient,
    Instant createdAt) {

  public MessageHeader {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
