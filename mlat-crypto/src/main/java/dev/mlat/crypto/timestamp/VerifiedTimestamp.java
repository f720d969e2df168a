package dev.mlat.crypto.timestamp;

import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.trust.TrustReport;
import dev.mlat.crypto.trust.VerificationRequest;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 3161 timestamp token that a {@link TimestampVerifier} verified: its CMS signature and
 * signing-certificate-v2 binding hold, its message imprint is the digest of the bytes it was
 * checked against, the algorithm policy accepts its algorithms, and its TSA certificate is trusted
 * at {@link #genTime()} ({@link #tsaTrust()}).
 *
 * <p>Deliberately a class, not a record: only {@link TimestampVerifier} (and the
 * {@link TimestampClient} through it) can create one, so holding a {@code VerifiedTimestamp} proves
 * the checks ran. That matters because it is the one thing allowed to move a signer certificate's
 * validation time into the past ({@link #applyTo(VerificationRequest)}); a signing-time attribute,
 * the signer's own claim, never does.
 *
 * <pre>{@code
 * VerifiedTimestamp ts = timestampVerifier.verifySignatureTimestamp(tokenDer, signatureValue, Jurisdiction.of("FR"));
 * TrustReport signer = trustVerifier.verify(ts.applyTo(
 *     VerificationRequest.of(Jurisdiction.of("FR"), CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), signerCertificate)));
 * }</pre>
 *
 * <p>Immutable and thread-safe; byte arrays are copied in and out.
 */
public final class VerifiedTimestamp {
  private final byte[] token;
  private final Instant genTime;
  private final Duration accuracy;
  private final String policyOid;
  private final BigInteger serialNumber;
  private final DigestAlgorithm imprintAlgorithm;
  private final byte[] messageImprint;
  private final BigInteger nonce;
  private final SignatureAlgorithm signatureAlgorithm;
  private final TrustReport tsaTrust;

  VerifiedTimestamp(byte[] token, Instant genTime, Duration accuracy, String policyOid, BigInteger serialNumber,
      DigestAlgorithm imprintAlgorithm, byte[] messageImprint, BigInteger nonce, SignatureAlgorithm signatureAlgorithm,
      TrustReport tsaTrust) {
    this.token = token.clone();
    this.genTime = Objects.requireNonNull(genTime, "genTime");
    this.accuracy = accuracy;
    this.policyOid = Objects.requireNonNull(policyOid, "policyOid");
    this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
    this.imprintAlgorithm = Objects.requireNonNull(imprintAlgorithm, "imprintAlgorithm");
    this.messageImprint = messageImprint.clone();
    this.nonce = nonce;
    this.signatureAlgorithm = Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
    this.tsaTrust = Objects.requireNonNull(tsaTrust, "tsaTrust");
  }

  /** The token's DER (a CMS ContentInfo of SignedData over a TSTInfo), as verified: what CAdES B-T attaches. */
  public byte[] token() {
    return token.clone();
  }

  /** When the TSA says the data existed (TSTInfo genTime). */
  public Instant genTime() {
    return genTime;
  }

  /** The TSA's declared accuracy around {@link #genTime()}, when it declared one. */
  public Optional<Duration> accuracy() {
    return Optional.ofNullable(accuracy);
  }

  /** The TSA policy the token was issued under (dotted OID). */
  public String policyOid() {
    return policyOid;
  }

  /** The TSA's serial number of the token (unique per TSA). */
  public BigInteger serialNumber() {
    return serialNumber;
  }

  /** The digest algorithm of the message imprint. */
  public DigestAlgorithm imprintAlgorithm() {
    return imprintAlgorithm;
  }

  /** The message imprint: the digest of the timestamped bytes. */
  public byte[] messageImprint() {
    return messageImprint.clone();
  }

  /** The nonce of the request the token answers, when it carries one. */
  public Optional<BigInteger> nonce() {
    return Optional.ofNullable(nonce);
  }

  /** The algorithm the TSA signed the token with. */
  public SignatureAlgorithm signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** The TSA certificate that signed the token. */
  public X509Certificate tsaCertificate() {
    return tsaTrust.certificate();
  }

  /** How the TSA certificate was found trusted, at {@link #genTime()} (path, anchor, revocation evidence). */
  public TrustReport tsaTrust() {
    return tsaTrust;
  }

  /**
   * The same certificate question, asked at this timestamp's {@link #genTime()} instead of now:
   * a signer certificate that has expired (or been revoked) since may still be accepted if it was
   * valid when the timestamp proves the signature existed.
   *
   * <p>Use it only with a timestamp over <em>that</em> signature (verified with
   * {@link TimestampVerifier#verifySignatureTimestamp}); the signer's signing-time attribute never
   * moves the validation time.
   */
  public VerificationRequest applyTo(VerificationRequest request) {
    Objects.requireNonNull(request, "request");
    return request.at(genTime);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifiedTimestamp && Arrays.equals(token, ((VerifiedTimestamp) o).token);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(token);
  }

  @Override
  public String toString() {
    return "VerifiedTimestamp[genTime=" + genTime + ", serial=" + serialNumber.toString(16) + ", policy=" + policyOid
        + ", imprint=" + imprintAlgorithm + ":" + HexFormat.of().formatHex(messageImprint) + ", tsa="
        + tsaTrust.certificate().getSubjectX500Principal().getName() + "]";
  }
}
