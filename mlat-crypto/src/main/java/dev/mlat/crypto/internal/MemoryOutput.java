package dev.mlat.crypto.internal;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An in-memory output stream without {@link java.io.ByteArrayOutputStream}'s lock on every call.
 * BouncyCastle's ASN.1 encoder writes identifiers and lengths one byte at a time; through a
 * {@code ByteArrayOutputStream} (synchronized methods) and a filter stream that was a noticeable
 * share of encoding a small SignedData. Grows like {@code ByteArrayOutputStream} (doubling).
 *
 * <p>Not thread-safe: one writer, as every use in this library.
 */
public final class MemoryOutput extends OutputStream {
  private byte[] buffer;
  private int count;

  /** An empty output with room for {@code capacity} bytes before it grows. */
  public MemoryOutput(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("negative capacity " + capacity);
    }
    this.buffer = new byte[capacity];
  }

  private void ensure(int more) {
    int needed = count + more;
    if (needed < 0) {
      throw new OutOfMemoryError("more than 2 GiB in memory");
    }
    if (needed > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * buffer.length + 64)));
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    ensure(len);
    System.arraycopy(b, off, buffer, count, len);
    count += len;
  }

  /** How many bytes were written. */
  public int size() {
    return count;
  }

  /** A copy of the bytes written (the buffer itself when it is exactly full). */
  public byte[] toByteArray() {
    return count == buffer.length ? buffer : Arrays.copyOf(buffer, count);
  }
}
