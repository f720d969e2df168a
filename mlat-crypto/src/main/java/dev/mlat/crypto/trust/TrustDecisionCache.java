package dev.mlat.crypto.trust;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.internal.Providers;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one {@link TrustVerifier} remembers between verifications, so that a verifier of many
 * packages from the same authorities does the expensive work once:
 *
 * <ul>
 *   <li><b>path decisions</b>: that rules 2 to 10 of {@code docs/TRUST.md} (anchors, path, validity,
 *       algorithm policy, critical extensions, RFC 5280 validation, key usage, country, registered
 *       authority and role) passed for a certificate with the same supplied intermediates, for the
 *       same jurisdiction, purpose and accepted roles. A decision is used only for a validation time
 *       inside the validity of every certificate of its path, and dropped once the clock is past the
 *       end of that window. Revocation (rule 11) is never cached: it is checked for every
 *       verification against the CRLs and OCSP responses current then.
 *   <li><b>CRL signatures</b>: that a CRL (by the SHA-256 of its DER) verifies with the key of an
 *       issuer certificate (by the SHA-256 of its DER), dropped once the clock is past the CRL's
 *       nextUpdate. The CRL's content (entries, extensions, currency) is still read at every check.
 * </ul>
 *
 * <p>Only successes are remembered, so a refused certificate or CRL costs a full check every time,
 * as without a cache. The cache belongs to one verifier, which holds one immutable
 * {@link TrustDirectory}: loading the trust folder again means a new verifier and an empty cache.
 * Each of the two maps holds at most {@code maxEntries} entries, the least recently used dropped
 * first. Thread-safe.
 */
final class TrustDecisionCache {
  private final int maxEntries;
  private final Map<PathKey, PathDecision> paths;
  private final Map<CrlKey, Instant> crlSignatures;
  private final AtomicLong pathValidations = new AtomicLong();
  private final AtomicLong crlSignatureVerifications = new AtomicLong();

  TrustDecisionCache(int maxEntries) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("the trust decision cache size must be 0 (no cache) or more, not " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.paths = lru(maxEntries);
    this.crlSignatures = lru(maxEntries);
  }

