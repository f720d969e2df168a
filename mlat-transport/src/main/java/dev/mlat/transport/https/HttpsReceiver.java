package dev.mlat.transport.https;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.internal.PackageHandler;
import dev.mlat.transport.https.internal.PeerTrust;
import dev.mlat.transport.https.internal.TlsContexts;
import dev.mlat.transport.https.internal.UploadStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The receiving end of the HTTPS channel (docs/HTTP.md): {@code HEAD} and
 * {@code PUT /v1/packages/<sha256>} over mutually authenticated TLS 1.3 (1.2 by configuration).
 * Every client must present a TLS certificate that the trust directory accepts as a registered
 * authority or carrier of some jurisdiction (the jurisdiction is the one whose anchor the path ends
 * in); each package must come from a peer of its sender's jurisdiction (the carriage rule). Uploads
 * stream to a crash-safe store on disk, resume after an interruption, are verified against their
 * SHA-256, handed once to {@link IncomingPackages}, and answered synchronously with the receipt; the
 * answer is stored, so a resend gets the same answer without a second hand-over.
 *
 * <p>Standalone ({@link #start()}: a JDK {@code HttpsServer}) or mounted in the host's own JDK
 * {@code HttpsServer} ({@link #handler()} at {@code /v1/packages/}, with {@link #sslContext()} and
 * {@link #httpsConfigurator()} or any configuration that requires client certificates: the handler
 * re-authenticates every request against the trust directory itself).
 *
 * <pre>{@code
 * HttpsReceiver receiver = HttpsReceiver.builder(verifier, TlsIdentity.of(key, chain), incoming, routing, Path.of("/var/lib/mlat/https"))
 *     .bind(new InetSocketAddress(8443))
 *     .limits(HttpsLimits.DEFAULTS.withMaxPackageBytes(64L << 30))
 *     .build();
 * receiver.start();
 * ...
 * receiver.close();
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the server (answers being written get up to a second, then
 * up to two more for their threads to end) and the idle watchdog.
 */
public final class HttpsReceiver implements AutoCloseable {
  private final Builder config;
  private final SSLContext sslContext;
  private final UploadStore store;
  private final PackageHandler handler;
  private HttpsServer server;
  private ExecutorService executor;

  private HttpsReceiver(Builder b) throws MlatTransportException {
    this.config = b;
    PeerTrust trust = new PeerTrust(b.verifier, b.acceptedJurisdictions);
    this.sslContext = TlsContexts.server(b.identity.privateKey(), b.identity.chain(), trust, b.onRefusal);
    this.store = new UploadStore(b.storeFolder);
    this.handler = new PackageHandler(trust, store, b.incoming, b.routing, b.limits, b.onRefusal);
  }

  /**
   * A builder.
   *
   * @param verifier the trust directory's verifier (with the clock and revocation policy to apply)
   * @param identity this receiver's TLS certificate and key
   * @param incoming where complete packages go
   * @param routing reads a package's sender for the carriage rule
   * @param storeFolder the upload store (on one file system; survives restarts)
   */
  public static Builder builder(TrustVerifier verifier, TlsIdentity identity, IncomingPackages incoming, PackageRouting routing,
      Path storeFolder) {
    return new Builder(verifier, identity, incoming, routing, storeFolder);
  }

  /**
   * Starts the standalone server.
   *
   * @throws MlatTransportException HTTPS_CONNECTION_FAILED when the address cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized void start() throws MlatTransportException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    noDelayUnlessConfigured();
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, config.limits.maxConcurrentUploads() + 16, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "mlat-https-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    try {
      HttpsServer s = HttpsServer.create(config.bind, 128);
      s.setHttpsConfigurator(httpsConfigurator());
      s.createContext("/v1/packages/", handler);
      s.setExecutor(pool);
      s.start();
      server = s;
      executor = pool;
    } catch (IOException e) {
      pool.shutdownNow();
      throw new MlatTransportException(TransportErrorCode.HTTPS_CONNECTION_FAILED, "cannot listen on " + config.bind + ": " + e.getMessage(), e);
    }
  }

  /**
   * The JDK's HTTP server leaves Nagle's algorithm on for accepted connections unless the system
   * property {@code sun.net.httpserver.nodelay} is true: a small answer after an upload then waits
   * for the client's delayed ACK (about 40 ms here, more than the receiver's own work on a small
   * package; docs/PERFORMANCE.md, "Exchange throughput"). It is set here unless the application set
   * it, before the first server of the process is created (the JDK reads it once per process).
   */
  static void noDelayUnlessConfigured() {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  /** The address the standalone server listens on (with the real port when bound to port 0). */
  public synchronized InetSocketAddress address() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress();
  }

  /** The handler to mount at {@code /v1/packages/} in the host's own {@code HttpsServer}. */
  public HttpHandler handler() {
    return handler;
  }

  /** The TLS context: this receiver's identity, peers decided by the trust directory. */
  public SSLContext sslContext() {
    return sslContext;
  }

  /** Requires a client certificate and the configured protocols on every connection. */
  public HttpsConfigurator httpsConfigurator() {
    List<String> protocols = config.allowTls12 ? List.of("TLSv1.3", "TLSv1.2") : List.of("TLSv1.3");
    return new HttpsConfigurator(sslContext) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = sslContext.getDefaultSSLParameters();
        p.setProtocols(protocols.toArray(new String[0]));
        p.setNeedClientAuth(true);
        params.setSSLParameters(p);
      }
    };
  }

  /**
   * Deletes partial uploads not written to for {@link HttpsLimits#maxHeldUploadAge()} (by the
   * builder's clock); call it periodically.
   *
   * @return how many were deleted
   */
  public int purgeStaleUploads() throws MlatTransportException {
    return store.purgePartialOlderThan(config.clock.instant().minus(config.limits.maxHeldUploadAge()));
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      // Stops accepting, then lets answers being written finish (up to a second; a sender cut off
      // later asks again and gets the stored answer) before the handler threads are interrupted.
      server.stop(1);
      executor.shutdown();
      try {
        executor.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor.shutdownNow();
      server = null;
    }
    handler.close();
  }

  /** Collects the receiver's settings. Not thread-safe. */
  public static final class Builder {
    private final TrustVerifier verifier;
    private final TlsIdentity identity;
    private final IncomingPackages incoming;
    private final PackageRouting routing;
    private final Path storeFolder;
    private InetSocketAddress bind = new InetSocketAddress("127.0.0.1", 0);
    private HttpsLimits limits = HttpsLimits.DEFAULTS;
    private boolean allowTls12;
    private Set<Jurisdiction> acceptedJurisdictions = Set.of();
    private Clock clock = Clock.systemUTC();
    private Consumer<MlatTransportException> onRefusal = e -> { };

    private Builder(TrustVerifier verifier, TlsIdentity identity, IncomingPackages incoming, PackageRouting routing, Path storeFolder) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      this.identity = Objects.requireNonNull(identity, "identity");
      this.incoming = Objects.requireNonNull(incoming, "incoming");
      this.routing = Objects.requireNonNull(routing, "routing");
      this.storeFolder = Objects.requireNonNull(storeFolder, "storeFolder");
    }

    /** The address of the standalone server; default 127.0.0.1, any free port. */
    public Builder bind(InetSocketAddress address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /** The limits; default {@link HttpsLimits#DEFAULTS}. */
    public Builder limits(HttpsLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Also accept TLS 1.2 (default: TLS 1.3 only). */
    public Builder allowTls12(boolean allow) {
      this.allowTls12 = allow;
      return this;
    }

    /** Only peers of these jurisdictions may connect (default: every jurisdiction of the trust directory). */
    public Builder acceptPeersFrom(Set<Jurisdiction> jurisdictions) {
      if (jurisdictions.isEmpty()) {
        throw new IllegalArgumentException("accept peers from at least one jurisdiction");
      }
      this.acceptedJurisdictions = Set.copyOf(jurisdictions);
      return this;
    }

    /** The clock for purging stale uploads; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Told of every refused peer (handshake or carriage rule), for audit and monitoring. Must be thread-safe and quick. */
    public Builder onRefusal(Consumer<MlatTransportException> listener) {
      this.onRefusal = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the receiver (not yet listening: {@link HttpsReceiver#start()} or mount {@link HttpsReceiver#handler()}).
     *
     * @throws MlatTransportException IO_FAILURE when the store folder cannot be created
     */
    public HttpsReceiver build() throws MlatTransportException {
      return new HttpsReceiver(this);
    }
  }
}
