package dev.mlat.crypto.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.segment.AttachmentKey;
import dev.mlat.crypto.segment.PlaintextSink;
import dev.mlat.crypto.segment.SegmentManifest;
import dev.mlat.crypto.segment.SegmentedDecryptor;
import dev.mlat.crypto.segment.SegmentedEncryptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The segment engine's worker threads: shared between calls (no pool, and no thread, per call),
 * bounded by the thread count, daemon, and not used at all for an attachment of one segment.
 * Each test uses a thread count no other test uses, so that it sees only its own pool.
 */
class SegmentWorkersTest {
  private static final int SEGMENT = SegmentedEncryptor.MIN_SEGMENT_SIZE;

  static List<Thread> workers(int poolSize) {
    var out = new ArrayList<Thread>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(SegmentWorkers.THREAD_PREFIX + poolSize + "-") && t.isAlive()) {
        out.add(t);
      }
    }
    return out;
  }

  static byte[] roundTrip(int threads, byte[] plaintext) throws Exception {
    var key = AttachmentKey.generate(new SecureRandom());
    var segments = new ByteArrayOutputStream();
    SegmentManifest manifest = SegmentedEncryptor.builder().segmentSize(SEGMENT).threads(threads).build()
        .seal(key, new ByteArrayInputStream(plaintext), segments);
    var released = new ByteArrayOutputStream();
    SegmentedDecryptor.builder().threads(threads).build().open(manifest, key, new ByteArrayInputStream(segments.toByteArray()),
        new PlaintextSink() {
          @Override
          public void write(byte[] bytes, int offset, int length) {
            released.write(bytes, offset, length);
          }

          @Override
          public void commit() {}

          @Override
          public void abort() {}
        });
    return released.toByteArray();
  }

  @Test
  void manyCallsShareABoundedPoolOfDaemonThreads() throws Exception {
    int threads = 3;
    byte[] plaintext = new byte[5 * SEGMENT + 11];
    new Random(1).nextBytes(plaintext);
    for (int i = 0; i < 40; i++) {
      assertThat(roundTrip(threads, plaintext)).isEqualTo(plaintext);
    }
    List<Thread> workers = workers(threads);
    assertThat(workers).isNotEmpty().hasSizeLessThanOrEqualTo(threads).allMatch(Thread::isDaemon);
    assertThat(SegmentWorkers.pool(threads)).isSameAs(SegmentWorkers.pool(threads));
  }

  @Test
  void concurrentCallsStayWithinTheBound() throws Exception {
    int threads = 5;
    byte[] plaintext = new byte[9 * SEGMENT + 1];
    new Random(2).nextBytes(plaintext);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      var results = new ArrayList<Future<byte[]>>();
      for (int i = 0; i < 16; i++) {
        results.add(callers.submit(() -> roundTrip(threads, plaintext)));
      }
      for (var r : results) {
        assertThat(r.get()).isEqualTo(plaintext);
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(workers(threads)).hasSizeLessThanOrEqualTo(threads);
  }

  @Test
  void anAttachmentOfOneSegmentIsProcessedOnTheCallingThread() throws Exception {
    int threads = 7;
    for (int length : new int[] {0, 1, 100, SEGMENT - 1}) {
      byte[] plaintext = new byte[length];
      new Random(length).nextBytes(plaintext);
      assertThat(roundTrip(threads, plaintext)).isEqualTo(plaintext);
    }
    assertThat(workers(threads)).as("no worker was started for one-segment attachments").isEmpty();
  }

  @Test
  void aTaskOnTheCallingThreadKeepsItsFailureForTheCaller() {
    var failed = SegmentWorkers.onCallingThread(() -> {
      throw new IllegalStateException("boom");
    });
    assertThat(failed.isDone()).isTrue();
    assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("boom");
    assertThatThrownBy(() -> SegmentWorkers.pool(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