  private static <K, V> Map<K, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    };
  }

  int maxEntries() {
    return maxEntries;
  }

  /** The outcome of rules 2 to 10 (docs/TRUST.md) for one certificate, reusable for any validation time in [validFrom, validUntil]. */
  record PathDecision(
      List<X509Certificate> path,
      Optional<PartyId> authority,
      Set<AuthorityRole> roles,
      SignatureAlgorithm signatureAlgorithm,
      dev.mlat.crypto.KeyFamily keyFamily,
      Instant validFrom,
      Instant validUntil) {
    PathDecision {
      path = List.copyOf(path);
      roles = Set.copyOf(roles);
    }

    /** The decision for a path: valid while every certificate of it is. */
    static PathDecision of(List<X509Certificate> path, Optional<PartyId> authority, Set<AuthorityRole> roles,
        SignatureAlgorithm signatureAlgorithm, dev.mlat.crypto.KeyFamily keyFamily) {
      Instant from = Instant.MIN;
      Instant until = Instant.MAX;
      for (X509Certificate c : path) {
        Instant notBefore = c.getNotBefore().toInstant();
        Instant notAfter = c.getNotAfter().toInstant();
        from = notBefore.isAfter(from) ? notBefore : from;
        until = notAfter.isBefore(until) ? notAfter : until;
      }
      return new PathDecision(path, authority, roles, signatureAlgorithm, keyFamily, from, until);
    }

    boolean covers(Instant time) {
      return !time.isBefore(validFrom) && !time.isAfter(validUntil);
    }
  }

  /** The question a path decision answers: these certificates (end entity, then the supplied intermediates), for this. */
  record PathKey(ByteBuffer certificates, Jurisdiction jurisdiction, CertificatePurpose purpose, Set<AuthorityRole> acceptedRoles) {}

  private record CrlKey(ByteBuffer crl, ByteBuffer issuer) {}

  /** The key of a request, or empty when the cache is off. */
  Optional<PathKey> key(X509Certificate certificate, List<X509Certificate> intermediates, Jurisdiction jurisdiction,
      CertificatePurpose purpose, Set<AuthorityRole> acceptedRoles) {
    if (maxEntries == 0) {
      return Optional.empty();
    }
    byte[] digests = new byte[32 * (1 + intermediates.size())];
    try {
      System.arraycopy(digestOf(certificate), 0, digests, 0, 32);
      for (int i = 0; i < intermediates.size(); i++) {
        System.arraycopy(digestOf(intermediates.get(i)), 0, digests, 32 * (i + 1), 32);
      }
    } catch (CertificateEncodingException e) {
      return Optional.empty(); // not cacheable; the verification itself reports the certificate
    }
    return Optional.of(new PathKey(ByteBuffer.wrap(digests), jurisdiction, purpose, Set.copyOf(acceptedRoles)));
  }

  /**
   * The remembered decision for {@code key} if it covers {@code time}; a decision whose window
   * ended before {@code now} is dropped.
   */
  Optional<PathDecision> path(PathKey key, Instant time, Instant now) {
    synchronized (paths) {
      PathDecision d = paths.get(key);
      if (d == null) {
        return Optional.empty();
      }
      if (now.isAfter(d.validUntil())) {
        paths.remove(key);
        return Optional.empty();
      }
      return d.covers(time) ? Optional.of(d) : Optional.empty();
    }
  }

  void remember(PathKey key, PathDecision decision) {
    synchronized (paths) {
      paths.put(key, decision);
    }
  }

  /** Counts a full evaluation of rules 2 to 10. */
  void countPathValidation() {
    pathValidations.incrementAndGet();
  }

  /**
   * Does {@code crl} (read once into {@code facts}) verify with {@code issuer}'s key: answered from
   * the cache when this pair verified before and the clock ({@code now}) is not past the CRL's
   * nextUpdate, otherwise by verifying its signature (on BouncyCastle's provider).
   */
  boolean crlSignatureValid(X509CRL crl, CrlFacts facts, X509Certificate issuer, Instant now) {
    CrlKey key = null;
    if (maxEntries > 0) {
      try {
        key = new CrlKey(facts.sha256(), ByteBuffer.wrap(digestOf(issuer).clone()));
      } catch (CertificateEncodingException e) {
        key = null;
      }
    }
    if (key != null) {
      synchronized (crlSignatures) {
        Instant until = crlSignatures.get(key);
        if (until != null) {
          if (!now.isAfter(until)) {
            return true;
          }
          crlSignatures.remove(key);
        }
      }
    }
    crlSignatureVerifications.incrementAndGet();
    try {
      crl.verify(issuer.getPublicKey(), Providers.bouncyCastle());
    } catch (Exception e) {
      return false;
    }
    Instant until = facts.nextUpdate().orElse(Instant.MAX);
    if (key != null && !now.isAfter(until)) {
      synchronized (crlSignatures) {
        crlSignatures.put(key, until);
      }
    }
    return true;
  }

  /** How many times rules 2 to 10 were evaluated in full (for tests). */
  long pathValidations() {
    return pathValidations.get();
  }

  /** How many CRL signatures were verified (for tests). */
  long crlSignatureVerifications() {
    return crlSignatureVerifications.get();
  }

  /** Entries held: path decisions and CRL signatures (for tests). */
  int[] sizes() {
    synchronized (paths) {
      synchronized (crlSignatures) {
        return new int[] {paths.size(), crlSignatures.size()};
      }
    }
  }

  /** How many certificate digests are remembered, by certificate object (a power of two). */
  private static final int RECENT_SLOTS = 32;
  /**
   * The SHA-256 of the encodings of recently seen certificate objects, by identity: the verifier
   * hands the same certificate objects (ParsedCertificates) for every message of a signer, and
   * each verification keyed its decisions by these digests again. A certificate is an immutable
   * value, so its digest is too; entries are replaced whole, a collision only costs a digest.
   */
  private static final java.util.concurrent.atomic.AtomicReferenceArray<Digested> RECENT =
      new java.util.concurrent.atomic.AtomicReferenceArray<>(RECENT_SLOTS);

  private record Digested(X509Certificate certificate, byte[] sha256) {}

  /** The SHA-256 of {@code certificate}'s encoding (do not modify the array). */
  private static byte[] digestOf(X509Certificate certificate) throws CertificateEncodingException {
    int slot = System.identityHashCode(certificate) & (RECENT_SLOTS - 1);
    Digested recent = RECENT.get(slot);
    if (recent != null && recent.certificate() == certificate) {
      return recent.sha256();
    }
    byte[] digest = sha256().digest(certificate.getEncoded());
    RECENT.set(slot, new Digested(certificate, digest));
    return digest;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256", "SUN");
    } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
      throw new IllegalStateException("the JDK provider SUN has no SHA-256", e);
    }
  }
}
