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
  // keys
  /** A PKCS#12 key store cannot be read: not a PKCS#12 file, corrupted, or it holds no private key with a certificate. */
  KEYSTORE_INVALID(
      "A PKCS#12 key store cannot be read: not a PKCS#12 file, corrupted, or it holds no private key with a certificate."),
  /** The PKCS#12 password (or a key's password) is wrong. */
  KEYSTORE_WRONG_PASSWORD(
      "The PKCS#12 password (or a key's password) is wrong."),
  /** A PKCS#12 key store is larger than the limit, or holds more entries than allowed. */
  KEYSTORE_LIMIT_EXCEEDED(
      "A PKCS#12 key store is larger than the limit, or holds more entries than allowed."),
  /** The PKCS#11 module cannot be loaded or the configured token/slot is not present. */
  HSM_UNAVAILABLE(
      "The PKCS#11 module cannot be loaded or the configured token/slot is not present."),
  /** Login to the PKCS#11 token failed (wrong PIN, PIN locked). */
  HSM_LOGIN_FAILED(
      "Login to the PKCS#11 token failed (wrong PIN, PIN locked)."),
  /** No identity of the key ring matches the requested certificate, issuer and serial number, or subject key identifier. */
  IDENTITY_NOT_FOUND(
      "No identity of the key ring matches the requested certificate, issuer and serial number, or subject key identifier."),
  /** The key cannot perform this operation where it lives (for example RSA-OAEP decryption with a key on a PKCS#11 token through SunPKCS11, which has no OAEP). */
  KEY_OPERATION_UNSUPPORTED(
      "The key cannot perform this operation where it lives (for example RSA-OAEP decryption with a key on a PKCS#11 token through SunPKCS11, which has no OAEP)."),
  // segments
  /** A segment manifest read from a message is malformed or inconsistent (bad key identifier or digest, count not following from length and segment size). */
  SEGMENT_MANIFEST_INVALID(
      "A segment manifest read from a message is malformed or inconsistent (bad key identifier or digest, count not following from length and segment size)."),
  /** A segment manifest exceeds a limit: segment size, number of segments or attachment size (docs/LIMITS.md). */
  SEGMENT_LIMIT_EXCEEDED(
      "A segment manifest exceeds a limit: segment size, number of segments or attachment size (docs/LIMITS.md)."),
  /** A segment is not the profile's CMS AuthEnvelopedData: not DER, not exactly one KEKRecipientInfo with id-aes256-wrap, not AES-256-GCM with a 12-byte nonce and a 16-byte tag, attributes present. */
  SEGMENT_MALFORMED(
      "A segment is not the profile's CMS AuthEnvelopedData: not DER, not exactly one KEKRecipientInfo with id-aes256-wrap, not AES-256-GCM with a 12-byte nonce and a 16-byte tag, attributes present."),
  /** A segment is longer on the wire than the manifest's segment size allows, or its plaintext length differs from the length the manifest implies for its position. */
  SEGMENT_LENGTH_MISMATCH(
      "A segment is longer on the wire than the manifest's segment size allows, or its plaintext length differs from the length the manifest implies for its position."),
  /** A segment's content key is wrapped under another attachment key than the manifest's: it comes from another attachment or another sealing. */
  SEGMENT_FOREIGN(
      "A segment's content key is wrapped under another attachment key than the manifest's: it comes from another attachment or another sealing."),
  /** A segment's content key does not unwrap under the attachment key, or its AES-GCM tag does not verify: it was altered. No plaintext is released. */
  SEGMENT_AUTHENTICATION_FAILED(
      "A segment's content key does not unwrap under the attachment key, or its AES-GCM tag does not verify: it was altered. No plaintext is released."),
  /** The segment of a position is absent from the stream: a segment was dropped. No plaintext is released. */
  SEGMENT_MISSING(
      "The segment of a position is absent from the stream: a segment was dropped. No plaintext is released."),
  /** A segment appears at another position than the one the signed manifest lists its tag at: the segments were reordered. No plaintext is released. */
  SEGMENT_OUT_OF_ORDER(
      "A segment appears at another position than the one the signed manifest lists its tag at: the segments were reordered. No plaintext is released."),
  /** A segment appears again after it was opened at its own position. No plaintext is released. */
  SEGMENT_DUPLICATED(
      "A segment appears again after it was opened at its own position. No plaintext is released."),
  /** The segment stream ends before the manifest's count of segments, or inside a segment. No plaintext is released. */
  SEGMENT_TRUNCATED(
      "The segment stream ends before the manifest's count of segments, or inside a segment. No plaintext is released."),
  /** The segment stream goes on after the manifest's last segment. No plaintext is released. */
  SEGMENT_TRAILING_DATA(
      "The segment stream goes on after the manifest's last segment. No plaintext is released."),
  /** The segments open but do not match the signed manifest: it names another attachment key, a segment's tag is not in its list (a manifest of another sealing), or the plaintext length or its SHA-256 differ. No plaintext is released. */
  SEGMENT_MANIFEST_MISMATCH(
      "The segments open but do not match the signed manifest: it names another attachment key, a segment's tag is not in its list (a manifest of another sealing), or the plaintext length or its SHA-256 differ. No plaintext is released."),
  // cms
  /** A CMS structure cannot be parsed, or is not the expected CMS type (AuthEnvelopedData, SignedData). */
  CMS_MALFORMED(
      "A CMS structure cannot be parsed, or is not the expected CMS type (AuthEnvelopedData, SignedData)."),
  /** A CMS structure exceeds a limit: input size, number of RecipientInfos, SignerInfos or certificates, or ASN.1 nesting depth. */
  CMS_LIMIT_EXCEEDED(
      "A CMS structure exceeds a limit: input size, number of RecipientInfos, SignerInfos or certificates, or ASN.1 nesting depth."),
  /** None of the message's RecipientInfos is addressed to an identity of the key ring. */
  CMS_NO_MATCHING_RECIPIENT(
      "None of the message's RecipientInfos is addressed to an identity of the key ring."),
  /** The AES-GCM tag does not verify or the content key cannot be recovered: the message was altered or not sealed for this key. No plaintext is released. */
  CMS_AUTHENTICATION_FAILED(
      "The AES-GCM tag does not verify or the content key cannot be recovered: the message was altered or not sealed for this key. No plaintext is released."),
  /** The AES-GCM parameters are not the profile's: a tag shorter than 128 bits or a nonce other than 96 bits. */
  CMS_GCM_PARAMETERS_REFUSED(
      "The AES-GCM parameters are not the profile's: a tag shorter than 128 bits or a nonce other than 96 bits."),
  /** A message would carry a classical RecipientInfo beside a post-quantum one, which removes the post-quantum protection of the shared content key. */
  CMS_CLASSICAL_BESIDE_POST_QUANTUM(
      "A message would carry a classical RecipientInfo beside a post-quantum one, which removes the post-quantum protection of the shared content key."),
  /** A CMS structure carries an attribute outside the profile (signed attributes other than content-type, message-digest, signing-time, signing-certificate-v2; any unsigned attribute other than one id-aa-signatureTimeStampToken accepted by a verifier given a TimestampVerifier; authenticated attributes in AuthEnvelopedData), a duplicate, or misses a required one. */
  CMS_UNEXPECTED_ATTRIBUTE(
      "A CMS structure carries an attribute outside the profile (signed attributes other than content-type, message-digest, signing-time, signing-certificate-v2; any unsigned attribute other than one id-aa-signatureTimeStampToken accepted by a verifier given a TimestampVerifier; authenticated attributes in AuthEnvelopedData), a duplicate, or misses a required one."),
  /** The eContentType or the signed content-type attribute differs from what the caller expects, or they differ from each other. */
  CMS_CONTENT_TYPE_MISMATCH(
      "The eContentType or the signed content-type attribute differs from what the caller expects, or they differ from each other."),
  /** The SignedData does not carry exactly the expected signers (zero, extra or missing SignerInfos; a hybrid signature without both its classical and its ML-DSA part). */
  CMS_SIGNER_COUNT(
      "The SignedData does not carry exactly the expected signers (zero, extra or missing SignerInfos; a hybrid signature without both its classical and its ML-DSA part)."),
  /** The signer's certificate is not in the SignedData's certificate set. */
  CMS_SIGNER_CERTIFICATE_MISSING(
      "The signer's certificate is not in the SignedData's certificate set."),
  /** The signing-certificate-v2 attribute does not identify the signer's certificate. */
  CMS_SIGNING_CERTIFICATE_MISMATCH(
      "The signing-certificate-v2 attribute does not identify the signer's certificate."),
  /** A signature or the message-digest attribute does not verify over the content. */
  CMS_SIGNATURE_INVALID(
      "A signature or the message-digest attribute does not verify over the content."),
  // seal (sign then encrypt, bound to the recipient): dev.mlat.crypto.seal
  /** The signed content of a sealed message is not the SealedContent of docs/CMS.md (DER SEQUENCE of version 1, sender, recipient, message id, payload): not DER, trailing bytes, another version, an invalid party id or a non-canonical UUID. */
  SEAL_BINDING_MALFORMED(
      "The signed content of a sealed message is not the SealedContent of docs/CMS.md (DER SEQUENCE of version 1, sender, recipient, message id, payload): not DER, trailing bytes, another version, an invalid party id or a non-canonical UUID."),
  /** The recipient named in the signed content of a sealed message is not the party opening it: the message was meant for someone else (surreptitious forwarding). */
  SEAL_RECIPIENT_MISMATCH(
      "The recipient named in the signed content of a sealed message is not the party opening it: the message was meant for someone else (surreptitious forwarding)."),
  /** The sender named in the signed content of a sealed message does not match its signer: another jurisdiction than the signer's or the expected one, or (unless another issuing authority of the same jurisdiction is allowed) another authority than the one the signer's certificate belongs to. */
  SEAL_SENDER_MISMATCH(
      "The sender named in the signed content of a sealed message does not match its signer: another jurisdiction than the signer's or the expected one, or (unless another issuing authority of the same jurisdiction is allowed) another authority than the one the signer's certificate belongs to."),
  /** The message id in the signed content of a sealed message is not the one the caller expected (a replayed or substituted message). */
  SEAL_MESSAGE_ID_MISMATCH(
      "The message id in the signed content of a sealed message is not the one the caller expected (a replayed or substituted message)."),
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
      "The TSA certificate is not trusted at the token's genTime: no path to a timestamping anchor, wrong or non-critical extended key usage, expired, revoked, or refused by the algorithm policy. The cause carries the trust rule that failed."),
  // trust list (signed trust lists): dev.mlat.crypto.trust.TrustListLoader
  /** A signed trust list's content is not a trust list of docs/TRUST-LIST.md: not strict JSON, an unknown or missing field, a bad value, a certificate or CRL that does not parse. */
  TRUST_LIST_MALFORMED(
      "A signed trust list's content is not a trust list of docs/TRUST-LIST.md: not strict JSON, an unknown or missing field, a bad value, a certificate or CRL that does not parse."),
  /** A signed trust list exceeds a TrustListLimits setting (size, jurisdictions, certificates, authorities, CRLs). */
  TRUST_LIST_LIMIT_EXCEEDED(
      "A signed trust list exceeds a TrustListLimits setting (size, jurisdictions, certificates, authorities, CRLs)."),
  /** The trust list's signer certificate does not chain to a publisher anchor the loader was given, is not valid at the loading time, or is not an end-entity signing certificate. */
  TRUST_LIST_PUBLISHER_UNTRUSTED(
      "The trust list's signer certificate does not chain to a publisher anchor the loader was given, is not valid at the loading time, or is not an end-entity signing certificate."),
  /** The loading time is after the trust list's nextUpdate: the list is out of date. */
  TRUST_LIST_STALE(
      "The loading time is after the trust list's nextUpdate: the list is out of date."),
  /** The trust list's issuedAt lies further in the future than the allowed clock skew. */
  TRUST_LIST_NOT_YET_VALID(
      "The trust list's issuedAt lies further in the future than the allowed clock skew."),
  /** The trust list's sequence number is lower than that of the last list accepted: an older list is being replayed. */
  TRUST_LIST_ROLLBACK(
      "The trust list's sequence number is lower than that of the last list accepted: an older list is being replayed."),
  /** The trust list has the same sequence number as the last list accepted but different content. */
  TRUST_LIST_CONFLICT(
      "The trust list has the same sequence number as the last list accepted but different content."),
  /** The store of the last accepted trust list cannot be read or written, or is corrupt; loading fails closed. */
  TRUST_LIST_STATE_UNAVAILABLE(
      "The store of the last accepted trust list cannot be read or written, or is corrupt; loading fails closed.");

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
