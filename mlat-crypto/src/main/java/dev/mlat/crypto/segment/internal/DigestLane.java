package dev.mlat.crypto.segment.internal;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The whole-plaintext digest of one sealing or opening, computed on a dedicated helper thread (the
 * "digest lane", named {@value #THREAD_NAME}) so that the calling thread, which also reads,
 * dispatches segments to the workers and writes, does not pay 0.6-0.8 s of a core per GiB for it.
 *
 * <p><b>Order.</b> Buffers are hashed strictly in the order {@link #update} is called, on one
 * thread: the digest equals the digest of the concatenation.
 *
 * <p><b>Ownership.</b> The lane takes the buffer given to {@link #update} without copying it: the
 * caller must not modify it afterwards. With a release hook ({@link #DigestLane(MessageDigest,
 * Consumer)}) the lane gives each buffer back once it hashed it (on the lane thread, or on the
 * caller's for the inline part), in order, so that the caller can reuse it; a buffer still waiting
 * when the lane is closed is not given back.
 *
 * <p><b>Small inputs stay inline.</b> The first {@value #INLINE_BYTES} bytes, and a buffer marked
 * last before the lane started, are hashed on the calling thread: an attachment of one segment or
 * of at most {@value #INLINE_BYTES} bytes never starts a thread.
 *
 * <p><b>Bounded memory.</b> At most {@value #DEPTH} buffers wait on the lane, plus the one it is
 * hashing; {@link #update} blocks while the lane is that far behind.
 *
 * <p><b>Thread lifecycle.</b> The helper is a daemon thread started by the first {@link #update}
 * past the inline part. It has ended when {@link #digest()} returns or throws, and when
 * {@link #close()} returns (close interrupts it and waits for it; it waits at most for the
 * hashing of one buffer). Use in try-with-resources: {@code close()} after {@code digest()} is a
 * no-op. If the helper fails, the next {@code update} or {@code digest} throws instead of blocking.
 *
 * <p>One calling thread only; not thread-safe.
 */
public final class DigestLane implements AutoCloseable {
  /** Name of the helper thread. */
  public static final String THREAD_NAME = "mlat-plaintext-digest";
  /** Bytes hashed on the calling thread before the lane starts. */
  public static final int INLINE_BYTES = 1 << 20;
  /** Buffers that may wait on the lane (besides the one being hashed). */
  public static final int DEPTH = 4;

  private static final long CHECK_MILLIS = 100;

  private record Chunk(byte[] bytes, int length) {}

  private static final Chunk END = new Chunk(new byte[0], -1);

  private final MessageDigest digest;
  private final Consumer<byte[]> release;
  private long inline;
  private ArrayBlockingQueue<Chunk> queue;
  private FutureTask<byte[]> task;
  private Thread thread;
  private boolean finished;

  /**
   * A lane over {@code digest}, which it owns from now on (a fresh instance, not shared).
   */
  public DigestLane(MessageDigest digest) {
    this(digest, buffer -> { });
  }

  /**
   * A lane over {@code digest} (a fresh instance, which it owns from now on) that gives every buffer
   * it hashed to {@code release}, in the order they were given; {@code release} must be thread-safe
   * and must not throw.
   */
  public DigestLane(MessageDigest digest, Consumer<byte[]> release) {
    this.digest = Objects.requireNonNull(digest, "digest");
    this.release = Objects.requireNonNull(release, "release");
  }

  /**
   * Adds the first {@code length} bytes of {@code buffer}, which the caller gives up (it must not
   * modify it afterwards).
   *
   * @param last whether this is the last buffer (a last buffer before the lane started is hashed
   *     inline)
   * @throws InterruptedIOException if interrupted while the lane is full (the interrupt flag is set
   *     again); close the lane
   * @throws IllegalStateException after {@link #digest()} or {@link #close()}, or if the helper
   *     failed
   */
  public void update(byte[] buffer, int length, boolean last) throws InterruptedIOException {
    Objects.requireNonNull(buffer, "buffer");
    Objects.checkFromIndexSize(0, length, buffer.length);
    if (finished) {
      throw new IllegalStateException("the plaintext digest was taken or the lane closed already");
    }
    if (task == null) {
      if (last || inline + length <= INLINE_BYTES) {
        digest.update(buffer, 0, length);
        inline += length;
        release.accept(buffer);
        return;
      }
      start();
    }
    if (length > 0) {
      put(new Chunk(buffer, length));
    } else {
      release.accept(buffer);
    }
  }

  /**
   * The digest of every byte given, once the lane hashed them all; the helper thread has ended when
   * this returns or throws.
   *
   * @throws InterruptedIOException if interrupted while waiting (the interrupt flag is set again);
   *     the helper is stopped
   * @throws IllegalStateException if called twice or after {@link #close()}, or if the helper failed
   */
  public byte[] digest() throws InterruptedIOException {
    if (finished) {
      throw new IllegalStateException("the plaintext digest was taken or the lane closed already");
    }
    if (task == null) {
      finished = true;
      return digest.digest();
    }
    boolean done = false;
    try {
      put(END);
      byte[] result = task.get();
      done = true;
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + THREAD_NAME);
    } catch (ExecutionException e) {
      throw failed(e.getCause());
    } finally {
      finished = true;
      if (!done) {
        task.cancel(true);
      }
      awaitEnd();
    }
  }

  /** Whether the helper thread was started (false when everything was hashed inline). */
  public boolean started() {
    return task != null;
  }

  /**
   * Stops the helper, if running, and waits until it has ended (at most the hashing of one
   * buffer); a no-op after {@link #digest()}. Never throws; keeps the caller's interrupt status.
   */
  @Override
  public void close() {
    finished = true;
    if (task != null) {
      task.cancel(true);
      awaitEnd();
    }
  }

  private void start() {
    ArrayBlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(DEPTH);
    MessageDigest md = digest;
    Consumer<byte[]> done = release;
    FutureTask<byte[]> lane = new FutureTask<>(() -> {
      while (true) {
        Chunk c = chunks.take();
        if (c.length() < 0) {
          return md.digest();
        }
        md.update(c.bytes(), 0, c.length());
        done.accept(c.bytes());
      }
    });
    Thread helper = new Thread(lane, THREAD_NAME);
    helper.setDaemon(true); // never keeps the JVM alive
    queue = chunks;
    task = lane;
    thread = helper;
    helper.start(); // happens-before: the inline part of md is visible to the helper
  }

  private void put(Chunk chunk) throws InterruptedIOException {
    try {
      // Bounded waits so that a helper that died (it never takes again) is noticed instead of
      // blocking forever; offer returns as soon as the lane frees a place.
      while (!queue.offer(chunk, CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
        if (task.isDone()) {
          throw failed(causeOf(task));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while handing plaintext to " + THREAD_NAME);
    }
  }

  private static Throwable causeOf(FutureTask<byte[]> task) {
    try {
      task.get();
      return new IllegalStateException(THREAD_NAME + " ended early");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | java.util.concurrent.CancellationException e) {
      return e;
    }
  }

  private static RuntimeException failed(Throwable cause) {
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new IllegalStateException(THREAD_NAME + " failed: " + cause, cause);
  }

  /** Waits for the helper thread to end, keeping (and restoring) the caller's interrupt status. */
  private void awaitEnd() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
