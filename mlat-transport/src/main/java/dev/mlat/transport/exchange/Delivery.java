package dev.mlat.transport.exchange;

import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.transport.ledger.BlobStore;
import dev.mlat.transport.ledger.InboxEntry;
import java.util.Objects;

/**
 * An incoming message handed to the application: the inbox entry (ids, digests, attachments), the
 * verified message, and the blob store to read the attachments from.
 *
 * @param entry the inbox entry
 * @param message the verified lifecycle message
 * @param blobs where {@code entry.attachments()} are, by SHA-256
 */
public record Delivery(InboxEntry entry, LifecycleMessage message, BlobStore blobs) {

  /** Validates. */
  public Delivery {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(blobs, "blobs");
  }
}
