package dev.mlat.transport.https;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.trust.AuthorityRole;
import dev.mlat.crypto.trust.TrustReport;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;

/**
 * The other side of a mutually authenticated TLS connection, as the trust directory vouches for it:
 * its jurisdiction is the one whose registered anchor its certificate path ends in (never a
 * self-asserted {@code C=}), its party the registered authority its certificate names, with the
 * roles the directory registers for it. Only {@link HttpsReceiver} and {@link HttpsChannel} create
 * peers from a successful {@code TrustVerifier.verifyTlsPeer}.
 *
 * @param report the trust verification that accepted the peer's chain
 */
public record TlsPeer(TrustReport report) {

  /** Validates. */
  public TlsPeer {
    Objects.requireNonNull(report, "report");
    if (report.authority().isEmpty()) {
      throw new IllegalArgumentException("a TLS peer report names an authority");
    }
  }

  /** The jurisdiction whose anchor the peer's path ends in. */
  public Jurisdiction jurisdiction() {
    return report.jurisdiction();
  }

  /** The registered authority (or carrier) the certificate names. */
  public PartyId party() {
    return report.authority().orElseThrow();
  }

  /** The roles the trust directory registers for {@link #party()}. */
  public Set<AuthorityRole> roles() {
    return report.roles();
  }

  /** The peer's TLS certificate. */
  public X509Certificate certificate() {
    return report.certificate();
  }

  @Override
  public String toString() {
    return "TlsPeer[" + party() + ", roles=" + roles() + "]";
  }
}
