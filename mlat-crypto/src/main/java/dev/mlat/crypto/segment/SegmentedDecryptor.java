package dev.mlat.crypto.segment;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.segment.internal.BufferPool;
import dev.mlat.crypto.segment.internal.DigestLane;
import dev.mlat.crypto.segment.internal.QuarantineFile;
import dev.mlat.crypto.segment.internal.JitWarmup;
import dev.mlat.crypto.segment.internal.SegmentCodec;
import dev.mlat.crypto.segment.internal.SegmentWorkers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import javax.crypto.SecretKey;

/**
 * Opens a segmented attachment written by {@link SegmentedEncryptor}, against a manifest that the
 * caller took from a <b>verified</b> signed message: this class never reads a manifest from the
 * segment stream, so the only way to give it one is the signed message's.
 *
 * <p>What it guarantees: plaintext is released (the sink committed, or the file moved into place)
 * only after every segment's structure, key identifier, key unwrap and GCM tag, its position (the
 * its GCM tag equals the signed manifest's tag for that position), the count, every length and the SHA-256 of the whole plaintext matched the manifest. On any failure
 * nothing is released (the sink is aborted, the quarantine file deleted) and a {@link
 * SegmentException} names the first failure: {@code SEGMENT_FOREIGN} (a segment of another
 * attachment or another sealing), {@code SEGMENT_AUTHENTICATION_FAILED} (altered),
 * {@code SEGMENT_MISSING} (dropped), {@code SEGMENT_OUT_OF_ORDER} (reordered),
 * {@code SEGMENT_DUPLICATED}, {@code SEGMENT_TRUNCATED}, {@code SEGMENT_TRAILING_DATA},
 * {@code SEGMENT_MALFORMED}, {@code SEGMENT_LENGTH_MISMATCH}, {@code SEGMENT_MANIFEST_MISMATCH},
 * {@code SEGMENT_LIMIT_EXCEEDED}.
 *
 * <p>Segments are decrypted in parallel on the JDK provider; memory is bounded by about
 * {@code (6 * threads + 6) * segmentSize} (at most {@code 2 * threads} segments in flight, each
 * with its encoding, its ciphertext and its plaintext, and at most 5 plaintexts waiting on or
 * being hashed by the digest lane), whatever the attachment's size. These arrays are reused from
 * segment to segment (a new one is made only when none is free), so an opening allocates a few
 * MiB, not twice the attachment's size, and they are zeroed when it ends. The SHA-256 of the whole
 * plaintext is computed in segment order on a dedicated thread ({@code mlat-plaintext-digest},
 * started per opening past the first MiB) while the calling thread reads, dispatches and writes
 * to the sink; the comparison with the manifest waits for it, and the thread has ended before
 * {@code open} returns or throws. An attachment of one segment or of at most 1 MiB is hashed on
 * the calling thread.
 *
 * <pre>{@code
 * SegmentedDecryptor decryptor = SegmentedDecryptor.builder().build();
 * // manifest and key come from the verified signed message
 * OpenedAttachment opened = decryptor.open(manifest, key, entryStream, Path.of("evidence.bin"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. The worker threads are shared by every encryptor and decryptor of
 * the JVM with the same thread count (daemon threads, created at first use, ending when idle); an
 * attachment of one segment is opened on the calling thread.
 */
public final class SegmentedDecryptor {
  private final SegmentLimits limits;
  private final int threads;

  private SegmentedDecryptor(Builder builder) {
    this.limits = builder.limits;
    this.threads = builder.threads;
  }

  /** A builder with the defaults ({@link SegmentLimits#defaults()}, one thread per processor). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens into {@code target}: the plaintext goes to an owner-only temporary file in the target's
   * folder, which is moved onto {@code target} atomically only when every check passed, and
   * deleted otherwise. {@code segments} is not closed.
   *
   * @param verifiedManifest the manifest from the verified signed message
   * @param key the attachment key from the same message
   * @throws SegmentException if a check fails; nothing is written to {@code target}
   * @throws IOException if reading or writing fails; nothing is written to {@code target}
   */
  public OpenedAttachment open(SegmentManifest verifiedManifest, AttachmentKey key, InputStream segments, Path target)
      throws SegmentException, IOException {
    Objects.requireNonNull(target, "target");
    return open(verifiedManifest, key, segments, QuarantineFile.beside(target));
  }

