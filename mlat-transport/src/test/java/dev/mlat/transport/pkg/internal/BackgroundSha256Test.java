package dev.mlat.transport.pkg.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BackgroundSha256Test {

  private static byte[] expected(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

  private static byte[] hashInChunks(BackgroundSha256 digest, byte[] data, Random chunks, int maxChunk) throws Exception {
    int off = 0;
    while (off < data.length) {
      int n = Math.min(data.length - off, 1 + chunks.nextInt(maxChunk));
      digest.update(data, off, n);
      off += n;
    }
    return digest.digest();
  }

  @Property(tries = 40)
  void theDigestIsSha256WhateverTheSizesAndChunks(@ForAll @IntRange(min = 0, max = 6 << 20) int size,
      @ForAll @IntRange(min = 1, max = 3 << 20) int maxChunk, @ForAll long seed) throws Exception {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    try (BackgroundSha256 digest = new BackgroundSha256("test-digest")) {
      assertThat(hashInChunks(digest, data, new Random(seed + 1), maxChunk)).isEqualTo(expected(data));
    }
  }

  @Test
  void theBoundariesOfTheInlinePartAndOfTheBuffersHashCorrectly() throws Exception {
    int[] sizes = {0, 1, BackgroundSha256.INLINE_BYTES - 1, BackgroundSha256.INLINE_BYTES, BackgroundSha256.INLINE_BYTES + 1,
        BackgroundSha256.INLINE_BYTES + BackgroundSha256.BUFFER_BYTES * BackgroundSha256.BUFFERS * 2 + 5};
    for (int size : sizes) {
      byte[] data = new byte[size];
      new Random(size).nextBytes(data);
      for (String thread : new String[] {"test-digest", null}) {
        try (BackgroundSha256 digest = new BackgroundSha256(thread)) {
          assertThat(hashInChunks(digest, data, new Random(3), 100_000)).as("size %d, thread %s", size, thread)
              .isEqualTo(expected(data));
        }
      }
    }
  }

  @Test
  void withoutAThreadNameNoThreadIsStarted() throws Exception {
    byte[] data = new byte[3 * BackgroundSha256.INLINE_BYTES];
    try (BackgroundSha256 digest = new BackgroundSha256(null)) {
      digest.update(data, 0, data.length);
      assertThat(threadsNamed("test-inline")).isZero();
      assertThat(digest.digest()).isEqualTo(expected(data));
    }
  }

  @Test
  void closingBeforeTheDigestStopsTheHelper() throws Exception {
    byte[] data = new byte[3 * BackgroundSha256.INLINE_BYTES];
    BackgroundSha256 digest = new BackgroundSha256("test-abandoned");
    digest.update(data, 0, data.length);
    assertThat(threadsNamed("test-abandoned")).isEqualTo(1);
    digest.close();
    for (int i = 0; i < 100 && threadsNamed("test-abandoned") > 0; i++) {
      Thread.sleep(50);
    }
    assertThat(threadsNamed("test-abandoned")).isZero();
    assertThatThrownBy(() -> digest.update(data, 0, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theDigestIsTakenOnce() throws Exception {
    try (BackgroundSha256 digest = new BackgroundSha256("test-once")) {
      digest.digest();
      assertThatThrownBy(digest::digest).isInstanceOf(IllegalStateException.class);
    }
  }

  private static long threadsNamed(String name) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals(name)).count();
  }
}
