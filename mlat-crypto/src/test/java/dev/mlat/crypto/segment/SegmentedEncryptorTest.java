package dev.mlat.crypto.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.segment.internal.SegmentCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentedEncryptorTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 127, 128, 255, 256, 65535, 65536, Segments.SIZE - 1, Segments.SIZE, Segments.SIZE + 1, 5 * Segments.SIZE + 7})
  void manifestCountsLengthsAndDigests(int length) throws Exception {
    byte[] plaintext = Segments.plaintext(length, length);
    var sealed = Segments.seal(plaintext, Segments.SIZE);
    SegmentManifest manifest = sealed.manifest();
    var segments = sealed.segments();

    assertThat(manifest.keyId()).isEqualTo(sealed.key().id());
    assertThat(manifest.plaintextLength()).isEqualTo(length);
    assertThat(manifest.segmentCount()).isEqualTo(segments.size()).isEqualTo(SegmentManifest.expectedCount(length, Segments.SIZE));
    assertThat(manifest.plaintextSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plaintext)));
    var tags = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < segments.size(); i++) {
      var parsed = SegmentCodec.parse(segments.get(i), i);
      assertThat(parsed.index()).isEqualTo(i);
      assertThat(parsed.last()).isEqualTo(i == segments.size() - 1);
      assertThat(parsed.ciphertext()).hasSize(manifest.plaintextLengthOf(i));
      assertThat(parsed.kekId()).isEqualTo(sealed.key().idBytes());
      tags.write(parsed.tag());
      // the hand-assembled outer DER equals BouncyCastle's DER encoding of the same structure
      assertThat(org.bouncycastle.asn1.cms.ContentInfo.getInstance(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(segments.get(i)))
          .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER)).isEqualTo(segments.get(i));
    }
    assertThat(manifest.segmentTags()).isEqualTo(SegmentTags.of(tags.toByteArray()));
  }

  @ParameterizedTest
  @ValueSource(ints = {65536, 1 << 20})
  void largeSegmentsEncodeAsBouncyCastleDerAndRoundTrip(int segmentSize) throws Exception {
    byte[] plaintext = Segments.plaintext(2 * segmentSize + 5, segmentSize);
    var sealed = Segments.seal(plaintext, segmentSize);
    for (byte[] segment : sealed.segments()) {
      assertThat(org.bouncycastle.asn1.cms.ContentInfo.getInstance(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(segment))
          .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER)).isEqualTo(segment);
    }
    var sink = new Segments.RecordingSink();
    SegmentedDecryptor.builder().build().open(sealed.manifest(), sealed.key(), new ByteArrayInputStream(sealed.stream()), sink);
    assertThat(sink.released()).isEqualTo(plaintext);
  }

  @Test
  void reusesAHandfulOfArraysForManySegmentsAndEverySegmentStillOpens() throws Exception {
    byte[] plaintext = Segments.plaintext(300 * Segments.SIZE + 9, 17);
    java.util.Set<byte[]> written = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    var out = new ByteArrayOutputStream() {
      @Override
      public synchronized void write(byte[] b, int off, int len) {
        written.add(b);
        super.write(b, off, len);
      }
    };
    // the input stream hands out its arrays' contents only: count the encryptor's own plaintext arrays through a wrapper
    var read = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<byte[], Boolean>());
    var in = new java.io.FilterInputStream(new ByteArrayInputStream(plaintext)) {
      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        read.add(b);
        return super.read(b, off, len);
      }
    };
    AttachmentKey key = AttachmentKey.generate(new java.security.SecureRandom());
    SegmentManifest manifest = SegmentedEncryptor.builder().segmentSize(Segments.SIZE).threads(2).build().seal(key, in, out);
    assertThat(manifest.segmentCount()).isEqualTo(301);
    int bound = 2 * 2 + dev.mlat.crypto.segment.internal.DigestLane.DEPTH + 4;
    assertThat(read).as("plaintext arrays").hasSizeLessThanOrEqualTo(bound);
    assertThat(written).as("encoding arrays").hasSizeLessThanOrEqualTo(bound);
    var sink = new Segments.RecordingSink();
    SegmentedDecryptor.builder().build().open(manifest, key, new ByteArrayInputStream(out.toByteArray()), sink);
    assertThat(sink.released()).isEqualTo(plaintext);
  }

  @Test
  void aKeySealsOneAttachmentOnly() throws Exception {
    var encryptor = SegmentedEncryptor.builder().build();
    AttachmentKey key = AttachmentKey.generate(Segments.RANDOM);
    encryptor.seal(key, new ByteArrayInputStream(new byte[10]), new ByteArrayOutputStream());
    assertThatThrownBy(() -> encryptor.seal(key, new ByteArrayInputStream(new byte[10]), new ByteArrayOutputStream()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("generate a new AttachmentKey");
  }

  @Test
  void segmentSizeAndThreadsAreChecked() {
    assertThatThrownBy(() -> SegmentedEncryptor.builder().segmentSize(1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SegmentedEncryptor.builder().segmentSize(32 << 20)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SegmentedEncryptor.builder().segmentSize(4097 * 16 + 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SegmentedEncryptor.builder().threads(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(SegmentedEncryptor.builder().build().segmentSize()).isEqualTo(SegmentedEncryptor.DEFAULT_SEGMENT_SIZE);
  }

  @Test
  void theKeyNeverAppearsInToString() {
    AttachmentKey key = AttachmentKey.generate(Segments.RANDOM);
    assertThat(key.toString()).contains(key.id()).doesNotContain(key.keyHex());
  }
}
