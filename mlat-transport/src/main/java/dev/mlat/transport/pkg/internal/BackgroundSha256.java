package dev.mlat.transport.pkg.internal;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A SHA-256 over a stream of bytes that moves to a helper thread once the stream is large, so that
 * the calling thread (which also reads, hashes the plaintext, computes the CRC and writes) is not the
 * one paying 0.6-0.8 s of a core per GiB for it (docs/PERFORMANCE.md, "Package pipeline").
 *
 * <p>The first {@value #INLINE_BYTES} bytes are hashed on the calling thread: small entries (the
 * message, the header) never start a thread. Past that, bytes are copied into at most
 * {@value #BUFFERS} buffers of {@value #BUFFER_BYTES} bytes in flight, so memory stays bounded
 * whatever the size. One writer thread only; not thread-safe. {@link #close()} stops the helper when
 * the digest was not taken (a failed write).
 */
public final class BackgroundSha256 implements AutoCloseable {
  static final int INLINE_BYTES = 1 << 20;
  static final int BUFFER_BYTES = 1 << 20;
  static final int BUFFERS = 4;

  private record Chunk(byte[] buffer, int length) {}

  private static final Chunk END = new Chunk(new byte[0], -1);

  private final MessageDigest digest = PackageFiles.sha256();
  private final String threadName;
  private long inline;
  private BlockingQueue<byte[]> free;
  private BlockingQueue<Chunk> filled;
  private FutureTask<byte[]> task;
  private byte[] buffer;
  private int buffered;
  private boolean done;

  /**
   * A digest whose helper thread, if one is needed, is called {@code threadName}; with {@code null},
   * every byte is hashed on the calling thread (no helper ever).
   */
  public BackgroundSha256(String threadName) {
    this.threadName = threadName;
  }

  /** Adds {@code len} bytes of {@code b} from {@code off}. */
  public void update(byte[] b, int off, int len) throws InterruptedIOException {
    if (done) {
      throw new IllegalStateException("the digest was taken already");
    }
    if (task == null) {
      if (threadName == null || inline + len <= INLINE_BYTES) {
        digest.update(b, off, len);
        inline += len;
        return;
      }
      start();
    }
    while (len > 0) {
      if (buffer == null) {
        buffer = take(free);
      }
      int n = Math.min(len, buffer.length - buffered);
      System.arraycopy(b, off, buffer, buffered, n);
      buffered += n;
      off += n;
      len -= n;
      if (buffered == buffer.length) {
        put(new Chunk(buffer, buffered));
        buffer = null;
        buffered = 0;
      }
    }
  }

  /** The SHA-256 of every byte given, once they are all hashed. */
  public byte[] digest() throws InterruptedIOException {
    if (done) {
      throw new IllegalStateException("the digest was taken already");
    }
    done = true;
    if (task == null) {
      return digest.digest();
    }
    if (buffer != null && buffered > 0) {
      put(new Chunk(buffer, buffered));
      buffer = null;
    }
    put(END);
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + threadName);
    } catch (ExecutionException e) {
      throw new IllegalStateException(threadName + " failed", e.getCause());
    }
  }

  /** Stops the helper thread if the digest was not taken. */
  @Override
  public void close() {
    done = true;
    if (task != null) {
      task.cancel(true); // a no-op when the digest is done
    }
  }

  private void start() {
    free = new ArrayBlockingQueue<>(BUFFERS);
    filled = new ArrayBlockingQueue<>(BUFFERS + 1);
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[BUFFER_BYTES]);
    }
    BlockingQueue<byte[]> freeBuffers = free;
    BlockingQueue<Chunk> filledBuffers = filled;
    task = new FutureTask<>(() -> {
      while (true) {
        Chunk c = filledBuffers.take();
        if (c.length() < 0) {
          return digest.digest();
        }
        digest.update(c.buffer(), 0, c.length());
        freeBuffers.put(c.buffer());
      }
    });
    Thread helper = new Thread(task, threadName);
    helper.setDaemon(true);
    helper.start();
  }

  private byte[] take(BlockingQueue<byte[]> queue) throws InterruptedIOException {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing");
    }
  }

  private void put(Chunk chunk) throws InterruptedIOException {
    try {
      filled.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing");
    }
  }
}
