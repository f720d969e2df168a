package dev.mlat.transport.ledger;

import dev.mlat.transport.MlatTransportException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the ledger keeps package, receipt and message files, named by the lower-case hex SHA-256
 * of their bytes; the database holds only the digests. {@link FileBlobStore} keeps them in a
 * directory; a host can implement this interface over its own storage.
 *
 * <p>Contract: when {@link #put(Path)} or {@link #put(byte[])} returns, the bytes and the name that
 * points to them are durable (a crash right after loses neither); storing the same bytes twice is
 * one blob. Implementations are thread-safe.
 */
public interface BlobStore {

  /**
   * Stores a copy of {@code file} durably.
   *
   * @return the lower-case hex SHA-256 of its bytes, the blob's name
   * @throws MlatTransportException {@code IO_FAILURE} when it cannot be written (nothing is referenced)
   */
  String put(Path file) throws MlatTransportException;

  /** Stores {@code bytes} durably; returns their SHA-256. */
  String put(byte[] bytes) throws MlatTransportException;

  /**
   * Opens a blob for reading.
   *
   * @throws MlatTransportException {@code BLOB_MISSING} when there is none with that digest
   */
  InputStream open(String sha256) throws MlatTransportException;

  /**
   * A local file holding the blob's bytes, after checking them against their digest.
   *
   * @throws MlatTransportException {@code BLOB_MISSING}, or {@code BLOB_CORRUPT} when the bytes no
   *     longer hash to {@code sha256}
   */
  Path verifiedFile(String sha256) throws MlatTransportException;

  /** Whether a blob with that digest exists. */
  boolean contains(String sha256) throws MlatTransportException;

  /**
   * Removes a blob (erasure of personal data when the law requires it); the ledger keeps its
   * digest, so the audit trail still verifies. Removing an absent blob does nothing.
   */
  void erase(String sha256) throws MlatTransportException;
}
