package dev.mlat.transport.ledger;

import dev.mlat.transport.AuditHead;
import dev.mlat.core.lifecycle.LifecycleEvent;
import dev.mlat.core.lifecycle.LifecycleException;
import dev.mlat.core.lifecycle.RequestLifecycle;
import dev.mlat.core.lifecycle.Side;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.SeenMessageStore;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.ledger.internal.AuditChain;
import dev.mlat.transport.ledger.internal.Database;
import dev.mlat.transport.ledger.internal.LifecycleRows;
import dev.mlat.transport.ledger.internal.Migrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The exchange ledger: every package sent and received, every receipt, every lifecycle state and a
 * hash-chained audit trail, in a database through JDBC (SQLite embedded by default, PostgreSQL for
 * several nodes; docs/LEDGER.md), with the package files in a {@link BlobStore}.
 *
 * <pre>{@code
 * try (Ledger ledger = Ledger.open(LedgerSettings.sqlite(dbFile, blobDir), clock, headSigner)) {
 *   SeenMessageStore seen = ledger.seenMessages();   // behind the package pipeline's resend rule
 *   AuditVerification v = ledger.verifyAuditTrail(headsFromPartnerReceipts, headVerifier);
 * }
 * }</pre>
 *
 * <p>Opening applies the schema migrations. An SQLite ledger is single-node: a second process (or
 * a second {@code Ledger} in this one) opening the same file gets {@code LEDGER_LOCKED}. Every
 * write is one transaction that also appends its audit entries, so the trail and the records
 * cannot disagree. A database failure is {@code LEDGER_UNAVAILABLE} after a rollback: nothing is
 * consumed and the call can be repeated.
 *
 * <p>Thread-safe.
 */
public final class Ledger implements AutoCloseable {
  private final LedgerSettings settings;
  private final Clock clock;
  private final AuditHeadSigner headSigner;
  private final Database database;
  private final AuditChain audit;
  private final LifecycleRows lifecycles;
  private final BlobStore blobs;
  private final SeenMessageStore seen = new SeenStore();

  private Ledger(LedgerSettings settings, Clock clock, AuditHeadSigner headSigner, Database database, BlobStore blobs) {
    this.settings = settings;
    this.clock = clock;
    this.headSigner = headSigner;
    this.database = database;
    this.audit = new AuditChain(database, clock);
    this.lifecycles = new LifecycleRows(database);
    this.blobs = blobs;
  }

  /**
   * Opens the ledger with a {@link FileBlobStore} in {@link LedgerSettings#blobDirectory()}.
   *
   * @throws MlatTransportException {@code LEDGER_LOCKED}, {@code LEDGER_UNAVAILABLE},
   *     {@code LEDGER_SCHEMA_TOO_NEW}, {@code LEDGER_MIGRATION_FAILED}, {@code IO_FAILURE}
   */
  public static Ledger open(LedgerSettings settings, Clock clock, AuditHeadSigner headSigner)
      throws MlatTransportException {
    Objects.requireNonNull(settings, "settings");
    return open(settings, clock, headSigner, new FileBlobStore(settings.blobDirectory()));
  }

  /** Opens the ledger with the host's own blob store. */
  public static Ledger open(LedgerSettings settings, Clock clock, AuditHeadSigner headSigner, BlobStore blobs)
      throws MlatTransportException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(headSigner, "headSigner");
    Objects.requireNonNull(blobs, "blobs");
    Database database = Database.open(settings);
    try {
      Migrations.migrate(database, clock);
      releaseOwnClaims(database, settings);
      return new Ledger(settings, clock, headSigner, database, blobs);
    } catch (MlatTransportException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Claims held under this node's id come from an earlier life of this node (it crashed between a
   * claim and its outcome): they are released at once rather than after their lease. Node ids are
   * unique among the nodes sharing a database; on SQLite there is only one node.
   */
  private static void releaseOwnClaims(Database database, LedgerSettings settings) throws MlatTransportException {
    database.inTransaction(c -> {
      String sql = "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by IS NOT NULL"
          + (settings.kind() == LedgerSettings.DatabaseKind.SQLITE ? "" : " AND claimed_by = ?");
      try (PreparedStatement p = c.prepareStatement(sql)) {
        if (settings.kind() != LedgerSettings.DatabaseKind.SQLITE) {
          p.setString(1, settings.nodeId());
        }
        return p.executeUpdate();
      }
    });
  }

