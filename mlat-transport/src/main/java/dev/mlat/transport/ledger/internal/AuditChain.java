package dev.mlat.transport.ledger.internal;

import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.ledger.AuditEntry;
import dev.mlat.transport.AuditHead;
import dev.mlat.transport.ledger.AuditHeadSigner;
import dev.mlat.transport.ledger.AuditHeadVerifier;
import dev.mlat.transport.ledger.AuditVerification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hash-chained audit trail in {@code audit_entries}: appending inside the caller's
 * transaction, signing the head, and verifying. Appends are serialized across nodes by the row
 * lock on {@code audit_lock} (PostgreSQL) or by SQLite's single writer.
 */
public final class AuditChain {
  private static final Pattern FIELD = Pattern.compile("[\\x21-\\x7e]([\\x20-\\x7e]*[\\x21-\\x7e])?");
  private final Database database;
  private final Clock clock;

  public AuditChain(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The digest of an entry with these fields. */
  public static String digest(long sequence, Instant recordedAt, String kind, String subject, String detail,
      String previousSha256) {
    String text = "mlat-audit-v1\n" + sequence + "\n" + recordedAt + "\n" + kind + "\n" + subject + "\n" + detail
        + "\n" + previousSha256 + "\n";
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex SHA-256. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Appends one entry in {@code c}'s transaction. {@code kind}, {@code subject} and {@code detail}
   * are printable ASCII identifiers and digests (no line breaks, no personal data).
   */
  public AuditEntry append(Connection c, String kind, String subject, String detail) throws SQLException {
    check("kind", kind);
    check("subject", subject);
    check("detail", detail);
    try (PreparedStatement lock = c.prepareStatement("SELECT id FROM audit_lock WHERE id = 1" + database.forUpdate())) {
      try (ResultSet r = lock.executeQuery()) {
        if (!r.next()) {
          throw new SQLException("the audit_lock row is missing", "55000");
        }
      }
    }
    long sequence = 1;
    String previous = AuditEntry.GENESIS;
    try (PreparedStatement last = c.prepareStatement(
        "SELECT sequence, entry_sha256 FROM audit_entries ORDER BY sequence DESC LIMIT 1");
        ResultSet r = last.executeQuery()) {
      if (r.next()) {
        sequence = r.getLong(1) + 1;
        previous = r.getString(2);
      }
    }
    Instant now = clock.instant();
    String entry = digest(sequence, now, kind, subject, detail, previous);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_entries (sequence, recorded_at, kind, subject,"
        + " detail, previous_sha256, entry_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, sequence);
      insert.setString(2, now.toString());
      insert.setString(3, kind);
      insert.setString(4, subject);
      insert.setString(5, detail);
      insert.setString(6, previous);
      insert.setString(7, entry);
      insert.executeUpdate();
    }
    return new AuditEntry(sequence, now, kind, subject, detail, previous, entry);
  }

  private static void check(String name, String value) {
    if (value == null || value.length() > 1000 || !FIELD.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "an audit " + name + " is 1 to 1000 printable ASCII characters without line breaks, got '" + value + "'");
    }
  }

  /**
   * Signs the newest entry in {@code c}'s transaction and records the signed head. The caller
   * appends first, so there is always a head.
   */
  public AuditHead signHead(Connection c, AuditHeadSigner signer) throws SQLException, MlatTransportException {
    long sequence;
    String sha;
    try (PreparedStatement last = c.prepareStatement(
        "SELECT sequence, entry_sha256 FROM audit_entries ORDER BY sequence DESC LIMIT 1");
        ResultSet r = last.executeQuery()) {
      if (!r.next()) {
        throw new IllegalStateException("the audit trail is empty: append before signing its head");
      }
      sequence = r.getLong(1);
      sha = r.getString(2);
    }
    byte[] signature = signer.sign(AuditHead.signedContent(sequence, sha));
    AuditHead head = new AuditHead(sequence, sha, signature);
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO audit_heads (sequence, entry_sha256, signature, signer, signed_at) VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, sequence);
      insert.setString(2, sha);
      insert.setBytes(3, signature);
      insert.setString(4, signer.signer());
      insert.setString(5, clock.instant().toString());
      insert.executeUpdate();
    }
    return head;
  }

  /** The signed heads recorded by this ledger, oldest first. */
  public List<AuditHead> recordedHeads(Connection c) throws SQLException {
    List<AuditHead> heads = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(
        "SELECT sequence, entry_sha256, signature FROM audit_heads ORDER BY sequence");
        ResultSet r = p.executeQuery()) {
      while (r.next()) {
        heads.add(new AuditHead(r.getLong(1), r.getString(2), r.getBytes(3)));
      }
    }
    return heads;
  }

  /**
   * Verifies the chain from its first entry, then each anchor: its signature, and that the chain
   * holds an entry with its digest at its sequence.
   */
  public AuditVerification verify(Connection c, Collection<AuditHead> anchors, AuditHeadVerifier verifier)
      throws SQLException, MlatTransportException {
    long expected = 1;
    String previous = AuditEntry.GENESIS;
    java.util.Map<Long, String> wanted = new java.util.HashMap<>();
    List<AuditHead> sorted = new ArrayList<>(anchors);
    sorted.sort(Comparator.comparingLong(AuditHead::sequence));
    for (AuditHead anchor : sorted) {
      verifier.verify(anchor);
      wanted.put(anchor.sequence(), anchor.entrySha256());
    }
    try (PreparedStatement p = c.prepareStatement("SELECT sequence, recorded_at, kind, subject, detail, previous_sha256,"
        + " entry_sha256 FROM audit_entries ORDER BY sequence")) {
      p.setFetchSize(1000);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          long sequence = r.getLong(1);
          if (sequence != expected) {
            throw broken(expected, "entry " + expected + " is missing (the next one is " + sequence + ")");
          }
          Instant at;
          try {
            at = Instant.parse(r.getString(2));
          } catch (DateTimeParseException e) {
            throw broken(sequence, "its recorded time is not an instant");
          }
          if (!previous.equals(r.getString(6))) {
            throw broken(sequence, "it does not link to entry " + (sequence - 1) + " (deleted, reordered or edited)");
          }
          String recomputed = digest(sequence, at, r.getString(3), r.getString(4), r.getString(5), previous);
          if (!recomputed.equals(r.getString(7))) {
            throw broken(sequence, "its contents do not match its digest (edited)");
          }
          String anchored = wanted.get(sequence);
          if (anchored != null && !anchored.equals(recomputed)) {
            throw new MlatTransportException(TransportErrorCode.AUDIT_ANCHOR_INVALID,
                "signed audit head " + sequence + " names entry digest " + anchored + " but the chain holds "
                    + recomputed + " at that sequence: the chain was rewritten");
          }
          previous = recomputed;
          expected++;
        }
      }
    }
    long head = expected - 1;
    Optional<Long> lastAnchor = sorted.isEmpty() ? Optional.empty()
        : Optional.of(sorted.get(sorted.size() - 1).sequence());
    if (lastAnchor.isPresent() && lastAnchor.get() > head) {
      throw new MlatTransportException(TransportErrorCode.AUDIT_CHAIN_TRUNCATED,
          "the audit trail ends at entry " + head + " but a signed head anchors entry " + lastAnchor.get()
              + ": " + (lastAnchor.get() - head) + " or more entries were removed");
    }
    return new AuditVerification(head, head, previous, lastAnchor, sorted.size(), head - lastAnchor.orElse(0L));
  }

  private static MlatTransportException broken(long sequence, String why) {
    return new MlatTransportException(TransportErrorCode.AUDIT_CHAIN_BROKEN,
        "the audit chain breaks at entry " + sequence + ": " + why);
  }
}
