package dev.mlat.transport.https.internal;

import dev.mlat.core.Jurisdiction;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The receiver's crash-safe store of uploads, keyed by the package's SHA-256:
 * <pre>
 * partial/&lt;sha256&gt;.part      bytes received so far (appended, forced to disk before answering)
 * partial/&lt;sha256&gt;.length    the total length announced by the first part
 * complete/&lt;sha256&gt;.mlat     a complete upload whose digest matched (moved atomically, forced)
 * answers/&lt;sha256&gt;.receipt   the sender's jurisdiction code, a newline, the final answer (or .negative), written atomically
 * </pre>
 * A process killed at any point leaves either a partial upload (resumed from its length), a complete
 * one (handed over again, where the exchange service's resend rule answers with its stored receipt),
 * or an answer (given again, nothing handed over). Thread-safe: one upload per digest at a time
 * ({@link #tryLock}).
 */
public final class UploadStore {
  private final Path partial;
  private final Path complete;
  private final Path answers;
  private final Set<String> locked = ConcurrentHashMap.newKeySet();

  /** Creates the folders if needed. */
  public UploadStore(Path root) throws MlatTransportException {
    this.partial = root.resolve("partial");
    this.complete = root.resolve("complete");
    this.answers = root.resolve("answers");
    try {
      Files.createDirectories(partial);
      Files.createDirectories(complete);
      Files.createDirectories(answers);
    } catch (IOException e) {
      throw io("cannot create the upload store under " + root, e);
    }
  }

  /** Where an upload stands. */
  public enum Kind { NONE, PARTIAL, COMPLETE, ANSWERED }

  /** @param kind where it stands @param offset bytes held @param total the announced length, -1 when unknown */
  public record State(Kind kind, long offset, long total) {}

  /** Takes the per-digest lock; false when another upload of the same digest holds it. */
  public boolean tryLock(String sha256) {
    return locked.add(sha256);
  }

  /** Whether an upload of {@code sha256} is running. */
  public boolean isLocked(String sha256) {
    return locked.contains(sha256);
  }

  /** Releases the lock. */
  public void unlock(String sha256) {
    locked.remove(sha256);
  }

  /** The state of an upload. */
  public State state(String sha256) throws MlatTransportException {
    try {
      if (storedAnswer(sha256).isPresent()) {
        return new State(Kind.ANSWERED, 0, -1);
      }
      Path done = completeFile(sha256);
      if (Files.exists(done)) {
        long size = Files.size(done);
        return new State(Kind.COMPLETE, size, size);
      }
      Path lengthFile = partial.resolve(sha256 + ".length");
      if (Files.exists(lengthFile)) {
        long total = Long.parseLong(Files.readString(lengthFile, StandardCharsets.US_ASCII).trim());
        Path part = partFile(sha256);
        return new State(Kind.PARTIAL, Files.exists(part) ? Math.min(Files.size(part), total) : 0, total);
      }
      return new State(Kind.NONE, 0, -1);
    } catch (IOException | NumberFormatException e) {
      throw io("cannot read the upload state of " + sha256, e);
    }
  }

  /**
   * A final answer and the jurisdiction of the package's sender: only peers of that jurisdiction
   * get it again.
   */
  public record StoredAnswer(Answer answer, Jurisdiction senderJurisdiction) {}

  /** The stored final answer. */
  public Optional<StoredAnswer> storedAnswer(String sha256) throws MlatTransportException {
    try {
      for (String kind : new String[] {"receipt", "negative"}) {
        Path file = answers.resolve(sha256 + "." + kind);
        if (Files.exists(file)) {
          byte[] all = Files.readAllBytes(file);
          int nl = 0;
          while (nl < all.length && nl < 32 && all[nl] != '\n') {
            nl++;
          }
          if (nl >= all.length || nl >= 32) {
            throw new IOException("answer file " + file + " has no jurisdiction line");
          }
          var jurisdiction = Jurisdiction.of(new String(all, 0, nl, StandardCharsets.US_ASCII));
          byte[] body = java.util.Arrays.copyOfRange(all, nl + 1, all.length);
          return Optional.of(new StoredAnswer(kind.equals("receipt") ? Answer.receipt(body) : Answer.negativeReceipt(body), jurisdiction));
        }
      }
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      throw io("cannot read the stored answer of " + sha256, e);
    }
  }

  /** Records the announced total of a new upload (forced to disk). */
  public void start(String sha256, long total) throws MlatTransportException {
    try {
      Path part = partFile(sha256);
      Files.deleteIfExists(part);
      // Not forced: after a process crash the page cache still has it; after a power loss the
      // sender restarts from byte 0 (the complete file and the answer are forced).
      Files.write(partial.resolve(sha256 + ".length"), Long.toString(total).getBytes(StandardCharsets.US_ASCII));
      Files.createFile(part);
    } catch (IOException e) {
      throw io("cannot start an upload of " + sha256, e);
    }
  }

  /** The partial file. */
  public Path partFile(String sha256) {
    return partial.resolve(sha256 + ".part");
  }

  /** The complete file (exists once verified). */
  public Path completeFile(String sha256) {
    return complete.resolve(sha256 + ".mlat");
  }

  /**
   * Appends {@code in} to the partial file from {@code offset}, forcing what was written to disk
   * before returning or throwing, and updates {@code digest} when given.
   *
   * @param progress called after every chunk (the idle watchdog)
   * @return the bytes appended
   * @throws IOException when reading the request or writing the file fails; what was written stays
   */
  public long append(String sha256, long offset, InputStream in, long length, MessageDigest digest, Runnable progress) throws IOException {
    long written = 0;
    try (FileChannel out = FileChannel.open(partFile(sha256), StandardOpenOption.WRITE)) {
      out.truncate(offset);
      out.position(offset);
      byte[] buffer = new byte[64 * 1024];
      try {
        while (written < length) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - written));
          if (n < 0) {
            throw new IOException("the request body ended after " + written + " of " + length + " bytes");
          }
          ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
          while (bb.hasRemaining()) {
            out.write(bb);
          }
          if (digest != null) {
            digest.update(buffer, 0, n);
          }
          written += n;
          progress.run();
        }
      } finally {
        if (out.isOpen()) {
          out.force(false);
        }
      }
    }
    return written;
  }

  /**
   * Verifies the complete partial file against {@code sha256} (using {@code streamed} when the whole
   * file went through it) and moves it atomically into {@code complete/}. A mismatch deletes it.
   *
   * @throws MlatTransportException HTTPS_DIGEST_MISMATCH, IO_FAILURE
   */
  public Path complete(String sha256, MessageDigest streamed) throws MlatTransportException {
    Path part = partFile(sha256);
    try {
      byte[] actual = streamed != null ? streamed.digest() : digestOf(part);
      if (!HexFormat.of().formatHex(actual).equals(sha256)) {
        long size = Files.size(part);
        discardPartial(sha256);
        throw new MlatTransportException(TransportErrorCode.HTTPS_DIGEST_MISMATCH,
            "the " + size + " bytes received hash to " + HexFormat.of().formatHex(actual) + ", not " + sha256);
      }
      Path target = completeFile(sha256);
      move(part, target); // every append forced its bytes (force(false): the data and the file's size)
      Files.deleteIfExists(partial.resolve(sha256 + ".length"));
      return target;
    } catch (IOException e) {
      throw io("cannot complete the upload of " + sha256, e);
    }
  }

  /** Stores the final answer atomically and removes the complete file if the application left it. */
  public void storeAnswer(String sha256, Answer answer, Jurisdiction senderJurisdiction) throws MlatTransportException {
    try {
      byte[] head = (senderJurisdiction.code() + "\n").getBytes(StandardCharsets.US_ASCII);
      if (answer instanceof Answer.Receipt r) {
        writeAtomically(answers.resolve(sha256 + ".receipt"), concat(head, r.encoded()));
      } else if (answer instanceof Answer.NegativeReceipt n) {
        writeAtomically(answers.resolve(sha256 + ".negative"), concat(head, n.encoded()));
      } else {
        throw new IllegalArgumentException("only final answers are stored, not " + answer);
      }
      Files.deleteIfExists(completeFile(sha256));
    } catch (IOException e) {
      throw io("cannot store the answer for " + sha256, e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Deletes a complete upload that will not be handed over (refused). */
  public void discardComplete(String sha256) throws MlatTransportException {
    try {
      Files.deleteIfExists(completeFile(sha256));
    } catch (IOException e) {
      throw io("cannot delete the refused upload " + sha256, e);
    }
  }

  /** Deletes a partial upload. */
  public void discardPartial(String sha256) throws IOException {
    Files.deleteIfExists(partFile(sha256));
    Files.deleteIfExists(partial.resolve(sha256 + ".length"));
  }

  /** Deletes partial uploads not written to since {@code before}; returns how many. */
  public int purgePartialOlderThan(Instant before) throws MlatTransportException {
    int n = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(partial, "*.length")) {
      for (Path lengthFile : files) {
        String sha = lengthFile.getFileName().toString().replace(".length", "");
        Path part = partFile(sha);
        Path newest = Files.exists(part) ? part : lengthFile;
        if (Files.getLastModifiedTime(newest).toInstant().isBefore(before) && tryLock(sha)) {
          try {
            discardPartial(sha);
            n++;
          } finally {
            unlock(sha);
          }
        }
      }
    } catch (IOException e) {
      throw io("cannot purge stale uploads", e);
    }
    return n;
  }

  private static byte[] digestOf(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[256 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        md.update(buffer, 0, n);
      }
    }
    return md.digest();
  }

  /** A fresh SHA-256. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer bb = ByteBuffer.wrap(bytes);
      while (bb.hasRemaining()) {
        out.write(bb);
      }
      out.force(true);
    }
    move(tmp, target);
  }

  /**
   * Renames {@code from} (whose bytes the caller forced to disk: {@link #append} forces every
   * chunk's data, {@link #writeAtomically} its file) to {@code to} and forces the directory, so
   * that the new name survives a power loss with the bytes under it. Forcing the file again here
   * cost two of the receiver's fsyncs per package for nothing.
   */
  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the upload store needs atomic renames within one file system: " + to.getParent(), e);
    }
    forceDirectory(to.getParent());
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; the rename itself is still atomic there.
    }
  }

  private static MlatTransportException io(String message, Exception e) {
    return new MlatTransportException(TransportErrorCode.IO_FAILURE, message + ": " + e.getMessage(), e);
  }
}
