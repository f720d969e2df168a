package dev.mlat.crypto.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Objects;

/**
 * New owner-only files created and opened for writing by one {@code open(2)} with
 * {@code O_CREAT|O_EXCL} and without {@code O_TRUNC}.
 *
 * <p>Why not {@code Files.createTempFile} followed by {@code Files.newOutputStream}: the second
 * call opens the existing, empty file again with {@code O_TRUNC}, and on ext4 (its default
 * {@code auto_da_alloc}) truncating a file marks it so that closing it starts the writeback of
 * everything written since. Closing a 1 GiB quarantine file then took 0.2-0.26 s of the caller's
 * time here, a fifth of opening a 1 GiB package (docs/PERFORMANCE.md, session 5). A file that this
 * very call created is never truncated, so its data is written back by the kernel in the
 * background as usual.
 */
public final class NewFiles {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final int ATTEMPTS = 100;

  private NewFiles() {}

  /** A file this call created, and the stream writing it. */
  public record Created(Path path, OutputStream out) {}

  /**
   * Creates {@code file}, which must not exist, readable and writable by its owner only (on POSIX
   * file systems), and opens it for writing.
   *
   * @throws FileAlreadyExistsException if it exists
   */
  public static OutputStream create(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    SeekableByteChannel channel = POSIX
        ? Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly())
        : Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    return Channels.newOutputStream(channel);
  }

  /**
   * Creates a new file named {@code prefix}, a random number and {@code suffix} in {@code folder},
   * as {@link #create(Path)} does.
   */
  public static Created createIn(Path folder, String prefix, String suffix) throws IOException {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(suffix, "suffix");
    FileAlreadyExistsException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Path file = folder.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong()) + suffix);
      try {
        return new Created(file, create(file));
      } catch (FileAlreadyExistsException e) {
        last = e;
      }
    }
    throw new IOException("no free file name " + prefix + "<random>" + suffix + " in " + folder + " after " + ATTEMPTS
        + " attempts", last);
  }

  private static FileAttribute<?> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  }
}
