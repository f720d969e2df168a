package dev.mlat.crypto.timestamp;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.AlgorithmRefusedException;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.timestamp.internal.TimestampTokens;
import dev.mlat.crypto.timestamp.internal.TimestampTokens.CheckedToken;
import dev.mlat.crypto.trust.TrustReport;
import dev.mlat.crypto.trust.TrustVerifier;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies RFC 3161 timestamp tokens from untrusted DER bytes, in this order (docs/TIMESTAMPS.md):
 * size ({@code TIMESTAMP_TOO_LARGE}); structure: a SignedData of a TSTInfo version 1 with exactly
 * one signer, signed attributes and no critical TSTInfo extension ({@code TIMESTAMP_TOKEN_MALFORMED},
 * {@code TIMESTAMP_TOKEN_INVALID}); the algorithm policy on the imprint digest, the signer's digest
 * and signature algorithm and the signing-certificate hash ({@code ALGORITHM_*}); the TSA
 * certificate included in the token ({@code TIMESTAMP_TOKEN_INVALID}); the signing-certificate-v2
 * binding and the CMS signature ({@code TIMESTAMP_SIGNATURE_INVALID}); the message imprint against
 * the expected bytes ({@code TIMESTAMP_IMPRINT_MISMATCH}); the TSA policy, when accepted policies are
 * configured ({@code TIMESTAMP_POLICY_MISMATCH}); genTime not after now plus the allowed skew
 * ({@code TIMESTAMP_TOKEN_INVALID}); and the TSA certificate's trust through
 * {@link TrustVerifier#verifyTimestampAuthority} at genTime: a path to a timestamping anchor of the
 * directory, critical extendedKeyUsage timeStamping only, validity and revocation at genTime
 * ({@code TIMESTAMP_AUTHORITY_UNTRUSTED}, with the trust failure as cause).
 *
 * <pre>{@code
 * TimestampVerifier verifier = TimestampVerifier.builder(trustVerifier).clock(clock).build();
 * // CAdES B-T: the token of the SignerInfo's id-aa-signatureTimeStampToken attribute, over its signature value
 * VerifiedTimestamp ts = verifier.verifySignatureTimestamp(tokenDer, signerInfoSignatureValue, Jurisdiction.of("FR"));
 * }</pre>
 *
 * <p>The algorithm policy is the trust verifier's. Immutable and thread-safe; a verification may
 * block on online OCSP when the trust verifier's revocation policy enables it.
 */
public final class TimestampVerifier {
  private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

  private final TrustVerifier trust;
  private final Clock clock;
  private final TimestampLimits limits;
  private final Set<String> acceptedPolicies;

  private TimestampVerifier(Builder b) {
    this.trust = b.trust;
    this.clock = b.clock;
    this.limits = b.limits;
    this.acceptedPolicies = Set.copyOf(b.acceptedPolicies);
  }

  /**
   * A builder over {@code trust} (its directory's {@code tsa/} anchors, algorithm and revocation
   * policies). Defaults: the system UTC clock, {@link TimestampLimits#defaults()}, any TSA policy.
   */
  public static Builder builder(TrustVerifier trust) {
    return new Builder(trust);
  }

  /** The algorithm policy applied to tokens (the trust verifier's). */
  public AlgorithmPolicy algorithmPolicy() {
    return trust.algorithmPolicy();
  }

  /** The limits applied. */
  public TimestampLimits limits() {
    return limits;
  }

  /** The TSA policy OIDs accepted; empty means any. */
  public Set<String> acceptedPolicies() {
    return acceptedPolicies;
  }

  /**
   * Verifies a CAdES B-T signature timestamp: {@code token} must be a timestamp over
   * {@code signatureValue}, the contents of the SignerInfo's {@code signature} OCTET STRING (not its
   * tag and length; RFC 3161 appendix A, ETSI EN 319 122-1 5.3).
   *
   * @param jurisdiction the jurisdiction of the signer; selects per-jurisdiction algorithm rules
   * @throws TimestampException a {@code TIMESTAMP_*} code
   * @throws AlgorithmRefusedException when the policy refuses an algorithm of the token
   */
  public VerifiedTimestamp verifySignatureTimestamp(byte[] token, byte[] signatureValue, Jurisdiction jurisdiction)
      throws MlatCryptoException {
    return verify(token, signatureValue, jurisdiction);
  }

  /**
   * Verifies that {@code token} is a trusted timestamp over {@code data}; the digest is computed
   * with the token's imprint algorithm once the policy accepted it.
   *
   * @throws TimestampException a {@code TIMESTAMP_*} code
   * @throws AlgorithmRefusedException when the policy refuses an algorithm of the token
   */
  public VerifiedTimestamp verify(byte[] token, byte[] data, Jurisdiction jurisdiction) throws MlatCryptoException {
    Objects.requireNonNull(data, "data");
    return verify(token, null, null, data, jurisdiction);
  }

  /**
   * Verifies that {@code token} is a trusted timestamp over data whose {@code algorithm} digest is
   * {@code digest} (for large data hashed while streaming).
   *
   * @throws TimestampException a {@code TIMESTAMP_*} code; TIMESTAMP_IMPRINT_MISMATCH also when the token uses another digest algorithm
   * @throws AlgorithmRefusedException when the policy refuses an algorithm of the token
   */
  public VerifiedTimestamp verifyDigest(byte[] token, DigestAlgorithm algorithm, byte[] digest, Jurisdiction jurisdiction)
      throws MlatCryptoException {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(digest, "digest");
    return verify(token, algorithm, digest, null, jurisdiction);
  }

  private VerifiedTimestamp verify(byte[] token, DigestAlgorithm algorithm, byte[] digest, byte[] data, Jurisdiction jurisdiction)
      throws MlatCryptoException {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    CheckedToken checked = TimestampTokens.check(token, limits.maxTokenBytes(), trust.algorithmPolicy(), jurisdiction);

    byte[] expected;
    if (data != null) {
      expected = TimestampTokens.digest(checked.imprintAlgorithm(), data);
    } else if (algorithm != checked.imprintAlgorithm()) {
      throw new TimestampException(CryptoErrorCode.TIMESTAMP_IMPRINT_MISMATCH,
          "the token's imprint is a " + checked.imprintAlgorithm() + " digest, the expected one is " + algorithm, null, null);
    } else {
      expected = digest;
    }
    if (!MessageDigest.isEqual(expected, checked.messageImprint())) {
      throw new TimestampException(CryptoErrorCode.TIMESTAMP_IMPRINT_MISMATCH,
          "the token's " + checked.imprintAlgorithm() + " imprint " + HexFormat.of().formatHex(checked.messageImprint())
              + " is not the digest of the expected data (" + HexFormat.of().formatHex(expected) + ")", null, null);
    }
    if (!acceptedPolicies.isEmpty() && !acceptedPolicies.contains(checked.policyOid())) {
      throw new TimestampException(CryptoErrorCode.TIMESTAMP_POLICY_MISMATCH,
          "the token was issued under TSA policy " + checked.policyOid() + ", accepted are " + acceptedPolicies, null, null);
    }
    Instant latest = clock.instant().plus(limits.maxClockSkew());
    if (checked.genTime().isAfter(latest)) {
      throw new TimestampException(CryptoErrorCode.TIMESTAMP_TOKEN_INVALID,
          "the token's genTime " + checked.genTime() + " lies after now plus the allowed clock skew (" + latest + ")", null, null);
    }
    TrustReport report;
    try {
      report = trust.verifyTimestampAuthority(jurisdiction, checked.tsaCertificate(), checked.otherCertificates(), checked.genTime());
    } catch (MlatCryptoException e) {
      throw new TimestampException(CryptoErrorCode.TIMESTAMP_AUTHORITY_UNTRUSTED,
          "the TSA certificate is not trusted at the token's genTime " + checked.genTime() + ": " + e.errorCode() + ": " + e.getMessage(),
          null, e);
    }
    return new VerifiedTimestamp(checked.der(), checked.genTime(), checked.accuracy().orElse(null), checked.policyOid(),
        checked.serialNumber(), checked.imprintAlgorithm(), checked.messageImprint(), checked.nonce().orElse(null),
        checked.signatureAlgorithm(), report);
  }

  static String checkedOid(String oid) {
    Objects.requireNonNull(oid, "oid");
    if (!OID.matcher(oid).matches()) {
      throw new IllegalArgumentException("'" + oid + "' is not a dotted OID such as 1.3.6.1.4.1.99999.1");
    }
    return oid;
  }

  /** Configures a {@link TimestampVerifier}. Not thread-safe. */
  public static final class Builder {
    private final TrustVerifier trust;
    private Clock clock = Clock.systemUTC();
    private TimestampLimits limits = TimestampLimits.defaults();
    private final Set<String> acceptedPolicies = new LinkedHashSet<>();

    private Builder(TrustVerifier trust) {
      this.trust = Objects.requireNonNull(trust, "trust");
    }

    /** The clock "now" comes from (for the genTime-in-the-future check). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The limits. */
    public Builder limits(TimestampLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Accepts tokens issued under this TSA policy (dotted OID); once one is given, tokens under any
     * other policy fail with {@code TIMESTAMP_POLICY_MISMATCH}.
     *
     * @throws IllegalArgumentException if {@code oid} is not a dotted OID
     */
    public Builder acceptPolicy(String oid) {
      acceptedPolicies.add(checkedOid(oid));
      return this;
    }

    /** The verifier. */
    public TimestampVerifier build() {
      return new TimestampVerifier(this);
    }
  }
}
