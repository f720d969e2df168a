package dev.mlat.crypto.trust;

/**
 * Bounds on what the trust directory and the verifier read from input they did not produce. Every
 * limit is a named setting with a safe default (see {@code docs/LIMITS.md}, section mlat-crypto);
 * exceeding one raises {@code TRUST_LIMIT_EXCEEDED}.
 *
 * @param maxCertificateFileBytes largest certificate file (PEM or DER) in a trust folder
 * @param maxCertificatesPerFile most certificates in one PEM file
 * @param maxCrlBytes largest CRL (file, or supplied with a signature)
 * @param maxOcspResponseBytes largest OCSP response (stored, supplied, or fetched online)
 * @param maxAuthoritiesJsonBytes largest {@code authorities.json}
 * @param maxAuthoritiesPerJurisdiction most authorities in one {@code authorities.json}
 * @param maxFilesPerJurisdiction most files in one jurisdiction folder (all sub-folders together), and in {@code tsa/}
 * @param maxJurisdictions most jurisdiction folders (or keystore jurisdictions)
 * @param maxKeyStoreBytes largest keystore file
 * @param maxIntermediatesPerRequest most intermediate certificates supplied with one verification
 * @param maxRevocationItemsPerRequest most CRLs plus OCSP responses supplied with one verification
 * @param maxPathLength most certificates in a certification path, anchor included
 */
public record TrustLimits(
    int maxCertificateFileBytes,
    int maxCertificatesPerFile,
    int maxCrlBytes,
    int maxOcspResponseBytes,
    int maxAuthoritiesJsonBytes,
    int maxAuthoritiesPerJurisdiction,
    int maxFilesPerJurisdiction,
    int maxJurisdictions,
    int maxKeyStoreBytes,
    int maxIntermediatesPerRequest,
    int maxRevocationItemsPerRequest,
    int maxPathLength) {

  /** Validates: every limit must be positive. */
  public TrustLimits {
    int[] all = {maxCertificateFileBytes, maxCertificatesPerFile, maxCrlBytes, maxOcspResponseBytes, maxAuthoritiesJsonBytes,
        maxAuthoritiesPerJurisdiction, maxFilesPerJurisdiction, maxJurisdictions, maxKeyStoreBytes, maxIntermediatesPerRequest,
        maxRevocationItemsPerRequest, maxPathLength};
    for (int v : all) {
      if (v <= 0) {
        throw new IllegalArgumentException("trust limits must be positive, got " + v);
      }
    }
  }

  /**
   * The defaults: certificate files 256 KiB with at most 64 certificates, CRLs 16 MiB, OCSP
   * responses 64 KiB, authorities.json 1 MiB with 1000 authorities, 2000 files per jurisdiction,
   * 300 jurisdictions, keystores 16 MiB, 16 intermediates and 32 revocation items per verification,
   * paths of 8 certificates.
   */
  public static TrustLimits defaults() {
    return new TrustLimits(256 * 1024, 64, 16 * 1024 * 1024, 64 * 1024, 1024 * 1024, 1000, 2000, 300, 16 * 1024 * 1024, 16, 32, 8);
  }

  /** A copy with a different certificate file size limit. */
  public TrustLimits withMaxCertificateFileBytes(int bytes) {
    return new TrustLimits(bytes, maxCertificatesPerFile, maxCrlBytes, maxOcspResponseBytes, maxAuthoritiesJsonBytes,
        maxAuthoritiesPerJurisdiction, maxFilesPerJurisdiction, maxJurisdictions, maxKeyStoreBytes, maxIntermediatesPerRequest,
        maxRevocationItemsPerRequest, maxPathLength);
  }

  /** A copy with a different CRL size limit. */
  public TrustLimits withMaxCrlBytes(int bytes) {
    return new TrustLimits(maxCertificateFileBytes, maxCertificatesPerFile, bytes, maxOcspResponseBytes, maxAuthoritiesJsonBytes,
        maxAuthoritiesPerJurisdiction, maxFilesPerJurisdiction, maxJurisdictions, maxKeyStoreBytes, maxIntermediatesPerRequest,
        maxRevocationItemsPerRequest, maxPathLength);
  }

  /** A copy with a different OCSP response size limit. */
  public TrustLimits withMaxOcspResponseBytes(int bytes) {
    return new TrustLimits(maxCertificateFileBytes, maxCertificatesPerFile, maxCrlBytes, bytes, maxAuthoritiesJsonBytes,
        maxAuthoritiesPerJurisdiction, maxFilesPerJurisdiction, maxJurisdictions, maxKeyStoreBytes, maxIntermediatesPerRequest,
        maxRevocationItemsPerRequest, maxPathLength);
  }

  /** A copy with a different per-jurisdiction file count limit. */
  public TrustLimits withMaxFilesPerJurisdiction(int files) {
    return new TrustLimits(maxCertificateFileBytes, maxCertificatesPerFile, maxCrlBytes, maxOcspResponseBytes, maxAuthoritiesJsonBytes,
        maxAuthoritiesPerJurisdiction, files, maxJurisdictions, maxKeyStoreBytes, maxIntermediatesPerRequest,
        maxRevocationItemsPerRequest, maxPathLength);
  }

  /** A copy with a different authorities.json size limit. */
  public TrustLimits withMaxAuthoritiesJsonBytes(int bytes) {
    return new TrustLimits(maxCertificateFileBytes, maxCertificatesPerFile, maxCrlBytes, maxOcspResponseBytes, bytes,
        maxAuthoritiesPerJurisdiction, maxFilesPerJurisdiction, maxJurisdictions, maxKeyStoreBytes, maxIntermediatesPerRequest,
        maxRevocationItemsPerRequest, maxPathLength);
  }

  /** A copy with a different keystore size limit. */
  public TrustLimits withMaxKeyStoreBytes(int bytes) {
    return new TrustLimits(maxCertificateFileBytes, maxCertificatesPerFile, maxCrlBytes, maxOcspResponseBytes, maxAuthoritiesJsonBytes,
        maxAuthoritiesPerJurisdiction, maxFilesPerJurisdiction, maxJurisdictions, bytes, maxIntermediatesPerRequest,
        maxRevocationItemsPerRequest, maxPathLength);
  }

  /** A copy with a different limit on intermediates supplied per verification. */
  public TrustLimits withMaxIntermediatesPerRequest(int count) {
    return new TrustLimits(maxCertificateFileBytes, maxCertificatesPerFile, maxCrlBytes, maxOcspResponseBytes, maxAuthoritiesJsonBytes,
        maxAuthoritiesPerJurisdiction, maxFilesPerJurisdiction, maxJurisdictions, maxKeyStoreBytes, count,
        maxRevocationItemsPerRequest, maxPathLength);
  }
}
