package dev.mlat.crypto.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Order property of the digest lane: any split of any bytes hashes like the whole, and no helper is left. */
class DigestLanePropertyTest {

  @Property(tries = 40)
  void anySplitHashesLikeTheWhole(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 200_000) Integer> sizes,
      @ForAll @IntRange(min = -2, max = 2) int delta) throws Exception {
    List<byte[]> chunks = new ArrayList<>();
    long seed = 0;
    for (int size : sizes) {
      // sizes around the 4 KiB / 64 KiB multiples that segment boundaries produce, and anything between
      int s = size % 3 == 0 ? Math.max(0, (size / 4096) * 4096 + delta) : size;
      chunks.add(DigestLaneTest.random(s, seed++));
    }
    assertThat(DigestLaneTest.throughLane(chunks, new boolean[1])).isEqualTo(DigestLaneTest.direct(chunks));
    assertThat(DigestLaneTest.laneThreads()).isEmpty();
  }
}
