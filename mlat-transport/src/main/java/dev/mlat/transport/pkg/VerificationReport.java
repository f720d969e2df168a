package dev.mlat.transport.pkg;

import dev.mlat.crypto.cms.VerifiedSigner;
import dev.mlat.crypto.trust.TrustReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What was verified when a package was opened, to keep with the message as evidence: the header
 * signer's trust, the issuing authority's signers (each with its trust report and the revocation
 * data used), whether the package was relayed, and when it was verified.
 *
 * @param headerSigner the trust report of header.p7s's signer
 * @param issuerSigners the verified signers of the inner signed message
 * @param relayed whether the package came through a registered relay
 * @param verifiedAt the opener's clock when the checks ran
 */
public record VerificationReport(TrustReport headerSigner, List<VerifiedSigner> issuerSigners, boolean relayed, Instant verifiedAt) {
  /** Validates and copies. */
  public VerificationReport {
    Objects.requireNonNull(headerSigner, "headerSigner");
    issuerSigners = List.copyOf(issuerSigners);
    Objects.requireNonNull(verifiedAt, "verifiedAt");
  }
}
