package dev.mlat.transport.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a {@link Ledger} keeps its records and its files, and how it shares work with other nodes.
 *
 * <ul>
 *   <li>{@link #sqlite(Path, Path)}: the embedded default, one database file, no set-up, single
 *       node (a second process opening the same file is refused with {@code LEDGER_LOCKED}).
 *   <li>{@link #postgresql(String, String, String, Path)}: several nodes share one database and
 *       one blob directory (a shared file system); each node claims outbox rows with
 *       {@code FOR UPDATE SKIP LOCKED}, so no message is sent by two nodes at once.
 * </ul>
 *
 * <pre>{@code
 * LedgerSettings settings = LedgerSettings.sqlite(Path.of("/var/lib/mlat/ledger.db"), Path.of("/var/lib/mlat/blobs"))
 *     .withNodeId("node-a");
 * }</pre>
 *
 * <p>Immutable. {@link #toString()} never prints the password.
 *
 * @param kind which database
 * @param jdbcUrl the JDBC URL
 * @param user the database user (PostgreSQL), empty for SQLite
 * @param password the database password (PostgreSQL), empty for SQLite
 * @param blobDirectory where package and receipt files are kept, named by their SHA-256
 * @param nodeId this node's name, written into outbox claims (unique among nodes sharing a database)
 * @param maxConnections connections this node opens at most (PostgreSQL; SQLite uses one)
 * @param claimLease how long an outbox claim holds before another node may take the row over
 */
public record LedgerSettings(
    DatabaseKind kind,
    String jdbcUrl,
    Optional<String> user,
    Optional<String> password,
    Path blobDirectory,
    String nodeId,
    int maxConnections,
    Duration claimLease) {

  /** The databases the ledger runs on. */
  public enum DatabaseKind {
    /** Embedded, single node (sqlite-jdbc). */
    SQLITE,
    /** Server, several nodes (PostgreSQL 13 or later). */
    POSTGRESQL
  }

  /** Validates. */
  public LedgerSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(blobDirectory, "blobDirectory");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(claimLease, "claimLease");
    String prefix = kind == DatabaseKind.SQLITE ? "jdbc:sqlite:" : "jdbc:postgresql:";
    if (!jdbcUrl.startsWith(prefix)) {
      throw new IllegalArgumentException("a " + kind + " ledger needs a JDBC URL starting with " + prefix + ", got "
          + jdbcUrl.split("\\?", 2)[0]);
    }
    if (!nodeId.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("nodeId must be 1 to 64 characters of A-Z a-z 0-9 . _ -, got '" + nodeId + "'");
    }
    if (maxConnections < 1 || maxConnections > 64) {
      throw new IllegalArgumentException("maxConnections must be 1 to 64, got " + maxConnections);
    }
    if (claimLease.compareTo(Duration.ofSeconds(5)) < 0 || claimLease.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("claimLease must be 5 s to 1 h, got " + claimLease);
    }
  }

  /** The embedded ledger in {@code databaseFile}, its files under {@code blobDirectory}. */
  public static LedgerSettings sqlite(Path databaseFile, Path blobDirectory) {
    Objects.requireNonNull(databaseFile, "databaseFile");
    return new LedgerSettings(DatabaseKind.SQLITE, "jdbc:sqlite:" + databaseFile.toAbsolutePath(), Optional.empty(),
        Optional.empty(), blobDirectory, "node-" + UUID.randomUUID().toString().substring(0, 8), 1,
        Duration.ofMinutes(5));
  }

  /** A PostgreSQL ledger shared by several nodes. */
  public static LedgerSettings postgresql(String jdbcUrl, String user, String password, Path blobDirectory) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    return new LedgerSettings(DatabaseKind.POSTGRESQL, jdbcUrl, Optional.of(user), Optional.of(password),
        blobDirectory, "node-" + UUID.randomUUID().toString().substring(0, 8), 8, Duration.ofMinutes(5));
  }

  /** A copy with another node id. */
  public LedgerSettings withNodeId(String nodeId) {
    return new LedgerSettings(kind, jdbcUrl, user, password, blobDirectory, nodeId, maxConnections, claimLease);
  }

  /** A copy with another connection bound (PostgreSQL). */
  public LedgerSettings withMaxConnections(int maxConnections) {
    return new LedgerSettings(kind, jdbcUrl, user, password, blobDirectory, nodeId, maxConnections, claimLease);
  }

  /** A copy with another claim lease. */
  public LedgerSettings withClaimLease(Duration claimLease) {
    return new LedgerSettings(kind, jdbcUrl, user, password, blobDirectory, nodeId, maxConnections, claimLease);
  }

  /** The SQLite database file (SQLite only). */
  public Path sqliteFile() {
    if (kind != DatabaseKind.SQLITE) {
      throw new IllegalStateException("not an SQLite ledger");
    }
    return Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
  }

  @Override
  public String toString() {
    return "LedgerSettings[" + kind + ", " + jdbcUrl.split("\\?", 2)[0] + ", user=" + user.orElse("-")
        + ", password=" + (password.isPresent() ? "***" : "-") + ", blobs=" + blobDirectory + ", node=" + nodeId
        + ", maxConnections=" + maxConnections + ", claimLease=" + claimLease + "]";
  }
}
