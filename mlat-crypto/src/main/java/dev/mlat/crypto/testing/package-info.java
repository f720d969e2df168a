/**
 * <b>Test material only.</b> A complete test PKI per jurisdiction
 * ({@link dev.mlat.crypto.testing.TestPki}: CAs, authority signing / encryption / TLS certificates in
 * ECDSA, RSA, ML-DSA / ML-KEM and composite variants, a timestamping authority, CRLs, OCSP
 * responses, defective certificates), an OCSP responder on 127.0.0.1
 * ({@link dev.mlat.crypto.testing.TestOcspResponder}), an RFC 3161 timestamping authority on
 * 127.0.0.1 with switches to answer badly ({@link dev.mlat.crypto.testing.TestTimestampAuthority}), and writers for the trust-directory layout,
 * PKCS#12 and PEM. Private keys are held and written in clear; never use this for real keys.
 */
package dev.mlat.crypto.testing;
