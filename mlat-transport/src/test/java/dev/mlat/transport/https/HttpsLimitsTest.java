package dev.mlat.transport.https;

import static dev.mlat.transport.https.HttpsFixture.DE_BFJ;
import static dev.mlat.transport.https.HttpsFixture.FR_MOJ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.support.SettableClock;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsLimitsTest {
  @TempDir static Path folder;
  static HttpsFixture pki;
  static TrustVerifier verifier;

  @BeforeAll
  static void setUp() throws Exception {
    pki = new HttpsFixture(folder);
    verifier = pki.verifier();
  }

  private HttpsReceiver receiver(String store, HttpsLimits limits, IncomingPackages incoming, java.time.Clock clock) throws Exception {
    var r = HttpsReceiver.builder(verifier, pki.tls(pki.de, "DE-BFJ"), incoming, HttpsFixture.ROUTING, folder.resolve(store))
        .limits(limits).clock(clock).build();
    r.start();
    return r;
  }

  private HttpsChannel channel(HttpsReceiver r) {
    return HttpsChannel.builder(verifier, pki.tls(pki.fr, "FR-S1")).endpoint(DE_BFJ, HttpsFixture.endpoint(r)).build();
  }

  @Test
  void uploadsBeyondTheConcurrencyLimitAreAnswered429WithRetryAfter() throws Exception {
    var limits = HttpsLimits.DEFAULTS.withMaxConcurrentUploads(1);
    try (var r = receiver("busy", limits, new HttpsFixture.Application(), java.time.Clock.systemUTC())) {
      Path stalled = folder.resolve("stalled.mlat");
      String stalledSha = HttpsFixture.writePackage(stalled, FR_MOJ, "OK", 500_000);
      Path other = folder.resolve("other.mlat");
      String otherSha = HttpsFixture.writePackage(other, FR_MOJ, "OK", 100);
      try (var socket = HttpsFixture.startUpload(r, verifier, pki.tls(pki.fr, "FR-MOJ"), stalled, stalledSha, 100_000)) {
        awaitState(r, stalledSha, "partial");

        Answer answer = channel(r).deliver(other, otherSha, "msg-other", DE_BFJ);

        assertThat(answer).isEqualTo(Answer.temporaryFailure(Duration.ofSeconds(5)));
      }
    }
  }

  @Test
  void aSecondUploadOfTheSamePackageWhileOneRunsIsATemporaryFailure() throws Exception {
    try (var r = receiver("same", HttpsLimits.DEFAULTS, new HttpsFixture.Application(), java.time.Clock.systemUTC())) {
      Path file = folder.resolve("same.mlat");
      String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 500_000);
      try (var socket = HttpsFixture.startUpload(r, verifier, pki.tls(pki.fr, "FR-MOJ"), file, sha, 100_000)) {
        awaitState(r, sha, "partial");

        Answer answer = channel(r).deliver(file, sha, "msg-same", DE_BFJ);

        assertThat(answer).isInstanceOf(Answer.TemporaryFailure.class);
      }
    }
  }

  @Test
  void partialUploadsOlderThanTheMaximumAgeArePurged() throws Exception {
    var clock = new SettableClock(Instant.now());
    try (var r = receiver("purge", HttpsLimits.DEFAULTS, new HttpsFixture.Application(), clock)) {
      Path file = folder.resolve("abandoned.mlat");
      String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 500_000);
      HttpsFixture.startUpload(r, verifier, pki.tls(pki.fr, "FR-MOJ"), file, sha, 100_000).close();
      awaitState(r, sha, "partial");
      assertThat(r.purgeStaleUploads()).isZero();

      clock.instant = clock.instant.plus(HttpsLimits.DEFAULTS.maxHeldUploadAge()).plus(Duration.ofMinutes(1));

      assertThat(r.purgeStaleUploads()).isEqualTo(1);
      assertThat(HttpsFixture.uploadState(r, verifier, pki.tls(pki.fr, "FR-MOJ"), sha)).isEqualTo("none@0");
    }
  }

  @Test
  void anAnswerLargerThanTheSendersLimitIsRefused() throws Exception {
    IncomingPackages bigReceipt = (peer, file, sha) -> Answer.receipt(new byte[4096]);
    try (var r = receiver("big-answer", HttpsLimits.DEFAULTS, bigReceipt, java.time.Clock.systemUTC())) {
      Path file = folder.resolve("big-answer.mlat");
      String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 100);
      var channel = HttpsChannel.builder(verifier, pki.tls(pki.fr, "FR-S1")).endpoint(DE_BFJ, HttpsFixture.endpoint(r))
          .maxAnswerBytes(1024).build();

      assertThatThrownBy(() -> channel.deliver(file, sha, "m", DE_BFJ))
          .isInstanceOfSatisfying(MlatTransportException.class,
              e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_REQUEST_INVALID));
    }
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> HttpsLimits.DEFAULTS.withMaxPackageBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpsLimits.DEFAULTS.withUploadIdleTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpsLimits.DEFAULTS.withMaxConcurrentUploads(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HttpsLimits(1, Duration.ofSeconds(1), 1, Duration.ofMillis(10), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("busyRetryAfter");
  }

  private void awaitState(HttpsReceiver r, String sha, String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      String s = HttpsFixture.uploadState(r, verifier, pki.tls(pki.fr, "FR-MOJ"), sha);
      if (s.startsWith(state + "@") && !s.endsWith("@0")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("upload of " + sha + " never reached " + state);
  }
}
