package dev.mlat.crypto.cms;

import dev.mlat.core.Jurisdiction;
import java.util.Objects;

/**
 * What a caller expects of a SignedData before it looks at it: who must have signed (the
 * jurisdiction every signer must be trusted for), which content type, and how many signatures.
 *
 * @param jurisdiction every signer must count for this jurisdiction
 * @param contentType the eContentType and the signed content-type attribute must both be this
 * @param requirement the signers required: exactly these, no more, no fewer
 */
public record SignatureExpectation(Jurisdiction jurisdiction, CmsContentType contentType, SignerRequirement requirement) {
  /** Validates. */
  public SignatureExpectation {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(requirement, "requirement");
  }

  /** One signer for {@code jurisdiction}, content type id-data. */
  public static SignatureExpectation oneSigner(Jurisdiction jurisdiction) {
    return new SignatureExpectation(jurisdiction, CmsContentType.DATA, SignerRequirement.ONE_SIGNER);
  }

  /** A hybrid (classical + ML-DSA, or composite) signature for {@code jurisdiction}, content type id-data. */
  public static SignatureExpectation hybrid(Jurisdiction jurisdiction) {
    return new SignatureExpectation(jurisdiction, CmsContentType.DATA, SignerRequirement.CLASSICAL_AND_POST_QUANTUM);
  }
}
