package dev.mlat.crypto.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.segment.AttachmentKey;
import dev.mlat.crypto.segment.PlaintextSink;
import dev.mlat.crypto.segment.SegmentException;
import dev.mlat.crypto.segment.SegmentManifest;
import dev.mlat.crypto.segment.SegmentedDecryptor;
import dev.mlat.crypto.segment.SegmentedEncryptor;
import dev.mlat.crypto.segment.internal.SegmentCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Attacks on segmented evidence (docs/SEGMENTS.md) by whoever holds the package in transit or
 * storage: splicing segments between two sealings, reordering, duplicating, dropping, cutting,
 * appending, forging a segment under the same key identifier, bending the profile, and manifests
 * that ask for more than the limits (docs/SECURITY.md, threats G1 to G8). Each is refused with its
 * code, and the sink is aborted without a single byte committed.
 */
class SegmentAttackTest {
  private static final int SIZE = SegmentedEncryptor.MIN_SEGMENT_SIZE;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final SegmentedDecryptor DECRYPTOR = SegmentedDecryptor.builder().threads(2).build();

  private record Sealed(SegmentManifest manifest, AttachmentKey key, List<byte[]> segments) {
    byte[] stream() {
      return join(segments);
    }
  }

  /** What the sink saw: the bytes written, whether it was committed, whether it was aborted. */
  private static final class Sink implements PlaintextSink {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    boolean committed;
    boolean aborted;

