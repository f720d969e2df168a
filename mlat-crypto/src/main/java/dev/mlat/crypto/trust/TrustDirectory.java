package dev.mlat.crypto.trust;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may act for which jurisdiction: per jurisdiction its trust anchors, the intermediate CA
 * certificates that may complete paths, the registered authorities and their
 * {@linkplain AuthorityRole roles}, plus stored CRLs and OCSP responses and the anchors of trusted
 * timestamping authorities. The layout of a trust folder and the keystore conventions are in
 * {@code docs/TRUST.md}.
 *
 * <pre>{@code
 * TrustDirectory trust = TrustDirectory.load(Path.of("/etc/mlat/trust"));
 * TrustDirectory fromKeyStore = TrustDirectory.builder()
 *     .addKeyStore(Path.of("trust.p12"), password)          // aliases "fr.root", "eurojust.root", "tsa.x"
 *     .addAuthoritiesJson(Path.of("fr-authorities.json"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Verification is done by a {@link TrustVerifier} over a directory.
 */
public final class TrustDirectory {
  private final Map<Jurisdiction, List<X509Certificate>> anchors;
  private final Map<Jurisdiction, List<X509Certificate>> intermediates;
  private final Map<PartyId, List<X509Certificate>> authorityCertificates;
  private final Map<PartyId, Set<AuthorityRole>> authorities;
  private final List<StoredCrl> crls;
  private final List<StoredOcsp> ocspResponses;
  private final List<X509Certificate> timestampAnchors;
  private final TrustLimits limits;

  private TrustDirectory(Builder b) {
    this.anchors = freeze(b.anchors);
    this.intermediates = freeze(b.intermediates);
    this.authorityCertificates = freeze(b.authorityCertificates);
    var roles = new TreeMap<PartyId, Set<AuthorityRole>>();
    b.authorities.forEach((id, r) -> roles.put(id, Collections.unmodifiableSet(EnumSet.copyOf(r))));
    this.authorities = Collections.unmodifiableMap(roles);
    this.crls = List.copyOf(b.crls);
    this.ocspResponses = List.copyOf(b.ocspResponses);
    this.timestampAnchors = List.copyOf(b.timestampAnchors);
    this.limits = b.limits;
  }

  private static <K extends Comparable<K>> Map<K, List<X509Certificate>> freeze(Map<K, List<X509Certificate>> in) {
    var out = new TreeMap<K, List<X509Certificate>>();
    in.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Loads a trust folder with the default {@link TrustLimits}.
   *
   * @throws TrustDirectoryException TRUST_DIRECTORY_INVALID, TRUST_LIMIT_EXCEEDED or CERTIFICATE_MALFORMED, naming the file
   */
  public static TrustDirectory load(Path folder) throws TrustDirectoryException {
    return builder().addFolder(folder).build();
  }

  /** An empty builder with the default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** The jurisdictions that have at least one anchor. */
  public Set<Jurisdiction> jurisdictions() {
    return Collections.unmodifiableSet(new TreeSet<>(anchors.keySet()));
  }

  /** The anchors registered for {@code jurisdiction} (empty if none). */
  public List<X509Certificate> anchors(Jurisdiction jurisdiction) {
    return anchors.getOrDefault(Objects.requireNonNull(jurisdiction, "jurisdiction"), List.of());
  }

  /** The intermediate CA certificates of {@code jurisdiction}'s folder. */
  public List<X509Certificate> intermediates(Jurisdiction jurisdiction) {
    return intermediates.getOrDefault(Objects.requireNonNull(jurisdiction, "jurisdiction"), List.of());
  }

  /**
   * The certificates found in the {@code authorities/} folders that name {@code authority} in their
   * organizationIdentifier (not yet verified: pass them to a {@link TrustVerifier}).
   */
  public List<X509Certificate> authorityCertificates(PartyId authority) {
    return authorityCertificates.getOrDefault(Objects.requireNonNull(authority, "authority"), List.of());
  }

  /** The registered authorities of {@code jurisdiction} and their roles. */
  public Map<PartyId, Set<AuthorityRole>> authorities(Jurisdiction jurisdiction) {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    var out = new LinkedHashMap<PartyId, Set<AuthorityRole>>();
    authorities.forEach((id, r) -> {
      if (id.jurisdiction().equals(jurisdiction)) {
        out.put(id, r);
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /** The roles {@code authority} is registered for (empty when it is not registered). */
  public Set<AuthorityRole> roles(PartyId authority) {
    return authorities.getOrDefault(Objects.requireNonNull(authority, "authority"), Set.of());
  }

  /** The anchors of trusted timestamping authorities. */
  public List<X509Certificate> timestampAnchors() {
    return timestampAnchors;
  }

  /** The stored CRLs. */
  public List<X509CRL> crls() {
    var out = new ArrayList<X509CRL>();
    for (var c : crls) {
      out.add(c.crl());
    }
    return Collections.unmodifiableList(out);
  }

  /** Copies of the stored DER OCSP responses. */
  public List<byte[]> ocspResponses() {
    var out = new ArrayList<byte[]>();
    for (var r : ocspResponses) {
      out.add(r.encoded().clone());
    }
    return Collections.unmodifiableList(out);
  }

  /** The jurisdictions for which {@code anchor} is registered (usually one, empty when it is not an anchor). */
  public Set<Jurisdiction> jurisdictionsOf(X509Certificate anchor) {
    var out = new TreeSet<Jurisdiction>();
    anchors.forEach((j, list) -> {
      if (list.contains(anchor)) {
        out.add(j);
      }
    });
    return Collections.unmodifiableSet(out);
  }

  /** The limits this directory was loaded with; verifiers apply the per-request ones. */
  public TrustLimits limits() {
    return limits;
  }

  List<StoredCrl> storedCrls() {
    return crls;
  }

  List<StoredOcsp> storedOcspResponses() {
    return ocspResponses;
  }

  Map<Jurisdiction, List<X509Certificate>> allAnchors() {
    return anchors;
  }

  Map<Jurisdiction, List<X509Certificate>> allIntermediates() {
    return intermediates;
  }

  @Override
  public String toString() {
    return "TrustDirectory[jurisdictions=" + anchors.keySet() + ", authorities=" + authorities.size() + ", crls=" + crls.size()
        + ", ocspResponses=" + ocspResponses.size() + ", timestampAnchors=" + timestampAnchors.size() + "]";
  }

  /** An OCSP response with its exact bytes, parsed once at load. */
  record StoredOcsp(byte[] encoded, org.bouncycastle.cert.ocsp.BasicOCSPResp parsed) {}

  /** A CRL with its exact bytes and the facts revocation checking reads, read once at load. */
  record StoredCrl(X509CRL crl, byte[] encoded, CrlFacts facts) {
    static StoredCrl of(X509CRL crl) {
      try {
        byte[] encoded = crl.getEncoded();
        return new StoredCrl(crl, encoded, CrlFacts.of(crl, encoded));
      } catch (CRLException e) {
        throw new IllegalArgumentException("CRL cannot be encoded", e);
      }
    }
  }

  /**
   * Assembles a {@link TrustDirectory} from folders, keystores, {@code authorities.json} files and
   * individual certificates. Not thread-safe. Adding the same certificate twice is harmless.
   */
  public static final class Builder {
    private final Map<Jurisdiction, List<X509Certificate>> anchors = new LinkedHashMap<>();
    private final Map<Jurisdiction, List<X509Certificate>> intermediates = new LinkedHashMap<>();
    private final Map<PartyId, List<X509Certificate>> authorityCertificates = new LinkedHashMap<>();
    private final Map<PartyId, EnumSet<AuthorityRole>> authorities = new LinkedHashMap<>();
    private final List<StoredCrl> crls = new ArrayList<>();
    private final List<StoredOcsp> ocspResponses = new ArrayList<>();
    private final List<X509Certificate> timestampAnchors = new ArrayList<>();
    private TrustLimits limits = TrustLimits.defaults();

    private Builder() {}

    /** The limits applied to what is loaded from now on (set before {@code addFolder} / {@code addKeyStore}). */
    public Builder limits(TrustLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Registers a trust anchor for {@code jurisdiction}.
     *
     * @throws IllegalArgumentException if the certificate is not a CA certificate (basicConstraints cA=true)
     */
    public Builder addAnchor(Jurisdiction jurisdiction, X509Certificate anchor) {
      Objects.requireNonNull(jurisdiction, "jurisdiction");
      requireCa(anchor, "anchor");
      addOnce(anchors.computeIfAbsent(jurisdiction, j -> new ArrayList<>()), anchor);
      return this;
    }

    /**
     * Adds an intermediate CA certificate that may complete paths for {@code jurisdiction}. It grants
     * no trust by itself: paths must still end in a registered anchor.
     *
     * @throws IllegalArgumentException if the certificate is not a CA certificate
     */
    public Builder addIntermediate(Jurisdiction jurisdiction, X509Certificate intermediate) {
      Objects.requireNonNull(jurisdiction, "jurisdiction");
      requireCa(intermediate, "intermediate");
      addOnce(intermediates.computeIfAbsent(jurisdiction, j -> new ArrayList<>()), intermediate);
      return this;
    }

    /** Adds an authority's own certificate, found later by {@link TrustDirectory#authorityCertificates(PartyId)}. */
    public Builder addAuthorityCertificate(PartyId authority, X509Certificate certificate) {
      Objects.requireNonNull(authority, "authority");
      Objects.requireNonNull(certificate, "certificate");
      addOnce(authorityCertificates.computeIfAbsent(authority, a -> new ArrayList<>()), certificate);
      return this;
    }

    /** Registers an authority with roles (added to any roles already registered). */
    public Builder registerAuthority(PartyId authority, Set<AuthorityRole> roles) {
      Objects.requireNonNull(authority, "authority");
      if (roles.isEmpty()) {
        throw new IllegalArgumentException("authority " + authority + " needs at least one role");
      }
      authorities.computeIfAbsent(authority, a -> EnumSet.noneOf(AuthorityRole.class)).addAll(roles);
      return this;
    }

    /** Adds a stored CRL (matched to certificates by issuer name and verified with the issuer's key at use). */
    public Builder addCrl(X509CRL crl) {
      crls.add(StoredCrl.of(Objects.requireNonNull(crl, "crl")));
      return this;
    }

    /**
     * Adds a stored DER OCSPResponse (checked at use: signature, certificate, freshness).
     *
     * @throws TrustDirectoryException CERTIFICATE_MALFORMED or TRUST_LIMIT_EXCEEDED
     */
    public Builder addOcspResponse(byte[] derOcspResponse) throws TrustDirectoryException {
      Objects.requireNonNull(derOcspResponse, "derOcspResponse");
      if (derOcspResponse.length > limits.maxOcspResponseBytes()) {
        throw new TrustDirectoryException(dev.mlat.crypto.CryptoErrorCode.TRUST_LIMIT_EXCEEDED, null,
            "OCSP response of " + derOcspResponse.length + " bytes exceeds maxOcspResponseBytes " + limits.maxOcspResponseBytes(), null);
      }
      byte[] copy = derOcspResponse.clone();
      ocspResponses.add(new StoredOcsp(copy, Ocsp.parseForDirectory(copy, null)));
      return this;
    }

    /**
     * Registers the anchor of a trusted timestamping authority.
     *
     * @throws IllegalArgumentException if it is not a CA certificate
     */
    public Builder addTimestampAnchor(X509Certificate anchor) {
      requireCa(anchor, "timestamping anchor");
      addOnce(timestampAnchors, anchor);
      return this;
    }

    /**
     * Adds everything in a trust folder (layout in {@code docs/TRUST.md}).
     *
     * @throws TrustDirectoryException naming the file at fault
     */
    public Builder addFolder(Path folder) throws TrustDirectoryException {
      new TrustFiles(this, limits).loadFolder(Objects.requireNonNull(folder, "folder"));
      return this;
    }

    /**
     * Adds the trusted-certificate entries of a PKCS#12 or JKS keystore as anchors. The jurisdiction
     * of an entry is the part of its alias before the first {@code .}, case-insensitive
     * ({@code fr.root-2026} is an anchor of FR, {@code eurojust.root} of EUROJUST); the prefix
     * {@code tsa} makes a timestamping anchor. A key entry, or an alias without a known prefix, is an
     * error.
     *
     * @throws TrustDirectoryException TRUST_DIRECTORY_INVALID (wrong password, unknown alias prefix, key entries), TRUST_LIMIT_EXCEEDED
     */
    public Builder addKeyStore(Path keyStore, char[] password) throws TrustDirectoryException {
      new TrustFiles(this, limits).loadKeyStore(Objects.requireNonNull(keyStore, "keyStore"), password);
      return this;
    }

    /**
     * Registers the authorities of an {@code authorities.json} file (format in {@code docs/TRUST.md}).
     *
     * @throws TrustDirectoryException TRUST_DIRECTORY_INVALID or TRUST_LIMIT_EXCEEDED
     */
    public Builder addAuthoritiesJson(Path file) throws TrustDirectoryException {
      new TrustFiles(this, limits).loadAuthoritiesJson(Objects.requireNonNull(file, "file"), null, file.toString());
      return this;
    }

    /** The immutable directory. */
    public TrustDirectory build() {
      return new TrustDirectory(this);
    }


    private static void requireCa(X509Certificate cert, String what) {
      Objects.requireNonNull(cert, what);
      if (cert.getBasicConstraints() < 0) {
        throw new IllegalArgumentException(
            what + " " + cert.getSubjectX500Principal().getName() + " is not a CA certificate (basicConstraints cA=true)");
      }
    }

    private static void addOnce(List<X509Certificate> list, X509Certificate cert) {
      if (!list.contains(cert)) {
        list.add(cert);
      }
    }
  }
}
