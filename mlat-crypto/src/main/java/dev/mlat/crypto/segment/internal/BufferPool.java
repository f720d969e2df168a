package dev.mlat.crypto.segment.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The arrays of one opening, reused from segment to segment: every segment but the last has the
 * same encoded size and the same plaintext size, so an opening of a GiB in 256 KiB segments takes
 * a handful of arrays instead of allocating (and zeroing, and collecting) two GiB of them. Measured:
 * about 70 young collections of a 128 MB heap per GiB opened before, each stopping every thread
 * (docs/PERFORMANCE.md, session 5).
 *
 * <p>{@link #take} gives an array of exactly the size asked (a kept one if it has that size, a new
 * one otherwise); {@link #give} keeps an array for reuse, at most {@code capacity} of them (others
 * are left to the garbage collector). {@link #wipe()} zeroes and drops every kept array: the
 * opening calls it when it ends, so that no plaintext outlives it in a kept array.
 *
 * <p>Thread-safe: workers and the digest lane give arrays back while the calling thread takes.
 */
public final class BufferPool {
  private final ConcurrentLinkedQueue<byte[]> kept = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;

  /** A pool keeping at most {@code capacity} arrays. */
  public BufferPool(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be 0 or more, not " + capacity);
    }
    this.capacity = capacity;
  }

  /** An array of exactly {@code length} bytes, with any content: the caller overwrites what it uses. */
  public byte[] take(int length) {
    byte[] b = kept.poll();
    if (b == null) {
      return new byte[length];
    }
    size.decrementAndGet();
    return b.length == length ? b : new byte[length];
  }

  /** Keeps {@code buffer} for a later {@link #take} (or drops it when the pool is full). */
  public void give(byte[] buffer) {
    if (size.incrementAndGet() <= capacity) {
      kept.offer(buffer);
    } else {
      size.decrementAndGet();
    }
  }

  /** Arrays kept now. */
  public int kept() {
    return size.get();
  }

  /** Zeroes and drops every kept array. */
  public void wipe() {
    for (byte[] b; (b = kept.poll()) != null; ) {
      size.decrementAndGet();
      Arrays.fill(b, (byte) 0);
    }
  }
}
