package dev.mlat.crypto.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.CryptoErrorCode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentedDecryptorTest {
  private static final int SIZE = Segments.SIZE;
  private final SegmentedDecryptor decryptor = SegmentedDecryptor.builder().threads(2).build();

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, SIZE - 1, SIZE, SIZE + 1, 7 * SIZE + 3})
  void roundTripsThroughASink(int length) throws Exception {
    byte[] plaintext = Segments.plaintext(length, 31L * length);
    var sealed = Segments.seal(plaintext, SIZE);
    var sink = new Segments.RecordingSink();

    OpenedAttachment opened = decryptor.open(sealed.manifest(), sealed.key(), new ByteArrayInputStream(sealed.stream()), sink);

    assertThat(sink.commits).isEqualTo(1);
    assertThat(sink.aborts).isZero();
    assertThat(sink.released()).isEqualTo(plaintext);
    assertThat(opened.plaintextLength()).isEqualTo(length);
    assertThat(opened.plaintextSha256()).isEqualTo(sealed.manifest().plaintextSha256());
    assertThat(opened.segmentCount()).isEqualTo(sealed.manifest().segmentCount());
  }

  @Test
  void reusesAHandfulOfPlaintextArraysForManySegments() throws Exception {
    byte[] plaintext = Segments.plaintext(300 * SIZE + 5, 13);
    var sealed = Segments.seal(plaintext, SIZE);
    var sink = new Segments.RecordingSink();
    decryptor.open(sealed.manifest(), sealed.key(), new ByteArrayInputStream(sealed.stream()), sink);
    assertThat(sink.released()).isEqualTo(plaintext);
    // 301 segments; in flight at most 2 * threads, at the digest lane at most DEPTH + 1, one being written
    assertThat(sink.arrays).hasSizeLessThanOrEqualTo(2 * 2 + dev.mlat.crypto.segment.internal.DigestLane.DEPTH + 3);
  }

  @Test
  void roundTripsWithTheDefaultSegmentSizeAndOneThread() throws Exception {
    byte[] plaintext = Segments.plaintext(3 * SegmentedEncryptor.DEFAULT_SEGMENT_SIZE + 100, 5);
    var sealed = Segments.seal(plaintext, SegmentedEncryptor.DEFAULT_SEGMENT_SIZE);
    var sink = new Segments.RecordingSink();
    SegmentedDecryptor.builder().threads(1).build()
        .open(sealed.manifest(), sealed.key(), new ByteArrayInputStream(sealed.stream()), sink);
    assertThat(sink.released()).isEqualTo(plaintext);
  }

  @Test
  void roundTripsIntoAFileMovedIntoPlaceOnlyAtTheEnd() throws Exception {
    byte[] plaintext = Segments.plaintext(3 * SIZE + 11, 7);
    var sealed = Segments.seal(plaintext, SIZE);
    Path target = dir.resolve("evidence.bin");

    decryptor.open(sealed.manifest(), sealed.key(), new ByteArrayInputStream(sealed.stream()), target);

    assertThat(target).hasBinaryContent(plaintext);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void theQuarantineFileIsOwnerOnlyAndBesideTheTarget() throws Exception {
    var quarantine = dev.mlat.crypto.segment.internal.QuarantineFile.beside(dir.resolve("x.bin"));
    try {
      assertThat(quarantine.temporaryFile().getParent()).isEqualTo(dir.toAbsolutePath());
      assertThat(Files.getPosixFilePermissions(quarantine.temporaryFile()))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    } finally {
      quarantine.abort();
    }
    assertThat(quarantine.temporaryFile()).doesNotExist();
  }

  // ---- attacks: each is rejected with its own code and releases nothing

  private Segments.Sealed fiveSegments() throws Exception {
    return Segments.seal(Segments.plaintext(4 * SIZE + 100, 99), SIZE);
  }

  private void assertRejected(Segments.Sealed sealed, SegmentManifest manifest, byte[] stream, CryptoErrorCode code) throws Exception {
    var sink = new Segments.RecordingSink();
    assertThatThrownBy(() -> decryptor.open(manifest, sealed.key(), new ByteArrayInputStream(stream), sink))
        .isInstanceOfSatisfying(SegmentException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    assertThat(sink.commits).isZero();
    assertThat(sink.aborts).isEqualTo(1);
    // and nothing lands in a target file, nor is a quarantine file left behind
    Path target = dir.resolve("attacked.bin");
    assertThatThrownBy(() -> decryptor.open(manifest, sealed.key(), new ByteArrayInputStream(stream), target))
        .isInstanceOfSatisfying(SegmentException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  private void assertRejected(Segments.Sealed sealed, List<byte[]> segments, CryptoErrorCode code) throws Exception {
    assertRejected(sealed, sealed.manifest(), Segments.join(segments), code);
  }

  @Test
  void aDroppedSegmentIsMissing() throws Exception {
    var sealed = fiveSegments();
    var segments = new ArrayList<>(sealed.segments());
    segments.remove(2);
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_MISSING);
  }

  @Test
  void aDuplicatedSegmentIsDuplicated() throws Exception {
    var sealed = fiveSegments();
    var segments = new ArrayList<>(sealed.segments());
    segments.add(2, segments.get(1));
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_DUPLICATED);
  }

  @Test
  void swappedSegmentsAreOutOfOrder() throws Exception {
    var sealed = fiveSegments();
    var segments = new ArrayList<>(sealed.segments());
    Collections.swap(segments, 1, 3);
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_OUT_OF_ORDER);
  }

  @Test
  void aDroppedLastSegmentIsTruncated() throws Exception {
    var sealed = fiveSegments();
    var segments = new ArrayList<>(sealed.segments());
    segments.remove(segments.size() - 1);
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_TRUNCATED);
  }

  @Test
  void aStreamCutInsideASegmentIsTruncated() throws Exception {
    var sealed = fiveSegments();
    byte[] stream = sealed.stream();
    assertRejected(sealed, sealed.manifest(), java.util.Arrays.copyOf(stream, stream.length - 30), CryptoErrorCode.SEGMENT_TRUNCATED);
    assertRejected(sealed, sealed.manifest(), java.util.Arrays.copyOf(stream, stream.length - sealed.segments().get(4).length + 1),
        CryptoErrorCode.SEGMENT_TRUNCATED);
  }

  @Test
  void bytesAfterTheLastSegmentAreTrailingData() throws Exception {
    var sealed = fiveSegments();
    var segments = new ArrayList<>(sealed.segments());
    segments.add(segments.get(0));
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_TRAILING_DATA);
  }

  @Test
  void aSegmentOfAnotherAttachmentIsForeign() throws Exception {
    var sealed = fiveSegments();
    var other = Segments.seal(Segments.plaintext(4 * SIZE + 100, 1234), SIZE);
    var segments = new ArrayList<>(sealed.segments());
    segments.set(2, other.segments().get(2));
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_FOREIGN);
  }

  @Test
  void aSegmentOfAnotherSealingOfTheSameFileIsForeign() throws Exception {
    byte[] plaintext = Segments.plaintext(4 * SIZE + 100, 99);
    var sealed = Segments.seal(plaintext, SIZE);
    var again = Segments.seal(plaintext, SIZE);
    var segments = new ArrayList<>(sealed.segments());
    segments.set(3, again.segments().get(3));
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_FOREIGN);
  }

  @Test
  void aTamperedCiphertextReleasesNoPlaintextAtAll() throws Exception {
    var sealed = fiveSegments();
    var segments = new ArrayList<>(sealed.segments());
    byte[] altered = segments.get(4).clone();
    altered[altered.length - 40] ^= 1; // inside the ciphertext (the tag's OCTET STRING is the last 18 bytes)
    segments.set(4, altered);
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_AUTHENTICATION_FAILED);
  }

  @Test
  void aTamperedTagIsRejected() throws Exception {
    var sealed = fiveSegments();
    var segments = new ArrayList<>(sealed.segments());
    byte[] altered = segments.get(0).clone();
    altered[altered.length - 1] ^= (byte) 0x80;
    segments.set(0, altered);
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_AUTHENTICATION_FAILED);
  }

  @Test
  void aTamperedWrappedKeyIsRejected() throws Exception {
    var sealed = fiveSegments();
    var segments = new ArrayList<>(sealed.segments());
    byte[] altered = segments.get(1).clone();
    // the 40-byte wrapped key follows the id-aes256-wrap identifier near the start
    int at = indexOf(altered, new byte[] {0x04, 0x28}) + 5;
    altered[at] ^= 1;
    segments.set(1, altered);
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_AUTHENTICATION_FAILED);
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("pattern not found");
  }

  @Test
  void garbageIsMalformed() throws Exception {
    var sealed = fiveSegments();
    var segments = new ArrayList<>(sealed.segments());
    segments.set(0, new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_MALFORMED);
    assertRejected(sealed, sealed.manifest(), new byte[] {0x04, 0x00}, CryptoErrorCode.SEGMENT_MALFORMED);
    assertRejected(sealed, sealed.manifest(), new byte[] {0x30, (byte) 0x80, 0, 0}, CryptoErrorCode.SEGMENT_MALFORMED);
  }

  @Test
  void aSegmentLongerThanTheManifestAllowsIsRefusedBeforeItIsRead() throws Exception {
    var sealed = fiveSegments();
    byte[] huge = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    assertRejected(sealed, sealed.manifest(), huge, CryptoErrorCode.SEGMENT_LENGTH_MISMATCH);
    var bigger = Segments.seal(Segments.plaintext(2 * 2 * SIZE, 3), 2 * SIZE);
    var segments = new ArrayList<>(sealed.segments());
    segments.set(0, bigger.segments().get(0));
    assertRejected(sealed, segments, CryptoErrorCode.SEGMENT_LENGTH_MISMATCH);
  }

  @Test
  void aManifestOfAnotherAttachmentOrSealingIsAMismatch() throws Exception {
    var sealed = fiveSegments();
    SegmentManifest m = sealed.manifest();
    String zeros = "0".repeat(64);
    assertRejected(sealed, new SegmentManifest(m.keyId(), m.segmentSize(), m.segmentCount(), m.plaintextLength(), zeros,
        m.segmentTags()), sealed.stream(), CryptoErrorCode.SEGMENT_MANIFEST_MISMATCH);
    // the tags of another sealing of the same file under the same key identifier
    assertRejected(sealed, new SegmentManifest(m.keyId(), m.segmentSize(), m.segmentCount(), m.plaintextLength(),
        m.plaintextSha256(), SegmentTags.of(new byte[16 * (int) m.segmentCount()])), sealed.stream(),
        CryptoErrorCode.SEGMENT_MANIFEST_MISMATCH);
    // a manifest that claims one segment fewer
    byte[] fewer = java.util.Arrays.copyOf(m.segmentTags().bytes(), 16 * ((int) m.segmentCount() - 1));
    assertRejected(sealed, new SegmentManifest(m.keyId(), m.segmentSize(), m.segmentCount() - 1,
        m.plaintextLength() - 100, m.plaintextSha256(), SegmentTags.of(fewer)), sealed.stream(), CryptoErrorCode.SEGMENT_TRAILING_DATA);
    // a manifest that names another key
    var other = AttachmentKey.generate(Segments.RANDOM);
    var sink = new Segments.RecordingSink();
    assertThatThrownBy(() -> decryptor.open(m, other, new ByteArrayInputStream(sealed.stream()), sink))
        .isInstanceOfSatisfying(SegmentException.class, e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.SEGMENT_MANIFEST_MISMATCH));
    assertThat(sink.aborts).isEqualTo(1);
  }

  @Test
  void limitsAreAppliedToTheManifestBeforeReading() throws Exception {
    var sealed = fiveSegments();
    SegmentManifest m = sealed.manifest();
    for (SegmentLimits limits : List.of(SegmentLimits.defaults().withMaxSegmentSize(SIZE - 16),
        SegmentLimits.defaults().withMaxSegmentCount(m.segmentCount() - 1),
        SegmentLimits.defaults().withMaxAttachmentBytes(m.plaintextLength() - 1))) {
      var sink = new Segments.RecordingSink();
      AtomicReference<Integer> reads = new AtomicReference<>(0);
      var in = new ByteArrayInputStream(sealed.stream()) {
        @Override
        public synchronized int read(byte[] b, int off, int len) {
          reads.set(reads.get() + 1);
          return super.read(b, off, len);
        }
      };
      assertThatThrownBy(() -> SegmentedDecryptor.builder().limits(limits).build().open(m, sealed.key(), in, sink))
          .isInstanceOfSatisfying(SegmentException.class, e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.SEGMENT_LIMIT_EXCEEDED));
      assertThat(reads.get()).isZero();
      assertThat(sink.aborts).isEqualTo(1);
    }
    assertThat(SegmentLimits.defaults()).isEqualTo(new SegmentLimits(4 << 20, 1L << 20, 64L << 30));
  }

  @Test
  void aMalformedManifestFromTheWireIsInvalid() {
    String hex = "ab".repeat(32);
    byte[] oneTag = new byte[16];
    for (var bad : List.<org.junit.jupiter.api.function.Executable>of(
        () -> SegmentManifest.of("00ff", 4096, 3, 4096, hex, oneTag),
        () -> SegmentManifest.of("00FF", 4096, 1, 4096, hex, oneTag),
        () -> SegmentManifest.of("00ff", 0, 1, 0, hex, oneTag),
        () -> SegmentManifest.of("00ff", 4096, 1, 1, "xyz", oneTag),
        () -> SegmentManifest.of("00ff", 4096, 1, 1, hex, new byte[17]),
        () -> SegmentManifest.of("00ff", 4096, 1, 1, hex, new byte[32]),
        () -> SegmentManifest.of("00ff", 4096, 1, 1, hex, null))) {
      assertThatThrownBy(bad::execute)
          .isInstanceOfSatisfying(SegmentException.class, e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.SEGMENT_MANIFEST_INVALID));
    }
  }
}
