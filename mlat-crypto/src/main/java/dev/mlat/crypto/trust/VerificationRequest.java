package dev.mlat.crypto.trust;

import dev.mlat.core.Jurisdiction;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One question to a {@link TrustVerifier}: may {@code certificate} act for {@code jurisdiction}, for
 * {@code purpose}, as an authority registered with one of {@code acceptedRoles}?
 *
 * <pre>{@code
 * var request = VerificationRequest.of(Jurisdiction.of("FR"), CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), cert)
 *     .withIntermediates(chainFromSignature)
 *     .withRevocationData(crlsFromSignature, ocspFromSignature)
 *     .at(timestampTime);
 * }</pre>
 *
 * @param jurisdiction the jurisdiction the certificate must act for (ignored for {@link CertificatePurpose#TIMESTAMPING})
 * @param purpose the key usage to check
 * @param acceptedRoles any one of these registered roles suffices (empty only for timestamping)
 * @param certificate the end-entity certificate
 * @param intermediates untrusted certificates that may complete the path (for example from a CMS signature)
 * @param validationTime the time to validate at; empty means the verifier's clock now
 * @param crls CRLs supplied beside the certificate
 * @param ocspResponses DER OCSPResponses supplied beside the certificate
 */
public record VerificationRequest(
    Jurisdiction jurisdiction,
    CertificatePurpose purpose,
    Set<AuthorityRole> acceptedRoles,
    X509Certificate certificate,
    List<X509Certificate> intermediates,
    Optional<Instant> validationTime,
    List<X509CRL> crls,
    List<byte[]> ocspResponses) {

  /** Validates and copies. */
  public VerificationRequest {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(purpose, "purpose");
    acceptedRoles = acceptedRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(acceptedRoles));
    if (acceptedRoles.isEmpty() && purpose != CertificatePurpose.TIMESTAMPING) {
      throw new IllegalArgumentException("an authority verification needs at least one accepted role");
    }
    Objects.requireNonNull(certificate, "certificate");
    intermediates = List.copyOf(intermediates);
    Objects.requireNonNull(validationTime, "validationTime");
    crls = List.copyOf(crls);
    if (ocspResponses.isEmpty()) {
      ocspResponses = List.of();
    } else {
      var copies = new java.util.ArrayList<byte[]>(ocspResponses.size());
      for (byte[] response : ocspResponses) {
        copies.add(Objects.requireNonNull(response, "OCSP response").clone());
      }
      ocspResponses = List.copyOf(copies);
    }
  }

  /** A request without intermediates or revocation data, at the verifier's now. */
  public static VerificationRequest of(
      Jurisdiction jurisdiction, CertificatePurpose purpose, Set<AuthorityRole> acceptedRoles, X509Certificate certificate) {
    return new VerificationRequest(jurisdiction, purpose, acceptedRoles, certificate, List.of(), Optional.empty(), List.of(), List.of());
  }

  /** A copy with these intermediates. */
  public VerificationRequest withIntermediates(List<X509Certificate> certificates) {
    return new VerificationRequest(jurisdiction, purpose, acceptedRoles, certificate, certificates, validationTime, crls, ocspResponses);
  }

  /** A copy validating at {@code time} (for example a trusted timestamp's time). */
  public VerificationRequest at(Instant time) {
    return new VerificationRequest(jurisdiction, purpose, acceptedRoles, certificate, intermediates, Optional.of(time), crls, ocspResponses);
  }

  /** A copy with these CRLs and DER OCSP responses supplied. */
  public VerificationRequest withRevocationData(List<X509CRL> suppliedCrls, List<byte[]> suppliedOcspResponses) {
    return new VerificationRequest(
        jurisdiction, purpose, acceptedRoles, certificate, intermediates, validationTime, suppliedCrls, suppliedOcspResponses);
  }
}
