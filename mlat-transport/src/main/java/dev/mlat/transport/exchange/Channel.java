package dev.mlat.transport.exchange;

import dev.mlat.core.PartyId;
import dev.mlat.transport.MlatTransportException;
import java.nio.file.Path;
import java.util.List;

/**
 * Moves packages and receipts between this node and its partners. {@link
 * dev.mlat.transport.dropbox.DropBox} is the directory channel; {@link HttpsExchangeChannel} the
 * HTTPS one, whose receipts come back as the answer of {@link #sendPackage} and whose incoming
 * packages arrive through {@link ExchangeService#incomingPackages()} instead of {@link #incoming}.
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

  /**
   * What became of a package handed to a channel: {@link Handed} (durably with the partner, the
   * receipt comes later through {@link #incoming}: a drop box), {@link Answered} (the partner
   * answered at once with its receipt or negative receipt: HTTPS), or {@link Deferred} (the
   * partner cannot take it now and asks to try again after a delay). A failure to reach the
   * partner is thrown. Dispatch with {@code instanceof}.
   */
  sealed interface Handover permits Handed, Answered, Deferred {}

  /** The package is durably with the partner; its receipt comes back through {@link #incoming}. */
  record Handed() implements Handover {}

  /**
   * The partner answered at once.
   *
   * @param receipt the encoded receipt or negative receipt (checked by the service like any other)
   */
  record Answered(byte[] receipt) implements Handover {
    /** Validates and copies. */
    public Answered {
      java.util.Objects.requireNonNull(receipt, "receipt");
      if (receipt.length == 0) {
        throw new IllegalArgumentException("a receipt is never empty");
      }
      receipt = receipt.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] receipt() {
      return receipt.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Answered a && java.util.Arrays.equals(receipt, a.receipt);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(receipt);
    }

    @Override
    public String toString() {
      return "Answered[" + receipt.length + " bytes]";
    }
  }

  /**
   * The partner cannot take the package now.
   *
   * @param retryAfter when to try again at the earliest
   * @param reason one line for the status
   */
  record Deferred(java.time.Duration retryAfter, String reason) implements Handover {
    /** Validates. */
    public Deferred {
      java.util.Objects.requireNonNull(retryAfter, "retryAfter");
      java.util.Objects.requireNonNull(reason, "reason");
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
      }
    }
  }

  /**
   * Hands a package to {@code partner}.
   *
   * @param partner the destination party
   * @param messageId the package's message id
   * @param packageFile the package (not changed while it is handed over)
   * @param packageSha256 lower-case hex SHA-256 of the file
   * @return handed (durably there), answered with a receipt, or deferred
   * @throws MlatTransportException when the partner cannot be reached (the service retries later)
   */
  Handover sendPackage(PartyId partner, String messageId, Path packageFile, String packageSha256)
      throws MlatTransportException;

  /** Hands a receipt to {@code partner}; when this returns it is durably there. */
  void sendReceipt(PartyId partner, String messageId, byte[] receipt) throws MlatTransportException;

  /** Up to {@code max} complete incoming files, packages and receipts. */
  List<Incoming> incoming(int max) throws MlatTransportException;

  /** Done with an incoming file: it is removed and not offered again. */
  void done(Incoming incoming) throws MlatTransportException;

  /** Sets an incoming file aside (unreadable for good), so it is not offered again. */
  void reject(Incoming incoming, String reason) throws MlatTransportException;
}
