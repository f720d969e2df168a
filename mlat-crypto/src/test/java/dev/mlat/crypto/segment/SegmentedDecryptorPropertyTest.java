package dev.mlat.crypto.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Mutation properties: any altered, cut or extended segment stream is refused and releases nothing. */
class SegmentedDecryptorPropertyTest {
  private static final Segments.Sealed SEALED;

  static {
    try {
      SEALED = Segments.seal(Segments.plaintext(3 * Segments.SIZE + 500, 77), Segments.SIZE);
    } catch (java.io.IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final SegmentedDecryptor decryptor = SegmentedDecryptor.builder().threads(2).build();

  @Property(tries = 300)
  void anyFlippedBitIsRefusedWithASegmentCode(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
      @ForAll @IntRange(min = 0, max = 7) int bit) {
    byte[] stream = SEALED.stream().clone();
    stream[where % stream.length] ^= (byte) (1 << bit);
    assertRefused(stream);
  }

  @Property(tries = 100)
  void anyCutIsRefused(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where) {
    byte[] stream = SEALED.stream();
    assertRefused(java.util.Arrays.copyOf(stream, where % stream.length));
  }

  @Property(tries = 50)
  void anyExtensionIsRefused(@ForAll byte[] extra) {
    if (extra.length == 0) {
      return;
    }
    byte[] stream = SEALED.stream();
    byte[] longer = java.util.Arrays.copyOf(stream, stream.length + extra.length);
    System.arraycopy(extra, 0, longer, stream.length, extra.length);
    assertRefused(longer);
  }

  private void assertRefused(byte[] stream) {
    var sink = new Segments.RecordingSink();
    assertThatThrownBy(() -> decryptor.open(SEALED.manifest(), SEALED.key(), new ByteArrayInputStream(stream), sink))
        .isInstanceOf(SegmentException.class);
    assertThat(sink.commits).isZero();
    assertThat(sink.aborts).isEqualTo(1);
  }
}