  /**
   * Opens into {@code sink} under its commit/abort contract ({@link PlaintextSink}).
   * {@code segments} is not closed.
   *
   * @param verifiedManifest the manifest from the verified signed message
   * @param key the attachment key from the same message
   * @throws SegmentException if a check fails; the sink was aborted
   * @throws IOException if reading or the sink fails; the sink was aborted
   */
  public OpenedAttachment open(SegmentManifest verifiedManifest, AttachmentKey key, InputStream segments, PlaintextSink sink)
      throws SegmentException, IOException {
    Objects.requireNonNull(verifiedManifest, "verifiedManifest");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(segments, "segments");
    Objects.requireNonNull(sink, "sink");
    OpenedAttachment opened;
    try {
      opened = run(verifiedManifest, key, segments, sink);
    } catch (SegmentException | IOException | RuntimeException | Error e) {
      sink.abort();
      throw e;
    }
    sink.commit();
    return opened;
  }

  private void checkLimits(SegmentManifest manifest) throws SegmentException {
    if (manifest.segmentSize() > limits.maxSegmentSize()) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_LIMIT_EXCEEDED, "segment size " + manifest.segmentSize()
          + " is above the limit of " + limits.maxSegmentSize() + " bytes (SegmentLimits.maxSegmentSize)");
    }
    if (manifest.segmentCount() > limits.maxSegmentCount()) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_LIMIT_EXCEEDED, manifest.segmentCount()
          + " segments are more than the limit of " + limits.maxSegmentCount() + " (SegmentLimits.maxSegmentCount)");
    }
    if (manifest.plaintextLength() > limits.maxAttachmentBytes()) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_LIMIT_EXCEEDED, "attachment of " + manifest.plaintextLength()
          + " bytes is above the limit of " + limits.maxAttachmentBytes() + " bytes (SegmentLimits.maxAttachmentBytes)");
    }
  }

  /**
   * A segment that decrypted and authenticated: its position, its tag, its plaintext (an array of
   * the opening's plaintext pool). Its encoding went back to the encoding pool.
   */
  private record Opened(long position, byte[] tag, byte[] plaintext) {}

  private OpenedAttachment run(SegmentManifest manifest, AttachmentKey key, InputStream in, PlaintextSink sink)
      throws SegmentException, IOException {
    JitWarmup.start();
    checkLimits(manifest);
    if (!manifest.keyId().equals(key.id())) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_MANIFEST_MISMATCH, "the manifest names attachment key "
          + manifest.keyId() + " but key " + key.id() + " was given");
    }
    SecretKey kek = key.secretKey();
    byte[] kekId = key.idBytes();
    int maxEncoded = manifest.segmentSize() + SegmentCodec.TAG_BYTES + SegmentCodec.MAX_OVERHEAD;
    SegmentTags tags = manifest.segmentTags();
    int count = tags.count();
    // one segment: opened on the calling thread; more: on the shared workers
    ExecutorService pool = count > 1 ? SegmentWorkers.pool(threads) : null;
    ArrayDeque<Future<Opened>> window = new ArrayDeque<>();
    int maxInFlight = threads * 2;
    int read = 0;
    long length = 0;
    byte[] plaintextSha256;
    // Arrays are reused from segment to segment (BufferPool): encodings from the reading to the
    // workers and back; plaintexts from the workers to the sink, then to the digest lane, which
    // gives each back once hashed. Enough are kept for every array in flight.
    BufferPool encodings = new BufferPool(maxInFlight + 2);
    BufferPool plaintexts = new BufferPool(maxInFlight + DigestLane.DEPTH + 3);
    // The SHA-256 of the whole plaintext runs on the digest lane (inline for a small attachment);
    // the sink has written (only read) each plaintext before the lane is handed it.
    try (DigestLane plaintextDigest = new DigestLane(SegmentedEncryptor.sha256(), plaintexts::give)) {
      for (int expected = 0; expected < count; expected++) {
        while (read < count && window.size() < maxInFlight) {
          byte[] encoded = SegmentCodec.readFramed(in, maxEncoded, read, encodings);
          if (encoded == null) {
            break;
          }
          final long position = read;
          Callable<Opened> task = () -> openOne(kek, kekId, encoded, position, encodings, plaintexts);
          window.add(pool == null ? SegmentWorkers.onCallingThread(task) : pool.submit(task));
          read++;
        }
        if (window.isEmpty()) {
          throw new SegmentException(CryptoErrorCode.SEGMENT_TRUNCATED, expected,
              "the stream ends after " + expected + " of the manifest's " + count + " segments");
        }
        Opened opened = await(window.removeFirst());
        if (!tags.matches(expected, opened.tag())) {
          throw misplaced(opened, expected, tags, window, kek, kekId, in, maxEncoded, read);
        }
        int expectedLength = manifest.plaintextLengthOf(expected);
        if (opened.plaintext().length != expectedLength) {
          throw new SegmentException(CryptoErrorCode.SEGMENT_LENGTH_MISMATCH, expected, opened.plaintext().length
              + " bytes of plaintext where the manifest implies " + expectedLength);
        }
        sink.write(opened.plaintext(), 0, opened.plaintext().length);
        length += opened.plaintext().length;
        plaintextDigest.update(opened.plaintext(), opened.plaintext().length, expected == count - 1);
      }
      if (in.read() >= 0) {
        throw new SegmentException(CryptoErrorCode.SEGMENT_TRAILING_DATA, count,
            "the stream goes on after the manifest's " + count + " segments");
      }
      plaintextSha256 = plaintextDigest.digest();
    } finally {
      for (Future<Opened> f : window) {
        f.cancel(true);
      }
      plaintexts.wipe();
      encodings.wipe();
    }
    String sha256 = HexFormat.of().formatHex(plaintextSha256);
    if (length != manifest.plaintextLength() || !sha256.equals(manifest.plaintextSha256())) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_MANIFEST_MISMATCH,
          "the plaintext's length or SHA-256 differs from the signed manifest's");
    }
    return new OpenedAttachment(length, sha256, count);
  }

  private static Opened openOne(SecretKey kek, byte[] kekId, byte[] encoded, long position, BufferPool encodings,
      BufferPool plaintexts) throws SegmentException {
    SegmentCodec.Parsed parsed = SegmentCodec.parse(encoded, position);
    if (!Arrays.equals(parsed.kekId(), kekId)) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_FOREIGN, position, "sealed under attachment key "
          + HexFormat.of().formatHex(parsed.kekId()) + ", not this attachment's: it belongs to another attachment or another sealing");
    }
    byte[] plaintext = SegmentCodec.open(kek, parsed, position, plaintexts);
    encodings.give(encoded); // parsed's tag, nonce and key fields are copies
    return new Opened(position, parsed.tag(), plaintext);
  }

  /**
   * The authenticated segment at {@code expected} is not the manifest's segment of this position:
   * tells a duplicate (the segment of an earlier position), a reordering (the expected segment
   * comes later), a drop (it never comes) and a segment the manifest does not list apart, by
   * authenticating the rest of the stream, bounded by the manifest's count.
   */
  private static SegmentException misplaced(Opened opened, int expected, SegmentTags tags, ArrayDeque<Future<Opened>> window,
      SecretKey kek, byte[] kekId, InputStream in, int maxEncoded, int read) {
    int listed = tags.indexOf(opened.tag());
    if (listed < 0) {
      return new SegmentException(CryptoErrorCode.SEGMENT_MANIFEST_MISMATCH, expected,
          "opens under the attachment key but its tag is not in the signed manifest: the manifest is of another sealing");
    }
    if (listed < expected) {
      return new SegmentException(CryptoErrorCode.SEGMENT_DUPLICATED, expected,
          "is the segment of position " + listed + ", already opened there: a duplicated segment");
    }
    try {
      while (!window.isEmpty()) {
        Opened later = await(window.removeFirst());
        if (tags.matches(expected, later.tag())) {
          return outOfOrder(expected, listed, later.position());
        }
      }
      long position = read;
      for (int scanned = 0; scanned <= tags.count(); scanned++) {
        byte[] encoded = SegmentCodec.readFramed(in, maxEncoded, position);
        if (encoded == null) {
          break;
        }
        Opened later = openOne(kek, kekId, encoded, position, new BufferPool(0), new BufferPool(0));
        if (tags.matches(expected, later.tag())) {
          return outOfOrder(expected, listed, position);
        }
        position++;
      }
    } catch (SegmentException | IOException e) {
      // The rest of the stream is damaged too; report what was found at this position.
    }
    return new SegmentException(CryptoErrorCode.SEGMENT_MISSING, expected,
        "holds the segment of position " + listed + "; the segment of this position is missing: a segment was dropped");
  }

  private static SegmentException outOfOrder(long expected, long listed, long laterPosition) {
    return new SegmentException(CryptoErrorCode.SEGMENT_OUT_OF_ORDER, expected, "holds the segment of position " + listed
        + "; the segment of this position comes later, at position " + laterPosition + ": the segments were reordered");
  }

  private static Opened await(Future<Opened> future) throws SegmentException, IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while opening segments", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SegmentException) {
        throw (SegmentException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Settings of a {@link SegmentedDecryptor}; not thread-safe. */
  public static final class Builder {
    private SegmentLimits limits = SegmentLimits.defaults();
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /** The limits applied to manifests and segments. */
    public Builder limits(SegmentLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The worker threads decrypting segments (1 to 64). */
    public Builder threads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("threads must be between 1 and 64, not " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The decryptor. */
    public SegmentedDecryptor build() {
      return new SegmentedDecryptor(this);
    }
  }
}
