package dev.mlat.transport.https.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import dev.mlat.core.PartyId;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.Answer;
import dev.mlat.transport.https.HttpsLimits;
import dev.mlat.transport.https.IncomingPackages;
import dev.mlat.transport.https.PackageRouting;
import dev.mlat.transport.https.TlsPeer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The HTTP side of the receiver: {@code HEAD} and {@code PUT /v1/packages/<sha256>} as docs/HTTP.md
 * describes. Every request is authenticated again from its TLS session against the trust directory
 * (so a handler mounted in a host's server relies on no one else's trust decision).
 */
public final class PackageHandler implements HttpHandler, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PackageHandler.class.getName());
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern RANGE = Pattern.compile("bytes (\\d{1,19})-(\\d{1,19})/(\\d{1,19})");
  private static final Pattern FINISH = Pattern.compile("bytes \\*/(\\d{1,19})");
  /** The header naming the bytes the receiver holds. */
  public static final String OFFSET = "Mlat-Upload-Offset";

  private static final String SESSION_PEER = "dev.mlat.transport.https.peer";
  /**
   * How long the trust decision on one TLS session is reused for its requests (keep-alive); after
   * it, the next request verifies the chain again (revocation, expiry). The handshake verifies too.
   */
  private static final long PEER_RECHECK_NANOS = 60_000_000_000L;

  private final PeerTrust trust;
  private final UploadStore store;
  private final IncomingPackages incoming;
  private final PackageRouting routing;
  private final HttpsLimits limits;
  private final Consumer<MlatTransportException> onRefusal;
  private final Semaphore uploads;
  private final Map<Thread, long[]> active = new ConcurrentHashMap<>();
  private final ScheduledExecutorService watchdog;

  /** A handler over {@code store}; starts the idle watchdog. */
  public PackageHandler(PeerTrust trust, UploadStore store, IncomingPackages incoming, PackageRouting routing, HttpsLimits limits,
      Consumer<MlatTransportException> onRefusal) {
    this.trust = trust;
    this.store = store;
    this.incoming = incoming;
    this.routing = routing;
    this.limits = limits;
    this.onRefusal = onRefusal;
    this.uploads = new Semaphore(limits.maxConcurrentUploads());
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mlat-https-upload-watchdog");
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(50, Math.min(1000, limits.uploadIdleTimeout().toMillis() / 4));
    watchdog.scheduleAtFixedRate(this::cutIdleUploads, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  /** Interrupts handler threads whose upload made no progress for the idle timeout (the blocked channel read ends). */
  private void cutIdleUploads() {
    long now = System.nanoTime();
    long limit = limits.uploadIdleTimeout().toNanos();
    active.forEach((thread, last) -> {
      synchronized (last) {
        if (last[0] != 0 && now - last[0] > limit) {
          last[0] = 0;
          thread.interrupt();
        }
      }
    });
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      handleAuthenticated(exchange);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "HTTPS receiver: unexpected failure", e);
      try {
        sendError(exchange, 500, TransportErrorCode.IO_FAILURE, "internal error; retry later");
      } catch (IOException | RuntimeException ignored) {
        // the connection is gone already; the exception above is logged
      }
    }
  }

  private void handleAuthenticated(HttpExchange exchange) throws IOException {
    TlsPeer peer;
    try {
      peer = authenticate(exchange);
    } catch (MlatTransportException e) {
      onRefusal.accept(e);
      sendError(exchange, 403, e.errorCode(), e.getMessage());
      return;
    }
    String base = exchange.getHttpContext().getPath();
    String path = exchange.getRequestURI().getRawPath();
    String name = path.startsWith(base) ? path.substring(base.length()) : path;
    if (name.startsWith("/")) {
      name = name.substring(1);
    }
    if (!SHA256.matcher(name).matches() || exchange.getRequestURI().getRawQuery() != null) {
      sendError(exchange, 404, TransportErrorCode.HTTPS_REQUEST_INVALID,
          "unknown resource " + path + "; use " + base + (base.endsWith("/") ? "" : "/") + "<sha256 in 64 lower-case hex digits>");
      return;
    }
    String method = exchange.getRequestMethod();
    try {
      if ("HEAD".equals(method)) {
        head(exchange, name);
      } else if ("PUT".equals(method)) {
        put(exchange, peer, name);
      } else {
        exchange.getResponseHeaders().set("Allow", "HEAD, PUT");
        sendError(exchange, 405, TransportErrorCode.HTTPS_REQUEST_INVALID, "method " + method + " not allowed; use HEAD or PUT");
      }
    } catch (MlatTransportException e) {
      LOG.log(Level.WARNING, "HTTPS receiver: " + e.errorCode() + ": " + e.getMessage());
      exchange.getResponseHeaders().set("Retry-After", Long.toString(limits.busyRetryAfter().toSeconds()));
      sendError(exchange, 503, e.errorCode(), e.getMessage());
    }
  }

  private TlsPeer authenticate(HttpExchange exchange) throws MlatTransportException {
    if (!(exchange instanceof HttpsExchange https)) {
      throw new MlatTransportException(TransportErrorCode.HTTPS_PEER_REFUSED, "the request did not arrive over TLS");
    }
    var session = https.getSSLSession();
    if (session.getValue(SESSION_PEER) instanceof VerifiedPeer cached
        && System.nanoTime() - cached.verifiedAtNanos() < PEER_RECHECK_NANOS) {
      return cached.peer();
    }
    Certificate[] certificates;
    try {
      certificates = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      throw new MlatTransportException(TransportErrorCode.HTTPS_PEER_REFUSED,
          "the TLS client presented no certificate; the server must require client authentication", e);
    }
    var chain = new ArrayList<X509Certificate>();
    for (Certificate c : certificates) {
      if (!(c instanceof X509Certificate x)) {
        throw new MlatTransportException(TransportErrorCode.HTTPS_PEER_REFUSED, "the TLS client presented a non-X.509 certificate");
      }
      chain.add(x);
    }
    TlsPeer peer = trust.authenticateClient(chain);
    session.putValue(SESSION_PEER, new VerifiedPeer(peer, System.nanoTime()));
    return peer;
  }

  /** A peer verified on a TLS session, re-verified after {@link #PEER_RECHECK_NANOS}. */
  private record VerifiedPeer(TlsPeer peer, long verifiedAtNanos) {}

  private void head(HttpExchange exchange, String sha256) throws IOException, MlatTransportException {
    var state = store.state(sha256);
    var h = exchange.getResponseHeaders();
    h.set("Mlat-Upload-State", state.kind().name().toLowerCase(java.util.Locale.ROOT));
    h.set(OFFSET, Long.toString(state.offset()));
    if (state.total() >= 0) {
      h.set("Mlat-Upload-Length", Long.toString(state.total()));
    }
    h.set("Mlat-Max-Package-Bytes", Long.toString(limits.maxPackageBytes()));
    if (store.isLocked(sha256)) {
      h.set("Mlat-Upload-Busy", "true");
      h.set("Retry-After", Long.toString(limits.busyRetryAfter().toSeconds()));
    }
    exchange.sendResponseHeaders(200, -1);
  }

  private void put(HttpExchange exchange, TlsPeer peer, String sha256) throws IOException, MlatTransportException {
    var stored = store.storedAnswer(sha256);
    if (stored.isPresent()) {
      sendStoredAnswer(exchange, peer, stored.get());
      return;
    }
    String lengthHeader = exchange.getRequestHeaders().getFirst("Content-Length");
    if (lengthHeader == null || !lengthHeader.matches("\\d{1,19}")) {
      sendError(exchange, 411, TransportErrorCode.HTTPS_REQUEST_INVALID, "a PUT needs a Content-Length (chunked bodies are not accepted)");
      return;
    }
    long length = Long.parseLong(lengthHeader);
    String rangeHeader = exchange.getRequestHeaders().getFirst("Content-Range");
    long start;
    long total;
    boolean finishOnly = false;
    if (rangeHeader == null) {
      start = 0;
      total = length;
    } else {
      Matcher m = RANGE.matcher(rangeHeader.trim());
      Matcher f = FINISH.matcher(rangeHeader.trim());
      if (m.matches()) {
        start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        total = Long.parseLong(m.group(3));
        if (end < start || end >= total || end - start + 1 != length) {
          sendError(exchange, 400, TransportErrorCode.HTTPS_REQUEST_INVALID,
              "Content-Range " + rangeHeader + " does not fit Content-Length " + length);
          return;
        }
      } else if (f.matches() && length == 0) {
        total = Long.parseLong(f.group(1));
        start = total;
        finishOnly = true;
      } else {
        sendError(exchange, 400, TransportErrorCode.HTTPS_REQUEST_INVALID,
            "Content-Range must be 'bytes START-END/TOTAL' (or 'bytes */TOTAL' with an empty body), was " + rangeHeader);
        return;
      }
    }
    if (total > limits.maxPackageBytes()) {
      exchange.getResponseHeaders().set("Connection", "close");
      sendError(exchange, 413, TransportErrorCode.HTTPS_PACKAGE_TOO_LARGE,
          "the package has " + total + " bytes, more than this receiver's maxPackageBytes " + limits.maxPackageBytes());
      return;
    }
    if (total == 0) {
      sendError(exchange, 400, TransportErrorCode.HTTPS_REQUEST_INVALID, "an empty package is not a package");
      return;
    }
    if (!uploads.tryAcquire()) {
      exchange.getResponseHeaders().set("Retry-After", Long.toString(limits.busyRetryAfter().toSeconds()));
      sendError(exchange, 429, TransportErrorCode.HTTPS_BUSY,
          "this receiver handles " + limits.maxConcurrentUploads() + " uploads at once; retry after the Retry-After delay");
      return;
    }
    try {
      if (!store.tryLock(sha256)) {
        exchange.getResponseHeaders().set("Retry-After", Long.toString(limits.busyRetryAfter().toSeconds()));
        sendError(exchange, 409, TransportErrorCode.HTTPS_UPLOAD_IN_PROGRESS, "package " + sha256 + " is being uploaded on another connection");
        return;
      }
      Reply reply;
      try {
        reply = upload(exchange, peer, sha256, start, length, total, finishOnly);
      } finally {
        store.unlock(sha256);
      }
      // answered only once the lock is released: a sender that goes on at once (the next chunk, or
      // a HEAD after a temporary failure) must not find the upload still "in progress"
      reply.send();
    } finally {
      uploads.release();
    }
  }

  /** The response to an upload, written after the upload's lock was released. */
  @FunctionalInterface
  private interface Reply {
    void send() throws IOException;
  }

  private Reply upload(HttpExchange exchange, TlsPeer peer, String sha256, long start, long length, long total, boolean finishOnly)
      throws IOException, MlatTransportException {
    var stored = store.storedAnswer(sha256); // answered while this request waited for the lock
    if (stored.isPresent()) {
      return () -> sendStoredAnswer(exchange, peer, stored.get());
    }
    var state = store.state(sha256);
    if (state.kind() == UploadStore.Kind.COMPLETE) {
      if (state.total() != total) {
        return () -> rangeMismatch(exchange, state.offset(), "the complete upload has " + state.total() + " bytes, not " + total);
      }
      return handOver(exchange, peer, sha256, store.completeFile(sha256));
    }
    if (finishOnly) {
      return () -> rangeMismatch(exchange, state.offset(), "the receiver holds " + state.offset() + " bytes of " + sha256
          + ", not all " + total);
    }
    if (state.kind() == UploadStore.Kind.PARTIAL && state.total() != total) {
      return () -> rangeMismatch(exchange, state.offset(), "the upload was started with total length " + state.total() + ", not " + total);
    }
    long held = state.kind() == UploadStore.Kind.PARTIAL ? state.offset() : 0;
    if (start != held) {
      return () -> rangeMismatch(exchange, held, "the receiver holds " + held + " bytes of " + sha256 + "; resume from there, not from "
          + start);
    }
    if (state.kind() == UploadStore.Kind.NONE) {
      store.start(sha256, total);
    }
    MessageDigest digest = start == 0 ? UploadStore.sha256() : null;
    long[] last = {System.nanoTime()};
    Thread self = Thread.currentThread();
    active.put(self, last);
    long appended;
    boolean cut;
    try (InputStream body = exchange.getRequestBody()) {
      appended = store.append(sha256, start, body, length, digest, () -> {
        synchronized (last) {
          if (last[0] != 0) {
            last[0] = System.nanoTime();
          }
        }
      });
    } catch (IOException e) {
      synchronized (last) {
        cut = last[0] == 0;
        last[0] = 0;
      }
      active.remove(self);
      Thread.interrupted();
      LOG.log(Level.INFO, () -> "HTTPS receiver: upload of " + sha256 + " from " + peer.party() + " interrupted"
          + (cut ? " (idle longer than " + limits.uploadIdleTimeout() + ")" : "") + ": " + e.getMessage());
      boolean idle = cut;
      return () -> {
        exchange.getResponseHeaders().set("Connection", "close");
        try {
          sendError(exchange, idle ? 408 : 400, idle ? TransportErrorCode.HTTPS_UPLOAD_TIMEOUT : TransportErrorCode.HTTPS_CONNECTION_FAILED,
              "upload interrupted; bytes held are kept for resumption");
        } catch (IOException ignored) {
          // the client is gone: it resumes with HEAD
        }
      };
    } finally {
      synchronized (last) {
        last[0] = 0;
      }
      active.remove(self);
      Thread.interrupted(); // a late watchdog interrupt must not leak into the pooled thread
    }
    long offset = start + appended;
    if (offset < total) {
      return () -> {
        exchange.getResponseHeaders().set(OFFSET, Long.toString(offset));
        exchange.sendResponseHeaders(204, -1);
      };
    }
    Path file;
    try {
      file = store.complete(sha256, digest);
    } catch (MlatTransportException e) {
      if (e.errorCode() == TransportErrorCode.HTTPS_DIGEST_MISMATCH) {
        return () -> sendError(exchange, 422, e.errorCode(), e.getMessage());
      }
      throw e;
    }
    return handOver(exchange, peer, sha256, file);
  }

  private Reply handOver(HttpExchange exchange, TlsPeer peer, String sha256, Path file) throws IOException, MlatTransportException {
    PartyId sender;
    try {
      sender = routing.senderOf(file);
    } catch (MlatTransportException e) {
      store.discardComplete(sha256);
      return () -> sendError(exchange, 422, TransportErrorCode.HTTPS_PACKAGE_UNROUTABLE,
          "the package's routing header cannot be read: " + e.errorCode().code() + ": " + e.getMessage());
    }
    try {
      PeerTrust.checkCarriage(peer, sender);
    } catch (MlatTransportException e) {
      store.discardComplete(sha256);
      onRefusal.accept(e);
      return () -> sendError(exchange, 403, e.errorCode(), e.getMessage());
    }
    Answer answer;
    try {
      answer = incoming.receive(peer, file, sha256);
    } catch (MlatTransportException e) {
      LOG.log(Level.WARNING, "HTTPS receiver: the application could not take " + sha256 + " now: " + e.errorCode() + ": " + e.getMessage());
      answer = Answer.temporaryFailure(limits.busyRetryAfter());
    }
    if (answer == null) {
      throw new IllegalStateException("IncomingPackages.receive returned null for " + sha256);
    }
    if (!(answer instanceof Answer.TemporaryFailure)) {
      store.storeAnswer(sha256, answer, sender.jurisdiction());
    }
    Answer reply = answer;
    return () -> sendAnswer(exchange, reply);
  }

  /** A resend: the stored answer, to peers of the sender's jurisdiction only (the carriage rule again). */
  private void sendStoredAnswer(HttpExchange exchange, TlsPeer peer, UploadStore.StoredAnswer stored) throws IOException {
    if (!peer.jurisdiction().equals(stored.senderJurisdiction())) {
      var refusal = new MlatTransportException(TransportErrorCode.HTTPS_PEER_NOT_CARRIER, "TLS peer " + peer.party() + " (jurisdiction "
          + peer.jurisdiction() + ") may not resend a package whose sender is of " + stored.senderJurisdiction());
      onRefusal.accept(refusal);
      sendError(exchange, 403, refusal.errorCode(), refusal.getMessage());
      return;
    }
    sendAnswer(exchange, stored.answer());
  }

  private void rangeMismatch(HttpExchange exchange, long held, String message) throws IOException {
    exchange.getResponseHeaders().set(OFFSET, Long.toString(held));
    sendError(exchange, 409, TransportErrorCode.HTTPS_RANGE_MISMATCH, message);
  }

  /** Writes an answer: 200 receipt, 422 negative receipt, 503 + Retry-After. */
  static void sendAnswer(HttpExchange exchange, Answer answer) throws IOException {
    if (answer instanceof Answer.TemporaryFailure t) {
      long seconds = Math.max(1, (t.retryAfter().toMillis() + 999) / 1000); // whole seconds, rounded up
      exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
      exchange.getResponseHeaders().set("Mlat-Answer", "temporary-failure");
      exchange.sendResponseHeaders(503, -1);
      return;
    }
    byte[] body;
    int status;
    if (answer instanceof Answer.Receipt r) {
      body = r.encoded();
      status = 200;
      exchange.getResponseHeaders().set("Mlat-Answer", "receipt");
    } else {
      body = ((Answer.NegativeReceipt) answer).encoded();
      status = 422;
      exchange.getResponseHeaders().set("Mlat-Answer", "negative-receipt");
    }
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * An answer sent before the body is read would make the sender's next write hit a closed
   * connection, whose reset destroys the answer: bodies up to this size are read and discarded
   * first; larger ones get the answer and a closed connection (senders of large packages ask with
   * HEAD first).
   */
  private static final long EARLY_ANSWER_DRAIN_MAX = 1 << 20;

  private static void sendError(HttpExchange exchange, int status, TransportErrorCode code, String message) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if ("PUT".equals(exchange.getRequestMethod()) && declared != null && declared.matches("\\d{1,7}")
        && Long.parseLong(declared) <= EARLY_ANSWER_DRAIN_MAX) {
      try (InputStream body = exchange.getRequestBody()) {
        while (body.read(new byte[8192]) >= 0) {
          // discard
        }
      } catch (IOException ignored) {
        // the body is gone already (read before, or the connection broke): answer anyway
      }
    }
    byte[] body = ("{\"code\":\"" + code.code() + "\",\"message\":\"" + jsonEscape(message) + "\"}\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static String jsonEscape(String s) {
    var b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
