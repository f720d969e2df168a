package dev.mlat.crypto.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Fuzz target of the segment stream reader ({@code SegmentCodec}'s hand-written DER walk and the
 * decryptor's position, count and tag checks): arbitrary bytes given as the entry of an attachment
 * whose manifest and key are fixed. Every input must either open to exactly the sealed plaintext,
 * committed once, or fail with a {@link SegmentException} after the sink was aborted and nothing
 * committed; any other exception, an error, a hang or memory exhaustion is a finding.
 *
 * <p>The attachment is sealed deterministically (fixed key, seeded content keys) so that the
 * committed corpus, which starts from its genuine segment stream, stays meaningful across runs:
 * {@code src/test/resources/dev/mlat/crypto/segment/SegmentedDecryptorFuzzTestInputs/openArbitraryEntry/}.
 * To fuzz, see {@code docs/FUZZING.md}.
 */
class SegmentedDecryptorFuzzTest {
  /** Three segments of 4 KiB, the last one short. */
  static final byte[] PLAINTEXT = plaintext(2 * SegmentedEncryptor.MIN_SEGMENT_SIZE + 100);
  static final byte[] KEY = new byte[AttachmentKey.KEY_BYTES];
  static final String KEY_ID = "6d6c61742d66757a7a2d7365676d656e";
  static final SegmentManifest MANIFEST;
  /** The genuine segment stream (the seed of the corpus). */
  static final byte[] STREAM;
  private static final SegmentedDecryptor DECRYPTOR = SegmentedDecryptor.builder().threads(1).build();

  static {
    Arrays.fill(KEY, (byte) 0x5a);
    try {
      SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
      seeded.setSeed(20261125L);
      var out = new ByteArrayOutputStream();
      MANIFEST = SegmentedEncryptor.builder().segmentSize(SegmentedEncryptor.MIN_SEGMENT_SIZE).threads(1).random(seeded).build()
          .seal(AttachmentKey.of(KEY_ID, KEY), new ByteArrayInputStream(PLAINTEXT), out);
      STREAM = out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] plaintext(int length) {
    byte[] bytes = new byte[length];
    byte[] pattern = "mlat segment fuzz plaintext ".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < length; i++) {
      bytes[i] = pattern[i % pattern.length];
    }
    return bytes;
  }

  @FuzzTest(maxDuration = "30s")
  void openArbitraryEntry(byte[] input) throws IOException {
    var sink = new Segments.RecordingSink();
    try {
      var opened = DECRYPTOR.open(MANIFEST, AttachmentKey.of(KEY_ID, KEY), new ByteArrayInputStream(input), sink);
      assertThat(opened.plaintextLength()).isEqualTo(PLAINTEXT.length);
      assertThat(sink.commits).isEqualTo(1);
      assertThat(sink.aborts).isZero();
      assertThat(sink.released()).isEqualTo(PLAINTEXT);
    } catch (SegmentException refused) {
      assertThat(refused.errorCode()).isNotNull();
      assertThat(sink.commits).isZero();
      assertThat(sink.aborts).isEqualTo(1);
    }
  }
}
