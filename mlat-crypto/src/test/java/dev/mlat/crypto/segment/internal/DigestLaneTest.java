package dev.mlat.crypto.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A guard against a regression that blocks for ever (it interrupts the test), not a timing assertion.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DigestLaneTest {

  /** The helper threads alive now. */
  static List<Thread> laneThreads() {
    List<Thread> lanes = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(DigestLane.THREAD_NAME) && t.isAlive()) {
        lanes.add(t);
      }
    }
    return lanes;
  }

  @AfterEach
  void noLaneThreadIsLeft() {
    Thread.interrupted(); // a test that interrupted itself must not leak the flag into the next
    assertThat(laneThreads()).as("live " + DigestLane.THREAD_NAME + " threads").isEmpty();
  }

  static MessageDigest sha256() throws Exception {
    return MessageDigest.getInstance("SHA-256", "SUN");
  }

  static byte[] random(int length, long seed) {
    byte[] b = new byte[length];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Hands {@code chunks} over in order, the last one marked last; returns the lane's digest and whether it started. */
  static byte[] throughLane(List<byte[]> chunks, boolean[] started) throws Exception {
    try (DigestLane lane = new DigestLane(sha256())) {
      for (int i = 0; i < chunks.size(); i++) {
        byte[] c = chunks.get(i);
        lane.update(c, c.length, i == chunks.size() - 1);
      }
      started[0] = lane.started();
      return lane.digest();
    }
  }

  static byte[] direct(List<byte[]> chunks) throws Exception {
    MessageDigest md = sha256();
    chunks.forEach(md::update);
    return md.digest();
  }

  @Test
  void manyBuffersAreHashedInOrder() throws Exception {
    List<byte[]> chunks = new ArrayList<>();
    Random sizes = new Random(42);
    for (int i = 0; i < 600; i++) {
      chunks.add(random(1 + sizes.nextInt(16 << 10), i)); // about 4.8 MiB in 600 buffers of different sizes
    }
    boolean[] started = new boolean[1];
    assertThat(throughLane(chunks, started)).isEqualTo(direct(chunks));
    assertThat(started[0]).as("past the inline part the lane runs").isTrue();
  }

  @Test
  void upToTheInlineLimitNoThreadStarts() throws Exception {
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      chunks.add(random(4096, i)); // exactly DigestLane.INLINE_BYTES
    }
    boolean[] started = new boolean[1];
    assertThat(throughLane(chunks, started)).isEqualTo(direct(chunks));
    assertThat(started[0]).isFalse();
  }

  @Test
  void aLargeLastBufferBeforeTheLaneStartedIsHashedInline() throws Exception {
    List<byte[]> oneSegment = List.of(random(3 << 20, 1));
    boolean[] started = new boolean[1];
    assertThat(throughLane(oneSegment, started)).isEqualTo(direct(oneSegment));
    assertThat(started[0]).isFalse();
  }

  @Test
  void nothingGivenIsTheDigestOfNothing() throws Exception {
    try (DigestLane lane = new DigestLane(sha256())) {
      assertThat(lane.digest()).isEqualTo(sha256().digest());
    }
  }

  @Test
  void theCallerWaitsWhenTheLaneIsDepthBuffersBehind() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    GatedDigest gated = new GatedDigest(release);
    DigestLane lane = new DigestLane(gated);
    AtomicInteger handed = new AtomicInteger();
    AtomicReference<byte[]> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < DigestLane.DEPTH + 6; i++) {
      chunks.add(random(DigestLane.INLINE_BYTES / 2 + 1, i));
    }
    Thread caller = new Thread(() -> {
      try (lane) {
        for (int i = 0; i < chunks.size(); i++) {
          lane.update(chunks.get(i), chunks.get(i).length, i == chunks.size() - 1);
          handed.incrementAndGet();
        }
        result.set(lane.digest());
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "digest-lane-test-caller");
    caller.start();
    // Chunk 0 is inline (half the limit); chunk 1 starts the lane, which takes it and blocks in the
    // gated digest; DEPTH more fill the queue; the next hand-over must wait.
    int expectedHanded = 2 + DigestLane.DEPTH;
    awaitUntil(() -> gated.updatesOnLane.get() == 1 && handed.get() == expectedHanded && isWaiting(caller), caller);
    assertThat(handed.get()).as("the caller went no further than the lane's depth").isEqualTo(expectedHanded);
    assertThat(gated.updatesOnLane.get()).isEqualTo(1);
    release.countDown();
    caller.join(TimeUnit.MINUTES.toMillis(1));
    assertThat(failure.get()).isNull();
    assertThat(result.get()).isEqualTo(direct(chunks));
  }

  @Test
  void closeStopsALaneThatIsStillWorking() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    DigestLane lane = new DigestLane(new GatedDigest(never));
    lane.update(random(DigestLane.INLINE_BYTES, 1), DigestLane.INLINE_BYTES, false);
    lane.update(random(4096, 2), 4096, false); // starts the lane, which blocks in the gated digest
    lane.update(random(4096, 3), 4096, false);
    assertThat(lane.started()).isTrue();
    assertThat(laneThreads()).hasSize(1);
    lane.close(); // interrupts the gated digest and waits for the thread
    assertThat(laneThreads()).isEmpty();
    assertThatThrownBy(() -> lane.update(new byte[1], 1, true)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(lane::digest).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anInterruptedCallerStopsWaitingAndTheLaneEnds() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    try (DigestLane lane = new DigestLane(new GatedDigest(never))) {
      lane.update(random(DigestLane.INLINE_BYTES, 1), DigestLane.INLINE_BYTES, false);
      for (int i = 0; i <= DigestLane.DEPTH; i++) {
        lane.update(new byte[16], 16, false); // the lane holds the first, DEPTH wait
      }
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> lane.update(new byte[16], 16, false)).isInstanceOf(InterruptedIOException.class);
      assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
      lane.close();
      assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept by close").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(laneThreads()).isEmpty();
  }

  @Test
  void aFailingLaneFailsTheCallerInsteadOfBlockingIt() throws Exception {
    MessageDigest failing = new GatedDigest(null) {
      @Override
      protected void engineUpdate(byte[] input, int offset, int len) {
        if (Thread.currentThread().getName().equals(DigestLane.THREAD_NAME)) {
          throw new IllegalStateException("simulated provider failure");
        }
        super.engineUpdate(input, offset, len);
      }
    };
    try (DigestLane lane = new DigestLane(failing)) {
      lane.update(random(DigestLane.INLINE_BYTES, 1), DigestLane.INLINE_BYTES, false);
      assertThatThrownBy(() -> {
        for (int i = 0; i < 100; i++) { // more than DEPTH: a dead lane would block a naive caller forever
          lane.update(new byte[16], 16, false);
        }
        lane.digest();
      }).isInstanceOf(IllegalStateException.class).hasMessageContaining(DigestLane.THREAD_NAME)
          .hasRootCauseMessage("simulated provider failure");
    }
    assertThat(laneThreads()).isEmpty();
  }

  @Test
  void theDigestIsTakenOnce() throws Exception {
    try (DigestLane lane = new DigestLane(sha256())) {
      lane.update(new byte[10], 10, true);
      lane.digest();
      assertThatThrownBy(lane::digest).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> lane.update(new byte[1], 1, true)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void lengthsOutsideTheBufferAreRefused() throws Exception {
    try (DigestLane lane = new DigestLane(sha256())) {
      assertThatThrownBy(() -> lane.update(new byte[4], 5, false)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> lane.update(new byte[4], -1, false)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  private static boolean isWaiting(Thread t) {
    Thread.State s = t.getState();
    return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
  }

  /** Polls {@code condition} (no timing assertion: the generous bound only keeps a broken build from hanging). */
  private static void awaitUntil(java.util.function.BooleanSupplier condition, Thread caller) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline || !caller.isAlive()) {
        throw new AssertionError("condition not reached; caller " + caller.getState());
      }
      Thread.sleep(5);
    }
  }

  /**
   * SHA-256 whose updates on the lane thread wait for {@code gate} (interruptibly: an interrupt
   * makes the update return at once, as close() expects of a lane that must stop).
   */
  static class GatedDigest extends MessageDigest {
    private final MessageDigest real;
    private final CountDownLatch gate;
    final AtomicInteger updatesOnLane = new AtomicInteger();

    GatedDigest(CountDownLatch gate) throws Exception {
      super("SHA-256");
      this.real = sha256();
      this.gate = gate;
    }

    @Override
    protected void engineUpdate(byte input) {
      engineUpdate(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
      if (gate != null && Thread.currentThread().getName().equals(DigestLane.THREAD_NAME)) {
        updatesOnLane.incrementAndGet();
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      real.update(input, offset, len);
    }

    @Override
    protected byte[] engineDigest() {
      return real.digest();
    }

    @Override
    protected void engineReset() {
      real.reset();
    }
  }

  @Test
  void theReleaseHookGetsEveryBufferOnceInOrderAfterItWasHashed() throws Exception {
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      chunks.add(random(64 << 10, i)); // 2.5 MiB: past the inline part, so the lane thread runs
    }
    List<byte[]> released = java.util.Collections.synchronizedList(new ArrayList<>());
    MessageDigest expected = sha256();
    byte[] digest;
    try (DigestLane lane = new DigestLane(sha256(), b -> {
      released.add(b);
    })) {
      for (int i = 0; i < chunks.size(); i++) {
        byte[] c = chunks.get(i);
        expected.update(c);
        lane.update(c, c.length, i == chunks.size() - 1);
      }
      assertThat(lane.started()).isTrue();
      digest = lane.digest();
    }
    assertThat(digest).isEqualTo(expected.digest());
    assertThat(released).hasSameSizeAs(chunks);
    for (int i = 0; i < chunks.size(); i++) {
      assertThat(released.get(i)).as("buffer " + i).isSameAs(chunks.get(i));
    }
  }

  @Test
  void aBufferReusedAfterItsReleaseDoesNotChangeTheDigest() throws Exception {
    // what the segment engine does: the caller overwrites a buffer as soon as the lane gave it back
    java.util.concurrent.LinkedBlockingQueue<byte[]> free = new java.util.concurrent.LinkedBlockingQueue<>();
    for (int i = 0; i < 3; i++) {
      free.add(new byte[32 << 10]);
    }
    MessageDigest expected = sha256();
    byte[] digest;
    try (DigestLane lane = new DigestLane(sha256(), free::add)) {
      for (int i = 0; i < 200; i++) {
        byte[] b = free.take();
        new Random(i).nextBytes(b);
        expected.update(b);
        lane.update(b, b.length, i == 199);
      }
      digest = lane.digest();
    }
    assertThat(digest).isEqualTo(expected.digest());
  }
}
