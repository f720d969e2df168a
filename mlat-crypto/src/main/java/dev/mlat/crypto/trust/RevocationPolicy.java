package dev.mlat.crypto.trust;

import java.time.Duration;
import java.util.Objects;

/**
 * How revocation status is established. By default ({@link #failClosed()}) every certificate of a
 * path below its anchor needs a current CRL or OCSP response from its issuer, found in the trust
 * directory or supplied with the signature; when none establishes the status the verification
 * fails. Online OCSP (to the URL in the certificate's authority information access, plain HTTP as
 * RFC 6960 uses) is tried only when enabled, after the offline sources. A soft-fail policy accepts a
 * certificate whose status cannot be established: the choice is logged (System.Logger, WARNING)
 * and shown in the {@link TrustReport} ({@code softFail()} true, with the reason). Evidence of
 * revocation, and revocation data that fails its own checks, are never soft-failed.
 *
 * @param softFail accept when the status cannot be established
 * @param onlineOcsp query OCSP responders named in certificates when offline data does not decide
 * @param onlineTimeout connect and read timeout of one online OCSP request
 * @param maxOcspAgeWithoutNextUpdate how long after its thisUpdate an OCSP response without nextUpdate is current
 */
public record RevocationPolicy(boolean softFail, boolean onlineOcsp, Duration onlineTimeout, Duration maxOcspAgeWithoutNextUpdate) {

  /** Validates. */
  public RevocationPolicy {
    Objects.requireNonNull(onlineTimeout, "onlineTimeout");
    Objects.requireNonNull(maxOcspAgeWithoutNextUpdate, "maxOcspAgeWithoutNextUpdate");
    if (onlineTimeout.isNegative() || onlineTimeout.isZero() || onlineTimeout.compareTo(Duration.ofMinutes(2)) > 0) {
      throw new IllegalArgumentException("online OCSP timeout must be between 0 and 2 minutes, got " + onlineTimeout);
    }
    if (maxOcspAgeWithoutNextUpdate.isNegative() || maxOcspAgeWithoutNextUpdate.isZero()) {
      throw new IllegalArgumentException("maxOcspAgeWithoutNextUpdate must be positive, got " + maxOcspAgeWithoutNextUpdate);
    }
  }

  /** Offline only, fail closed (the default). */
  public static RevocationPolicy failClosed() {
    return new RevocationPolicy(false, false, Duration.ofSeconds(10), Duration.ofHours(1));
  }

  /** A copy that also asks OCSP responders online (10 s timeout). */
  public RevocationPolicy withOnlineOcsp() {
    return new RevocationPolicy(softFail, true, onlineTimeout, maxOcspAgeWithoutNextUpdate);
  }

  /** A copy with soft-fail: accepted, logged and reported when the status cannot be established. */
  public RevocationPolicy withSoftFail() {
    return new RevocationPolicy(true, onlineOcsp, onlineTimeout, maxOcspAgeWithoutNextUpdate);
  }

  /** A copy with another online timeout. */
  public RevocationPolicy withOnlineTimeout(Duration timeout) {
    return new RevocationPolicy(softFail, onlineOcsp, timeout, maxOcspAgeWithoutNextUpdate);
  }
}
