package dev.mlat.transport.https;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.trust.AuthorityRole;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.internal.UploadStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test PKIs for FR (senders), DE (receiver) and IT (not in the trust directory), a trust folder,
 * and test doubles of the two ports: packages here are "sender=PARTY\n" followed by payload bytes
 * (the real wiring reads the signed routing header), the application answers "receipt:SHA".
 */
final class HttpsFixture {
  static final Jurisdiction FR = Jurisdiction.of("FR");
  static final Jurisdiction DE = Jurisdiction.of("DE");
  static final PartyId FR_MOJ = new PartyId(FR, "FR-MOJ");
  static final PartyId DE_BFJ = new PartyId(DE, "DE-BFJ");
  static final PartyId DE_GW = new PartyId(DE, "DE-GW");

  final TestPki fr;
  final TestPki de;
  final TestPki it;
  final Path trustFolder;

  HttpsFixture(Path folder) throws IOException {
    this(folder, Clock.systemUTC());
  }

  HttpsFixture(Path folder, Clock clock) throws IOException {
    fr = TestPki.builder(FR).clock(clock)
        .authority("FR-MOJ", AuthorityRole.SIGN, AuthorityRole.RECEIVE)
        .authority("FR-S1").authority("FR-S2").authority("FR-S3")
        .authority("FR-REVOKED").build();
    de = TestPki.builder(DE).clock(clock)
        .authority("DE-BFJ", AuthorityRole.SIGN, AuthorityRole.RECEIVE)
        .authority("DE-GW", AuthorityRole.CARRY)
        .authority("DE-POL").build();
    it = TestPki.builder(Jurisdiction.of("IT")).clock(clock).authority("IT-MOJ").build();
    fr.revoke(fr.authority("FR-REVOKED").tls().certificate());
    trustFolder = folder.resolve("trust");
    fr.writeTo(trustFolder);
    de.writeTo(trustFolder);
  }

  TrustVerifier verifier(Clock clock) throws Exception {
    return TrustVerifier.builder(TrustDirectory.load(trustFolder)).clock(clock).build();
  }

  TrustVerifier verifier() throws Exception {
    return verifier(Clock.systemUTC());
  }

  static TlsIdentity identity(TestCredential tls) {
    return TlsIdentity.of(tls.keyPair().getPrivate(), tls.chain());
  }

  TlsIdentity tls(TestPki pki, String id) {
    return identity(pki.authority(id).tls());
  }

  static URI endpoint(HttpsReceiver receiver) {
    return URI.create("https://127.0.0.1:" + receiver.address().getPort() + "/");
  }

  /** Writes a test package of {@code sender} with {@code payloadBytes} bytes and returns its SHA-256. */
  static String writePackage(Path file, PartyId sender, String marker, long payloadBytes) throws IOException {
    var md = UploadStore.sha256();
    try (var out = Files.newOutputStream(file)) {
      byte[] head = ("sender=" + sender + "\n" + marker + "\n").getBytes(StandardCharsets.US_ASCII);
      out.write(head);
      md.update(head);
      byte[] block = new byte[64 * 1024];
      long seed = file.hashCode() * 31L + payloadBytes;
      long left = payloadBytes;
      while (left > 0) {
        for (int i = 0; i < block.length; i += 8) {
          seed = seed * 6364136223846793005L + 1442695040888963407L;
          for (int k = 0; k < 8; k++) {
            block[i + k] = (byte) (seed >>> (8 * k));
          }
        }
        int n = (int) Math.min(block.length, left);
        out.write(block, 0, n);
        md.update(block, 0, n);
        left -= n;
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Reads "sender=..." from the first line (at most 128 bytes). */
  static final PackageRouting ROUTING = file -> {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(128), StandardCharsets.US_ASCII);
      int nl = head.indexOf('\n');
      if (!head.startsWith("sender=") || nl < 0) {
        throw new MlatTransportException(TransportErrorCode.HTTPS_PACKAGE_UNROUTABLE, "no routing header");
      }
      try {
        return PartyId.parse(head.substring(7, nl));
      } catch (Exception e) {
        throw new MlatTransportException(TransportErrorCode.HTTPS_PACKAGE_UNROUTABLE, "bad sender", e);
      }
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, e.getMessage(), e);
    }
  };

