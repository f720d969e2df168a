package dev.mlat.crypto.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that fails with {@link LimitExceededException} once more than a limit is read. */
public final class BoundedInputStream extends FilterInputStream {
  /** Thrown through the stream when the limit is passed. */
  public static final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceededException(String message) {
      super(message);
    }
  }

  private final long limit;
  private final String what;
  private long count;

  public BoundedInputStream(InputStream in, long limit, String what) {
    super(in);
    this.limit = limit;
    this.what = what;
  }

  private void add(long n) throws LimitExceededException {
    if (n > 0) {
      count += n;
      if (count > limit) {
        throw new LimitExceededException(what + " is larger than the limit of " + limit + " bytes");
      }
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    add(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    add(s);
    return s;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
