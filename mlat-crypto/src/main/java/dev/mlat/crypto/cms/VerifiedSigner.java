package dev.mlat.crypto.cms;

import dev.mlat.crypto.timestamp.VerifiedTimestamp;
import java.util.Optional;
import dev.mlat.crypto.trust.TrustReport;
import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.SignatureAlgorithm;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One signature that verified: cryptographically, against the profile's attributes, and through
 * the {@link SignerTrust}.
 *
 * @param certificate the signer's certificate
 * @param intermediates the other certificates the SignedData carried
 * @param algorithm the signature algorithm
 * @param digest the digest over the content
 * @param claimedSigningTime the signing-time attribute: the signer's own claim, not a trusted time
 * @param trust what the {@link SignerTrust} established: jurisdiction, authority, chain, time used,
 *     revocation data (kept so the verification can be shown again later)
 * @param timestamp the verified signature timestamp (CAdES B-T) when the signature carried one; the
 *     trust was then established at its genTime
 */
public record VerifiedSigner(X509Certificate certificate, List<X509Certificate> intermediates, SignatureAlgorithm algorithm,
    DigestAlgorithm digest, Instant claimedSigningTime, TrustReport trust, Optional<VerifiedTimestamp> timestamp) {
  /** Validates and copies. */
  public VerifiedSigner {
    Objects.requireNonNull(certificate, "certificate");
    intermediates = List.copyOf(intermediates);
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(claimedSigningTime, "claimedSigningTime");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(timestamp, "timestamp");
    if (!trust.certificate().equals(certificate)) {
      throw new IllegalArgumentException("the trust report is about another certificate than the signer's");
    }
  }

  /** A signer without a signature timestamp. */
  public VerifiedSigner(X509Certificate certificate, List<X509Certificate> intermediates, SignatureAlgorithm algorithm,
      DigestAlgorithm digest, Instant claimedSigningTime, TrustReport trust) {
    this(certificate, intermediates, algorithm, digest, claimedSigningTime, trust, Optional.empty());
  }
}
