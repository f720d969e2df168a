package dev.mlat.crypto;

import dev.mlat.core.ErrorCode;

/**
 * The error codes of {@code mlat-crypto}. Each is documented in {@code docs/ERRORS.md} under
 * "mlat-crypto"; {@code CryptoErrorCodeTest} keeps the two in step.
 */
public enum CryptoErrorCode implements ErrorCode {
  /** An algorithm identifier (OID and parameters) is not one this library knows. */
  ALGORITHM_UNKNOWN(
      "An algorithm identifier (OID and parameters) is not one this library knows."),
  /** A known algorithm is not allowed by the algorithm policy for this use and jurisdiction (for example SHA-1, MD5, DSA, RSA PKCS#1 v1.5 key transport, unauthenticated encryption). */
  ALGORITHM_REFUSED(
      "A known algorithm is not allowed by the algorithm policy for this use and jurisdiction (for example SHA-1, MD5, DSA, RSA PKCS#1 v1.5 key transport, unauthenticated encryption)."),
  /** An RSA key is shorter than the policy's minimum for the jurisdiction (3072 bits by default; 2048 only when configured; never below 2048). */
  KEY_TOO_SMALL(
      "An RSA key is shorter than the policy's minimum for the jurisdiction (3072 bits by default; 2048 only when configured; never below 2048)."),
  /** A public key does not fit the algorithm (wrong key type) or uses parameters the policy does not allow (for example an EC curve other than P-256, P-384, P-521). */
  KEY_REFUSED(
      "A public key does not fit the algorithm (wrong key type) or uses parameters the policy does not allow (for example an EC curve other than P-256, P-384, P-521)."),
  /** A certificate, CRL or OCSP response cannot be parsed (bad DER or PEM). */
  CERTIFICATE_MALFORMED(
      "A certificate, CRL or OCSP response cannot be parsed (bad DER or PEM)."),
  /** The trust directory (folder, authorities.json or keystore) is malformed: unknown fields, wrong jurisdiction folder, unreadable file, wrong password. */
  TRUST_DIRECTORY_INVALID(
      "The trust directory (folder, authorities.json or keystore) is malformed: unknown fields, wrong jurisdiction folder, unreadable file, wrong password."),
  /** A trust directory file or revocation datum is larger than its limit, or a jurisdiction folder holds more files than allowed. */
  TRUST_LIMIT_EXCEEDED(
      "A trust directory file or revocation datum is larger than its limit, or a jurisdiction folder holds more files than allowed."),
  /** No trust anchor is registered for the jurisdiction. */
  JURISDICTION_NOT_TRUSTED(
      "No trust anchor is registered for the jurisdiction."),
  /** The certificate does not chain to any registered trust anchor. */
  CERTIFICATE_UNTRUSTED(
      "The certificate does not chain to any registered trust anchor."),
  /** The certificate chains to an anchor registered for another jurisdiction, never for the one it claims to act for. */
  CERTIFICATE_WRONG_JURISDICTION(
      "The certificate chains to an anchor registered for another jurisdiction, never for the one it claims to act for."),
  /** For a state, the subject's country (C=) is missing or differs from the jurisdiction of the anchor. */
  CERTIFICATE_COUNTRY_MISMATCH(
      "For a state, the subject's country (C=) is missing or differs from the jurisdiction of the anchor."),
  /** A certificate of the path was expired at the validation time. */
  CERTIFICATE_EXPIRED(
      "A certificate of the path was expired at the validation time."),
  /** A certificate of the path was not yet valid at the validation time. */
  CERTIFICATE_NOT_YET_VALID(
      "A certificate of the path was not yet valid at the validation time."),
  /** RFC 5280 path validation failed for another reason (signature, name chaining, basic constraints, path length, policies). */
  CERTIFICATE_PATH_INVALID(
      "RFC 5280 path validation failed for another reason (signature, name chaining, basic constraints, path length, policies)."),
  /** A CA certificate (basicConstraints cA=true) was presented as an authority's end-entity certificate. */
  CERTIFICATE_IS_CA(
      "A CA certificate (basicConstraints cA=true) was presented as an authority's end-entity certificate."),
  /** The certificate's key usage or extended key usage does not allow this use (for example an encryption certificate used to sign). */
  CERTIFICATE_KEY_USAGE(
      "The certificate's key usage or extended key usage does not allow this use (for example an encryption certificate used to sign)."),
  /** A certificate of the path has a critical extension this library does not process. */
  CERTIFICATE_UNKNOWN_CRITICAL_EXTENSION(
      "A certificate of the path has a critical extension this library does not process."),
  /** A certificate of the path is revoked (by CRL or OCSP) at the validation time. */
  CERTIFICATE_REVOKED(
      "A certificate of the path is revoked (by CRL or OCSP) at the validation time."),
  /** No CRL or OCSP response from the issuer is available to establish a certificate's revocation status. */
  REVOCATION_CRL_MISSING(
      "No CRL or OCSP response from the issuer is available to establish a certificate's revocation status."),
  /** The issuer's CRLs (or OCSP responses) found are outside their validity window (next update passed) at the validation time. */
  REVOCATION_CRL_STALE(
      "The issuer's CRLs (or OCSP responses) found are outside their validity window (next update passed) at the validation time."),
  /** Online OCSP was attempted and failed (unreachable, error status, oversize) and no other source established the status. */
  REVOCATION_UNAVAILABLE(
      "Online OCSP was attempted and failed (unreachable, error status, oversize) and no other source established the status."),
  /** A CRL or OCSP response is not signed by the certificate's issuer (or its authorized responder), does not match the certificate, or is malformed. */
  REVOCATION_DATA_INVALID(
      "A CRL or OCSP response is not signed by the certificate's issuer (or its authorized responder), does not match the certificate, or is malformed."),
  /** The certificate carries no authority identifier (subject organizationIdentifier), or names an authority not registered for the jurisdiction. */
  AUTHORITY_NOT_REGISTERED(
      "The certificate carries no authority identifier (subject organizationIdentifier), or names an authority not registered for the jurisdiction."),
  /** The authority is registered for the jurisdiction but not for this role (sign, receive, relay, carry). */
  AUTHORITY_ROLE_NOT_ALLOWED(
      "The authority is registered for the jurisdiction but not for this role (sign, receive, relay, carry)."),
  // timestamp (RFC 3161, CAdES B-T): dev.mlat.crypto.timestamp
  /** The timestamping authority could not be reached, did not answer within the timeout, or answered with an HTTP status other than 200. */
  TIMESTAMP_AUTHORITY_UNAVAILABLE(
      "The timestamping authority could not be reached, did not answer within the timeout, or answered with an HTTP status other than 200."),
  /** A timestamp response or token is larger than its limit (maxResponseBytes, maxTokenBytes). */
  TIMESTAMP_TOO_LARGE(
      "A timestamp response or token is larger than its limit (maxResponseBytes, maxTokenBytes)."),
  /** The TSA's answer is not a DER TimeStampResp (RFC 3161 section 2.4.2) of content type application/timestamp-reply, or it was granted without a token. */
  TIMESTAMP_RESPONSE_MALFORMED(
      "The TSA's answer is not a DER TimeStampResp (RFC 3161 section 2.4.2) of content type application/timestamp-reply, or it was granted without a token."),
  /** The TSA answered with a status other than granted (rejection, waiting, revocation warning or notification); the message carries its status text and failure info. */
  TIMESTAMP_REJECTED(
      "The TSA answered with a status other than granted (rejection, waiting, revocation warning or notification); the message carries its status text and failure info."),
  /** The token's nonce is missing or differs from the request's random nonce (a replayed or misrouted answer). */
  TIMESTAMP_NONCE_MISMATCH(
      "The token's nonce is missing or differs from the request's random nonce (a replayed or misrouted answer)."),
  /** The token's message imprint is not the digest of the timestamped data (for CAdES B-T: of the SignerInfo's signature value). */
  TIMESTAMP_IMPRINT_MISMATCH(
      "The token's message imprint is not the digest of the timestamped data (for CAdES B-T: of the SignerInfo's signature value)."),
  /** The token's TSA policy is not the one requested, or not one the verifier accepts. */
  TIMESTAMP_POLICY_MISMATCH(
      "The token's TSA policy is not the one requested, or not one the verifier accepts."),
  /** A timestamp token cannot be parsed: not a CMS SignedData of a TSTInfo with exactly one signer and signed attributes. */
  TIMESTAMP_TOKEN_MALFORMED(
      "A timestamp token cannot be parsed: not a CMS SignedData of a TSTInfo with exactly one signer and signed attributes."),
  /** A parsed timestamp token breaks the profile of docs/TIMESTAMPS.md: no TSA certificate in it, no signing-certificate attribute, genTime in the future, a critical TSTInfo extension. */
  TIMESTAMP_TOKEN_INVALID(
      "A parsed timestamp token breaks the profile of docs/TIMESTAMPS.md: no TSA certificate in it, no signing-certificate attribute, genTime in the future, a critical TSTInfo extension."),
  /** The token's CMS signature does not verify with the TSA certificate, or the signing-certificate(-v2) attribute does not identify that certificate. */
  TIMESTAMP_SIGNATURE_INVALID(
      "The token's CMS signature does not verify with the TSA certificate, or the signing-certificate(-v2) attribute does not identify that certificate."),
  /** The TSA certificate is not trusted at the token's genTime: no path to a timestamping anchor, wrong or non-critical extended key usage, expired, revoked, or refused by the algorithm policy. The cause carries the trust rule that failed. */
  TIMESTAMP_AUTHORITY_UNTRUSTED(
      "The TSA certificate is not trusted at the token's genTime: no path to a timestamping anchor, wrong or non-critical extended key usage, expired, revoked, or refused by the algorithm policy. The cause carries the trust rule that failed.");

  private final String description;

  CryptoErrorCode(String description) {
    this.description = description;
  }

  @Override
  public String code() {
    return name();
  }

  @Override
  public String description() {
    return description;
  }
}
