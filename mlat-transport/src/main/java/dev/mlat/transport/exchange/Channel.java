package dev.mlat.transport.exchange;

import dev.mlat.core.PartyId;
import dev.mlat.transport.MlatTransportException;
import java.nio.file.Path;
import java.util.List;

/**
 * Moves packages and receipts between this node and its partners. {@link
 * dev.mlat.transport.dropbox.DropBox} is the directory channel; HTTPS follows the same contract.
 *
 * <p>Contract: a file a channel hands over ({@link #incoming(int)}) is complete (a reader never
 * sees half a file); handing the same package twice is allowed (the receiver treats it as a
 * resend); an incoming file stays available until {@link #done(Incoming)} is called for it, so a
 * crash before that shows it again. Implementations are thread-safe.
 */
public interface Channel {

  /** What a channel carries. */
  enum Kind {
    /** A package. */
    PACKAGE,
    /** A receipt. */
    RECEIPT
  }

  /**
   * An incoming file.
   *
   * @param partner who it came from
   * @param kind package or receipt
   * @param messageId the message id (of the package, or of the package a receipt acknowledges)
   * @param file where to read it
   */
  record Incoming(PartyId partner, Kind kind, String messageId, Path file) {
    /** Validates. */
    public Incoming {
      java.util.Objects.requireNonNull(partner, "partner");
      java.util.Objects.requireNonNull(kind, "kind");
      java.util.Objects.requireNonNull(messageId, "messageId");
      java.util.Objects.requireNonNull(file, "file");
    }
  }

  /** Hands a package to {@code partner}; when this returns it is durably there. */
  void sendPackage(PartyId partner, String messageId, Path packageFile) throws MlatTransportException;

  /** Hands a receipt to {@code partner}; when this returns it is durably there. */
  void sendReceipt(PartyId partner, String messageId, byte[] receipt) throws MlatTransportException;

  /** Up to {@code max} complete incoming files, packages and receipts. */
  List<Incoming> incoming(int max) throws MlatTransportException;

  /** Done with an incoming file: it is removed and not offered again. */
  void done(Incoming incoming) throws MlatTransportException;

  /** Sets an incoming file aside (unreadable for good), so it is not offered again. */
  void reject(Incoming incoming, String reason) throws MlatTransportException;
}
