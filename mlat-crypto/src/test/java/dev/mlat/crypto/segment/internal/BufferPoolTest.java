package dev.mlat.crypto.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

  @Test
  void takeGivesAnArrayOfExactlyTheSizeAsked() {
    BufferPool pool = new BufferPool(4);
    assertThat(pool.take(100)).hasSize(100);
    pool.give(new byte[50]);
    assertThat(pool.take(100)).as("a kept array of another size is not given").hasSize(100);
    assertThat(pool.kept()).isZero();
  }

  @Test
  void aGivenArrayIsTakenAgain() {
    BufferPool pool = new BufferPool(4);
    byte[] a = pool.take(64);
    pool.give(a);
    assertThat(pool.kept()).isEqualTo(1);
    assertThat(pool.take(64)).isSameAs(a);
    assertThat(pool.kept()).isZero();
  }

  @Test
  void keepsNoMoreThanItsCapacity() {
    BufferPool pool = new BufferPool(2);
    for (int i = 0; i < 5; i++) {
      pool.give(new byte[8]);
    }
    assertThat(pool.kept()).isEqualTo(2);
    assertThat(new BufferPool(0)).satisfies(p -> {
      p.give(new byte[8]);
      assertThat(p.kept()).isZero();
    });
    assertThatThrownBy(() -> new BufferPool(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wipeZeroesAndDropsEveryKeptArray() {
    BufferPool pool = new BufferPool(4);
    byte[] a = new byte[16];
    byte[] b = new byte[16];
    java.util.Arrays.fill(a, (byte) 7);
    java.util.Arrays.fill(b, (byte) 9);
    pool.give(a);
    pool.give(b);
    pool.wipe();
    assertThat(a).containsOnly(0);
    assertThat(b).containsOnly(0);
    assertThat(pool.kept()).isZero();
    assertThat(pool.take(16)).isNotSameAs(a).isNotSameAs(b);
  }

  @Test
  void threadsGivingAndTakingNeverShareAnArray() throws Exception {
    BufferPool pool = new BufferPool(8);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    Set<byte[]> held = Collections.newSetFromMap(new IdentityHashMap<>());
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        all.add(threads.submit(() -> {
          for (int i = 0; i < 20_000; i++) {
            byte[] b = pool.take(32);
            synchronized (held) {
              assertThat(held.add(b)).as("an array taken twice at once").isTrue();
            }
            synchronized (held) {
              held.remove(b);
            }
            pool.give(b);
          }
          return null;
        }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(pool.kept()).isBetween(1, 8);
  }
}
