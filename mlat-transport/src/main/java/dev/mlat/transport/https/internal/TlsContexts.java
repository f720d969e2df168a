package dev.mlat.transport.https.internal;

import dev.mlat.core.Jurisdiction;
import dev.mlat.transport.MlatTransportException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * JDK {@link SSLContext}s whose key manager presents one identity and whose trust manager hands
 * every decision to the trust directory ({@link PeerTrust}); the JDK's own PKIX trust (cacerts,
 * host names) plays no part: who may connect is what the directory registers.
 */
public final class TlsContexts {
  private static final String ALIAS = "mlat-tls";

  private TlsContexts() {}

  /** A server context: clients are authenticated by {@link PeerTrust#authenticateClient}; refusals go to {@code onRefusal}. */
  public static SSLContext server(PrivateKey key, List<X509Certificate> chain, PeerTrust trust,
      Consumer<MlatTransportException> onRefusal) {
    return context(key, chain, new DirectoryTrustManager(trust, null, onRefusal));
  }

  /** A client context for servers of {@code expected}. */
  public static SSLContext client(PrivateKey key, List<X509Certificate> chain, PeerTrust trust, Jurisdiction expected,
      Consumer<MlatTransportException> onRefusal) {
    return context(key, chain, new DirectoryTrustManager(trust, Objects.requireNonNull(expected, "expected"), onRefusal));
  }

  private static SSLContext context(PrivateKey key, List<X509Certificate> chain, TrustManager trust) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(new KeyManager[] {new SingleKeyManager(key, chain)}, new TrustManager[] {trust}, new SecureRandom());
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS SSLContext", e);
    }
  }

  /** Presents the one identity whatever the peer asks. */
  private static final class SingleKeyManager extends X509ExtendedKeyManager {
    private final PrivateKey key;
    private final X509Certificate[] chain;

    SingleKeyManager(PrivateKey key, List<X509Certificate> chain) {
      this.key = key;
      this.chain = chain.toArray(new X509Certificate[0]);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return ALIAS;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return ALIAS;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return matches(keyType) ? ALIAS : null;
    }

    private boolean matches(String keyType) {
      String alg = key.getAlgorithm();
      return keyType == null || keyType.equalsIgnoreCase(alg) || ("EC".equals(alg) && keyType.startsWith("EC"))
          || ("RSA".equals(alg) && keyType.startsWith("RSA"));
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? key : null;
    }
  }

  /** Every chain goes to the trust directory. */
  private static final class DirectoryTrustManager extends X509ExtendedTrustManager {
    private final PeerTrust trust;
    private final Jurisdiction expectedServer;
    private final Consumer<MlatTransportException> onRefusal;

    DirectoryTrustManager(PeerTrust trust, Jurisdiction expectedServer, Consumer<MlatTransportException> onRefusal) {
      this.trust = trust;
      this.expectedServer = expectedServer;
      this.onRefusal = onRefusal;
    }

    private void checkClient(X509Certificate[] chain) throws CertificateException {
      if (expectedServer != null) {
        throw new CertificateException("this endpoint is a TLS client and authenticates no clients");
      }
      try {
        trust.authenticateClient(List.of(chain));
      } catch (MlatTransportException e) {
        onRefusal.accept(e);
        throw new CertificateException(e.errorCode().code() + ": " + e.getMessage(), e);
      }
    }

    private void checkServer(X509Certificate[] chain) throws CertificateException {
      if (expectedServer == null) {
        throw new CertificateException("this endpoint is a TLS server and authenticates no servers");
      }
      try {
        trust.authenticateServer(expectedServer, List.of(chain));
      } catch (MlatTransportException e) {
        onRefusal.accept(e);
        throw new CertificateException(e.errorCode().code() + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      checkClient(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      checkClient(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      checkClient(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      checkServer(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      checkServer(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      checkServer(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      var out = new ArrayList<X509Certificate>();
      var directory = trust.verifier().directory();
      for (var j : directory.jurisdictions()) {
        out.addAll(directory.anchors(j));
      }
      return out.toArray(new X509Certificate[0]);
    }
  }
}
