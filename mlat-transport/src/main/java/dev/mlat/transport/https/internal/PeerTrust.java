package dev.mlat.transport.https.internal;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.trust.AuthorityRole;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.TlsPeer;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Authenticates TLS peers against the trust directory and applies the carriage rule. The client's
 * jurisdiction is found by trying each jurisdiction of the directory: only the one whose registered
 * anchor the path ends in can pass {@code verifyTlsPeer} (path-building failures to other
 * jurisdictions' anchors are skipped); nothing the certificate asserts about itself selects it.
 */
public final class PeerTrust {
  private final TrustVerifier verifier;
  private final Set<Jurisdiction> accepted;

  /**
   * @param verifier the trust directory's verifier
   * @param accepted the jurisdictions whose peers may connect (empty: every jurisdiction of the directory)
   */
  public PeerTrust(TrustVerifier verifier, Set<Jurisdiction> accepted) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.accepted = Set.copyOf(accepted);
  }

  /** The verifier. */
  public TrustVerifier verifier() {
    return verifier;
  }

  /** Authenticates a client: finds its jurisdiction from the anchor its path ends in, and verifies it. */
  public TlsPeer authenticateClient(List<X509Certificate> chain) throws MlatTransportException {
    if (chain == null || chain.isEmpty()) {
      throw new MlatTransportException(TransportErrorCode.HTTPS_PEER_REFUSED, "the TLS peer presented no certificate");
    }
    MlatCryptoException pathFailure = null;
    for (Jurisdiction j : verifier.directory().jurisdictions()) {
      try {
        TlsPeer peer = new TlsPeer(verifier.verifyTlsPeer(j, chain));
        if (!accepted.isEmpty() && !accepted.contains(peer.jurisdiction())) {
          throw new MlatTransportException(TransportErrorCode.HTTPS_PEER_REFUSED,
              "TLS peer " + peer.party() + " is of jurisdiction " + peer.jurisdiction() + ", which this receiver does not accept (accepted: "
                  + accepted + ")");
        }
        return peer;
      } catch (MlatCryptoException e) {
        var code = e.errorCode();
        if (code == CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION || code == CryptoErrorCode.CERTIFICATE_UNTRUSTED
            || code == CryptoErrorCode.JURISDICTION_NOT_TRUSTED) {
          if (pathFailure == null || code == CryptoErrorCode.CERTIFICATE_UNTRUSTED) {
            pathFailure = e;
          }
          continue;
        }
        throw refused(chain.get(0), e);
      }
    }
    if (pathFailure == null) {
      throw new MlatTransportException(TransportErrorCode.HTTPS_PEER_REFUSED, "the trust directory registers no jurisdiction");
    }
    throw new MlatTransportException(TransportErrorCode.HTTPS_PEER_REFUSED,
        "TLS peer " + chain.get(0).getSubjectX500Principal().getName() + " does not chain to any registered anchor (CERTIFICATE_UNTRUSTED)",
        pathFailure);
  }

  /** Authenticates a server that must be a registered authority or carrier of {@code expected}. */
  public TlsPeer authenticateServer(Jurisdiction expected, List<X509Certificate> chain) throws MlatTransportException {
    if (chain == null || chain.isEmpty()) {
      throw new MlatTransportException(TransportErrorCode.HTTPS_PEER_REFUSED, "the TLS server presented no certificate");
    }
    try {
      return new TlsPeer(verifier.verifyTlsPeer(expected, chain));
    } catch (MlatCryptoException e) {
      throw refused(chain.get(0), e);
    }
  }

  /**
   * The carriage rule: a peer may hand over a package whose sender is of its own jurisdiction (it is
   * then a registered authority of that jurisdiction or a gateway registered there with the carry
   * role). A gateway carrying for another jurisdiction authenticates with a certificate of that
   * jurisdiction's PKI, registered in its authorities.json with the {@code carry} role.
   *
   * @throws MlatTransportException HTTPS_PEER_NOT_CARRIER otherwise
   */
  public static void checkCarriage(TlsPeer peer, PartyId sender) throws MlatTransportException {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(sender, "sender");
    if (peer.jurisdiction().equals(sender.jurisdiction())) {
      return;
    }
    throw new MlatTransportException(TransportErrorCode.HTTPS_PEER_NOT_CARRIER,
        "TLS peer " + peer.party() + " (jurisdiction " + peer.jurisdiction() + ", roles " + peer.roles()
            + ") may not hand over a package whose sender is " + sender + ": it is not registered to carry for "
            + sender.jurisdiction() + " (a carrier needs a TLS certificate of " + sender.jurisdiction() + "'s PKI registered with the "
            + AuthorityRole.CARRY.jsonName() + " role)");
  }

  private static MlatTransportException refused(X509Certificate certificate, MlatCryptoException e) {
    return new MlatTransportException(TransportErrorCode.HTTPS_PEER_REFUSED,
        "TLS peer " + certificate.getSubjectX500Principal().getName() + " refused: " + e.errorCode().code() + ": " + e.getMessage(), e);
  }
}
