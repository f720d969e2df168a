package dev.mlat.crypto.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.segment.internal.DigestLane;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole-plaintext SHA-256 of {@link SegmentedEncryptor#seal} and {@link SegmentedDecryptor}
 * on the digest lane ({@link DigestLane}): in order, no thread for small attachments, and no
 * thread left behind by a failure, an exception of the caller's streams or an interruption.
 */
// A guard against a regression that blocks for ever (it interrupts the test), not a timing assertion.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PlaintextDigestLaneTest {
  private static final int SIZE = Segments.SIZE; // 4 KiB: 256 segments per MiB
  private static final int LARGE = 2 << 20; // past DigestLane.INLINE_BYTES: the lane runs
  private final SegmentedDecryptor decryptor = SegmentedDecryptor.builder().threads(2).build();

  static int liveLanes() {
    int n = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(DigestLane.THREAD_NAME) && t.isAlive()) {
        n++;
      }
    }
    return n;
  }

  @AfterEach
  void noLaneThreadIsLeft() {
    Thread.interrupted();
    assertThat(liveLanes()).as("live " + DigestLane.THREAD_NAME + " threads after the call returned").isZero();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void aLargeAttachmentIsHashedOnTheLaneAndBothDigestsAgree() throws Exception {
    byte[] plaintext = Segments.plaintext(5 * LARGE + 17, 5);
    var input = new WatchedInput(plaintext, Long.MAX_VALUE);
    var encryptor = SegmentedEncryptor.builder().segmentSize(SIZE).threads(2).build();
    var key = AttachmentKey.generate(Segments.RANDOM);
    var out = new ByteArrayOutputStream();
    SegmentManifest manifest = encryptor.seal(key, input, out);
    assertThat(input.lanesAtEnd).as("the lane hashed while the caller read").isEqualTo(1);
    assertThat(manifest.plaintextSha256()).isEqualTo(sha256(plaintext));

    var sink = new WatchedSink(plaintext.length, Long.MAX_VALUE);
    decryptor.open(manifest, key, new ByteArrayInputStream(out.toByteArray()), sink);
    assertThat(sink.lanesAtLastWrite).as("the lane hashed while the caller wrote").isEqualTo(1);
    assertThat(sink.committed).isTrue();
  }

  @Test
  void smallAttachmentsStartNoThread() throws Exception {
    // at most DigestLane.INLINE_BYTES in many segments, and one large segment
    for (int[] c : List.of(new int[] {DigestLane.INLINE_BYTES, SIZE}, new int[] {SIZE * 3 + 1, SIZE},
        new int[] {3 << 20, 4 << 20}, new int[] {0, SIZE})) {
      int length = c[0];
      int segmentSize = c[1];
      byte[] plaintext = Segments.plaintext(length, length);
      var input = new WatchedInput(plaintext, Long.MAX_VALUE);
      var key = AttachmentKey.generate(Segments.RANDOM);
      var out = new ByteArrayOutputStream();
      SegmentManifest manifest = SegmentedEncryptor.builder().segmentSize(segmentSize).threads(2).build().seal(key, input, out);
      assertThat(input.lanesAtEnd).as("lanes while sealing " + length + " bytes").isZero();
      assertThat(manifest.plaintextSha256()).isEqualTo(sha256(plaintext));

      var sink = new WatchedSink(length, Long.MAX_VALUE);
      decryptor.open(manifest, key, new ByteArrayInputStream(out.toByteArray()), sink);
      assertThat(sink.lanesAtLastWrite).as("lanes while opening " + length + " bytes").isZero();
      assertThat(sink.committed).isTrue();
    }
  }

  @Test
  void aReadFailureMidStreamStopsTheLane() {
    var input = new WatchedInput(Segments.plaintext(3 * LARGE, 1), LARGE);
    var encryptor = SegmentedEncryptor.builder().segmentSize(SIZE).threads(2).build();
    assertThatThrownBy(() -> encryptor.seal(AttachmentKey.generate(Segments.RANDOM), input, OutputStream.nullOutputStream()))
        .isInstanceOf(IOException.class).hasMessageContaining("simulated read failure");
    assertThat(input.lanesAtFailure).as("the lane was running when the read failed").isEqualTo(1);
  }

  @Test
  void aWriteFailureMidStreamStopsTheLane() {
    var encryptor = SegmentedEncryptor.builder().segmentSize(SIZE).threads(2).build();
    int[] lanes = {-1};
    OutputStream failing = new OutputStream() {
      long written;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        written += len;
        if (written > LARGE) {
          lanes[0] = liveLanes();
          throw new IOException("simulated write failure");
        }
      }
    };
    assertThatThrownBy(() -> encryptor.seal(AttachmentKey.generate(Segments.RANDOM),
        new ByteArrayInputStream(Segments.plaintext(3 * LARGE, 2)), failing))
        .isInstanceOf(IOException.class).hasMessageContaining("simulated write failure");
    assertThat(lanes[0]).isEqualTo(1);
  }

  @Test
  void anInterruptedSealingStopsTheLane() {
    var input = new WatchedInput(Segments.plaintext(3 * LARGE, 3), Long.MAX_VALUE);
    input.interruptAt = LARGE;
    var encryptor = SegmentedEncryptor.builder().segmentSize(SIZE).threads(2).build();
    assertThatThrownBy(() -> encryptor.seal(AttachmentKey.generate(Segments.RANDOM), input, OutputStream.nullOutputStream()))
        .isInstanceOf(IOException.class).hasMessageContaining("interrupted");
    assertThat(Thread.interrupted()).as("the interrupt status is kept").isTrue();
  }

  @Test
  void anAlteredSegmentMidStreamStopsTheLaneAndReleasesNothing() throws Exception {
    byte[] plaintext = Segments.plaintext(3 * LARGE, 4);
    var sealed = Segments.seal(plaintext, SIZE);
    List<byte[]> segments = sealed.segments();
    byte[] altered = segments.get(700).clone(); // past the inline MiB (segment 256)
    altered[altered.length - 40] ^= 1;
    segments.set(700, altered);
    var sink = new WatchedSink(plaintext.length, Long.MAX_VALUE);
    assertThatThrownBy(() -> decryptor.open(sealed.manifest(), sealed.key(), new ByteArrayInputStream(Segments.join(segments)), sink))
        .isInstanceOfSatisfying(SegmentException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.SEGMENT_AUTHENTICATION_FAILED));
    assertThat(sink.lanesSeen).as("the lane ran before the failure").isEqualTo(1);
    assertThat(sink.aborted).isTrue();
    assertThat(sink.committed).isFalse();
  }

  @Test
  void aSinkFailureMidStreamStopsTheLane() throws Exception {
    byte[] plaintext = Segments.plaintext(3 * LARGE, 6);
    var sealed = Segments.seal(plaintext, SIZE);
    var sink = new WatchedSink(plaintext.length, LARGE);
    assertThatThrownBy(() -> decryptor.open(sealed.manifest(), sealed.key(), new ByteArrayInputStream(sealed.stream()), sink))
        .isInstanceOf(IOException.class).hasMessageContaining("simulated sink failure");
    assertThat(sink.lanesSeen).isEqualTo(1);
    assertThat(sink.aborted).isTrue();
  }

  @Test
  void anInterruptedOpeningStopsTheLaneAndReleasesNothing() throws Exception {
    byte[] plaintext = Segments.plaintext(3 * LARGE, 7);
    var sealed = Segments.seal(plaintext, SIZE);
    var sink = new WatchedSink(plaintext.length, Long.MAX_VALUE);
    sink.interruptAt = LARGE;
    assertThatThrownBy(() -> decryptor.open(sealed.manifest(), sealed.key(), new ByteArrayInputStream(sealed.stream()), sink))
        .isInstanceOf(IOException.class).hasMessageContaining("interrupted");
    assertThat(Thread.interrupted()).as("the interrupt status is kept").isTrue();
    assertThat(sink.aborted).isTrue();
    assertThat(sink.committed).isFalse();
  }

  @Test
  void aTamperedPlaintextDigestInTheManifestIsAMismatchOnBothPaths() throws Exception {
    for (int length : new int[] {3 * LARGE + 5, 3 * SIZE + 5}) {
      byte[] plaintext = Segments.plaintext(length, length);
      var sealed = Segments.seal(plaintext, SIZE);
      SegmentManifest m = sealed.manifest();
      char[] hex = m.plaintextSha256().toCharArray();
      hex[63] = hex[63] == '0' ? '1' : '0'; // one bit of the signed digest
      var tampered = new SegmentManifest(m.keyId(), m.segmentSize(), m.segmentCount(), m.plaintextLength(), new String(hex),
          m.segmentTags());
      var sink = new WatchedSink(length, Long.MAX_VALUE);
      assertThatThrownBy(() -> decryptor.open(tampered, sealed.key(), new ByteArrayInputStream(sealed.stream()), sink))
          .isInstanceOfSatisfying(SegmentException.class,
              e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.SEGMENT_MANIFEST_MISMATCH));
      assertThat(sink.aborted).isTrue();
      assertThat(sink.committed).isFalse();
      assertThat(liveLanes()).isZero();
    }
  }

  /** Plaintext from memory that notes the live lanes at its end or fails/interrupts its reader at an offset. */
  private static final class WatchedInput extends InputStream {
    private final byte[] bytes;
    private final long failAt;
    long interruptAt = Long.MAX_VALUE;
    private int position;
    int lanesAtEnd = -1;
    int lanesAtFailure = -1;

    WatchedInput(byte[] bytes, long failAt) {
      this.bytes = bytes;
      this.failAt = failAt;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position >= failAt) {
        lanesAtFailure = liveLanes();
        throw new IOException("simulated read failure");
      }
      if (position >= interruptAt) {
        Thread.currentThread().interrupt();
        interruptAt = Long.MAX_VALUE;
      }
      if (position >= bytes.length) {
        if (lanesAtEnd < 0) {
          lanesAtEnd = liveLanes();
        }
        return -1;
      }
      int n = Math.min(len, bytes.length - position);
      System.arraycopy(bytes, position, b, off, n);
      position += n;
      return n;
    }
  }

  /** A sink that keeps nothing, notes the live lanes, and fails or interrupts its caller at an offset. */
  private static final class WatchedSink implements PlaintextSink {
    private final long total;
    private final long failAt;
    long interruptAt = Long.MAX_VALUE;
    private long written;
    int lanesSeen;
    int lanesAtLastWrite = -1;
    boolean committed;
    boolean aborted;

    WatchedSink(long total, long failAt) {
      this.total = total;
      this.failAt = failAt;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      written += length;
      if (written % (256 * SIZE) < length || written == total) { // about once per MiB, and at the end
        lanesSeen = Math.max(lanesSeen, liveLanes());
      }
      if (written == total) {
        lanesAtLastWrite = liveLanes();
      }
      if (written >= failAt) {
        throw new IOException("simulated sink failure");
      }
      if (written >= interruptAt) {
        Thread.currentThread().interrupt();
        interruptAt = Long.MAX_VALUE;
      }
    }

    @Override
    public void commit() {
      committed = true;
    }

    @Override
    public void abort() {
      aborted = true;
    }
  }
}
