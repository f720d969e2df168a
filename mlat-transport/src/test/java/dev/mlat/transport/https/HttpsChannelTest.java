package dev.mlat.transport.https;

import static dev.mlat.transport.https.HttpsFixture.DE;
import static dev.mlat.transport.https.HttpsFixture.DE_BFJ;
import static dev.mlat.transport.https.HttpsFixture.FR_MOJ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.PartyId;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.internal.PeerTrust;
import dev.mlat.transport.https.internal.TlsContexts;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsChannelTest {
  @TempDir static Path folder;
  static HttpsFixture pki;
  static TrustVerifier verifier;
  static HttpsFixture.Application application;
  static HttpsReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    pki = new HttpsFixture(folder);
    verifier = pki.verifier();
    application = new HttpsFixture.Application();
    receiver = HttpsReceiver.builder(verifier, pki.tls(pki.de, "DE-BFJ"), application, HttpsFixture.ROUTING, folder.resolve("store"))
        .limits(HttpsLimits.DEFAULTS.withUploadIdleTimeout(Duration.ofMillis(800)))
        .build();
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  HttpsChannel channel() {
    return HttpsChannel.builder(verifier, pki.tls(pki.fr, "FR-MOJ")).endpoint(DE_BFJ, HttpsFixture.endpoint(receiver)).build();
  }

  @Test
  void anInterruptedUploadResumesFromTheBytesTheReceiverHolds() throws Exception {
    Path file = folder.resolve("resume.mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 4_000_000);
    long size = Files.size(file);

    try (SSLSocket socket = rawSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write(("PUT /v1/packages/" + sha + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + size + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      try (InputStream in = Files.newInputStream(file)) {
        out.write(in.readNBytes(2_500_000));
      }
      out.flush();
    } // the connection drops part-way
    long held = waitForHeld(sha, 1);
    assertThat(held).isPositive().isLessThan(size);
    // Change the bytes the receiver already holds: only a resumed upload still matches the digest.
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(100);
      raf.write(new byte[(int) Math.min(held - 100, 100_000)]);
    }

    Answer answer = channel().deliver(file, sha, "msg-resume", DE_BFJ);

    assertThat(answer).isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));
    assertThat(application.count(sha)).isEqualTo(1);
  }

  @Test
  void anUploadThatStallsIsCutAfterTheIdleTimeoutAndItsBytesAreKept() throws Exception {
    Path file = folder.resolve("stall.mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 1_000_000);
    long size = Files.size(file);

    try (SSLSocket socket = rawSocket()) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("PUT /v1/packages/" + sha + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + size + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      try (InputStream in = Files.newInputStream(file)) {
        out.write(in.readNBytes(300_000));
      }
      out.flush();
      // then nothing: the receiver must close the connection, not wait forever
      byte[] rest = socket.getInputStream().readAllBytes();
      assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("200 OK");
    } catch (java.io.IOException closed) {
      // a reset is as good as an end of stream: the receiver gave up on the stalled upload
    }
    assertThat(waitForHeld(sha, 1)).isPositive();

    assertThat(channel().deliver(file, sha, "msg-stall", DE_BFJ)).isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));
  }

  @Test
  void aServerOfAnotherJurisdictionThanTheDestinationIsRefused() throws Exception {
    var app = new HttpsFixture.Application();
    try (var frServer = HttpsReceiver.builder(verifier, pki.tls(pki.fr, "FR-MOJ"), app, HttpsFixture.ROUTING, folder.resolve("fr-store")).build()) {
      frServer.start();
      var channel = HttpsChannel.builder(verifier, pki.tls(pki.fr, "FR-S1")).endpoint(DE_BFJ, HttpsFixture.endpoint(frServer)).build();
      Path file = folder.resolve("misrouted.mlat");
      String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 100);

      assertThatThrownBy(() -> channel.deliver(file, sha, "msg-misrouted", DE_BFJ))
          .isInstanceOfSatisfying(MlatTransportException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_PEER_REFUSED);
            assertThat(e.getMessage()).contains("CERTIFICATE_WRONG_JURISDICTION");
          });
      assertThat(app.count(sha)).isZero();
    }
  }

  @Test
  void afterATemporaryFailureTheHeldPackageIsHandedOverWithoutBeingSentAgain() throws Exception {
    var failures = new java.util.concurrent.atomic.AtomicInteger(1);
    var app = new HttpsFixture.Application();
    IncomingPackages flaky = (peer, file, sha) -> {
      if (failures.getAndDecrement() > 0) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "ledger unreachable");
      }
      return app.receive(peer, file, sha);
    };
    try (var r = HttpsReceiver.builder(verifier, pki.tls(pki.de, "DE-BFJ"), flaky, HttpsFixture.ROUTING, folder.resolve("flaky")).build()) {
      r.start();
      var channel = HttpsChannel.builder(verifier, pki.tls(pki.fr, "FR-MOJ")).endpoint(DE_BFJ, HttpsFixture.endpoint(r)).build();
      Path file = folder.resolve("flaky.mlat");
      String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 200_000);

      assertThat(channel.deliver(file, sha, "msg-flaky", DE_BFJ)).isEqualTo(Answer.temporaryFailure(Duration.ofSeconds(5)));
      // The receiver holds the verified package: changing the local copy shows it is not sent again.
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        raf.seek(100);
        raf.write(new byte[1000]);
      }
      assertThat(channel.deliver(file, sha, "msg-flaky", DE_BFJ)).isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));
      assertThat(app.count(sha)).isEqualTo(1);
    }
  }

  @Test
  void aDestinationWithoutEndpointIsReported() throws Exception {
    Path file = folder.resolve("nowhere.mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 10);

    assertThatThrownBy(() -> channel().deliver(file, sha, "m", new PartyId(DE, "DE-POL")))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_ENDPOINT_UNKNOWN));
  }

  @Test
  void aClosedEndpointIsATransientConnectionFailure() throws Exception {
    Path file = folder.resolve("closed.mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 10);
    var channel = HttpsChannel.builder(verifier, pki.tls(pki.fr, "FR-MOJ")).endpoint(DE_BFJ, URI.create("https://127.0.0.1:1/")).build();

    assertThatThrownBy(() -> channel.deliver(file, sha, "m", DE_BFJ))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_CONNECTION_FAILED));
  }

  @Test
  void callerBugsAreRejected() {
    var channel = channel();
    assertThatThrownBy(() -> channel.deliver(folder, "XYZ", "m", DE_BFJ)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpsChannel.builder(verifier, pki.tls(pki.fr, "FR-MOJ")).endpoint(DE_BFJ, URI.create("http://x/")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> HttpsChannel.builder(verifier, pki.tls(pki.fr, "FR-MOJ")).build()).isInstanceOf(IllegalStateException.class);
  }

  private SSLSocket rawSocket() throws Exception {
    TlsIdentity me = pki.tls(pki.fr, "FR-MOJ");
    var ctx = TlsContexts.client(me.privateKey(), me.chain(), new PeerTrust(verifier, Set.of()), DE, e -> { });
    SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", receiver.address().getPort());
    socket.setEnabledProtocols(new String[] {"TLSv1.3"});
    socket.startHandshake();
    return socket;
  }

  private long waitForHeld(String sha, long atLeast) throws Exception {
    Path part = folder.resolve("store/partial/" + sha + ".part");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(part) && Files.size(part) >= atLeast && !locked(sha)) {
        return Files.size(part);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the receiver holds no bytes of " + sha);
  }

  private boolean locked(String sha) throws Exception {
    // The upload is finished on the receiver's side once HEAD no longer races with it: ask it.
    var client = java.net.http.HttpClient.newBuilder().sslContext(TlsContexts.client(pki.tls(pki.fr, "FR-MOJ").privateKey(),
        pki.tls(pki.fr, "FR-MOJ").chain(), new PeerTrust(verifier, Set.of()), DE, e -> { })).build();
    var response = client.send(java.net.http.HttpRequest.newBuilder(HttpsFixture.endpoint(receiver).resolve("v1/packages/" + sha))
        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    // "partial" alone is not enough: until the receiver's handler has seen the dropped connection,
    // it still holds the upload and HEAD says Mlat-Upload-Busy (a delivery now would be deferred).
    return !"partial".equals(response.headers().firstValue("Mlat-Upload-State").orElse(""))
        || "true".equals(response.headers().firstValue("Mlat-Upload-Busy").orElse(""));
  }
}
