/**
 * RFC 3161 timestamps for CAdES baseline B-T signatures: a {@link dev.mlat.crypto.timestamp.TimestampClient}
 * that obtains a token from a timestamping authority over HTTP, a
 * {@link dev.mlat.crypto.timestamp.TimestampVerifier} that verifies a token from untrusted bytes
 * (its CMS signature, the signing-certificate-v2 binding, the message imprint, the algorithm
 * policy, and the TSA certificate's trust at the token's time), and the result,
 * {@link dev.mlat.crypto.timestamp.VerifiedTimestamp}, the only thing that may move a signer's
 * validation time away from now. Profile, limits and codes: {@code docs/TIMESTAMPS.md}.
 */
package dev.mlat.crypto.timestamp;
