package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MemoryOutputTest {
  @Property(tries = 200)
  void holdsWhatWasWrittenLikeAByteArrayOutputStream(@ForAll @Size(max = 40) java.util.List<@Size(max = 300) byte[]> pieces,
      @ForAll @IntRange(min = 0, max = 100) int capacity) throws Exception {
    var mine = new MemoryOutput(capacity);
    var reference = new ByteArrayOutputStream();
    for (byte[] piece : pieces) {
      if (piece.length == 1) {
        mine.write(piece[0]);
        reference.write(piece[0]);
      } else {
        mine.write(piece, piece.length / 3, piece.length - piece.length / 3);
        reference.write(piece, piece.length / 3, piece.length - piece.length / 3);
      }
    }
    assertThat(mine.size()).isEqualTo(reference.size());
    assertThat(mine.toByteArray()).isEqualTo(reference.toByteArray());
  }

  @Test
  void refusesBadArguments() {
    assertThatThrownBy(() -> new MemoryOutput(-1)).isInstanceOf(IllegalArgumentException.class);
    var out = new MemoryOutput(4);
    assertThatThrownBy(() -> out.write(new byte[3], 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(out.size()).isZero();
  }
}
