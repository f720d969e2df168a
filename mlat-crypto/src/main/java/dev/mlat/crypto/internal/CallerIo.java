package dev.mlat.crypto.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Marks I/O failures of the caller's own streams (the message source, the plaintext sink), so
 * that a parser can tell them from BouncyCastle's parse errors, which are also IOExceptions:
 * the first are rethrown as they are, the second become CMS_MALFORMED.
 */
public final class CallerIo {
  private CallerIo() {}

  /** An I/O failure of a caller's stream; {@link #getCause()} is the original. */
  public static final class CallerIoException extends IOException {
    private static final long serialVersionUID = 1L;

    CallerIoException(IOException cause) {
      super(cause.getMessage(), cause);
    }

    /** The caller's original exception. */
    public IOException original() {
      return (IOException) getCause();
    }
  }

  /** The caller's exception hidden anywhere in {@code e}'s cause chain, if any. */
  public static IOException callerFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CallerIoException) {
        return ((CallerIoException) t).original();
      }
    }
    return null;
  }

  /** Wraps the caller's source. */
  public static InputStream source(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw new CallerIoException(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException e) {
          throw new CallerIoException(e);
        }
      }
    };
  }

  /** Wraps the caller's sink. */
  public static OutputStream sink(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw new CallerIoException(e);
        }
      }

      @Override
      public void write(int b) throws IOException {
        try {
          out.write(b);
        } catch (IOException e) {
          throw new CallerIoException(e);
        }
      }
    };
  }
}
