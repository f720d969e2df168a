package dev.mlat.crypto.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;

/**
 * A small RFC 6960 OCSP responder on 127.0.0.1 (JDK {@code HttpServer}) for any number of
 * {@link TestPki}s, plus their CRLs over HTTP. Answers {@code POST /ocsp} with
 * {@code application/ocsp-request} bodies (up to 64 KiB); responses are signed by the issuing CA
 * of the certificates asked about, echo the request nonce, and are valid for one day from the
 * PKI's clock. {@code GET /crl/<CODE>/issuing-ca.crl} and {@code root-ca.crl} serve current CRLs
 * (DER).
 *
 * <pre>{@code
 * try (var responder = TestOcspResponder.start()) {
 *   TestPki fr = TestPki.builder(Jurisdiction.of("FR")).ocspResponder(responder).build();
 *   // certificates of fr now carry responder.uri() + "/ocsp" in authority information access
 * }
 * }</pre>
 *
 * <p>Thread-safe. Test material only.
 */
public final class TestOcspResponder implements AutoCloseable {
  private static final int MAX_REQUEST = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<TestPki> pkis = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean answering = true;
  private volatile java.time.Duration delay = java.time.Duration.ZERO;

  private TestOcspResponder(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a responder on 127.0.0.1 on a free port. */
  public static TestOcspResponder start() throws IOException {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    var executor = Executors.newFixedThreadPool(2, r -> {
      var t = new Thread(r, "test-ocsp-responder");
      t.setDaemon(true);
      return t;
    });
    var responder = new TestOcspResponder(server, executor);
    server.createContext("/ocsp", responder::handleOcsp);
    server.createContext("/crl/", responder::handleCrl);
    server.setExecutor(executor);
    server.start();
    return responder;
  }

  /** The base URI, for example {@code http://127.0.0.1:41234}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How many OCSP requests were answered or refused so far. */
  public int requestCount() {
    return requests.get();
  }

  /** When false, every OCSP request gets HTTP 503 (to test an unreachable responder). */
  public void answering(boolean answering) {
    this.answering = answering;
  }

  /** Waits this long before answering each OCSP request (to test client timeouts); zero by default. */
  public void delay(java.time.Duration delay) {
    this.delay = java.util.Objects.requireNonNull(delay, "delay");
  }

  void register(TestPki pki) {
    pkis.add(pki);
  }

  private void handleOcsp(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      if (!delay.isZero()) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (!answering) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = readBounded(exchange.getRequestBody());
      OCSPResp response;
      if (body == null) {
        response = new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null);
      } else {
        response = answer(body);
      }
      byte[] out = response.getEncoded();
      exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
      exchange.sendResponseHeaders(200, out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    } catch (Exception e) {
      // the exchange is closed; the client sees a broken response and must fail closed
    }
  }

  private OCSPResp answer(byte[] body) throws Exception {
    OCSPReq request;
    try {
      request = new OCSPReq(body);
    } catch (IOException e) {
      return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null);
    }
    var ids = new ArrayList<CertificateID>();
    for (var r : request.getRequestList()) {
      ids.add(r.getCertID());
    }
    Extension nonce = request.getExtension(TestPki.nonceOid());
    for (var pki : pkis) {
      Instant now = pki.now();
      var response = pki.ocspResponse(ids, nonce, now, now.plus(Duration.ofDays(1)));
      if (response != null) {
        return response;
      }
    }
    return new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null);
  }

  private void handleCrl(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] parts = exchange.getRequestURI().getPath().split("/");
      // ["", "crl", CODE, name]
      if (parts.length == 4) {
        for (var pki : pkis) {
          if (pki.jurisdiction().code().equals(parts[2])) {
            var crl = pki.crlByName(parts[3]);
            if (crl != null) {
              byte[] out = crl.getEncoded();
              exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
              exchange.sendResponseHeaders(200, out.length);
              exchange.getResponseBody().write(out);
              return;
            }
          }
        }
      }
      byte[] msg = "no such CRL".getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(404, msg.length);
      exchange.getResponseBody().write(msg);
    } catch (CRLException e) {
      throw new IOException(e);
    }
  }

  private static byte[] readBounded(InputStream in) throws IOException {
    byte[] data = in.readNBytes(MAX_REQUEST + 1);
    return data.length > MAX_REQUEST ? null : data;
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

}
