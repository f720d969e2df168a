package dev.mlat.transport.https;

import static dev.mlat.transport.https.HttpsFixture.DE;
import static dev.mlat.transport.https.HttpsFixture.DE_BFJ;
import static dev.mlat.transport.https.HttpsFixture.FR;
import static dev.mlat.transport.https.HttpsFixture.FR_MOJ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsServer;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.support.SettableClock;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsReceiverTest {
  @TempDir static Path folder;
  static HttpsFixture pki;
  static HttpsFixture.Application application;
  static HttpsReceiver receiver;
  static final List<MlatTransportException> refusals = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    pki = new HttpsFixture(folder);
    application = new HttpsFixture.Application();
    receiver = HttpsReceiver.builder(pki.verifier(), pki.tls(pki.de, "DE-BFJ"), application, HttpsFixture.ROUTING, folder.resolve("store"))
        .limits(HttpsLimits.DEFAULTS.withMaxPackageBytes(1 << 20))
        .onRefusal(refusals::add)
        .build();
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  HttpsChannel channel(TlsIdentity identity) throws Exception {
    return HttpsChannel.builder(pki.verifier(), identity).endpoint(DE_BFJ, HttpsFixture.endpoint(receiver))
        .requestTimeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void aStartedReceiverTurnsNagleOffUnlessTheApplicationChoseOtherwise() {
    // the started receiver set it (the JDK server reads it once per process): answers go out at once
    assertThat(System.getProperty(HttpsReceiver.NO_DELAY)).isEqualTo("true");
    String before = System.getProperty(HttpsReceiver.NO_DELAY);
    try {
      System.setProperty(HttpsReceiver.NO_DELAY, "false");
      HttpsReceiver.noDelayUnlessConfigured();
      assertThat(System.getProperty(HttpsReceiver.NO_DELAY)).as("an application's own choice stays").isEqualTo("false");
      System.clearProperty(HttpsReceiver.NO_DELAY);
      HttpsReceiver.noDelayUnlessConfigured();
      assertThat(System.getProperty(HttpsReceiver.NO_DELAY)).isEqualTo("true");
    } finally {
      System.setProperty(HttpsReceiver.NO_DELAY, before);
    }
  }

  @Test
  void aPackageIsDeliveredOnceAndAResendGetsTheStoredReceipt() throws Exception {
    Path file = folder.resolve("one.mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 1000);
    var channel = channel(pki.tls(pki.fr, "FR-MOJ"));

    Answer first = channel.deliver(file, sha, "msg-1", DE_BFJ);
    Answer again = channel.deliver(file, sha, "msg-1", DE_BFJ);

    assertThat(first).isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));
    assertThat(again).isEqualTo(first);
    assertThat(application.count(sha)).isEqualTo(1);
    assertThat(application.peers).anySatisfy(p -> {
      assertThat(p.party()).isEqualTo(FR_MOJ);
      assertThat(p.jurisdiction()).isEqualTo(FR);
    });
  }

  @Test
  void aLargerPackageAsksFirstAndAResendIsNotUploadedAgain() throws Exception {
    Path file = folder.resolve("large.mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 600_000);
    var channel = channel(pki.tls(pki.fr, "FR-S1"));

    assertThat(channel.deliver(file, sha, "msg-large", DE_BFJ)).isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));
    assertThat(channel.deliver(file, sha, "msg-large", DE_BFJ)).isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));
    assertThat(application.count(sha)).isEqualTo(1);
  }

  @Test
  void aNegativeReceiptIsFinalAndStored() throws Exception {
    Path file = folder.resolve("negative.mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "NEGATIVE", 100);
    var channel = channel(pki.tls(pki.fr, "FR-MOJ"));

    assertThat(channel.deliver(file, sha, "msg-neg", DE_BFJ)).isEqualTo(Answer.negativeReceipt(HttpsFixture.receiptOf(sha)));
    assertThat(channel.deliver(file, sha, "msg-neg", DE_BFJ)).isEqualTo(Answer.negativeReceipt(HttpsFixture.receiptOf(sha)));
    assertThat(application.count(sha)).isEqualTo(1);
  }

  @Test
  void aTemporaryFailureIsAnswered503WithRetryAfter() throws Exception {
    Path file = folder.resolve("temporary.mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "TEMPORARY", 100);

    Answer answer = channel(pki.tls(pki.fr, "FR-MOJ")).deliver(file, sha, "msg-tmp", DE_BFJ);

    assertThat(answer).isEqualTo(Answer.temporaryFailure(Duration.ofSeconds(7)));
  }

  @Test
  void aPackageOverTheSizeLimitIsRefused413BeforeItIsSent() throws Exception {
    Path file = folder.resolve("too-large.mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", (1 << 20) + 1);

    assertThatThrownBy(() -> channel(pki.tls(pki.fr, "FR-MOJ")).deliver(file, sha, "msg-big", DE_BFJ))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_PACKAGE_TOO_LARGE));
    assertThat(application.count(sha)).isZero();
  }

  @Test
  void bytesThatDoNotMatchTheDigestAreDiscarded() throws Exception {
    Path file = folder.resolve("liar.mlat");
    HttpsFixture.writePackage(file, FR_MOJ, "OK", 100);
    String wrong = "ab".repeat(32);

    assertThatThrownBy(() -> channel(pki.tls(pki.fr, "FR-MOJ")).deliver(file, wrong, "msg-liar", DE_BFJ))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_DIGEST_MISMATCH));
    assertThat(application.count(wrong)).isZero();
  }

  @Test
  void aPeerOfJurisdictionAPostingAPackageOfSenderBIsRefused() throws Exception {
    Path file = folder.resolve("foreign-sender.mlat");
    String sha = HttpsFixture.writePackage(file, new PartyId(DE, "DE-POL"), "OK", 100);

    assertThatThrownBy(() -> channel(pki.tls(pki.fr, "FR-MOJ")).deliver(file, sha, "msg-foreign", DE_BFJ))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_PEER_NOT_CARRIER));
    assertThat(application.count(sha)).isZero();
  }

  @Test
  void aStoredAnswerIsGivenOnlyToPeersOfTheSendersJurisdiction() throws Exception {
    Path file = folder.resolve("answered.mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 100);
    assertThat(channel(pki.tls(pki.fr, "FR-MOJ")).deliver(file, sha, "msg-answered", DE_BFJ))
        .isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));

    assertThatThrownBy(() -> channel(pki.tls(pki.de, "DE-GW")).deliver(file, sha, "msg-answered", DE_BFJ))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_PEER_NOT_CARRIER));
    assertThat(channel(pki.tls(pki.fr, "FR-S3")).deliver(file, sha, "msg-answered", DE_BFJ))
        .isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));
    assertThat(application.count(sha)).isEqualTo(1);
  }

  @Test
  void aCarrierRegisteredForTheSendersJurisdictionMayHandItOver() throws Exception {
    Path file = folder.resolve("carried.mlat");
    String sha = HttpsFixture.writePackage(file, new PartyId(DE, "DE-POL"), "OK", 100);

    Answer answer = channel(pki.tls(pki.de, "DE-GW")).deliver(file, sha, "msg-carried", DE_BFJ);

    assertThat(answer).isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));
    assertThat(application.count(sha)).isEqualTo(1);
  }

  @Test
  void aPackageWhoseHeaderCannotBeReadIsUnroutable() throws Exception {
    Path file = folder.resolve("garbage.mlat");
    Files.writeString(file, "not a package");
    String sha = sha(file);

    assertThatThrownBy(() -> channel(pki.tls(pki.fr, "FR-MOJ")).deliver(file, sha, "msg-garbage", DE_BFJ))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_PACKAGE_UNROUTABLE));
  }

  @Test
  void aClientUnderAnUnknownAnchorIsRefusedInTheHandshake() throws Exception {
    assertRefused(HttpsFixture.identity(pki.it.authority("IT-MOJ").tls()), CryptoErrorCode.CERTIFICATE_UNTRUSTED);
  }

  @Test
  void aRevokedClientCertificateIsRefusedInTheHandshake() throws Exception {
    assertRefused(pki.tls(pki.fr, "FR-REVOKED"), CryptoErrorCode.CERTIFICATE_REVOKED);
  }

  @Test
  void anExpiredClientCertificateIsRefusedInTheHandshake() throws Exception {
    var later = new SettableClock(Instant.now().plus(Duration.ofDays(731)));
    try (var late = HttpsReceiver.builder(pki.verifier(later), pki.tls(pki.de, "DE-BFJ"), application, HttpsFixture.ROUTING,
        folder.resolve("store-late")).onRefusal(refusals::add).build()) {
      late.start();
      var channel = HttpsChannel.builder(pki.verifier(), pki.tls(pki.fr, "FR-S2")).endpoint(DE_BFJ, HttpsFixture.endpoint(late)).build();
      assertHandshakeRefused(channel, CryptoErrorCode.CERTIFICATE_EXPIRED);
    }
  }

  @Test
  void aClientOfAJurisdictionTheReceiverDoesNotAcceptIsRefused() throws Exception {
    try (var frOnly = HttpsReceiver.builder(pki.verifier(), pki.tls(pki.de, "DE-BFJ"), application, HttpsFixture.ROUTING,
        folder.resolve("store-fr-only")).acceptPeersFrom(Set.of(FR)).onRefusal(refusals::add).build()) {
      frOnly.start();
      var channel = HttpsChannel.builder(pki.verifier(), pki.tls(pki.de, "DE-POL")).endpoint(DE_BFJ, HttpsFixture.endpoint(frOnly)).build();
      Path file = folder.resolve("de-pol.mlat");
      String sha = HttpsFixture.writePackage(file, new PartyId(DE, "DE-POL"), "OK", 100);
      int before = refusals.size();
      assertThatThrownBy(() -> channel.deliver(file, sha, "msg-x", DE_BFJ)).isInstanceOf(MlatTransportException.class);
      assertThat(refusals.subList(before, refusals.size())).anySatisfy(e -> {
        assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_PEER_REFUSED);
        assertThat(e.getMessage()).contains("does not accept");
      });
    }
  }

  @Test
  void theHandlerMountedInAHostServerAuthenticatesItself() throws Exception {
    var mounted = HttpsReceiver.builder(pki.verifier(), pki.tls(pki.de, "DE-BFJ"), application, HttpsFixture.ROUTING,
        folder.resolve("store-mounted")).build();
    HttpsServer host = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    host.setHttpsConfigurator(mounted.httpsConfigurator());
    host.createContext("/mlat/v1/packages/", mounted.handler());
    host.start();
    try {
      Path file = folder.resolve("mounted.mlat");
      String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 100);
      var channel = HttpsChannel.builder(pki.verifier(), pki.tls(pki.fr, "FR-MOJ"))
          .endpoint(DE_BFJ, URI.create("https://127.0.0.1:" + host.getAddress().getPort() + "/mlat/")).build();
      assertThat(channel.deliver(file, sha, "msg-mounted", DE_BFJ)).isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));
    } finally {
      host.stop(0);
      mounted.close();
    }
  }

  @Test
  void tls12IsRefusedUnlessConfigured() throws Exception {
    assertThat(handshakes(receiver, "TLSv1.2")).isFalse();
    assertThat(handshakes(receiver, "TLSv1.3")).isTrue();
    try (var with12 = HttpsReceiver.builder(pki.verifier(), pki.tls(pki.de, "DE-BFJ"), application, HttpsFixture.ROUTING,
        folder.resolve("store-tls12")).allowTls12(true).build()) {
      with12.start();
      assertThat(handshakes(with12, "TLSv1.2")).isTrue();
    }
  }

  private boolean handshakes(HttpsReceiver r, String protocol) throws Exception {
    TlsIdentity me = pki.tls(pki.fr, "FR-MOJ");
    var ctx = dev.mlat.transport.https.internal.TlsContexts.client(me.privateKey(), me.chain(),
        new dev.mlat.transport.https.internal.PeerTrust(pki.verifier(), Set.of()), DE, e -> { });
    try (var socket = (javax.net.ssl.SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", r.address().getPort())) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      socket.getOutputStream().write(("HEAD /v1/packages/" + "0".repeat(64) + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes());
      socket.getOutputStream().flush();
      String status = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
      return status.startsWith("HTTP/1.1 200") && socket.getSession().getProtocol().equals(protocol);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private void assertRefused(TlsIdentity client, CryptoErrorCode expected) throws Exception {
    assertHandshakeRefused(channel(client), expected);
  }

  private void assertHandshakeRefused(HttpsChannel channel, CryptoErrorCode expected) throws Exception {
    Path file = Files.createTempFile(folder, "refused", ".mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", 100);
    int before = refusals.size();

    assertThatThrownBy(() -> channel.deliver(file, sha, "msg-refused", DE_BFJ))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isIn(TransportErrorCode.HTTPS_CONNECTION_FAILED, TransportErrorCode.HTTPS_PEER_REFUSED));
    assertThat(refusals.subList(before, refusals.size())).anySatisfy(e -> {
      assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_PEER_REFUSED);
      assertThat(e.getCause()).isInstanceOfSatisfying(MlatCryptoException.class, c -> assertThat(c.errorCode()).isEqualTo(expected));
    });
    assertThat(application.count(sha)).isZero();
  }

  static String sha(Path file) throws Exception {
    var md = java.security.MessageDigest.getInstance("SHA-256");
    return java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
  }
}
