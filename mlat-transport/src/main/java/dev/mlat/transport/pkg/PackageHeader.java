package dev.mlat.transport.pkg;

import dev.mlat.core.MessageType;
import dev.mlat.core.PartyId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The routing header of a package ({@code header.json}, docs/FORMAT.md): readable without any key,
 * signed by the sending authority in {@code header.p7s}.
 *
 * @param formatVersion the package format version (1)
 * @param messageId the lifecycle message's id
 * @param messageType its type
 * @param requestId the request (conversation) it belongs to
 * @param sender the party sending this package (the issuing authority, or the relay of a relayed package)
 * @param recipient the party it is for
 * @param originalSender present only in a relayed package: the issuing authority whose signed message it carries
 * @param created when the package was sealed
 * @param expires after when a reader refuses it
 * @param entries every other entry (attachments in order, then message.p7m), with size and SHA-256
 */
public record PackageHeader(int formatVersion, UUID messageId, MessageType messageType, UUID requestId, PartyId sender,
    PartyId recipient, Optional<PartyId> originalSender, Instant created, Instant expires, List<HeaderEntry> entries) {

  /** The only format version of this library (docs/FORMAT.md, "Versioning"). */
  public static final int FORMAT_VERSION = 2;

  /** Validates and copies. */
  public PackageHeader {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(originalSender, "originalSender");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(expires, "expires");
    entries = List.copyOf(entries);
  }

  /** Whether this package was forwarded by a relay (DESIGN "Relays"). */
  public boolean relayed() {
    return originalSender.isPresent();
  }
}
