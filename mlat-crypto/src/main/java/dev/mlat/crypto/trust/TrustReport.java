package dev.mlat.crypto.trust;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.KeyFamily;
import dev.mlat.crypto.SignatureAlgorithm;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The result of a successful trust verification: who the certificate speaks for, the path that
 * proves it, when, and on what revocation data. Only a {@link TrustVerifier} creates one that
 * means "trusted"; it is a plain value otherwise.
 *
 * @param jurisdiction the jurisdiction whose registered anchor the path ends in
 * @param authority the authority named in the certificate (empty for a timestamping authority)
 * @param roles the roles the authority is registered for (empty for a timestamping authority)
 * @param purpose what the certificate was accepted for
 * @param certificate the verified end-entity certificate
 * @param chain the path, end entity first, anchor last
 * @param validationTime the time the path was valid at
 * @param signatureAlgorithm the algorithm the certificate's issuer signed it with
 * @param keyFamily the certificate's key type
 * @param policyName the algorithm policy that accepted every certificate and CRL of the path
 * @param revocation the revocation data used, one or more per certificate below the anchor
 * @param softFail true when some status could not be established and the revocation policy soft-failed
 */
public record TrustReport(
    Jurisdiction jurisdiction,
    Optional<PartyId> authority,
    Set<AuthorityRole> roles,
    CertificatePurpose purpose,
    X509Certificate certificate,
    List<X509Certificate> chain,
    Instant validationTime,
    SignatureAlgorithm signatureAlgorithm,
    KeyFamily keyFamily,
    String policyName,
    List<RevocationEvidence> revocation,
    boolean softFail) {

  /** Validates and copies. */
  public TrustReport {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(authority, "authority");
    roles = Set.copyOf(roles);
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(certificate, "certificate");
    chain = List.copyOf(chain);
    Objects.requireNonNull(validationTime, "validationTime");
    Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
    Objects.requireNonNull(keyFamily, "keyFamily");
    Objects.requireNonNull(policyName, "policyName");
    revocation = List.copyOf(revocation);
    if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
      throw new IllegalArgumentException("chain must start with the certificate");
    }
  }

  /** The trust anchor the path ends in. */
  public X509Certificate anchor() {
    return chain.get(chain.size() - 1);
  }
}
