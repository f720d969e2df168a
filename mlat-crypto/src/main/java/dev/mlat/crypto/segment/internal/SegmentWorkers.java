package dev.mlat.crypto.segment.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads of the segment engine, shared by every encryptor and decryptor of the JVM:
 * one pool per thread count asked for, created at its first use, of at most that many
 * daemon threads named {@code mlat-segment-<size>-<n>}, which end after {@value #KEEP_ALIVE_SECONDS}
 * seconds without work. Starting and stopping a pool per attachment cost about 2 ms; calls that
 * run at the same time with the same thread count share the pool's threads (each call still keeps
 * at most twice that many segments in flight). An attachment of one segment is processed on the
 * calling thread ({@link #onCallingThread}).
 *
 * <p>Tasks are pure computation on their own buffers and never wait on one another, so sharing a
 * bounded pool cannot deadlock. Thread-safe.
 */
public final class SegmentWorkers {
  /** Seconds an idle worker lives. */
  public static final long KEEP_ALIVE_SECONDS = 30;
  /** Thread name prefix of the workers. */
  public static final String THREAD_PREFIX = "mlat-segment-";

  private static final ConcurrentHashMap<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

  private SegmentWorkers() {}

  /** The shared pool of {@code threads} workers (the builders allow 1 to 64, or the processor count by default). */
  public static ExecutorService pool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
    }
    return POOLS.computeIfAbsent(threads, SegmentWorkers::create);
  }

  /** Runs {@code task} now, on the calling thread; its outcome (value or exception) is in the returned future. */
  public static <T> Future<T> onCallingThread(Callable<T> task) {
    FutureTask<T> future = new FutureTask<>(task);
    future.run();
    return future;
  }

  private static ExecutorService create(int threads) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory = task -> {
      Thread thread = new Thread(task, THREAD_PREFIX + threads + "-" + counter.incrementAndGet());
      thread.setDaemon(true); // a stuck caller never keeps the JVM alive
      return thread;
    };
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), factory);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
