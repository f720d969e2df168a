package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MemoryInputTest {
  /** The same reads, skips and available() as a ByteArrayInputStream over the same bytes. */
  @Property(tries = 200)
  void readsLikeAByteArrayInputStream(@ForAll @Size(max = 500) byte[] bytes,
      @ForAll @Size(max = 30) List<@IntRange(min = -1, max = 64) Integer> steps) throws Exception {
    InputStream mine = new MemoryInput(bytes);
    InputStream reference = new ByteArrayInputStream(bytes);
    for (int step : steps) {
      assertThat(mine.available()).isEqualTo(reference.available());
      if (step == -1) {
        assertThat(mine.read()).isEqualTo(reference.read());
      } else if (step % 5 == 0) {
        assertThat(mine.skip(step)).isEqualTo(reference.skip(step));
      } else {
        byte[] a = new byte[step + 2];
        byte[] b = new byte[step + 2];
        assertThat(mine.read(a, 1, step)).isEqualTo(reference.read(b, 1, step));
        assertThat(a).isEqualTo(b);
      }
    }
    assertThat(mine.readAllBytes()).isEqualTo(reference.readAllBytes());
    assertThat(mine.read()).isEqualTo(-1);
  }

  @Test
  void refusesBadArguments() {
    var in = new MemoryInput(new byte[4]);
    assertThatThrownBy(() -> in.read(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> new MemoryInput(null)).isInstanceOf(NullPointerException.class);
  }
}
