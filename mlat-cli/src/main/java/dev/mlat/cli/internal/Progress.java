package dev.mlat.cli.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;

/**
 * Progress of long work on stderr, one line rewritten in place ({@code \r}); silent when the
 * process is not in a terminal, so that scripts and logs see only the one-line results and errors.
 * Not thread-safe.
 */
final class Progress {
  private static final long STEP = 8L << 20;

  private final PrintWriter err;
  private final boolean on;
  private boolean shown;

  Progress(CliContext context, PrintWriter err) {
    this.err = err;
    this.on = context.terminal();
  }

  /** Shows {@code what} (replacing the previous line). */
  void show(String what) {
    if (on) {
      err.print("\r\033[K" + what);
      err.flush();
      shown = true;
    }
  }

  /** Clears the line before the result is printed. */
  void done() {
    if (on && shown) {
      err.print("\r\033[K");
      err.flush();
      shown = false;
    }
  }

  /** {@code in}, showing how many of {@code total} bytes of {@code label} were read every 8 MiB. */
  InputStream counting(InputStream in, String label, long total) {
    if (!on) {
      return in;
    }
    return new FilterInputStream(in) {
      private long read;
      private long next = STEP;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          advance(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          advance(n);
        }
        return n;
      }

      private void advance(int n) {
        read += n;
        if (read >= next) {
          next = read + STEP;
          show(label + ": " + (read >> 20) + " of " + (total >> 20) + " MiB" + (total > 0 ? " (" + (100 * read / total) + " %)" : ""));
        }
      }
    };
  }
}
