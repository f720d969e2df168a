package dev.mlat.transport.ledger;

import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@link BlobStore} in a directory: {@code <dir>/<first two hex digits>/<sha256>}. A blob is
 * written under a temporary name in {@code <dir>/tmp/}, forced to disk, renamed atomically into
 * place, and the directory that received it is forced too, so its name survives a crash. The
 * digest is computed while copying, so the name always matches the bytes written.
 *
 * <pre>{@code
 * BlobStore blobs = new FileBlobStore(Path.of("/var/lib/mlat/blobs"));
 * String sha256 = blobs.put(packageFile);
 * }</pre>
 *
 * <p>Thread-safe; several nodes may share one directory (a shared file system with atomic rename).
 */
public final class FileBlobStore implements BlobStore {
  private final Path root;
  /**
   * Shard folders whose entry in the root was forced to disk by this store: the root is forced
   * after the first put into each shard, not after every put (one fsync less per blob).
   */
  private final java.util.Set<Path> durableShards = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Path tmp;

  /**
   * @param root the directory (created if missing)
   * @throws MlatTransportException {@code IO_FAILURE} when it cannot be created
   */
  public FileBlobStore(Path root) throws MlatTransportException {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
    this.tmp = this.root.resolve("tmp");
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw io("cannot create the blob directory " + root, e);
    }
  }

  @Override
  public String put(Path file) throws MlatTransportException {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return put(in);
    } catch (IOException e) {
      throw io("cannot read " + file + " into the blob store", e);
    }
  }

  @Override
  public String put(byte[] bytes) throws MlatTransportException {
    Objects.requireNonNull(bytes, "bytes");
    try {
      return put(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw io("cannot write into the blob store", e);
    }
  }

  private String put(InputStream in) throws IOException, MlatTransportException {
    Path temporary = tmp.resolve(UUID.randomUUID() + ".tmp");
    try {
      MessageDigest sha = sha256();
      try (FileChannel ch = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
        new DigestInputStream(in, sha).transferTo(out);
        ch.force(true);
      }
      String name = HexFormat.of().formatHex(sha.digest());
      Path target = pathOf(name);
      Files.createDirectories(target.getParent());
      if (Files.exists(target)) {
        // Stored before, perhaps by a process that died before forcing the directory: force it
        // now, the caller relies on the name being durable when this returns.
        Files.delete(temporary);
        forceDirectory(target.getParent());
        if (durableShards.add(target.getParent())) {
          forceDirectory(root);
        }
        return name;
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(temporary);
      } catch (AtomicMoveNotSupportedException e) {
        throw io("the blob directory " + root + " does not support atomic rename", e);
      }
      forceDirectory(target.getParent());
      if (durableShards.add(target.getParent())) {
        forceDirectory(root); // the shard folder's own entry, once per shard and process
      }
      return name;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Forces a directory's entries to disk (a no-op where the platform cannot open directories). */
  static void forceDirectory(Path directory) throws IOException {
    try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
        throw e;
      }
    }
  }

  @Override
  public InputStream open(String sha256) throws MlatTransportException {
    Path p = pathOf(sha256);
    try {
      return Files.newInputStream(p);
    } catch (NoSuchFileException e) {
      throw new MlatTransportException(TransportErrorCode.BLOB_MISSING, "no blob " + sha256 + " in " + root, e);
    } catch (IOException e) {
      throw io("cannot read blob " + sha256, e);
    }
  }

  @Override
  public Path verifiedFile(String sha256) throws MlatTransportException {
    Path p = pathOf(sha256);
    try (InputStream in = open(sha256)) {
      MessageDigest sha = sha256();
      new DigestInputStream(in, sha).transferTo(OutputStream.nullOutputStream());
      String actual = HexFormat.of().formatHex(sha.digest());
      if (!actual.equals(sha256)) {
        throw new MlatTransportException(TransportErrorCode.BLOB_CORRUPT,
            "blob " + sha256 + " in " + root + " now hashes to " + actual + ": the file was changed on disk");
      }
      return p;
    } catch (IOException e) {
      throw io("cannot read blob " + sha256, e);
    }
  }

  @Override
  public boolean contains(String sha256) {
    return Files.isRegularFile(pathOf(sha256));
  }

  @Override
  public void erase(String sha256) throws MlatTransportException {
    Path p = pathOf(sha256);
    try {
      if (Files.deleteIfExists(p)) {
        forceDirectory(p.getParent());
      }
    } catch (IOException e) {
      throw io("cannot erase blob " + sha256, e);
    }
  }

  private Path pathOf(String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a blob name is 64 lower-case hex characters, got '" + sha256 + "'");
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static MlatTransportException io(String message, IOException e) {
    return new MlatTransportException(TransportErrorCode.IO_FAILURE, message + ": " + e.getMessage(), e);
  }
}
