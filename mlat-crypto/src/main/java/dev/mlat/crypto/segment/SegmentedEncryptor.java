package dev.mlat.crypto.segment;

import dev.mlat.crypto.segment.internal.BufferPool;
import dev.mlat.crypto.segment.internal.DigestLane;
import dev.mlat.crypto.segment.internal.JitWarmup;
import dev.mlat.crypto.segment.internal.SegmentCodec;
import dev.mlat.crypto.segment.internal.SegmentWorkers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;

/**
 * Seals one attachment as a sequence of segments, each a standard CMS AuthEnvelopedData
 * (AES-256-GCM, 128-bit tag, id-data content) whose content key is wrapped under the
 * per-attachment {@link AttachmentKey} (KEKRecipientInfo, id-aes256-wrap). The segments are written
 * one after the other, each a self-delimiting DER structure, to one output stream (one package
 * entry); any single segment opens with {@code openssl cms -decrypt -inform DER -secretkey
 * <keyHex> -secretkeyid <id>}. Layout and bindings: docs/SEGMENTS.md.
 *
 * <p>Segments are encrypted in parallel on the JDK provider ({@link Builder#threads}); memory is
 * bounded by about {@code (4 * threads + 7) * segmentSize} (at most {@code 2 * threads} segments
 * in flight, each with its plaintext and its encoding, and at most 5 plaintexts waiting on or being
 * hashed by the digest lane) whatever the attachment's size. The SHA-256 of the whole plaintext is
 * computed once, in segment order, on a dedicated thread ({@code mlat-plaintext-digest}, started
 * per sealing past the first MiB and ended before {@code seal} returns or throws), so that the
 * calling thread only reads, dispatches and writes; an attachment of one segment or of at most
 * 1 MiB is hashed on the calling thread.
 *
 * <pre>{@code
 * SegmentedEncryptor encryptor = SegmentedEncryptor.builder().build();
 * AttachmentKey key = AttachmentKey.generate(random);
 * SegmentManifest manifest;
 * try (InputStream in = Files.newInputStream(evidence); OutputStream out = entryStream) {
 *   manifest = encryptor.seal(key, in, out);
 * }
 * // put manifest and key (id and bytes) into the signed, encrypted message
 * }</pre>
 *
 * <p>Immutable and thread-safe. The worker threads are shared by every encryptor and decryptor of
 * the JVM with the same thread count (daemon threads, created at first use, ending when idle); an
 * attachment of one segment is sealed on the calling thread.
 */
public final class SegmentedEncryptor {
  /**
   * The default segment size: 256 KiB, chosen by measurement (docs/PERFORMANCE.md): the best
   * fresh and warm throughput in both directions on JDK 17 and 25, below G1's humongous-object
   * threshold in small heaps, 64 KiB of tags per GiB in the manifest.
   */
  public static final int DEFAULT_SEGMENT_SIZE = 256 << 10;
  /** The smallest segment size accepted when sealing. */
  public static final int MIN_SEGMENT_SIZE = 4 << 10;
  /** The largest segment size accepted when sealing. */
  public static final int MAX_SEGMENT_SIZE = 16 << 20;

  private final int segmentSize;
  private final int threads;
  private final SecureRandom random;

  private SegmentedEncryptor(Builder builder) {
    this.segmentSize = builder.segmentSize;
    this.threads = builder.threads;
    this.random = builder.random;
  }

  /** A builder with the defaults (256 KiB segments, one thread per available processor). */
  public static Builder builder() {
    return new Builder();
  }

  /** The plaintext bytes per segment. */
  public int segmentSize() {
    return segmentSize;
  }

