package dev.mlat.transport.https;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The TLS credential this side presents: a private key and its certificate chain (the authority's
 * TLS certificate first, then its issuers). The certificate must carry extendedKeyUsage serverAuth /
 * clientAuth and name the authority in its organizationIdentifier (docs/TRUST.md); the peer checks
 * it against its own trust directory.
 *
 * <p>The private key never appears in {@link #toString()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * TlsIdentity me = TlsIdentity.of(privateKey, List.of(tlsCertificate, issuingCa, root));
 * }</pre>
 */
public final class TlsIdentity {
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;

  private TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
    this.privateKey = privateKey;
    this.chain = chain;
  }

  /**
   * @param privateKey the key of {@code chain.get(0)}
   * @param chain the TLS certificate first, then its issuers
   * @throws IllegalArgumentException when the chain is empty
   */
  public static TlsIdentity of(PrivateKey privateKey, List<X509Certificate> chain) {
    Objects.requireNonNull(privateKey, "privateKey");
    List<X509Certificate> copy = List.copyOf(Objects.requireNonNull(chain, "chain"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a TLS identity needs at least its own certificate");
    }
    return new TlsIdentity(privateKey, copy);
  }

  /** The key (package use only through the TLS key manager). */
  PrivateKey privateKey() {
    return privateKey;
  }

  /** The chain, certificate first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** The TLS certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + certificate().getSubjectX500Principal().getName() + "]";
  }
}
