package dev.mlat.transport.pkg.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** File helpers: owner-only creation, hashing, recursive deletion. */
public final class PackageFiles {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY_DIRECTORY = POSIX
      ? PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")) : null;
  private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY_FILE = POSIX
      ? PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) : null;

  private PackageFiles() {}

  /** A SHA-256 digest never used: copied, which is cheaper than looking the algorithm up among the providers. */
  private static final MessageDigest SHA256_PROTOTYPE = newSha256();

  /** A new SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA256_PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** Lower-case hex SHA-256 of bytes held in memory (a header, a message entry). */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** Lower-case hex SHA-256 of a file. */
  public static String sha256(Path file) throws IOException {
    MessageDigest d = sha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0;) {
        d.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /** Creates a directory readable by its owner only. */
  public static Path createPrivateDirectory(Path dir) throws IOException {
    if (POSIX) {
      return Files.createDirectory(dir, OWNER_ONLY_DIRECTORY);
    }
    return Files.createDirectory(dir);
  }

  /** Creates the directories up to {@code dir}, the last one owner-only when it is new. */
  public static Path createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Files.createDirectories(dir.getParent() == null ? dir : dir.getParent());
    return createPrivateDirectory(dir);
  }

  /** Writes a new file readable by its owner only. */
  public static void writePrivate(Path file, byte[] bytes) throws IOException {
    try (OutputStream out = newPrivateFile(file)) {
      out.write(bytes);
    }
  }

  /**
   * Opens a new file (it must not exist) readable by its owner only, created and opened by one
   * call: never created first and then opened again with truncation, which on ext4 makes closing
   * the file start its writeback (docs/PERFORMANCE.md, session 5).
   */
  public static OutputStream newPrivateFile(Path file) throws IOException {
    java.util.Set<java.nio.file.StandardOpenOption> options =
        java.util.EnumSet.of(java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
    java.nio.channels.SeekableByteChannel channel = POSIX
        ? Files.newByteChannel(file, options, OWNER_ONLY_FILE)
        : Files.newByteChannel(file, options);
    return java.nio.channels.Channels.newOutputStream(channel);
  }

  /** Deletes a file or a directory tree; quiet when it does not exist. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Deletes, swallowing failures (cleanup after another failure). */
  public static void deleteQuietly(Path root) {
    try {
      deleteTree(root);
    } catch (IOException | RuntimeException ignored) {
      // the original failure is what the caller reports; the stale file is cleaned on next start
    }
  }
}
