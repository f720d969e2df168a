package dev.mlat.transport.https.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.https.Answer;
import dev.mlat.transport.https.HttpsReceiver;
import dev.mlat.transport.https.TlsIdentity;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests that do not follow docs/HTTP.md get the documented status and error code. */
class PackageHandlerTest {
  static final String SHA = "0123456789abcdef".repeat(4);
  @TempDir static Path folder;
  static HttpsReceiver receiver;
  static HttpClient client;
  static URI base;

  @BeforeAll
  static void start() throws Exception {
    var fr = TestPki.builder(Jurisdiction.of("FR")).authority("FR-MOJ").build();
    var de = TestPki.builder(Jurisdiction.of("DE")).authority("DE-BFJ").build();
    fr.writeTo(folder.resolve("trust"));
    de.writeTo(folder.resolve("trust"));
    var verifier = TrustVerifier.builder(TrustDirectory.load(folder.resolve("trust"))).build();
    var server = de.authority("DE-BFJ").tls();
    receiver = HttpsReceiver.builder(verifier, TlsIdentity.of(server.keyPair().getPrivate(), server.chain()),
        (peer, file, sha) -> Answer.receipt(new byte[] {1}), file -> { throw new AssertionError("never reached"); }, folder.resolve("store"))
        .build();
    receiver.start();
    var me = fr.authority("FR-MOJ").tls();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .sslContext(TlsContexts.client(me.keyPair().getPrivate(), me.chain(), new PeerTrust(verifier, Set.of()), Jurisdiction.of("DE"), e -> { }))
        .build();
    base = URI.create("https://127.0.0.1:" + receiver.address().getPort() + "/");
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUnknownPathIs404() throws Exception {
    var r = send(HttpRequest.newBuilder(base.resolve("v1/packages/not-a-digest")).GET().build());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("\"code\":\"HTTPS_REQUEST_INVALID\"");
    assertThat(send(HttpRequest.newBuilder(base.resolve("v1/packages/" + SHA.toUpperCase())).GET().build()).statusCode()).isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(base.resolve("v1/packages/" + SHA + "?x=1")).GET().build()).statusCode()).isEqualTo(404);
  }

  @Test
  void anotherMethodIs405() throws Exception {
    var r = send(HttpRequest.newBuilder(base.resolve("v1/packages/" + SHA)).GET().build());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).contains("HEAD, PUT");
  }

  @Test
  void aChunkedBodyIs411() throws Exception {
    var r = send(HttpRequest.newBuilder(base.resolve("v1/packages/" + SHA))
        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[10]))).build());
    assertThat(r.statusCode()).isEqualTo(411);
  }

  @Test
  void malformedOrInconsistentRangesAre400() throws Exception {
    for (String range : new String[] {"bytes 5-2/10", "bytes 0-9/5", "bytes abc", "bytes 0-3/10 extra", "items 0-3/10", "bytes */10"}) {
      var r = send(HttpRequest.newBuilder(base.resolve("v1/packages/" + SHA)).header("Content-Range", range)
          .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4])).build());
      assertThat(r.statusCode()).as(range).isEqualTo(400);
      assertThat(r.body()).as(range).contains("HTTPS_REQUEST_INVALID");
    }
  }

  @Test
  void aRangeThatDoesNotStartAtTheHeldBytesIs409WithTheOffset() throws Exception {
    var r = send(HttpRequest.newBuilder(base.resolve("v1/packages/" + "1".repeat(64))).header("Content-Range", "bytes 4-7/10")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4])).build());
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.headers().firstValue("Mlat-Upload-Offset")).contains("0");
    assertThat(r.body()).contains("HTTPS_RANGE_MISMATCH");
  }

  @Test
  void aPartialRangeIsAcknowledged204WithTheNewOffset() throws Exception {
    String sha = "2".repeat(64);
    var r = send(HttpRequest.newBuilder(base.resolve("v1/packages/" + sha)).header("Content-Range", "bytes 0-3/10")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4])).build());
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Mlat-Upload-Offset")).contains("4");
    var head = send(HttpRequest.newBuilder(base.resolve("v1/packages/" + sha)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertThat(head.headers().firstValue("Mlat-Upload-State")).contains("partial");
    assertThat(head.headers().firstValue("Mlat-Upload-Length")).contains("10");
  }

  @Test
  void anEmptyPackageIs400() throws Exception {
    var r = send(HttpRequest.newBuilder(base.resolve("v1/packages/" + "3".repeat(64))).PUT(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(r.statusCode()).isEqualTo(400);
  }
}
