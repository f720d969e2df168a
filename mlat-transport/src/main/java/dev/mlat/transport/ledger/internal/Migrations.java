package dev.mlat.transport.ledger.internal;

import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.ledger.LedgerSettings.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * The ledger's versioned schema: each migration runs once, in order, in its own transaction, and
 * is recorded in {@code schema_version}. A database whose version is newer than the last one here
 * is refused ({@code LEDGER_SCHEMA_TOO_NEW}). On PostgreSQL an advisory lock makes nodes that
 * start together migrate one after the other. Migrations are never edited once released: a change
 * is a new migration. {@code ${bytes}} stands for the database's byte column type.
 */
public final class Migrations {

  /** One schema step. */
  public record Migration(int version, String description, List<String> statements) {}

  /** Every migration, in order. */
  public static final List<Migration> ALL = List.of(
      new Migration(1, "outbox, inbox, seen messages, receipts, lifecycles, audit trail", List.of(
          """
          CREATE TABLE outbox (
            message_id TEXT PRIMARY KEY,
            request_id TEXT NOT NULL,
            recipient TEXT NOT NULL,
            message_type TEXT NOT NULL,
            package_sha256 TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at BIGINT NOT NULL,
            claimed_by TEXT,
            claimed_until BIGINT,
            last_error TEXT,
            receipt_sha256 TEXT,
            updated_at BIGINT NOT NULL)""",
          "CREATE INDEX outbox_due ON outbox (state, next_attempt_at)",
          "CREATE INDEX outbox_request ON outbox (request_id)",
          """
          CREATE TABLE inbox (
            message_id TEXT PRIMARY KEY,
            request_id TEXT NOT NULL,
            sender TEXT NOT NULL,
            message_type TEXT NOT NULL,
            package_sha256 TEXT NOT NULL,
            message_sha256 TEXT NOT NULL,
            received_at BIGINT NOT NULL,
            state TEXT NOT NULL,
            delivered_at BIGINT)""",
          "CREATE INDEX inbox_state ON inbox (state, received_at)",
          "CREATE INDEX inbox_request ON inbox (request_id)",
          """
          CREATE TABLE inbox_attachments (
            message_id TEXT NOT NULL REFERENCES inbox (message_id),
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size BIGINT NOT NULL,
            PRIMARY KEY (message_id, position))""",
          """
          CREATE TABLE seen_messages (
            message_id TEXT PRIMARY KEY,
            package_sha256 TEXT NOT NULL,
            receipt ${bytes} NOT NULL,
            first_seen BIGINT NOT NULL)""",
          """
          CREATE TABLE receipts (
            direction TEXT NOT NULL,
            message_id TEXT NOT NULL,
            receipt_sha256 TEXT NOT NULL,
            package_sha256 TEXT NOT NULL,
            positive INTEGER NOT NULL,
            code TEXT,
            recorded_at BIGINT NOT NULL,
            PRIMARY KEY (direction, message_id, receipt_sha256))""",
          """
          CREATE TABLE lifecycles (
            request_id TEXT PRIMARY KEY,
            local_side TEXT NOT NULL,
            issued INTEGER NOT NULL,
            state TEXT NOT NULL,
            updated_at BIGINT NOT NULL)""",
          """
          CREATE TABLE lifecycle_events (
            request_id TEXT NOT NULL REFERENCES lifecycles (request_id),
            position INTEGER NOT NULL,
            message_id TEXT NOT NULL,
            message_type TEXT NOT NULL,
            sender TEXT NOT NULL,
            event_time TEXT NOT NULL,
            deadline_rule TEXT,
            emergency INTEGER,
            requested_deadline TEXT,
            preservation INTEGER,
            status TEXT,
            response_kind TEXT,
            new_deadline TEXT,
            preserved_until TEXT,
            PRIMARY KEY (request_id, position))""",
          """
          CREATE TABLE audit_entries (
            sequence BIGINT PRIMARY KEY,
            recorded_at TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL,
            previous_sha256 TEXT NOT NULL,
            entry_sha256 TEXT NOT NULL)""",
          "CREATE TABLE audit_lock (id INTEGER PRIMARY KEY, holder TEXT)",
          "INSERT INTO audit_lock (id, holder) VALUES (1, NULL)",
          """
          CREATE TABLE audit_heads (
            sequence BIGINT PRIMARY KEY,
            entry_sha256 TEXT NOT NULL,
            signature ${bytes} NOT NULL,
            signer TEXT NOT NULL,
            signed_at TEXT NOT NULL)""")),
      new Migration(2, "package format 2: packages are known by their header digest (docs/FORMAT.md)", List.of(
          // the receipt of a package names its header digest; the outbox keeps the file's digest as its blob name
          "ALTER TABLE outbox ADD COLUMN header_sha256 TEXT",
          // what the seen-message store and the receipt rows compare is the header digest
          "ALTER TABLE seen_messages RENAME COLUMN package_sha256 TO header_sha256",
          "ALTER TABLE receipts RENAME COLUMN package_sha256 TO header_sha256")));

  private Migrations() {}

  /** The newest version this library knows. */
  public static int latestVersion() {
    return ALL.get(ALL.size() - 1).version();
  }

  /**
   * Brings the database to {@link #latestVersion()}.
   *
   * @return the versions applied now (empty when the database was current)
   */
  public static List<Integer> migrate(Database database, Clock clock) throws MlatTransportException {
    database.inTransaction(c -> {
      lockAgainstOtherNodes(database, c);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
            + " applied_at TEXT NOT NULL)");
      }
      return null;
    });
    java.util.ArrayList<Integer> applied = new java.util.ArrayList<>();
    for (Migration m : ALL) {
      boolean ran;
      try {
        ran = database.inTransaction(c -> {
          lockAgainstOtherNodes(database, c);
          int current = currentVersion(c);
          if (current > latestVersion()) {
            throw new MlatTransportException(TransportErrorCode.LEDGER_SCHEMA_TOO_NEW,
                "the ledger database has schema version " + current + ", this mlat knows up to " + latestVersion()
                    + "; run the mlat version that wrote it");
          }
          if (current >= m.version()) {
            return false;
          }
          if (current != m.version() - 1) {
            throw new MlatTransportException(TransportErrorCode.LEDGER_MIGRATION_FAILED,
                "the ledger database is at schema version " + current + " but the next migration is " + m.version());
          }
          try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
              s.execute(sql.replace("${bytes}", database.bytesType()));
            }
          }
          try (PreparedStatement p = c.prepareStatement(
              "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            p.setInt(1, m.version());
            p.setString(2, m.description());
            p.setString(3, clock.instant().toString());
            p.executeUpdate();
          }
          return true;
        });
      } catch (MlatTransportException e) {
        if (e.errorCode() == TransportErrorCode.LEDGER_UNAVAILABLE) {
          throw new MlatTransportException(TransportErrorCode.LEDGER_MIGRATION_FAILED,
              "schema migration " + m.version() + " (" + m.description() + ") failed and was rolled back: "
                  + e.getMessage(), e);
        }
        throw e;
      }
      if (ran) {
        applied.add(m.version());
      }
    }
    return List.copyOf(applied);
  }

  /** The version recorded in the database (0 when none). */
  public static int currentVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      r.next();
      return r.getInt(1);
    }
  }

  private static void lockAgainstOtherNodes(Database database, Connection c) throws SQLException {
    if (database.kind() == DatabaseKind.POSTGRESQL) {
      try (Statement s = c.createStatement()) {
        // One migrating node at a time; released at the end of the transaction.
        s.execute("SELECT pg_advisory_xact_lock(7305418296)");
      }
    }
  }
}
