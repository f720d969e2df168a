package dev.mlat.crypto.internal;

import java.io.InputStream;
import java.util.Objects;

/**
 * An input stream over a byte array without {@link java.io.ByteArrayInputStream}'s lock on every
 * call. BouncyCastle's BER parser reads everything inside an indefinite-length value one byte at a
 * time; over a {@code ByteArrayInputStream} (synchronized {@code read()}) that lock was a visible
 * share of parsing a small CMS message. The array is not copied and must not change while read.
 *
 * <p>Not thread-safe: one reader, as every use in this library.
 */
public final class MemoryInput extends InputStream {
  private final byte[] bytes;
  private int position;

  public MemoryInput(byte[] bytes) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  @Override
  public int read() {
    return position < bytes.length ? bytes[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (position >= bytes.length) {
      return -1;
    }
    int n = Math.min(len, bytes.length - position);
    System.arraycopy(bytes, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, bytes.length - position));
    position += (int) skipped;
    return skipped;
  }

  @Override
  public int available() {
    return bytes.length - position;
  }
}
