package dev.mlat.crypto.segment;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Seals and opens a generated attachment of {@code args[0]} bytes without touching the disk, to
 * show that memory does not grow with the size (run with -Xmx128m by {@link FlatMemoryTest}).
 *
 * <p>Pass 1 seals into a discarding stream to obtain the manifest; pass 2 seals the same input
 * again with the same seeded random source (content keys are drawn in segment order, so the
 * segments are identical) into a pipe that a second thread opens into a digesting sink, checked
 * against the manifest. Prints the peak heap use seen by the sink (sampled) and exits 0 on success.
 */
public final class FlatMemoryMain {
  private FlatMemoryMain() {}

  public static void main(String[] args) throws Exception {
    long length = Long.parseLong(args[0]);
    long started = System.nanoTime();
    AttachmentKey key = AttachmentKey.generate(new SecureRandom());
    SegmentedEncryptor encryptor = SegmentedEncryptor.builder().random(seeded()).build();
    SegmentManifest manifest = encryptor.seal(key, new GeneratedInput(length), OutputStream.nullOutputStream());
    long sealed = System.nanoTime();

    AttachmentKey again = AttachmentKey.of(key.id(), key.keyBytes());
    SegmentedEncryptor sameRandom = SegmentedEncryptor.builder().random(seeded()).build();
    PipedInputStream pipeIn = new PipedInputStream(1 << 20);
    PipedOutputStream pipeOut = new PipedOutputStream(pipeIn);
    AtomicReference<Throwable> sealFailure = new AtomicReference<>();
    Thread sealer = new Thread(() -> {
      try (pipeOut) {
        sameRandom.seal(again, new GeneratedInput(length), pipeOut);
      } catch (Throwable e) {
        sealFailure.set(e);
      }
    }, "sealer");
    sealer.start();
    DigestingSink sink = new DigestingSink();
    OpenedAttachment opened = SegmentedDecryptor.builder().build().open(manifest, key, pipeIn, sink);
    sealer.join();
    if (sealFailure.get() != null) {
      throw new IllegalStateException("sealing failed", sealFailure.get());
    }
    if (!sink.committed || opened.plaintextLength() != length || !sink.sha256.equals(manifest.plaintextSha256())) {
      throw new IllegalStateException("round trip mismatch: " + opened + " sink " + sink.sha256 + " committed " + sink.committed);
    }
    long done = System.nanoTime();
    long peak = sink.peakHeapUsed;
    System.out.printf("OK bytes=%d segments=%d seal=%.1fs sealAndOpen=%.1fs peakHeapUsedMiB=%d maxHeapMiB=%d%n", length,
        manifest.segmentCount(), (sealed - started) / 1e9, (done - sealed) / 1e9, peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static SecureRandom seeded() throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(20261125L);
    return random;
  }

  /** {@code length} bytes of a repeating random block, each block stamped with its offset. */
  static final class GeneratedInput extends InputStream {
    private static final int BLOCK = 1 << 20;
    private final byte[] block = new byte[BLOCK];
    private final long length;
    private long position;

    GeneratedInput(long length) {
      this.length = length;
      new Random(7).nextBytes(block);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= length) {
        return -1;
      }
      int inBlock = (int) (position % BLOCK);
      if (inBlock == 0) {
        long stamp = position;
        for (int i = 0; i < 8; i++) {
          block[i] = (byte) (stamp >>> (8 * i));
        }
      }
      int n = (int) Math.min(Math.min(len, BLOCK - inBlock), length - position);
      System.arraycopy(block, inBlock, b, off, n);
      position += n;
      return n;
    }
  }

  /** Digests what it is given; keeps nothing. */
  static final class DigestingSink implements PlaintextSink {
    private final MessageDigest digest;
    boolean committed;
    String sha256;
    long writes;
    long peakHeapUsed;

    DigestingSink() throws Exception {
      digest = MessageDigest.getInstance("SHA-256");
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      digest.update(bytes, offset, length);
      if (++writes % 256 == 0) {
        Runtime runtime = Runtime.getRuntime();
        peakHeapUsed = Math.max(peakHeapUsed, runtime.totalMemory() - runtime.freeMemory());
      }
    }

    @Override
    public void commit() {
      committed = true;
      sha256 = HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void abort() {
      sha256 = null;
    }
  }

}
