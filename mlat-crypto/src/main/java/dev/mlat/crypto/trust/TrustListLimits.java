package dev.mlat.crypto.trust;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits applied by a {@link TrustListLoader} to an untrusted signed trust list (docs/LIMITS.md).
 * Exceeding one fails with {@code TRUST_LIST_LIMIT_EXCEEDED}.
 *
 * @param maxListBytes the signed file ({@code .p7m} / {@code .trustlist}) as a whole
 * @param maxJurisdictions jurisdictions listed
 * @param maxCertificates certificates listed in total (anchors, intermediates, authority and timestamping certificates)
 * @param maxCertificateBytes one base64-decoded certificate
 * @param maxAuthorities authorities listed in total
 * @param maxCrls CRLs listed
 * @param maxCrlBytes one base64-decoded CRL
 * @param maxFutureSkew how far {@code issuedAt} may lie after the loader's clock before the list is refused
 */
public record TrustListLimits(int maxListBytes, int maxJurisdictions, int maxCertificates, int maxCertificateBytes,
    int maxAuthorities, int maxCrls, int maxCrlBytes, Duration maxFutureSkew) {

  /** Validates: every count and size must be positive, the skew not negative. */
  public TrustListLimits {
    int[] all = {maxListBytes, maxJurisdictions, maxCertificates, maxCertificateBytes, maxAuthorities, maxCrls, maxCrlBytes};
    for (int v : all) {
      if (v <= 0) {
        throw new IllegalArgumentException("trust list limits must be positive, got " + v);
      }
    }
    Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    if (maxFutureSkew.isNegative()) {
      throw new IllegalArgumentException("maxFutureSkew must not be negative");
    }
  }

  /** 16 MiB list, 300 jurisdictions, 10 000 certificates of at most 64 KiB, 10 000 authorities, 1 000 CRLs of at most 8 MiB, 5 minutes skew. */
  public static TrustListLimits defaults() {
    return new TrustListLimits(16 * 1024 * 1024, 300, 10_000, 64 * 1024, 10_000, 1_000, 8 * 1024 * 1024, Duration.ofMinutes(5));
  }

  /** A copy with a different {@code maxListBytes}. */
  public TrustListLimits withMaxListBytes(int bytes) {
    return new TrustListLimits(bytes, maxJurisdictions, maxCertificates, maxCertificateBytes, maxAuthorities, maxCrls, maxCrlBytes, maxFutureSkew);
  }

  /** A copy with a different {@code maxJurisdictions}. */
  public TrustListLimits withMaxJurisdictions(int count) {
    return new TrustListLimits(maxListBytes, count, maxCertificates, maxCertificateBytes, maxAuthorities, maxCrls, maxCrlBytes, maxFutureSkew);
  }

  /** A copy with a different {@code maxCertificates}. */
  public TrustListLimits withMaxCertificates(int count) {
    return new TrustListLimits(maxListBytes, maxJurisdictions, count, maxCertificateBytes, maxAuthorities, maxCrls, maxCrlBytes, maxFutureSkew);
  }

  /** A copy with a different {@code maxAuthorities}. */
  public TrustListLimits withMaxAuthorities(int count) {
    return new TrustListLimits(maxListBytes, maxJurisdictions, maxCertificates, maxCertificateBytes, count, maxCrls, maxCrlBytes, maxFutureSkew);
  }

  /** A copy with a different {@code maxFutureSkew}. */
  public TrustListLimits withMaxFutureSkew(Duration skew) {
    return new TrustListLimits(maxListBytes, maxJurisdictions, maxCertificates, maxCertificateBytes, maxAuthorities, maxCrls, maxCrlBytes, skew);
  }
}