    @Override
    public void write(byte[] bytes, int offset, int length) {
      written.write(bytes, offset, length);
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

  private static Sealed seal(long seed) throws IOException {
    byte[] plaintext = new byte[4 * SIZE + 123];
    new Random(seed).nextBytes(plaintext);
    return seal(plaintext, AttachmentKey.generate(RANDOM));
  }

  private static Sealed seal(byte[] plaintext, AttachmentKey key) throws IOException {
    var out = new ByteArrayOutputStream();
    var manifest = SegmentedEncryptor.builder().segmentSize(SIZE).threads(2).build().seal(key, new ByteArrayInputStream(plaintext), out);
    return new Sealed(manifest, key, split(out.toByteArray()));
  }

  private static List<byte[]> split(byte[] stream) throws IOException {
    var segments = new ArrayList<byte[]>();
    var in = new ByteArrayInputStream(stream);
    try {
      for (long i = 0; ; i++) {
        byte[] segment = SegmentCodec.readFramed(in, Integer.MAX_VALUE, i);
        if (segment == null) {
          return segments;
        }
        segments.add(segment);
      }
    } catch (SegmentException e) {
      throw new IOException(e);
    }
  }

  private static byte[] join(List<byte[]> segments) {
    var out = new ByteArrayOutputStream();
    segments.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static void assertRefused(SegmentManifest manifest, AttachmentKey key, byte[] stream, CryptoErrorCode code) {
    var sink = new Sink();
    assertThatThrownBy(() -> DECRYPTOR.open(manifest, key, new ByteArrayInputStream(stream), sink))
        .isInstanceOfSatisfying(SegmentException.class, e -> assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code));
    assertThat(sink.committed).as("committed").isFalse();
    assertThat(sink.aborted).as("aborted").isTrue();
  }

  private static void assertRefused(Sealed sealed, List<byte[]> segments, CryptoErrorCode code) {
    assertRefused(sealed.manifest(), sealed.key(), join(segments), code);
  }

  @Test
  void aSegmentSplicedFromAnotherSealingIsForeign() throws Exception {
    var victim = seal(1);
    var other = seal(2);
    var segments = new ArrayList<>(victim.segments());
    segments.set(2, other.segments().get(2));
    assertRefused(victim, segments, CryptoErrorCode.SEGMENT_FOREIGN);
  }

  @Test
  void theWholeEntryOfAnotherAttachmentIsForeign() throws Exception {
    // header and manifest of attachment A, entry bytes of attachment B of the same message
    var a = seal(3);
    var b = seal(4);
    assertRefused(a.manifest(), a.key(), b.stream(), CryptoErrorCode.SEGMENT_FOREIGN);
  }

  @Test
  void aSegmentForgedUnderTheSameKeyIdentifierDoesNotAuthenticate() throws Exception {
    // the attacker knows the key identifier (it is in every segment) but not the key
    var victim = seal(5);
    byte[] otherKey = new byte[AttachmentKey.KEY_BYTES];
    RANDOM.nextBytes(otherKey);
    byte[] plaintext = new byte[4 * SIZE + 123];
    var forged = seal(plaintext, AttachmentKey.of(victim.key().id(), otherKey));
    var segments = new ArrayList<>(victim.segments());
    segments.set(1, forged.segments().get(1));
    assertRefused(victim, segments, CryptoErrorCode.SEGMENT_AUTHENTICATION_FAILED);
  }

  @Test
  void reorderedSegmentsAreRefused() throws Exception {
    var sealed = seal(6);
    var segments = new ArrayList<>(sealed.segments());
    Collections.swap(segments, 0, 3);
    assertRefused(sealed, segments, CryptoErrorCode.SEGMENT_OUT_OF_ORDER);
  }

  @Test
  void aDuplicatedSegmentIsRefused() throws Exception {
    var sealed = seal(7);
    var segments = new ArrayList<>(sealed.segments());
    segments.add(1, segments.get(0));
    assertRefused(sealed, segments, CryptoErrorCode.SEGMENT_DUPLICATED);
  }

  @Test
  void aDroppedSegmentIsRefused() throws Exception {
    var sealed = seal(8);
    var segments = new ArrayList<>(sealed.segments());
    segments.remove(1);
    assertRefused(sealed, segments, CryptoErrorCode.SEGMENT_MISSING);
  }

  @Test
  void aTruncatedEntryIsRefused() throws Exception {
    var sealed = seal(9);
    byte[] stream = sealed.stream();
    assertRefused(sealed.manifest(), sealed.key(), java.util.Arrays.copyOf(stream, stream.length - 1), CryptoErrorCode.SEGMENT_TRUNCATED);
  }

  @Test
  void dataAfterTheLastSegmentIsRefused() throws Exception {
    var sealed = seal(10);
    byte[] stream = sealed.stream();
    byte[] longer = java.util.Arrays.copyOf(stream, stream.length + 2);
    longer[stream.length] = 0x30;
    assertRefused(sealed.manifest(), sealed.key(), longer, CryptoErrorCode.SEGMENT_TRAILING_DATA);
  }

  @Test
  void aSegmentWithAShortTagIsOutsideTheProfile() throws Exception {
    var sealed = seal(11);
    var segments = new ArrayList<>(sealed.segments());
    byte[] altered = segments.get(0).clone();
    // GCMParameters { OCTET STRING (12) nonce, INTEGER 16 }: the INTEGER follows the 12-byte nonce
    byte[] nonce = SegmentCodec.nonce(0, false);
    int at = SealAttackTest.indexOf(altered, nonce) + nonce.length + 2;
    assertThat(altered[at]).isEqualTo((byte) 16);
    altered[at] = 12;
    segments.set(0, altered);
    assertRefused(sealed, segments, CryptoErrorCode.SEGMENT_MALFORMED);
  }

  @Test
  void anIndefiniteLengthSegmentIsRefused() throws Exception {
    var sealed = seal(12);
    assertRefused(sealed.manifest(), sealed.key(), new byte[] {0x30, (byte) 0x80, 0x00, 0x00}, CryptoErrorCode.SEGMENT_MALFORMED);
  }

  @Test
  void aSegmentClaimingGigabytesIsRefusedBeforeItIsRead() throws Exception {
    var sealed = seal(13);
    assertRefused(sealed.manifest(), sealed.key(), new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
        CryptoErrorCode.SEGMENT_LENGTH_MISMATCH);
  }

  @Test
  void aManifestAskingForHugeSegmentsIsRefusedBeforeReading() throws Exception {
    // a verified manifest is still the sender's word: 16 MiB segments exceed the 4 MiB default limit
    var sealed = seal(14);
    var huge = SegmentManifest.of(sealed.key().id(), 16 << 20, 1, 16 << 20, sealed.manifest().plaintextSha256(), new byte[16]);
    assertRefused(huge, sealed.key(), sealed.stream(), CryptoErrorCode.SEGMENT_LIMIT_EXCEEDED);
  }
}
