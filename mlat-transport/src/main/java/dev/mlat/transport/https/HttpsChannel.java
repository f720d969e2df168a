package dev.mlat.transport.https;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.internal.PeerTrust;
import dev.mlat.transport.https.internal.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;

/**
 * The sending end of the HTTPS channel (docs/HTTP.md): uploads a package to the endpoint configured
 * for its destination party over mutually authenticated TLS, resuming where the receiver's held
 * bytes end, and returns the receiver's synchronous {@link Answer}. The server must present a TLS
 * certificate that the trust directory accepts as a registered authority or carrier of the
 * destination's jurisdiction; host names play no part.
 *
 * <pre>{@code
 * HttpsChannel channel = HttpsChannel.builder(verifier, TlsIdentity.of(key, chain))
 *     .endpoint(PartyId.parse("DE:DE-BFJ"), URI.create("https://mlat.bfj.example:8443/"))
 *     .build();
 * Answer answer = channel.deliver(packageFile, sha256, messageId, PartyId.parse("DE:DE-BFJ"));
 * if (answer instanceof Answer.Receipt receipt) { ... keep receipt.encoded() ... }
 * }</pre>
 *
 * <p>Failures that a later attempt may cure (network, TLS, timeouts) are
 * {@link MlatTransportException}s with {@code HTTPS_CONNECTION_FAILED} or {@code HTTPS_PEER_REFUSED};
 * the caller retries (the next attempt resumes a large upload). Thread-safe; connections are reused.
 */
