package dev.mlat.crypto.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Sealing and opening digest like a direct SHA-256 for lengths around segment boundaries, below
 * and above the digest lane's inline MiB (4 KiB segments: 0 to about 2.3 MiB).
 */
class PlaintextDigestLanePropertyTest {
  private final SegmentedDecryptor decryptor = SegmentedDecryptor.builder().threads(2).build();

  @Property(tries = 25)
  void sealAndOpenDigestLikeADirectSha256AroundSegmentBoundaries(@ForAll @IntRange(min = 0, max = 600) int segments,
      @ForAll @IntRange(min = -3, max = 3) int delta) throws Exception {
    int length = Math.max(0, segments * Segments.SIZE + delta);
    byte[] plaintext = Segments.plaintext(length, length);
    var sealed = Segments.seal(plaintext, Segments.SIZE);
    assertThat(sealed.manifest().plaintextSha256()).isEqualTo(PlaintextDigestLaneTest.sha256(plaintext));
    var sink = new Segments.RecordingSink();
    OpenedAttachment opened = decryptor.open(sealed.manifest(), sealed.key(), new ByteArrayInputStream(sealed.stream()), sink);
    assertThat(opened.plaintextSha256()).isEqualTo(PlaintextDigestLaneTest.sha256(plaintext));
    assertThat(sink.released()).isEqualTo(plaintext);
    assertThat(PlaintextDigestLaneTest.liveLanes()).isZero();
  }
}
