package dev.mlat.crypto.segment.internal;

import dev.mlat.crypto.segment.PlaintextSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A {@link PlaintextSink} that quarantines plaintext in an owner-only temporary file in the
 * target's folder (same file system, so the final move is atomic), moves it onto the target on
 * commit and deletes it on abort. Not thread-safe (one opening at a time).
 */
public final class QuarantineFile implements PlaintextSink {
  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean done;

  private QuarantineFile(Path target, Path temp, OutputStream out) {
    this.target = target;
    this.temp = temp;
    this.out = out;
  }

  /** A quarantine file beside {@code target}. */
  public static QuarantineFile beside(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp;
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      temp = Files.createTempFile(dir, ".mlat-quarantine-", ".part",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      temp = Files.createTempFile(dir, ".mlat-quarantine-", ".part");
    }
    try {
      return new QuarantineFile(absolute, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** The quarantine file (for tests). */
  public Path temporaryFile() {
    return temp;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (done) {
      throw new IllegalStateException("the quarantine is closed");
    }
    out.write(bytes, offset, length);
  }

  @Override
  public void commit() throws IOException {
    if (done) {
      throw new IllegalStateException("the quarantine is closed");
    }
    done = true;
    try {
      out.close();
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  @Override
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    try {
      out.close();
    } catch (IOException e) {
      // deleting below is what matters
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // nothing more can be done; the file is owner-only and named as a quarantine
    }
  }
}