public final class HttpsChannel {
  /** Packages up to this size are sent without asking first (the receiver can answer early; the JDK server drains 64 KiB). */
  static final long DIRECT_PUT_MAX = 64 * 1024;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z0-9_]{1,64})\"");
  private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,2000})\"");

  private final Builder config;
  private final PeerTrust trust;
  private final Map<Jurisdiction, HttpClient> clients = new ConcurrentHashMap<>();
  private final AtomicReference<MlatTransportException> lastRefusal = new AtomicReference<>();

  private HttpsChannel(Builder b) {
    this.config = b;
    this.trust = new PeerTrust(b.verifier, java.util.Set.of());
  }

  /**
   * A builder.
   *
   * @param verifier the trust directory's verifier
   * @param identity this side's TLS certificate and key
   */
  public static Builder builder(TrustVerifier verifier, TlsIdentity identity) {
    return new Builder(verifier, identity);
  }

  /**
   * Delivers a package and returns the receiver's answer.
   *
   * @param packageFile the package (not changed while it is sent)
   * @param sha256 lower-case hex SHA-256 of the file
   * @param messageId the package's message id (sent as {@code Mlat-Message-Id} for the receiver's logs)
   * @param to the destination party, whose endpoint is configured
   * @return a receipt, a negative receipt, or a temporary failure with its delay
   * @throws MlatTransportException HTTPS_CONNECTION_FAILED, HTTPS_PEER_REFUSED (transient, retry),
   *     HTTPS_ENDPOINT_UNKNOWN, IO_FAILURE (reading the file), or the code of the receiver's refusal
   *     (HTTPS_PEER_NOT_CARRIER, HTTPS_PACKAGE_TOO_LARGE, HTTPS_DIGEST_MISMATCH, HTTPS_PACKAGE_UNROUTABLE,
   *     HTTPS_REQUEST_INVALID, ...)
   */
  public Answer deliver(Path packageFile, String sha256, String messageId, PartyId to) throws MlatTransportException {
    Objects.requireNonNull(packageFile, "packageFile");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(to, "to");
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was " + sha256);
    }
    if (messageId.isBlank() || messageId.length() > 200 || !messageId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("messageId must be 1 to 200 visible ASCII characters");
    }
    URI base = config.endpoints.get(to);
    if (base == null) {
      throw new MlatTransportException(TransportErrorCode.HTTPS_ENDPOINT_UNKNOWN,
          "no HTTPS endpoint is configured for " + to + "; configured: " + config.endpoints.keySet());
    }
    URI uri = base.resolve("v1/packages/" + sha256);
    long size;
    try {
      size = Files.size(packageFile);
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "cannot read " + packageFile + ": " + e.getMessage(), e);
    }
    if (size == 0) {
      throw new IllegalArgumentException("the package file " + packageFile + " is empty");
    }
    HttpClient client = clients.computeIfAbsent(to.jurisdiction(), this::newClient);
    long offset = 0;
    boolean finish = false;
    if (size > DIRECT_PUT_MAX) {
      HttpResponse<InputStream> head = send(client, HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
          .timeout(config.requestTimeout).header("Mlat-Message-Id", messageId).build(), to);
      drain(head);
      if (head.statusCode() != 200) {
        throw failure(head, to);
      }
      long max = headerLong(head, "Mlat-Max-Package-Bytes").orElse(Long.MAX_VALUE);
      if (size > max) {
        throw new MlatTransportException(TransportErrorCode.HTTPS_PACKAGE_TOO_LARGE,
            "the package has " + size + " bytes; " + to + " accepts at most " + max);
      }
      if ("true".equals(head.headers().firstValue("Mlat-Upload-Busy").orElse(""))) {
        return Answer.temporaryFailure(retryAfter(head));
      }
      String state = head.headers().firstValue("Mlat-Upload-State").orElse("none");
      long held = headerLong(head, "Mlat-Upload-Offset").orElse(0L);
      long length = headerLong(head, "Mlat-Upload-Length").orElse(size);
      if ("answered".equals(state) || "complete".equals(state)) {
        finish = true;
      } else if ("partial".equals(state) && length == size && held <= size) {
        offset = held;
        finish = held == size;
      }
    }
    for (int attempt = 0; ; attempt++) {
      HttpResponse<InputStream> response = send(client, put(uri, packageFile, offset, size, finish, messageId), to);
      byte[] body = readBounded(response, config.maxAnswerBytes);
      int status = response.statusCode();
      if (status == 409 && attempt == 0 && "HTTPS_RANGE_MISMATCH".equals(code(body))) {
        Optional<Long> held = headerLong(response, "Mlat-Upload-Offset");
        if (held.isPresent() && held.get() <= size) {
          offset = held.get();
          finish = offset == size;
          continue;
        }
      }
      return answer(response, body, to);
    }
  }

  private HttpRequest put(URI uri, Path file, long offset, long size, boolean finish, String messageId) {
    var b = HttpRequest.newBuilder(uri).header("Mlat-Message-Id", messageId);
    if (finish) {
      return b.timeout(config.requestTimeout).header("Content-Range", "bytes */" + size).PUT(HttpRequest.BodyPublishers.noBody()).build();
    }
    long remaining = size - offset;
    if (offset > 0) {
      b.header("Content-Range", "bytes " + offset + "-" + (size - 1) + "/" + size);
    }
    long seconds = remaining / Math.max(1, config.minimumUploadBytesPerSecond);
    b.timeout(config.requestTimeout.plusSeconds(seconds));
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
      try {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(offset);
        return in;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }), remaining);
    return b.PUT(body).build();
  }

  private Answer answer(HttpResponse<InputStream> response, byte[] body, PartyId to) throws MlatTransportException {
    int status = response.statusCode();
    String kind = response.headers().firstValue("Mlat-Answer").orElse("");
    if (status == 200 && "receipt".equals(kind) && body.length > 0) {
      return Answer.receipt(body);
    }
    if (status == 422 && "negative-receipt".equals(kind) && body.length > 0) {
      return Answer.negativeReceipt(body);
    }
    if (status == 503 || status == 429 || (status == 409 && "HTTPS_UPLOAD_IN_PROGRESS".equals(code(body)))) {
      return Answer.temporaryFailure(retryAfter(response));
    }
    throw failure(response, body, to);
  }

  private Duration retryAfter(HttpResponse<?> response) {
    Optional<String> value = response.headers().firstValue("Retry-After");
    Duration d = config.defaultRetryAfter;
    if (value.isPresent()) {
      String v = value.get().trim();
      try {
        if (v.matches("\\d{1,9}")) {
          d = Duration.ofSeconds(Long.parseLong(v));
        } else {
          d = Duration.between(config.clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        }
      } catch (DateTimeParseException e) {
        d = config.defaultRetryAfter;
      }
    }
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      d = Duration.ofSeconds(1);
    }
    return d.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : d;
  }

  private MlatTransportException failure(HttpResponse<InputStream> response, PartyId to) throws MlatTransportException {
    return failure(response, readBounded(response, config.maxAnswerBytes), to);
  }

  private static MlatTransportException failure(HttpResponse<?> response, byte[] body, PartyId to) {
    String code = code(body);
    TransportErrorCode known = null;
    if (code != null) {
      try {
        known = TransportErrorCode.valueOf(code);
      } catch (IllegalArgumentException e) {
        known = null;
      }
    }
    Matcher m = MESSAGE.matcher(new String(body, StandardCharsets.UTF_8));
    String message = m.find() ? m.group(1) : "";
    String text = to + " answered HTTP " + response.statusCode() + (code == null ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message);
    if (known == null || known == TransportErrorCode.IO_FAILURE) {
      return new MlatTransportException(response.statusCode() >= 500 ? TransportErrorCode.HTTPS_CONNECTION_FAILED
          : TransportErrorCode.HTTPS_REQUEST_INVALID, text);
    }
    return new MlatTransportException(known, text);
  }

  private static String code(byte[] body) {
    Matcher m = CODE.matcher(new String(body, StandardCharsets.UTF_8));
    return m.find() ? m.group(1) : null;
  }

  private HttpResponse<InputStream> send(HttpClient client, HttpRequest request, PartyId to) throws MlatTransportException {
    lastRefusal.set(null);
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new MlatTransportException(TransportErrorCode.HTTPS_CONNECTION_FAILED,
          request.method() + " " + request.uri() + " timed out after " + request.timeout().orElse(null), e);
    } catch (IOException e) {
      MlatTransportException refusal = lastRefusal.get();
      if (refusal != null) {
        throw new MlatTransportException(TransportErrorCode.HTTPS_PEER_REFUSED,
            "the server at " + request.uri().getAuthority() + " is not accepted for " + to.jurisdiction() + ": " + refusal.getMessage(), e);
      }
      String what = e instanceof SSLHandshakeException ? "TLS handshake with " : "connection to ";
      throw new MlatTransportException(TransportErrorCode.HTTPS_CONNECTION_FAILED,
          what + request.uri().getAuthority() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlatTransportException(TransportErrorCode.HTTPS_CONNECTION_FAILED, "interrupted while talking to " + request.uri().getAuthority(), e);
    } catch (UncheckedIOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "cannot read the package: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static byte[] readBounded(HttpResponse<InputStream> response, int max) throws MlatTransportException {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new MlatTransportException(TransportErrorCode.HTTPS_REQUEST_INVALID,
            "the answer body exceeds maxAnswerBytes " + max + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.HTTPS_CONNECTION_FAILED, "reading the answer failed: " + e.getMessage(), e);
    }
  }

  private static void drain(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      in.readNBytes(64 * 1024);
    } catch (IOException e) {
      // a HEAD answer has no body; a broken one shows on the next request
    }
  }

  private static Optional<Long> headerLong(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).filter(v -> v.matches("\\d{1,19}")).map(Long::parseLong);
  }

  private HttpClient newClient(Jurisdiction jurisdiction) {
    SSLContext ctx = TlsContexts.client(config.identity.privateKey(), config.identity.chain(), trust, jurisdiction, lastRefusal::set);
    SSLParameters params = ctx.getDefaultSSLParameters();
    params.setProtocols(config.allowTls12 ? new String[] {"TLSv1.3", "TLSv1.2"} : new String[] {"TLSv1.3"});
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(ctx)
        .sslParameters(params)
        .connectTimeout(config.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public String toString() {
    return "HttpsChannel[" + config.identity + ", endpoints=" + config.endpoints.keySet() + "]";
  }

  /** Collects the channel's settings. Not thread-safe. */
  public static final class Builder {
    private final TrustVerifier verifier;
    private final TlsIdentity identity;
    private final Map<PartyId, URI> endpoints = new LinkedHashMap<>();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private long minimumUploadBytesPerSecond = 256 * 1024;
    private Duration defaultRetryAfter = Duration.ofSeconds(30);
    private int maxAnswerBytes = 1 << 20;
    private boolean allowTls12;
    private java.time.Clock clock = java.time.Clock.systemUTC();

    private Builder(TrustVerifier verifier, TlsIdentity identity) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      this.identity = Objects.requireNonNull(identity, "identity");
    }

    /**
     * The endpoint of a destination party: an {@code https} URL (the paths of docs/HTTP.md are
     * resolved against it, so {@code https://host:8443/} or {@code https://host/mlat/}).
     */
    public Builder endpoint(PartyId party, URI url) {
      Objects.requireNonNull(party, "party");
      Objects.requireNonNull(url, "url");
      if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
        throw new IllegalArgumentException("endpoint of " + party + " must be an https URL without query or fragment, was " + url);
      }
      String s = url.toString();
      endpoints.put(party, URI.create(s.endsWith("/") ? s : s + "/"));
      return this;
    }

    /** TCP connect timeout; default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Time allowed for an answer beyond the upload itself; default 60 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** The slowest upload rate tolerated before an upload times out; default 256 KiB/s. */
    public Builder minimumUploadBytesPerSecond(long rate) {
      if (rate < 1) {
        throw new IllegalArgumentException("minimumUploadBytesPerSecond must be positive, was " + rate);
      }
      this.minimumUploadBytesPerSecond = rate;
      return this;
    }

    /** The delay reported when a temporary failure carries no usable Retry-After; default 30 s. */
    public Builder defaultRetryAfter(Duration delay) {
      this.defaultRetryAfter = positive(delay, "defaultRetryAfter");
      return this;
    }

    /** The largest answer body read (a receipt or an error); default 1 MiB. */
    public Builder maxAnswerBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxAnswerBytes must be at least 1024, was " + bytes);
      }
      this.maxAnswerBytes = bytes;
      return this;
    }

    /** Also offer TLS 1.2 (default: TLS 1.3 only). */
    public Builder allowTls12(boolean allow) {
      this.allowTls12 = allow;
      return this;
    }

    /** The clock for HTTP-date Retry-After values; default the system UTC clock. */
    public Builder clock(java.time.Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the channel.
     *
     * @throws IllegalStateException when no endpoint is configured
     */
    public HttpsChannel build() {
      if (endpoints.isEmpty()) {
        throw new IllegalStateException("configure at least one endpoint");
      }
      return new HttpsChannel(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
