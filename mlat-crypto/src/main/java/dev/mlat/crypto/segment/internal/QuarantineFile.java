package dev.mlat.crypto.segment.internal;

import dev.mlat.crypto.internal.NewFiles;
import dev.mlat.crypto.segment.PlaintextSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

  /**
   * A quarantine file beside {@code target}, created and opened by one call (never reopened with
   * truncation: see {@link NewFiles} for what that costs on ext4).
   */
  public static QuarantineFile beside(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    NewFiles.Created created = NewFiles.createIn(absolute.getParent(), ".mlat-quarantine-", ".part");
    return new QuarantineFile(absolute, created.path(), new BufferedOutputStream(created.out(), 1 << 16));
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