  /** The settings it was opened with. */
  public LedgerSettings settings() {
    return settings;
  }

  /** The clock it records times from. */
  public Clock clock() {
    return clock;
  }

  /** The store of package, receipt and message files. */
  public BlobStore blobs() {
    return blobs;
  }

  /** The persistent store behind the package pipeline's resend rule. */
  public SeenMessageStore seenMessages() {
    return seen;
  }

  /** The schema version of the database. */
  public int schemaVersion() throws MlatTransportException {
    return database.inTransaction(Migrations::currentVersion);
  }

  // ---------------------------------------------------------------- outbox

  /**
   * Records an outgoing message in the outbox (state {@link OutboxState#PENDING}, due now) and
   * applies its lifecycle event on the sending side, in one transaction.
   *
   * @throws LifecycleException when the lifecycle does not allow this message now (nothing recorded)
   * @throws MlatTransportException {@code LEDGER_RECORD_CONFLICT} when the message id is already in
   *     the outbox with another package; {@code LEDGER_UNAVAILABLE}
   */
  public OutboxEntry recordOutgoing(OutgoingRecord out) throws MlatTransportException, LifecycleException {
    Objects.requireNonNull(out, "out");
    try {
      return database.inTransaction(c -> {
        Optional<OutboxEntry> existing = outbox(c, out.messageId(), true);
        if (existing.isPresent()) {
          if (existing.get().packageSha256().equals(out.packageSha256())) {
            return existing.get();
          }
          throw new MlatTransportException(TransportErrorCode.LEDGER_RECORD_CONFLICT,
              "message " + out.messageId() + " is already in the outbox with another package");
        }
        Instant now = clock.instant();
        if (out.event().isPresent()) {
          RequestLifecycle after = lifecycles.apply(c, out.event().get(), out.event().get().sender(), now);
          audit.append(c, "LIFECYCLE", out.requestId().toString(),
              "message=" + out.messageId() + " type=" + out.messageType() + " state=" + after.state());
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO outbox (message_id, request_id, recipient,"
            + " message_type, package_sha256, header_sha256, created_at, expires_at, state, attempts, next_attempt_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
          p.setString(1, out.messageId());
          p.setString(2, out.requestId().toString());
          p.setString(3, out.recipient());
          p.setString(4, out.messageType());
          p.setString(5, out.packageSha256());
          p.setString(6, out.headerSha256());
          p.setLong(7, now.toEpochMilli());
          p.setLong(8, out.expiresAt().toEpochMilli());
          p.setString(9, OutboxState.PENDING.name());
          p.setLong(10, now.toEpochMilli());
          p.setLong(11, now.toEpochMilli());
          p.executeUpdate();
        }
        audit.append(c, "OUTBOX_RECORDED", out.messageId(),
            "request=" + out.requestId() + " package=" + out.packageSha256() + " header=" + out.headerSha256());
        return outbox(c, out.messageId(), false).orElseThrow();
      });
    } catch (LifecycleRows.Refused e) {
      throw e.refusal();
    }
  }

  /**
   * Claims up to {@code max} pending messages that are due, for this node, for
   * {@link LedgerSettings#claimLease()}: another node skips them (PostgreSQL row locks with
   * {@code SKIP LOCKED}, then a claim that outlives the transaction). A claim ends with
   * {@link #recordAttemptFailed}, {@link #recordReceipt}, {@link #recordExpired} or its lease.
   */
  public List<OutboxEntry> claimDue(int max) throws MlatTransportException {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    return database.inTransaction(c -> {
      long now = clock.instant().toEpochMilli();
      List<String> ids = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT message_id FROM outbox WHERE state = 'PENDING'"
          + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
          + " ORDER BY next_attempt_at LIMIT ?" + database.forUpdateSkipLocked())) {
        p.setLong(1, now);
        p.setLong(2, now);
        p.setInt(3, max);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            ids.add(r.getString(1));
          }
        }
      }
      List<OutboxEntry> claimed = new ArrayList<>();
      for (String id : ids) {
        try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET claimed_by = ?, claimed_until = ?"
            + " WHERE message_id = ? AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)")) {
          p.setString(1, settings.nodeId());
          p.setLong(2, now + settings.claimLease().toMillis());
          p.setString(3, id);
          p.setLong(4, now);
          if (p.executeUpdate() == 1) {
            claimed.add(outbox(c, id, false).orElseThrow());
          }
        }
      }
      return claimed;
    });
  }

  /** Records a failed attempt: attempts + 1, next attempt at {@code nextAttemptAt}, claim released. */
  public void recordAttemptFailed(String messageId, Instant nextAttemptAt, String error) throws MlatTransportException {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(error, "error");
    database.inTransaction(c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?,"
          + " last_error = ?, claimed_by = NULL, claimed_until = NULL, updated_at = ?"
          + " WHERE message_id = ? AND state = 'PENDING'")) {
        p.setLong(1, nextAttemptAt.toEpochMilli());
        p.setString(2, error.length() > 500 ? error.substring(0, 500) : error);
        p.setLong(3, clock.instant().toEpochMilli());
        p.setString(4, messageId);
        p.executeUpdate();
      }
      return null;
    });
  }

  /** Records a successful hand-over to the channel: attempts + 1, next attempt (to look for the receipt), claim released. */
  public void recordAttemptMade(String messageId, Instant nextAttemptAt) throws MlatTransportException {
    database.inTransaction(c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?,"
          + " claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE message_id = ? AND state = 'PENDING'")) {
        p.setLong(1, nextAttemptAt.toEpochMilli());
        p.setLong(2, clock.instant().toEpochMilli());
        p.setString(3, messageId);
        p.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Records a checked receipt for an outgoing message: the receipt file in the blob store, the
   * receipt row, the outbox state ({@link OutboxState#DELIVERED} when positive, else
   * {@link OutboxState#REFUSED}), and the partner's audit head (digest only) in the trail.
   *
   * @return false when the message was already settled (a second copy of a receipt)
   * @throws MlatTransportException {@code LEDGER_RECORD_CONFLICT} when no such message was sent
   */
  public boolean recordReceipt(String messageId, byte[] receipt, boolean positive, Optional<String> code,
      Optional<AuditHead> partnerHead) throws MlatTransportException {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(partnerHead, "partnerHead");
    String receiptSha = blobs.put(receipt);
    return database.inTransaction(c -> {
      Optional<OutboxEntry> entry = outbox(c, messageId, true);
      if (entry.isEmpty()) {
        throw new MlatTransportException(TransportErrorCode.LEDGER_RECORD_CONFLICT,
            "a receipt names message " + messageId + ", which this node never sent");
      }
      if (entry.get().state() != OutboxState.PENDING) {
        return false;
      }
      OutboxState state = positive ? OutboxState.DELIVERED : OutboxState.REFUSED;
      Instant now = clock.instant();
      // a row from before schema version 2 has no header digest: its package's whole-file digest stands in
      insertReceipt(c, "RECEIVED", messageId, receiptSha, entry.get().headerSha256().orElse(entry.get().packageSha256()),
          positive, code, now);
      try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET state = ?, receipt_sha256 = ?, last_error = ?,"
          + " claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE message_id = ?")) {
        p.setString(1, state.name());
        p.setString(2, receiptSha);
        p.setString(3, code.orElse(null));
        p.setLong(4, now.toEpochMilli());
        p.setString(5, messageId);
        p.executeUpdate();
      }
      audit.append(c, "RECEIPT_RECEIVED", messageId, "receipt=" + receiptSha + " state=" + state
          + code.map(x -> " code=" + x).orElse("")
          + partnerHead.map(h -> " partnerHead=" + h.sequence() + ":" + h.entrySha256()).orElse(""));
      return true;
    });
  }

  /** Marks a pending message {@link OutboxState#EXPIRED}; false when it was no longer pending. */
  public boolean recordExpired(String messageId) throws MlatTransportException {
    return database.inTransaction(c -> {
      int n;
      try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET state = 'EXPIRED', last_error = ?,"
          + " claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE message_id = ? AND state = 'PENDING'")) {
        p.setString(1, TransportErrorCode.EXCHANGE_MESSAGE_EXPIRED.code());
        p.setLong(2, clock.instant().toEpochMilli());
        p.setString(3, messageId);
        n = p.executeUpdate();
      }
      if (n == 1) {
        audit.append(c, "OUTBOX_EXPIRED", messageId, "state=EXPIRED");
      }
      return n == 1;
    });
  }

  /** The outbox entry of {@code messageId}. */
  public Optional<OutboxEntry> outboxEntry(String messageId) throws MlatTransportException {
    return database.inTransaction(c -> outbox(c, messageId, false));
  }

  /** The outgoing messages of a request, oldest first. */
  public List<OutboxEntry> outboxOfRequest(UUID requestId) throws MlatTransportException {
    return database.inTransaction(c -> {
      List<OutboxEntry> list = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT message_id FROM outbox WHERE request_id = ? ORDER BY created_at, message_id")) {
        p.setString(1, requestId.toString());
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            list.add(outbox(c, r.getString(1), false).orElseThrow());
          }
        }
      }
      return list;
    });
  }

  /** How many outgoing messages are in each state, in {@link OutboxState} order. */
  public long countOutbox(OutboxState state) throws MlatTransportException {
    return database.inTransaction(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = ?")) {
        p.setString(1, state.name());
        try (ResultSet r = p.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    });
  }

  private Optional<OutboxEntry> outbox(Connection c, String messageId, boolean lock) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT message_id, request_id, recipient, message_type,"
        + " package_sha256, created_at, expires_at, state, attempts, next_attempt_at, last_error, receipt_sha256,"
        + " header_sha256 FROM outbox WHERE message_id = ?" + (lock ? database.forUpdate() : ""))) {
      p.setString(1, messageId);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(new OutboxEntry(r.getString(1), UUID.fromString(r.getString(2)), r.getString(3),
            r.getString(4), r.getString(5), Optional.ofNullable(r.getString(13)), Instant.ofEpochMilli(r.getLong(6)), Instant.ofEpochMilli(r.getLong(7)),
            OutboxState.valueOf(r.getString(8)), r.getInt(9), Instant.ofEpochMilli(r.getLong(10)),
            Optional.ofNullable(r.getString(11)), Optional.ofNullable(r.getString(12))));
      }
    }
  }

  // ---------------------------------------------------------------- inbox

  /**
   * Records a verified incoming message and issues its receipt, in one transaction: resend check,
   * lifecycle step on the receiving side, inbox row, audit entry, signed audit head, receipt (by
   * {@code receipts}, carrying that head), seen-message record, receipt row. The caller has put
   * every file in the blob store before (durable); it sends the receipt only after this returns,
   * so a receipt never exists for a message the ledger could lose.
   *
   * @return the seen-message record now in the store: the new one, or an earlier one when the same
   *     id was recorded concurrently (the caller compares digests)
   * @throws LifecycleException when the state machine refuses the message (nothing recorded; the
   *     caller answers with a negative receipt through {@link #recordRefusedIncoming})
   */
  public SeenMessage recordIncoming(IncomingRecord in, ReceiptIssuance receipts)
      throws MlatTransportException, LifecycleException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(receipts, "receipts");
    try {
      return database.inTransaction(c -> {
        Optional<SeenMessage> earlier = findSeen(c, in.messageId());
        if (earlier.isPresent()) {
          return earlier.get();
        }
        Instant now = clock.instant();
        LifecycleEvent event = in.event();
        RequestLifecycle after = lifecycles.apply(c, event, event.sender().peer(), now);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO inbox (message_id, request_id, sender, message_type,"
            + " package_sha256, message_sha256, received_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'RECORDED')")) {
          p.setString(1, in.messageId());
          p.setString(2, event.requestId().toString());
          p.setString(3, in.sender());
          p.setString(4, event.type().name());
          p.setString(5, in.packageSha256());
          p.setString(6, in.messageSha256());
          p.setLong(7, now.toEpochMilli());
          p.executeUpdate();
        }
        int position = 0;
        for (StoredAttachment a : in.attachments()) {
          try (PreparedStatement p = c.prepareStatement("INSERT INTO inbox_attachments (message_id, position, name,"
              + " media_type, sha256, size) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, in.messageId());
            p.setInt(2, position++);
            p.setString(3, a.name());
            p.setString(4, a.mediaType());
            p.setString(5, a.sha256());
            p.setLong(6, a.size());
            p.executeUpdate();
          }
        }
        audit.append(c, "LIFECYCLE", event.requestId().toString(),
            "message=" + in.messageId() + " type=" + event.type().name() + " state=" + after.state());
        audit.append(c, "INBOX_RECORDED", in.messageId(),
            "request=" + event.requestId() + " package=" + in.packageSha256() + " header=" + in.headerSha256()
            + " message=" + in.messageSha256());
        AuditHead head = audit.signHead(c, headSigner);
        byte[] receipt = receipts.issue(head);
        SeenMessage seenNow = new SeenMessage(in.messageId(), in.headerSha256(), receipt, now);
        insertSeen(c, seenNow);
        insertReceipt(c, "SENT", in.messageId(), AuditChain.sha256(receipt), in.headerSha256(), true,
            Optional.empty(), now);
        return seenNow;
      });
    } catch (LifecycleRows.Refused e) {
      throw e.refusal();
    }
  }

  /**
   * Records a package refused for good (not a transient failure) and issues its negative receipt,
   * in one transaction; the message id is consumed with that receipt, so a resend of the same bytes
   * gets the same answer.
   *
   * @return the seen-message record now in the store
   */
  public SeenMessage recordRefusedIncoming(String messageId, String headerSha256, String code,
      ReceiptIssuance receipts) throws MlatTransportException {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(headerSha256, "headerSha256");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(receipts, "receipts");
    return database.inTransaction(c -> {
      Optional<SeenMessage> earlier = findSeen(c, messageId);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      Instant now = clock.instant();
      audit.append(c, "INBOX_REFUSED", messageId, "header=" + headerSha256 + " code=" + code);
      AuditHead head = audit.signHead(c, headSigner);
      byte[] receipt = receipts.issue(head);
      SeenMessage seenNow = new SeenMessage(messageId, headerSha256, receipt, now);
      insertSeen(c, seenNow);
      insertReceipt(c, "SENT", messageId, AuditChain.sha256(receipt), headerSha256, false, Optional.of(code), now);
      return seenNow;
    });
  }

  /**
   * Whether {@code receipt}, which this node sent for {@code messageId}, was a positive receipt
   * (recorded by {@link #recordIncoming}) rather than a negative one; false when it was never
   * recorded as sent (the negative answer to a conflicting resend is not).
   */
  public boolean sentReceiptPositive(String messageId, byte[] receipt) throws MlatTransportException {
    Objects.requireNonNull(messageId, "messageId");
    String receiptSha = AuditChain.sha256(Objects.requireNonNull(receipt, "receipt"));
    return database.inTransaction(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT positive FROM receipts WHERE direction = 'SENT'"
          + " AND message_id = ? AND receipt_sha256 = ?")) {
        p.setString(1, messageId);
        p.setString(2, receiptSha);
        try (ResultSet r = p.executeQuery()) {
          return r.next() && r.getInt(1) == 1;
        }
      }
    });
  }

  /** Up to {@code max} recorded messages not yet handed to the application, oldest first. */
  public List<InboxEntry> undelivered(int max) throws MlatTransportException {
    return database.inTransaction(c -> {
      List<String> ids = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT message_id FROM inbox WHERE state = 'RECORDED' ORDER BY received_at, message_id LIMIT ?")) {
        p.setInt(1, max);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            ids.add(r.getString(1));
          }
        }
      }
      List<InboxEntry> list = new ArrayList<>();
      for (String id : ids) {
        list.add(inbox(c, id, false).orElseThrow());
      }
      return list;
    });
  }

  /**
   * Hands one recorded message to the application exactly once: in one transaction, locks its
   * row, runs {@code work} (which may write through the connection), marks it
   * {@link InboxState#DELIVERED} and appends the audit entry. If the process dies before the
   * commit, neither the application's writes nor the mark exist, and it is offered again.
   *
   * @return false when it was already delivered (by another node or an earlier call)
   * @throws MlatTransportException {@code LEDGER_UNAVAILABLE} when {@code work} or the database
   *     failed (rolled back; offered again later)
   */
  public boolean deliver(String messageId, DeliveryWork work) throws MlatTransportException {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(work, "work");
    return database.inTransaction(c -> {
      Optional<InboxEntry> entry = inbox(c, messageId, true);
      if (entry.isEmpty() || entry.get().state() != InboxState.RECORDED) {
        return false;
      }
      try {
        work.handle(entry.get(), c);
      } catch (SQLException | MlatTransportException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE,
            "the application's handler failed on message " + messageId + "; it is offered again: " + e.getMessage(), e);
      }
      Instant now = clock.instant();
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE inbox SET state = 'DELIVERED', delivered_at = ? WHERE message_id = ? AND state = 'RECORDED'")) {
        p.setLong(1, now.toEpochMilli());
        p.setString(2, messageId);
        if (p.executeUpdate() != 1) {
          throw new SQLException("inbox row " + messageId + " changed under its lock", "40001");
        }
      }
      audit.append(c, "INBOX_DELIVERED", messageId, "state=DELIVERED");
      return true;
    });
  }

  /** The inbox entry of {@code messageId}. */
  public Optional<InboxEntry> inboxEntry(String messageId) throws MlatTransportException {
    return database.inTransaction(c -> inbox(c, messageId, false));
  }

  /** The incoming messages of a request, oldest first. */
  public List<InboxEntry> inboxOfRequest(UUID requestId) throws MlatTransportException {
    return database.inTransaction(c -> {
      List<InboxEntry> list = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT message_id FROM inbox WHERE request_id = ? ORDER BY received_at, message_id")) {
        p.setString(1, requestId.toString());
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            list.add(inbox(c, r.getString(1), false).orElseThrow());
          }
        }
      }
      return list;
    });
  }

  private Optional<InboxEntry> inbox(Connection c, String messageId, boolean lock) throws SQLException {
    InboxEntry partial;
    try (PreparedStatement p = c.prepareStatement("SELECT message_id, request_id, sender, message_type, package_sha256,"
        + " message_sha256, received_at, state, delivered_at FROM inbox WHERE message_id = ?"
        + (lock ? database.forUpdate() : ""))) {
      p.setString(1, messageId);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        long delivered = r.getLong(9);
        boolean wasNull = r.wasNull();
        partial = new InboxEntry(r.getString(1), UUID.fromString(r.getString(2)), r.getString(3), r.getString(4),
            r.getString(5), r.getString(6), Instant.ofEpochMilli(r.getLong(7)), InboxState.valueOf(r.getString(8)),
            List.of(), wasNull ? Optional.empty() : Optional.of(Instant.ofEpochMilli(delivered)));
      }
    }
    List<StoredAttachment> attachments = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT name, media_type, sha256, size FROM inbox_attachments"
        + " WHERE message_id = ? ORDER BY position")) {
      p.setString(1, messageId);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          attachments.add(new StoredAttachment(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
        }
      }
    }
    return Optional.of(new InboxEntry(partial.messageId(), partial.requestId(), partial.sender(),
        partial.messageType(), partial.packageSha256(), partial.messageSha256(), partial.receivedAt(), partial.state(),
        attachments, partial.deliveredAt()));
  }

  // ---------------------------------------------------------------- lifecycles

  /** The lifecycle of a request, rebuilt from its stored events. */
  public Optional<RequestLifecycle> lifecycle(UUID requestId) throws MlatTransportException {
    Objects.requireNonNull(requestId, "requestId");
    return database.inTransaction(c -> lifecycles.load(c, requestId, false));
  }

  // ---------------------------------------------------------------- audit

  /** Audit entries from {@code fromSequence} on, at most {@code max}. */
  public List<AuditEntry> auditEntries(long fromSequence, int max) throws MlatTransportException {
    return database.inTransaction(c -> {
      List<AuditEntry> list = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT sequence, recorded_at, kind, subject, detail,"
          + " previous_sha256, entry_sha256 FROM audit_entries WHERE sequence >= ? ORDER BY sequence LIMIT ?")) {
        p.setLong(1, fromSequence);
        p.setInt(2, max);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            list.add(new AuditEntry(r.getLong(1), Instant.parse(r.getString(2)), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7)));
          }
        }
      }
      return list;
    });
  }

  /** Signs the current head of the audit trail and records it (for a periodic anchor, or an export). */
  public AuditHead signAuditHead() throws MlatTransportException {
    return database.inTransaction(c -> {
      audit.append(c, "HEAD_SIGNED", settings.nodeId(), "by=" + settings.nodeId());
      return audit.signHead(c, headSigner);
    });
  }

  /** The heads this ledger signed (also in the receipts it sent), oldest first. */
  public List<AuditHead> recordedAuditHeads() throws MlatTransportException {
    return database.inTransaction(audit::recordedHeads);
  }

  /**
   * Verifies the audit trail: every entry's digest, every link, no gap, and each anchor (its
   * signature by {@code verifier}, and the chain's digest at its sequence). Anchors are heads held
   * outside this database, for example those in the receipts the partners keep; heads recorded in
   * this database prove little against someone who can edit it.
   *
   * @return what was verified, and the unanchored window after the last anchor
   * @throws MlatTransportException {@code AUDIT_CHAIN_BROKEN} (edited, deleted or reordered entry),
   *     {@code AUDIT_CHAIN_TRUNCATED} (entries removed back past an anchor),
   *     {@code AUDIT_ANCHOR_INVALID} (bad signature, or the chain was rewritten under an anchor)
   */
  public AuditVerification verifyAuditTrail(Collection<AuditHead> anchors, AuditHeadVerifier verifier)
      throws MlatTransportException {
    Objects.requireNonNull(anchors, "anchors");
    Objects.requireNonNull(verifier, "verifier");
    List<AuditHead> copy = List.copyOf(anchors);
    return database.inTransaction(c -> audit.verify(c, copy, verifier));
  }

  // ---------------------------------------------------------------- seen messages and receipts

  private Optional<SeenMessage> findSeen(Connection c, String messageId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT message_id, header_sha256, receipt, first_seen FROM seen_messages WHERE message_id = ?")) {
      p.setString(1, messageId);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(new SeenMessage(r.getString(1), r.getString(2), r.getBytes(3),
            Instant.ofEpochMilli(r.getLong(4))));
      }
    }
  }

  private static boolean insertSeen(Connection c, SeenMessage s) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO seen_messages (message_id, header_sha256, receipt,"
        + " first_seen) VALUES (?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING")) {
      p.setString(1, s.messageId());
      p.setString(2, s.headerSha256());
      p.setBytes(3, s.receipt());
      p.setLong(4, s.firstSeen().toEpochMilli());
      return p.executeUpdate() == 1;
    }
  }

  private static void insertReceipt(Connection c, String direction, String messageId, String receiptSha,
      String headerSha, boolean positive, Optional<String> code, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO receipts (direction, message_id, receipt_sha256,"
        + " header_sha256, positive, code, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (direction, message_id, receipt_sha256) DO NOTHING")) {
      p.setString(1, direction);
      p.setString(2, messageId);
      p.setString(3, receiptSha);
      p.setString(4, headerSha);
      p.setInt(5, positive ? 1 : 0);
      if (code.isPresent()) {
        p.setString(6, code.get());
      } else {
        p.setNull(6, Types.VARCHAR);
      }
      p.setLong(7, now.toEpochMilli());
      p.executeUpdate();
    }
  }

  /** The persistent {@link SeenMessageStore}: each call is one transaction. */
  private final class SeenStore implements SeenMessageStore {
    @Override
    public Optional<SeenMessage> find(String messageId) throws MlatTransportException {
      Objects.requireNonNull(messageId, "messageId");
      return database.inTransaction(c -> findSeen(c, messageId));
    }

    @Override
    public SeenMessage recordIfAbsent(SeenMessage seenMessage) throws MlatTransportException {
      Objects.requireNonNull(seenMessage, "seen");
      return database.inTransaction(c -> {
        if (insertSeen(c, seenMessage)) {
          audit.append(c, "SEEN_RECORDED", seenMessage.messageId(), "header=" + seenMessage.headerSha256()
              + " receipt=" + AuditChain.sha256(seenMessage.receipt()));
          return seenMessage;
        }
        return findSeen(c, seenMessage.messageId()).orElseThrow();
      });
    }
  }

  /** Closes the connections and releases the single-node lock. */
  @Override
  public void close() {
    database.close();
  }
}
