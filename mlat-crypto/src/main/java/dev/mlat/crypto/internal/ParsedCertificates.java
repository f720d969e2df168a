package dev.mlat.crypto.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.cert.X509CertificateHolder;

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
 * <p>For certificates read out of a CMS structure ({@link #known(ASN1Sequence)} and
 * {@link #parse(X509CertificateHolder)}), the parsed ASN.1 value is the key: a certificate is
 * found again when its ASN.1 value is equal (element by element, {@code ASN1Primitive.equals}) to
 * the one it was parsed from, which is exactly when their DER encodings are equal. So the
 * certificate set of every SignedData from a known signer needs neither a DER re-encoding nor
 * BouncyCastle's {@code Certificate} and {@code X509CertificateHolder} objects again; the holder,
 * the certificate and digests of its encoding ({@link Parsed#digest(String)}) are kept together.
 *
 * <p>Bounded: at most {@link #CAPACITY} certificates in each of the two maps, least recently used
 * evicted first (with the parsed ASN.1 values kept for the comparison, about a MiB at most).
 * Thread-safe (one lock around each map; parsing and comparing run outside it; the remembered
 * values are only read).
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

  /** Certificates by their signature value, checked against the whole ASN.1 value on every hit. */
  private static final Map<ByteBuffer, Parsed> BY_VALUE = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Parsed> eldest) {
      return size() > CAPACITY;
    }
  };

  private ParsedCertificates() {}

  /**
   * A certificate read from a CMS structure: BouncyCastle's holder and the JCA certificate of the
   * same DER, with the digests of that encoding computed at most once each. Immutable apart from
   * that digest memo; thread-safe.
   */
  public static final class Parsed {
    private final ASN1Sequence value;
    private final X509CertificateHolder holder;
    private final X509Certificate certificate;
    /** Digests of the certificate's encoding by JCA digest name; replaced whole (copy on write). */
    private volatile Map<String, byte[]> digests = Map.of();

    private Parsed(ASN1Sequence value, X509CertificateHolder holder, X509Certificate certificate) {
      this.value = value;
      this.holder = holder;
      this.certificate = certificate;
    }

    /** BouncyCastle's holder of the certificate. */
    public X509CertificateHolder holder() {
      return holder;
    }

    /** The certificate (BouncyCastle's provider), the same object for the same encoding while remembered. */
    public X509Certificate certificate() {
      return certificate;
    }

    /**
     * The digest of the certificate's encoding ({@link X509Certificate#getEncoded()}) with the JCA
     * digest {@code jcaName}, computed once per algorithm; a fresh copy each call.
     *
     * @throws NoSuchAlgorithmException when no provider offers {@code jcaName}
     * @throws CertificateEncodingException when the certificate cannot be encoded
     */
    public byte[] digest(String jcaName) throws NoSuchAlgorithmException, CertificateEncodingException {
      byte[] known = digests.get(jcaName);
      if (known == null) {
        known = MessageDigest.getInstance(jcaName).digest(certificate.getEncoded());
        synchronized (this) {
          var more = new java.util.HashMap<>(digests);
          more.put(jcaName, known);
          digests = Map.copyOf(more);
        }
      }
      return known.clone();
    }
  }

  /**
   * The certificate parsed earlier from an ASN.1 value equal to {@code certificate} (a Certificate
   * SEQUENCE as BouncyCastle read it from a CMS structure), or null when none is remembered.
   */
  public static Parsed known(ASN1Sequence certificate) {
    Objects.requireNonNull(certificate, "certificate");
    ByteBuffer key = signatureKey(certificate);
    if (key == null) {
      return null;
    }
    Parsed known;
    synchronized (BY_VALUE) {
      known = BY_VALUE.get(key);
    }
    // Outside the lock: an element-by-element comparison of the two values (no encoding).
    return known != null && known.value.equals(certificate) ? known : null;
  }

  /**
   * The certificate of {@code holder} (parsed from its DER encoding as {@link #parse(byte[])}
   * does), remembered by its ASN.1 value for {@link #known(ASN1Sequence)} when its encoding
   * round-trips.
   *
   * @throws CertificateException when the holder's encoding is not a certificate BouncyCastle can parse
   */
  public static Parsed parse(X509CertificateHolder holder) throws CertificateException {
    Objects.requireNonNull(holder, "holder");
    byte[] der;
    try {
      der = holder.getEncoded();
    } catch (IOException e) {
      throw new CertificateException("the certificate cannot be encoded: " + e.getMessage(), e);
    }
    X509Certificate certificate = parse(der);
    ASN1Sequence value = ASN1Sequence.getInstance(holder.toASN1Structure().toASN1Primitive());
    Parsed parsed = new Parsed(value, holder, certificate);
    ByteBuffer key = signatureKey(value);
    boolean remembered;
    synchronized (CACHE) {
      remembered = CACHE.get(ByteBuffer.wrap(der)) == certificate;
    }
    if (key != null && remembered) {
      synchronized (BY_VALUE) {
        Parsed raced = BY_VALUE.get(key);
        if (raced != null && raced.certificate == certificate) {
          return raced;
        }
        BY_VALUE.put(key, parsed);
      }
    }
    return parsed;
  }

  /** The signature value of a Certificate SEQUENCE (its third element), or null for another shape. */
  private static ByteBuffer signatureKey(ASN1Sequence certificate) {
    if (certificate.size() != 3 || !(certificate.getObjectAt(2) instanceof ASN1BitString)) {
      return null;
    }
    return ByteBuffer.wrap(((ASN1BitString) certificate.getObjectAt(2)).getBytes());
  }

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

  /** How many certificates are remembered by their ASN.1 value now (for tests). */
  static int sizeByValue() {
    synchronized (BY_VALUE) {
      return BY_VALUE.size();
    }
  }
}