  /**
   * The application double: counts hand-overs per digest, answers a receipt, or a negative receipt
   * for packages marked NEGATIVE, or a temporary failure (7 s) for packages marked TEMPORARY.
   */
  static final class Application implements IncomingPackages {
    final Map<String, AtomicInteger> handedOver = new ConcurrentHashMap<>();
    final List<TlsPeer> peers = new CopyOnWriteArrayList<>();

    @Override
    public Answer receive(TlsPeer peer, Path packageFile, String sha256) throws MlatTransportException {
      peers.add(peer);
      handedOver.computeIfAbsent(sha256, k -> new AtomicInteger()).incrementAndGet();
      String marker;
      try (InputStream in = Files.newInputStream(packageFile)) {
        String head = new String(in.readNBytes(128), StandardCharsets.US_ASCII);
        marker = head.split("\n", 3)[1];
      } catch (IOException e) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, e.getMessage(), e);
      }
      if (marker.equals("TEMPORARY")) {
        handedOver.get(sha256).decrementAndGet();
        return Answer.temporaryFailure(Duration.ofSeconds(7));
      }
      byte[] body = ("receipt:" + sha256).getBytes(StandardCharsets.US_ASCII);
      return marker.equals("NEGATIVE") ? Answer.negativeReceipt(body) : Answer.receipt(body);
    }

    int count(String sha256) {
      var n = handedOver.get(sha256);
      return n == null ? 0 : n.get();
    }
  }

  /**
   * Opens a TLS connection as {@code me} and starts a PUT of {@code file} announcing all its bytes,
   * but sends only the first {@code send} bytes; the caller keeps the socket open (a stalled
   * upload) or closes it (a broken one).
   */
  static javax.net.ssl.SSLSocket startUpload(HttpsReceiver receiver, TrustVerifier verifier, TlsIdentity me, Path file, String sha,
      int send) throws Exception {
    var ctx = dev.mlat.transport.https.internal.TlsContexts.client(me.privateKey(), me.chain(),
        new dev.mlat.transport.https.internal.PeerTrust(verifier, java.util.Set.of()), DE, e -> { });
    var socket = (javax.net.ssl.SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", receiver.address().getPort());
    socket.setEnabledProtocols(new String[] {"TLSv1.3"});
    socket.startHandshake();
    var out = socket.getOutputStream();
    out.write(("PUT /v1/packages/" + sha + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + Files.size(file) + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    try (InputStream in = Files.newInputStream(file)) {
      out.write(in.readNBytes(send));
    }
    out.flush();
    return socket;
  }

  /** The receiver's {@code Mlat-Upload-State} for {@code sha}. */
  static String uploadState(HttpsReceiver receiver, TrustVerifier verifier, TlsIdentity me, String sha) throws Exception {
    var ctx = dev.mlat.transport.https.internal.TlsContexts.client(me.privateKey(), me.chain(),
        new dev.mlat.transport.https.internal.PeerTrust(verifier, java.util.Set.of()), DE, e -> { });
    var client = java.net.http.HttpClient.newBuilder().sslContext(ctx).build();
    var response = client.send(java.net.http.HttpRequest.newBuilder(endpoint(receiver).resolve("v1/packages/" + sha))
        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    return response.headers().firstValue("Mlat-Upload-State").orElse("") + "@"
        + response.headers().firstValue("Mlat-Upload-Offset").orElse("");
  }

  static byte[] receiptOf(String sha256) {
    return ("receipt:" + sha256).getBytes(StandardCharsets.US_ASCII);
  }
}