  /**
   * Reads {@code plaintext} to its end and writes its segments to {@code segments}. Neither stream
   * is closed.
   *
   * @param key a fresh attachment key; it is consumed (a key seals one attachment only)
   * @return the manifest to put in the signed message
   * @throws IllegalStateException if {@code key} sealed something already
   * @throws IOException if reading or writing fails
   */
  public SegmentManifest seal(AttachmentKey key, InputStream plaintext, OutputStream segments) throws IOException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(segments, "segments");
    if (!key.markSealed()) {
      throw new IllegalStateException("attachment key " + key.id()
          + " sealed an attachment already; generate a new AttachmentKey for every sealing");
    }
    JitWarmup.start();
    SecretKey kek = key.secretKey();
    byte[] kekId = key.idBytes();
    ByteArrayOutputStream tags = new ByteArrayOutputStream();
    ExecutorService pool = null; // the shared workers, taken when a second segment shows there is more than one
    ArrayDeque<Pending> window = new ArrayDeque<>();
    int maxInFlight = threads * 2;
    long length = 0;
    long index = 0;
    byte[] plaintextSha256;
    // Arrays are reused from segment to segment (BufferPool): each plaintext goes to the digest
    // lane and to a worker, and back to its pool once both are done with it (Shared); each
    // encoding from a worker to the output and back.
    BufferPool plaintexts = new BufferPool(maxInFlight + DigestLane.DEPTH + 3);
    BufferPool encodings = new BufferPool(maxInFlight + 2);
    Shared shared = new Shared(plaintexts);
    // The SHA-256 of the whole plaintext runs on the digest lane (inline for a small attachment);
    // each segment's buffer is only read after it is handed over.
    try (DigestLane plaintextDigest = new DigestLane(sha256(), shared::release)) {
      byte[] current = plaintexts.take(segmentSize);
      int currentLength = readFully(plaintext, current);
      while (true) {
        boolean last;
        byte[] next = null;
        int nextLength = 0;
        if (currentLength < segmentSize) {
          last = true;
        } else {
          next = plaintexts.take(segmentSize);
          nextLength = readFully(plaintext, next);
          last = nextLength == 0;
          if (last) {
            plaintexts.give(next);
          }
        }
        shared.hold(current); // by the lane and by the worker
        plaintextDigest.update(current, currentLength, last);
        length += currentLength;
        if (window.size() >= maxInFlight) {
          writeNext(window, segments, tags, shared, encodings);
        }
        final byte[] buffer = current;
        final int bufferLength = currentLength;
        final long segmentIndex = index;
        final boolean segmentLast = last;
        // Content keys are drawn here, in segment order, not on the workers: one SecureRandom
        // consumer, and a given random source gives the same segments whatever the thread count.
        final byte[] cek = new byte[SegmentCodec.CEK_BYTES];
        random.nextBytes(cek);
        Callable<SegmentCodec.Sealed> task = () -> SegmentCodec.seal(kek, kekId, segmentIndex, segmentLast, buffer, 0, bufferLength, cek,
            encodings);
        if (segmentLast && segmentIndex == 0) {
          window.add(new Pending(SegmentWorkers.onCallingThread(task), buffer)); // one segment: no hand-over to a worker
        } else {
          pool = pool == null ? SegmentWorkers.pool(threads) : pool;
          window.add(new Pending(pool.submit(task), buffer));
        }
        index++;
        if (last) {
          break;
        }
        current = next;
        currentLength = nextLength;
      }
      while (!window.isEmpty()) {
        writeNext(window, segments, tags, shared, encodings);
      }
      plaintextSha256 = plaintextDigest.digest();
    } finally {
      for (Pending p : window) {
        p.sealed().cancel(true);
      }
      plaintexts.wipe();
      encodings.wipe();
    }
    HexFormat hex = HexFormat.of();
    return new SegmentManifest(key.id(), segmentSize, index, length, hex.formatHex(plaintextSha256),
        SegmentTags.of(tags.toByteArray()));
  }

  /** A segment handed to a worker, and its plaintext array. */
  private record Pending(Future<SegmentCodec.Sealed> sealed, byte[] plaintext) {}

  /**
   * Plaintext arrays used by two parties at once, the digest lane and a worker: an array goes back
   * to its pool when the second of them is done with it. Thread-safe (the lane releases on its
   * thread); arrays do not override {@code equals}, so the map is by identity.
   */
  private static final class Shared {
    private final BufferPool pool;
    private final ConcurrentHashMap<byte[], AtomicInteger> holders = new ConcurrentHashMap<>();

    Shared(BufferPool pool) {
      this.pool = pool;
    }

    void hold(byte[] buffer) {
      holders.put(buffer, new AtomicInteger(2));
    }

    void release(byte[] buffer) {
      var count = holders.get(buffer);
      if (count != null && count.decrementAndGet() == 0) {
        holders.remove(buffer);
        pool.give(buffer);
      }
    }
  }

  private static void writeNext(ArrayDeque<Pending> window, OutputStream out, ByteArrayOutputStream tags, Shared shared,
      BufferPool encodings) throws IOException {
    Pending next = window.removeFirst();
    SegmentCodec.Sealed sealed = await(next.sealed());
    shared.release(next.plaintext()); // the worker is done with it
    out.write(sealed.encoded());
    tags.write(sealed.tag());
    encodings.give(sealed.encoded());
  }

  private static SegmentCodec.Sealed await(Future<SegmentCodec.Sealed> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while sealing segments", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof GeneralSecurityException) {
        throw new IllegalStateException("the JDK provider failed to seal a segment: " + cause.getMessage(), cause);
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  static int readFully(InputStream in, byte[] buffer) throws IOException {
    int filled = 0;
    while (filled < buffer.length) {
      int n = in.read(buffer, filled, buffer.length - filled);
      if (n < 0) {
        break;
      }
      filled += n;
    }
    return filled;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256", "SUN");
    } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
      throw new IllegalStateException("the JDK provider SUN has no SHA-256", e);
    }
  }

  /** Settings of a {@link SegmentedEncryptor}; not thread-safe. */
  public static final class Builder {
    private int segmentSize = DEFAULT_SEGMENT_SIZE;
    private int threads = Runtime.getRuntime().availableProcessors();
    private SecureRandom random = new SecureRandom();

    private Builder() {}

    /**
     * The plaintext bytes per segment, between {@link #MIN_SEGMENT_SIZE} and {@link
     * #MAX_SEGMENT_SIZE}, a multiple of 16. Receivers refuse sizes above their limit (4 MiB by
     * default); keep the default unless a measurement says otherwise.
     */
    public Builder segmentSize(int bytes) {
      if (bytes < MIN_SEGMENT_SIZE || bytes > MAX_SEGMENT_SIZE || bytes % 16 != 0) {
        throw new IllegalArgumentException("segment size must be a multiple of 16 between " + MIN_SEGMENT_SIZE + " and "
            + MAX_SEGMENT_SIZE + " bytes, not " + bytes);
      }
      this.segmentSize = bytes;
      return this;
    }

    /** The worker threads encrypting segments (1 to 64). */
    public Builder threads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("threads must be between 1 and 64, not " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The randomness for content keys (default: a new SecureRandom). */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The encryptor. */
    public SegmentedEncryptor build() {
      return new SegmentedEncryptor(this);
    }
  }

}
