package dev.mlat.crypto.internal;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Certificates parsed from their DER encoding (on BouncyCastle's provider), remembered by that
 * encoding so that the certificates a CMS structure carries are not parsed again for every
 * message from the same signer.
 *
 * <p>Why: every SignedData of a package carries its signer's certificate. Parsing it again for each
 * verification cost a conversion (about 1 % of opening a small package) and, more, produced a new
 * public-key object each time, so BouncyCastle's per-key EC precomputation (which it keeps on the
 * key's point) was thrown away after one verification. The same certificate object for the same
 * bytes keeps it.
 *
 * <p>What it is not: a trust cache. Only the parse is remembered (a certificate is an immutable value
 * of its encoding; two certificates are equal when their encodings are); every check of the
 * signature, the signer and its trust runs on every verification as before. An encoding whose
 * parsed certificate does not re-encode to the same bytes is parsed every time and never remembered.
 *
 * <p>Bounded: at most {@link #CAPACITY} certificates, least recently used evicted first (a few
 * hundred KiB at most). Thread-safe (one lock around the map; parsing runs outside it).
 */
public final class ParsedCertificates {
  /** How many parsed certificates are remembered, process-wide. */
  public static final int CAPACITY = 256;

  private static final Map<ByteBuffer, X509Certificate> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<ByteBuffer, X509Certificate> eldest) {
      return size() > CAPACITY;
    }
  };

  private ParsedCertificates() {}

  /**
   * The certificate encoded by {@code der}: the one parsed earlier from the same bytes, or a
   * newly parsed one.
   *
   * @throws CertificateException when {@code der} is not a certificate BouncyCastle can parse
   */
  public static X509Certificate parse(byte[] der) throws CertificateException {
    Objects.requireNonNull(der, "der");
    ByteBuffer key = ByteBuffer.wrap(der.clone());
    synchronized (CACHE) {
      X509Certificate known = CACHE.get(key);
      if (known != null) {
        return known;
      }
    }
    var factory = CertificateFactory.getInstance("X.509", Providers.bouncyCastle());
    var parsed = factory.generateCertificate(new ByteArrayInputStream(der));
    if (!(parsed instanceof X509Certificate)) {
      throw new CertificateException("not an X.509 certificate");
    }
    X509Certificate certificate = (X509Certificate) parsed;
    if (Arrays.equals(certificate.getEncoded(), der)) {
      synchronized (CACHE) {
        X509Certificate raced = CACHE.putIfAbsent(key, certificate);
        if (raced != null) {
          return raced;
        }
      }
    }
    return certificate;
  }

  /** How many certificates are remembered now (for tests). */
  static int size() {
    synchronized (CACHE) {
      return CACHE.size();
    }
  }
}
