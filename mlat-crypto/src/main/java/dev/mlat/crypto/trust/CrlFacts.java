package dev.mlat.crypto.trust;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;

/**
 * What revocation checking reads from a CRL on every check, read once per CRL object: its issuer
 * (encoding and RFC 2253 canonical form, the form {@link X500Principal#equals} compares), its
 * thisUpdate and nextUpdate, its critical extensions and issuingDistributionPoint, and the SHA-256
 * of its encoding (the signature cache's key).
 * BouncyCastle's CRL object re-derives the dates (through {@code SimpleDateFormat}) and a fresh
 * issuer principal, whose canonical form is then recomputed, at every call; a trust directory
 * checks each of its CRLs against every certificate of every path. Immutable.
 */
final class CrlFacts {
  private final byte[] issuerEncoded;
  private final String issuerCanonical;
  private final Instant thisUpdate;
  private final Optional<Instant> nextUpdate;
  private final ByteBuffer sha256;
  private final Set<String> criticalExtensions;
  private final byte[] issuingDistributionPoint;

  private CrlFacts(byte[] issuerEncoded, String issuerCanonical, Instant thisUpdate, Optional<Instant> nextUpdate, ByteBuffer sha256,
      Set<String> criticalExtensions, byte[] issuingDistributionPoint) {
    this.issuerEncoded = issuerEncoded;
    this.issuerCanonical = issuerCanonical;
    this.thisUpdate = thisUpdate;
    this.nextUpdate = nextUpdate;
    this.sha256 = sha256;
    this.criticalExtensions = criticalExtensions;
    this.issuingDistributionPoint = issuingDistributionPoint;
  }

  /** The facts of {@code crl}, whose exact encoding is {@code encoded}. */
  static CrlFacts of(X509CRL crl, byte[] encoded) {
    Objects.requireNonNull(crl, "crl");
    Objects.requireNonNull(encoded, "encoded");
    X500Principal issuer = crl.getIssuerX500Principal();
    try {
      return new CrlFacts(issuer.getEncoded(), issuer.getName(X500Principal.CANONICAL), crl.getThisUpdate().toInstant(),
          Optional.ofNullable(crl.getNextUpdate()).map(java.util.Date::toInstant),
          ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(encoded)).asReadOnlyBuffer(),
          crl.getCriticalExtensionOIDs() == null ? Set.of() : Set.copyOf(crl.getCriticalExtensionOIDs()),
          crl.getExtensionValue(Extension.issuingDistributionPoint.getId()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  /**
   * Whether the CRL's issuer is the name {@code other} (a certificate's subject), with
   * {@link Certificates#sameName}'s result: equal encodings are, otherwise equal canonical forms
   * decide (as {@link X500Principal#equals} does). {@code otherCanonical} is asked only when the
   * encodings differ, so a caller comparing one name with many CRLs computes it at most once.
   */
  boolean issuedBy(byte[] otherEncoded, java.util.function.Supplier<String> otherCanonical) {
    return Arrays.equals(issuerEncoded, otherEncoded) || issuerCanonical.equals(otherCanonical.get());
  }

  Instant thisUpdate() {
    return thisUpdate;
  }

  Optional<Instant> nextUpdate() {
    return nextUpdate;
  }

  /** The OIDs of the CRL's critical extensions (empty when none). */
  Set<String> criticalExtensions() {
    return criticalExtensions;
  }

  /** The issuingDistributionPoint extension's value (the DER OCTET STRING, as {@code getExtensionValue} gives it), if present (a copy). */
  Optional<byte[]> issuingDistributionPoint() {
    return Optional.ofNullable(issuingDistributionPoint).map(byte[]::clone);
  }

  /** The SHA-256 of the CRL's encoding (read-only). */
  ByteBuffer sha256() {
    return sha256.duplicate();
  }
}
