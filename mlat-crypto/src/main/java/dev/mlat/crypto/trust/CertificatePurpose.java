package dev.mlat.crypto.trust;

/**
 * What a certificate is being accepted for; decides the key usage and extended key usage it needs.
 */
public enum CertificatePurpose {
  /** Signing messages: keyUsage digitalSignature or nonRepudiation; no TLS, OCSP or timestamping extended key usage. */
  SIGNING,
  /** Being encrypted for: keyUsage keyEncipherment or keyAgreement; no TLS, OCSP or timestamping extended key usage. */
  ENCRYPTION,
  /** A TLS client or server: extendedKeyUsage serverAuth or clientAuth, keyUsage digitalSignature, keyEncipherment or keyAgreement. */
  TLS,
  /** An RFC 3161 timestamping authority: extendedKeyUsage timeStamping only, critical; keyUsage digitalSignature or nonRepudiation. */
  TIMESTAMPING
}
