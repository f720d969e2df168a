package dev.mlat.transport.ledger.internal;

import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.ledger.LedgerSettings;
import dev.mlat.transport.ledger.LedgerSettings.DatabaseKind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The ledger's connections and transactions. SQLite: one connection, serialized, guarded by an
 * exclusive lock on {@code <database>.lock} held for the life of the ledger (single node).
 * PostgreSQL: a small pool, at most {@link LedgerSettings#maxConnections()}.
 *
 * <p>Thread-safe.
 */
public final class Database implements AutoCloseable {

  /** Work done in one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException, MlatTransportException;
  }

  private final LedgerSettings settings;
  private final Semaphore permits;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private final FileChannel lockChannel;
  private final FileLock lock;
  private volatile boolean closed;
  private final Path lockFile;
  private static final java.util.Set<Path> LOCKED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Database(LedgerSettings settings, FileChannel lockChannel, FileLock lock, Path lockFile) {
    this.lockFile = lockFile;
    this.settings = settings;
    this.permits = new Semaphore(settings.kind() == DatabaseKind.SQLITE ? 1 : settings.maxConnections(), true);
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Opens (and for SQLite locks) the database; no connection is kept open yet. */
  public static Database open(LedgerSettings settings) throws MlatTransportException {
    if (settings.kind() == DatabaseKind.POSTGRESQL) {
      return new Database(settings, null, null, null);
    }
    Path file = settings.sqliteFile();
    Path lockFile;
    FileChannel channel;
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      lockFile = file.getParent().toRealPath().resolve(file.getFileName() + ".lock");
      // POSIX record locks belong to the process, and closing any descriptor of the file drops
      // them all: so a second open in this process must not even open the lock file.
      if (!LOCKED_HERE.add(lockFile)) {
        throw locked(file);
      }
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE,
          "cannot create the ledger lock file next to " + file + ": " + e.getMessage(), e);
    }
    FileLock acquired;
    try {
      acquired = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      acquired = null;
    } catch (IOException e) {
      closeQuietly(channel);
      LOCKED_HERE.remove(lockFile);
      throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE,
          "cannot lock the ledger lock file " + lockFile + ": " + e.getMessage(), e);
    }
    if (acquired == null) {
      closeQuietly(channel);
      LOCKED_HERE.remove(lockFile);
      throw locked(file);
    }
    return new Database(settings, channel, acquired, lockFile);
  }

  private static MlatTransportException locked(Path file) {
    return new MlatTransportException(TransportErrorCode.LEDGER_LOCKED,
        "the SQLite ledger " + file + " is already open in another process (or another Ledger of this one); "
            + "an SQLite ledger serves one node: stop the other one, or use PostgreSQL for several nodes");
  }

  /** Which database this is. */
  public DatabaseKind kind() {
    return settings.kind();
  }

  /** {@code " FOR UPDATE"} where the database has row locks, else empty (SQLite serializes). */
  public String forUpdate() {
    return settings.kind() == DatabaseKind.POSTGRESQL ? " FOR UPDATE" : "";
  }

  /** {@code " FOR UPDATE SKIP LOCKED"} on PostgreSQL, else empty. */
  public String forUpdateSkipLocked() {
    return settings.kind() == DatabaseKind.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
  }

  /** The column type for bytes. */
  public String bytesType() {
    return settings.kind() == DatabaseKind.POSTGRESQL ? "BYTEA" : "BLOB";
  }

  /** Whether the current thread runs inside one of this database's transactions. */
  private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

  /**
   * Runs {@code work} in one transaction and commits; rolls back on any failure. PostgreSQL
   * serialization failures and deadlocks are retried (3 times); other SQL failures become
   * {@code LEDGER_UNAVAILABLE}.
   */
  public <T> T inTransaction(Work<T> work) throws MlatTransportException {
    if (inTransaction.get()) {
      // With one connection (SQLite) this would wait for itself; with a pool it would run outside
      // the caller's transaction. Either way a bug of the caller: fail at once, loudly.
      throw new IllegalStateException("the ledger was called from inside one of its own transactions (an ExchangeHandler or"
          + " delivery work calling the Ledger?): write through the Connection it was given instead");
    }
    for (int attempt = 1; ; attempt++) {
      Connection c = acquire();
      inTransaction.set(true);
      boolean broken = false;
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException e) {
        broken = rollback(c);
        String state = e.getSQLState();
        boolean retry = ("40001".equals(state) || "40P01".equals(state)) && attempt < 3;
        if (!retry) {
          throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE,
              "the ledger database failed (" + state + "): " + e.getMessage(), e);
        }
      } catch (MlatTransportException | RuntimeException | Error e) {
        broken = rollback(c);
        throw e;
      } finally {
        inTransaction.set(false);
        release(c, broken);
      }
    }
  }

  private static boolean rollback(Connection c) {
    try {
      c.rollback();
      return false;
    } catch (SQLException e) {
      return true;
    }
  }

  private Connection acquire() throws MlatTransportException {
    if (closed) {
      throw new IllegalStateException("the ledger is closed");
    }
    try {
      if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
        throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE,
            "no ledger connection became free within 60 s (maxConnections=" + settings.maxConnections() + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE, "interrupted waiting for a connection", e);
    }
    try {
      Connection c;
      synchronized (idle) {
        c = idle.pollFirst();
      }
      if (c == null || !c.isValid(5)) {
        c = connect();
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE,
          "cannot connect to the ledger database " + settings.jdbcUrl().split("\\?", 2)[0] + ": " + e.getMessage(), e);
    }
  }

  private void release(Connection c, boolean broken) {
    if (broken || closed) {
      closeQuietly(c);
    } else {
      synchronized (idle) {
        idle.addFirst(c);
      }
    }
    permits.release();
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    settings.user().ifPresent(u -> p.setProperty("user", u));
    settings.password().ifPresent(pw -> p.setProperty("password", pw));
    Connection c = DriverManager.getConnection(settings.jdbcUrl(), p);
    if (settings.kind() == DatabaseKind.SQLITE) {
      try (Statement s = c.createStatement()) {
        // WAL with synchronous=FULL: a commit is on disk (fsync of the log) when commit() returns.
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=10000");
      }
    }
    c.setAutoCommit(false);
    if (settings.kind() == DatabaseKind.POSTGRESQL) {
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    return c;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    synchronized (idle) {
      for (Connection c : idle) {
        closeQuietly(c);
      }
      idle.clear();
    }
    if (lock != null) {
      try {
        lock.release();
      } catch (IOException e) {
        // the channel close below releases it too
      }
      closeQuietly(lockChannel);
      LOCKED_HERE.remove(lockFile);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing after a failure; the first failure is what matters
    }
  }
}
