package dev.mlat.crypto.trust;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.MlatCoreException;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.internal.AlgorithmIdentifiers;
import dev.mlat.crypto.internal.Providers;
import java.security.cert.CRLException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a certificate may act for a jurisdiction, applying the rules of
 * {@code docs/TRUST.md} in order: anchors registered for the jurisdiction, a path from the
 * certificate to one of them (a path to another jurisdiction's anchor never counts), validity at the
 * validation time, the {@link AlgorithmPolicy} on every certificate, critical extensions, RFC 5280
 * path validation (BouncyCastle's PKIX {@code CertPathValidator}), CA-as-end-entity, key usage, the
 * subject country for a state, the registered authority and its role, and revocation by CRL and OCSP
 * under the {@link RevocationPolicy}.
 *
 * <pre>{@code
 * TrustVerifier verifier = TrustVerifier.builder(TrustDirectory.load(folder))
 *     .algorithmPolicy(AlgorithmPolicy.defaultPolicy())
 *     .revocationPolicy(RevocationPolicy.failClosed().withOnlineOcsp())
 *     .clock(clock)
 *     .build();
 * TrustReport report = verifier.verifySigner(Jurisdiction.of("FR"), signerCertificate, certificatesFromSignature);
 * PartyId who = report.authority().orElseThrow();
 * }</pre>
 *
 * <p>Every method returns a {@link TrustReport} or throws: {@link UntrustedCertificateException}
 * (trust rules), {@link dev.mlat.crypto.AlgorithmRefusedException} (algorithm policy). Thread-safe;
 * online OCSP requests block the calling thread up to the policy's timeout. Its only state is a
 * bounded cache of its successful decisions (all rules but revocation, within the validity of the
 * path) and of verified CRL signatures; revocation is checked at every call (see
 * {@link Builder#decisionCacheSize(int)} and {@code docs/TRUST.md}).
 */
public final class TrustVerifier {
  private static final Set<String> KNOWN_CRITICAL_EXTENSIONS = Set.of(
      "2.5.29.15", // keyUsage
      "2.5.29.19", // basicConstraints
      "2.5.29.37", // extendedKeyUsage
      "2.5.29.17", // subjectAltName
      "2.5.29.18", // issuerAltName
      "2.5.29.32", // certificatePolicies
      "2.5.29.30", // nameConstraints
      "2.5.29.36", // policyConstraints
      "2.5.29.33", // policyMappings
      "2.5.29.54", // inhibitAnyPolicy
      "2.5.29.14", // subjectKeyIdentifier
      "2.5.29.35", // authorityKeyIdentifier
      "2.5.29.31", // cRLDistributionPoints
      "1.3.6.1.5.5.7.1.1"); // authorityInfoAccess
  static final String EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  static final String EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  static final String EKU_EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
  static final String EKU_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
  static final String EKU_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
  static final String EKU_DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";
  static final String EKU_ANY = "2.5.29.37.0";

  private final TrustDirectory directory;
  private final AlgorithmPolicy policy;
  private final RevocationPolicy revocationPolicy;
  private final Clock clock;
  private final TrustLimits limits;
  private final TrustDecisionCache cache;

  /**
   * The default of {@link Builder#decisionCacheSize(int)}: 4,096 path decisions and as many CRL
   * signatures, enough for every authority certificate of a large trust directory.
   */
  public static final int DEFAULT_DECISION_CACHE_SIZE = 4096;

  private TrustVerifier(Builder b) {
    this.directory = b.directory;
    this.policy = b.policy;
    this.revocationPolicy = b.revocationPolicy;
    this.clock = b.clock;
    this.limits = b.limits;
    this.cache = new TrustDecisionCache(b.decisionCacheSize);
  }

  /** The cache of this verifier's decisions (tests count its validations). */
  TrustDecisionCache decisionCache() {
    return cache;
  }

  /**
   * A builder over {@code directory}. Defaults: {@link AlgorithmPolicy#defaultPolicy()},
   * {@link RevocationPolicy#failClosed()}, the system UTC clock, the directory's limits.
   */
  public static Builder builder(TrustDirectory directory) {
    return new Builder(directory);
  }

  /** The directory consulted. */
  public TrustDirectory directory() {
    return directory;
  }

  /** The algorithm policy applied. */
  public AlgorithmPolicy algorithmPolicy() {
    return policy;
  }

  /** The revocation policy applied. */
  public RevocationPolicy revocationPolicy() {
    return revocationPolicy;
  }

  /** May {@code certificate} sign for {@code jurisdiction} (role sign, key usage digitalSignature / nonRepudiation), now. */
  public TrustReport verifySigner(Jurisdiction jurisdiction, X509Certificate certificate, List<X509Certificate> intermediates)
      throws MlatCryptoException {
    return verify(VerificationRequest.of(jurisdiction, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), certificate)
        .withIntermediates(intermediates));
  }

  /**
   * This verifier as the {@link dev.mlat.crypto.cms.SignerTrust} of a CMS signature verifier: each
   * signer must be a registered authority with the {@link AuthorityRole#SIGN} role of the expected
   * jurisdiction, at the time the CMS verifier passes (its clock's now).
   */
  public dev.mlat.crypto.cms.SignerTrust asSignerTrust() {
    return asSignerTrust(Set.of(AuthorityRole.SIGN));
  }

  /** As {@link #asSignerTrust()}, requiring {@code roles} instead (for example {@link AuthorityRole#RELAY} for a relay's header signature). */
  public dev.mlat.crypto.cms.SignerTrust asSignerTrust(Set<AuthorityRole> roles) {
    Set<AuthorityRole> required = Set.copyOf(roles);
    return (signer, intermediates, expected, at) -> verify(
        VerificationRequest.of(expected, CertificatePurpose.SIGNING, required, signer).withIntermediates(intermediates).at(at));
  }

  /** May {@code certificate} sign as a registered relay of {@code jurisdiction}, now. */
  public TrustReport verifyRelay(Jurisdiction jurisdiction, X509Certificate certificate, List<X509Certificate> intermediates)
      throws MlatCryptoException {
    return verify(VerificationRequest.of(jurisdiction, CertificatePurpose.SIGNING, Set.of(AuthorityRole.RELAY), certificate)
        .withIntermediates(intermediates));
  }

  /** May packages be encrypted for {@code certificate} as a receiver of {@code jurisdiction} (keyEncipherment / keyAgreement), now. */
  public TrustReport verifyRecipient(Jurisdiction jurisdiction, X509Certificate certificate, List<X509Certificate> intermediates)
      throws MlatCryptoException {
    return verify(VerificationRequest.of(jurisdiction, CertificatePurpose.ENCRYPTION, Set.of(AuthorityRole.RECEIVE), certificate)
        .withIntermediates(intermediates));
  }

  /**
   * Finds and verifies the encryption certificate of a registered authority among the certificates
   * of the directory's {@code authorities/} folders (the first that passes {@link #verifyRecipient}
   * wins), now.
   *
   * @throws UntrustedCertificateException AUTHORITY_NOT_REGISTERED when the directory holds no
   *     certificate of the authority, otherwise the failure of its most relevant certificate
   */
  public TrustReport verifyRecipient(PartyId authority) throws MlatCryptoException {
    Objects.requireNonNull(authority, "authority");
    MlatCryptoException keyUsageFailure = null;
    MlatCryptoException otherFailure = null;
    for (X509Certificate candidate : directory.authorityCertificates(authority)) {
      try {
        return verifyRecipient(authority.jurisdiction(), candidate, List.of());
      } catch (MlatCryptoException e) {
        if (e.errorCode() == CryptoErrorCode.CERTIFICATE_KEY_USAGE) {
          keyUsageFailure = keyUsageFailure == null ? e : keyUsageFailure;
        } else {
          otherFailure = otherFailure == null ? e : otherFailure;
        }
      }
    }
    if (otherFailure != null) {
      throw otherFailure;
    }
    if (keyUsageFailure != null) {
      throw keyUsageFailure;
    }
    throw fail(CryptoErrorCode.AUTHORITY_NOT_REGISTERED,
        "the trust directory holds no certificate of " + authority + " (authorities/ folder)", authority.jurisdiction(), null);
  }

  /**
   * Is the TLS peer presenting {@code chain} (end entity first) a registered authority, relay or
   * carrier of {@code jurisdiction} (extendedKeyUsage serverAuth or clientAuth), now.
   */
  public TrustReport verifyTlsPeer(Jurisdiction jurisdiction, List<X509Certificate> chain) throws MlatCryptoException {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("TLS peer chain is empty");
    }
    return verify(VerificationRequest.of(jurisdiction, CertificatePurpose.TLS, EnumSet.allOf(AuthorityRole.class), chain.get(0))
        .withIntermediates(chain.subList(1, chain.size())));
  }

  /**
   * Is {@code certificate} a trusted timestamping authority (chaining to a timestamping anchor of the
   * directory, extendedKeyUsage timeStamping only and critical) at {@code time}. {@code jurisdiction}
   * is the jurisdiction whose signature the timestamp covers; it selects per-jurisdiction algorithm
   * overrides and is reported.
   */
  public TrustReport verifyTimestampAuthority(
      Jurisdiction jurisdiction, X509Certificate certificate, List<X509Certificate> intermediates, Instant time)
      throws MlatCryptoException {
    return verify(VerificationRequest.of(jurisdiction, CertificatePurpose.TIMESTAMPING, Set.of(), certificate)
        .withIntermediates(intermediates).at(time));
  }

  /**
   * Applies every rule of {@code docs/TRUST.md} to {@code request}.
   *
   * @return the report of a trusted certificate
   * @throws UntrustedCertificateException with the code of the first rule that failed
   * @throws dev.mlat.crypto.AlgorithmRefusedException when the algorithm policy refuses a certificate, CRL or OCSP response
   */
  public TrustReport verify(VerificationRequest request) throws MlatCryptoException {
    Objects.requireNonNull(request, "request");
    Jurisdiction jurisdiction = request.jurisdiction();
    Instant now = clock.instant();
    Instant time = request.validationTime().orElse(now);
    boolean timestamping = request.purpose() == CertificatePurpose.TIMESTAMPING;

    if (request.intermediates().size() > limits.maxIntermediatesPerRequest()) {
      throw fail(CryptoErrorCode.TRUST_LIMIT_EXCEEDED, request.intermediates().size() + " intermediates exceed maxIntermediatesPerRequest "
          + limits.maxIntermediatesPerRequest(), jurisdiction, null);
    }
    if (request.crls().size() + request.ocspResponses().size() > limits.maxRevocationItemsPerRequest()) {
      throw fail(CryptoErrorCode.TRUST_LIMIT_EXCEEDED, (request.crls().size() + request.ocspResponses().size())
          + " CRLs and OCSP responses exceed maxRevocationItemsPerRequest " + limits.maxRevocationItemsPerRequest(), jurisdiction, null);
    }
    X509Certificate certificate = normalize(request.certificate(), jurisdiction);
    var supplied = new ArrayList<X509Certificate>();
    for (var c : request.intermediates()) {
      supplied.add(normalize(c, jurisdiction));
    }

    // steps 1 to 9 below (rules 2 to 10 of docs/TRUST.md: all but revocation), remembered per certificate and validity window
    Optional<TrustDecisionCache.PathKey> key = cache.key(certificate, supplied, jurisdiction, request.purpose(), request.acceptedRoles());
    TrustDecisionCache.PathDecision decision = key.flatMap(k -> cache.path(k, time, now)).orElse(null);
    if (decision == null) {
      cache.countPathValidation();
      decision = decidePath(request, certificate, supplied, time);
      if (key.isPresent()) {
        cache.remember(key.get(), decision);
      }
    }
    var path = new ArrayList<X509Certificate>(decision.path());
    path.set(0, certificate);

    // 10. revocation of every certificate below the anchor, from the top: never cached, always against the current data
    var revocation = new Revocation(policy, revocationPolicy, limits, jurisdiction, time, now, directory, request, cache);
    var evidence = new ArrayList<RevocationEvidence>();
    for (int i = path.size() - 2; i >= 0; i--) {
      evidence.addAll(revocation.check(path.get(i), path.get(i + 1)));
    }
    return new TrustReport(jurisdiction, decision.authority(), decision.roles(), request.purpose(), certificate, path, time,
        decision.signatureAlgorithm(), decision.keyFamily(), policy.name(), evidence, revocation.softFailed());
  }

  /** Steps 1 to 9 (rules 2 to 10 of docs/TRUST.md), in order; throws at the first that fails. */
  private TrustDecisionCache.PathDecision decidePath(VerificationRequest request, X509Certificate certificate,
      List<X509Certificate> supplied, Instant time) throws MlatCryptoException {
    Jurisdiction jurisdiction = request.jurisdiction();
    boolean timestamping = request.purpose() == CertificatePurpose.TIMESTAMPING;
    // 1. anchors registered for the jurisdiction
    List<X509Certificate> targets = timestamping ? directory.timestampAnchors() : directory.anchors(jurisdiction);
    if (targets.isEmpty()) {
      throw fail(timestamping ? CryptoErrorCode.CERTIFICATE_UNTRUSTED : CryptoErrorCode.JURISDICTION_NOT_TRUSTED,
          timestamping ? "the trust directory registers no timestamping anchors" : "no trust anchor is registered for " + jurisdiction,
          jurisdiction, certificate);
    }

    // 2. a path to one of them; a path to another jurisdiction's anchor never counts
    var candidates = new LinkedHashSet<X509Certificate>(supplied);
    directory.allIntermediates().values().forEach(candidates::addAll);
    directory.allAnchors().values().forEach(candidates::addAll);
    candidates.addAll(directory.timestampAnchors());
    List<X509Certificate> path = PathBuilder.build(certificate, candidates, new LinkedHashSet<>(targets), limits.maxPathLength());
    if (path == null) {
      var others = new LinkedHashSet<X509Certificate>();
      directory.allAnchors().forEach((j, list) -> {
        if (!j.equals(jurisdiction)) {
          others.addAll(list);
        }
      });
      List<X509Certificate> elsewhere = PathBuilder.build(certificate, candidates, others, limits.maxPathLength());
      if (elsewhere != null) {
        var foreign = directory.jurisdictionsOf(elsewhere.get(elsewhere.size() - 1));
        throw fail(CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION,
            "the certificate chains to an anchor of " + foreign + ", not to an anchor registered for " + jurisdiction, jurisdiction, certificate);
      }
      throw fail(CryptoErrorCode.CERTIFICATE_UNTRUSTED,
          "no certification path to an anchor registered for " + (timestamping ? "timestamping" : jurisdiction.toString())
              + "; supply the missing intermediates or register the anchor", jurisdiction, certificate);
    }
    X509Certificate anchor = path.get(path.size() - 1);

    // 3. validity at the validation time
    for (var c : path) {
      if (time.isBefore(c.getNotBefore().toInstant())) {
        throw fail(CryptoErrorCode.CERTIFICATE_NOT_YET_VALID, "not valid before " + c.getNotBefore().toInstant() + ", validation time " + time,
            jurisdiction, c);
      }
      if (time.isAfter(c.getNotAfter().toInstant())) {
        throw fail(CryptoErrorCode.CERTIFICATE_EXPIRED, "expired at " + c.getNotAfter().toInstant() + ", validation time " + time,
            jurisdiction, c);
      }
    }

    // 4. algorithm policy on every certificate (the anchor's own key; its self-signature is not relied on)
    for (int i = 0; i < path.size() - 1; i++) {
      policy.checkCertificate(jurisdiction, path.get(i), path.get(i + 1).getPublicKey());
    }
    policy.checkPublicKey(jurisdiction, anchor.getPublicKey());

    // 5. critical extensions
    for (var c : path) {
      var critical = c.getCriticalExtensionOIDs();
      if (critical != null) {
        for (String oid : critical) {
          if (!KNOWN_CRITICAL_EXTENSIONS.contains(oid)) {
            throw fail(CryptoErrorCode.CERTIFICATE_UNKNOWN_CRITICAL_EXTENSION, "critical extension " + oid + " is not processed by this library",
                jurisdiction, c);
          }
        }
      }
    }

    // 6. RFC 5280 path validation
    validatePkix(path, time, jurisdiction);

    // 7. end entity: not a CA, key usage fits
    if (certificate.getBasicConstraints() >= 0) {
      throw fail(CryptoErrorCode.CERTIFICATE_IS_CA, "a CA certificate (basicConstraints cA=true) cannot act as an authority", jurisdiction, certificate);
    }
    checkKeyUsage(certificate, request.purpose(), jurisdiction);

    // 8. subject country for a state; 9. registered authority and role
    Optional<PartyId> authority = Optional.empty();
    Set<AuthorityRole> roles = Set.of();
    if (!timestamping) {
      if (jurisdiction.isState()) {
        var countries = Certificates.countries(certificate);
        if (!countries.equals(List.of(jurisdiction.code()))) {
          throw fail(CryptoErrorCode.CERTIFICATE_COUNTRY_MISMATCH,
              "subject country " + (countries.isEmpty() ? "is missing" : countries.toString()) + ", expected C=" + jurisdiction.code(),
              jurisdiction, certificate);
        }
      }
      PartyId id = authorityOf(certificate, jurisdiction);
      roles = directory.roles(id);
      if (roles.isEmpty()) {
        throw fail(CryptoErrorCode.AUTHORITY_NOT_REGISTERED, "authority " + id + " is not registered for " + jurisdiction, jurisdiction, certificate);
      }
      if (roles.stream().noneMatch(request.acceptedRoles()::contains)) {
        throw fail(CryptoErrorCode.AUTHORITY_ROLE_NOT_ALLOWED,
            "authority " + id + " is registered for " + roles + ", not for " + request.acceptedRoles(), jurisdiction, certificate);
      }
      authority = Optional.of(id);
    }

    var signatureAlgorithm = SignatureAlgorithm.fromOid(certificate.getSigAlgOID(), certificate.getSigAlgParams()).orElseThrow();
    var keyFamily = AlgorithmIdentifiers.describe(certificate.getPublicKey()).family();
    return TrustDecisionCache.PathDecision.of(path, authority, roles, signatureAlgorithm, keyFamily);
  }

  private PartyId authorityOf(X509Certificate certificate, Jurisdiction jurisdiction) throws UntrustedCertificateException {
    var values = Certificates.organizationIdentifiers(certificate);
    if (values.size() != 1) {
      throw fail(CryptoErrorCode.AUTHORITY_NOT_REGISTERED,
          "the subject must carry exactly one organizationIdentifier (2.5.4.97) naming the authority, found " + values.size(),
          jurisdiction, certificate);
    }
    PartyId id;
    try {
      id = PartyId.parse(values.get(0));
    } catch (MlatCoreException e) {
      throw fail(CryptoErrorCode.AUTHORITY_NOT_REGISTERED, "organizationIdentifier is not JURISDICTION:IDENTIFIER: " + e.getMessage(),
          jurisdiction, certificate);
    }
    if (!id.jurisdiction().equals(jurisdiction)) {
      throw fail(CryptoErrorCode.AUTHORITY_NOT_REGISTERED, "the certificate names authority " + id + " of another jurisdiction",
          jurisdiction, certificate);
    }
    return id;
  }

  private void checkKeyUsage(X509Certificate c, CertificatePurpose purpose, Jurisdiction jurisdiction) throws UntrustedCertificateException {
    boolean[] ku = c.getKeyUsage();
    List<String> eku;
    try {
      eku = c.getExtendedKeyUsage();
    } catch (CertificateException e) {
      throw fail(CryptoErrorCode.CERTIFICATE_MALFORMED, "extendedKeyUsage cannot be parsed", jurisdiction, c);
    }
    String problem = null;
    switch (purpose) {
      case SIGNING:
        if (ku == null || !(bit(ku, 0) || bit(ku, 1))) {
          problem = "signing needs keyUsage digitalSignature or nonRepudiation";
        } else if (eku != null && eku.stream().noneMatch(Set.of(EKU_EMAIL_PROTECTION, EKU_DOCUMENT_SIGNING, EKU_ANY)::contains)) {
          problem = "extendedKeyUsage " + eku + " restricts the key to other uses than signing documents";
        }
        break;
      case ENCRYPTION:
        if (ku == null || !(bit(ku, 2) || bit(ku, 4))) {
          problem = "encryption needs keyUsage keyEncipherment or keyAgreement";
        } else if (eku != null && eku.stream().noneMatch(Set.of(EKU_EMAIL_PROTECTION, EKU_ANY)::contains)) {
          problem = "extendedKeyUsage " + eku + " restricts the key to other uses than encryption";
        }
        break;
      case TLS:
        if (eku == null || eku.stream().noneMatch(Set.of(EKU_SERVER_AUTH, EKU_CLIENT_AUTH)::contains)) {
          problem = "TLS needs extendedKeyUsage serverAuth or clientAuth";
        } else if (ku != null && !(bit(ku, 0) || bit(ku, 2) || bit(ku, 4))) {
          problem = "TLS needs keyUsage digitalSignature, keyEncipherment or keyAgreement";
        }
        break;
      case TIMESTAMPING:
        if (eku == null || !eku.equals(List.of(EKU_TIME_STAMPING)) || !c.getCriticalExtensionOIDs().contains("2.5.29.37")) {
          problem = "a timestamping authority needs a critical extendedKeyUsage of timeStamping only (RFC 3161 2.3)";
        } else if (ku != null && !(bit(ku, 0) || bit(ku, 1))) {
          problem = "a timestamping authority needs keyUsage digitalSignature or nonRepudiation";
        }
        break;
      default:
        throw new IllegalStateException("unknown purpose " + purpose);
    }
    if (problem != null) {
      throw fail(CryptoErrorCode.CERTIFICATE_KEY_USAGE, problem + " (asked for " + purpose + ")", jurisdiction, c);
    }
  }

  private static boolean bit(boolean[] ku, int i) {
    return ku.length > i && ku[i];
  }

  private void validatePkix(List<X509Certificate> path, Instant time, Jurisdiction jurisdiction) throws UntrustedCertificateException {
    try {
      var factory = CertificateFactory.getInstance("X.509", Providers.bouncyCastle());
      var certPath = factory.generateCertPath(path.subList(0, path.size() - 1));
      var params = new PKIXParameters(Set.of(new TrustAnchor(path.get(path.size() - 1), null)));
      params.setRevocationEnabled(false); // revocation is checked afterwards, with the evidence kept
      params.setDate(Date.from(time));
      params.addCertPathChecker(new ExtendedKeyUsageClaimer());
      CertPathValidator.getInstance("PKIX", Providers.bouncyCastle()).validate(certPath, params);
    } catch (CertPathValidatorException e) {
      int index = e.getIndex();
      X509Certificate at = index >= 0 && index < path.size() ? path.get(index) : null;
      throw fail(CryptoErrorCode.CERTIFICATE_PATH_INVALID, "RFC 5280 path validation failed: " + e.getMessage(), jurisdiction, at);
    } catch (java.security.GeneralSecurityException e) {
      throw fail(CryptoErrorCode.CERTIFICATE_PATH_INVALID, "RFC 5280 path validation could not run: " + e.getMessage(), jurisdiction, null);
    }
  }

  /** Extended key usage is checked by {@link #checkKeyUsage} for the purpose asked; tells the validator so. */
  private static final class ExtendedKeyUsageClaimer extends PKIXCertPathChecker {
    @Override
    public void init(boolean forward) {}

    @Override
    public boolean isForwardCheckingSupported() {
      return true;
    }

    @Override
    public Set<String> getSupportedExtensions() {
      return Set.of("2.5.29.37");
    }

    @Override
    public void check(java.security.cert.Certificate cert, Collection<String> unresolvedCritExts) {
      unresolvedCritExts.remove("2.5.29.37");
    }
  }

  private X509Certificate normalize(X509Certificate c, Jurisdiction jurisdiction) throws UntrustedCertificateException {
    Objects.requireNonNull(c, "certificate");
    try {
      if (c.getEncoded().length > limits.maxCertificateFileBytes()) {
        throw fail(CryptoErrorCode.TRUST_LIMIT_EXCEEDED, "certificate larger than maxCertificateFileBytes", jurisdiction, null);
      }
      return Certificates.normalize(c);
    } catch (CertificateException e) {
      throw fail(CryptoErrorCode.CERTIFICATE_MALFORMED, "certificate cannot be parsed: " + e.getMessage(), jurisdiction, null);
    }
  }

  static UntrustedCertificateException fail(CryptoErrorCode code, String message, Jurisdiction jurisdiction, X509Certificate about) {
    return new UntrustedCertificateException(code, message, jurisdiction, about == null ? null : Certificates.subject(about), null);
  }

  static byte[] encoded(X509CRL crl) {
    try {
      return crl.getEncoded();
    } catch (CRLException e) {
      throw new IllegalArgumentException(e);
    }
  }


  /**
   * Configures a {@link TrustVerifier}. Not thread-safe.
   */
  public static final class Builder {
    private final TrustDirectory directory;
    private AlgorithmPolicy policy = AlgorithmPolicy.defaultPolicy();
    private RevocationPolicy revocationPolicy = RevocationPolicy.failClosed();
    private Clock clock = Clock.systemUTC();
    private TrustLimits limits;
    private int decisionCacheSize = DEFAULT_DECISION_CACHE_SIZE;

    private Builder(TrustDirectory directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      this.limits = directory.limits();
    }

    /** The algorithm policy. */
    public Builder algorithmPolicy(AlgorithmPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The revocation policy. */
    public Builder revocationPolicy(RevocationPolicy revocationPolicy) {
      this.revocationPolicy = Objects.requireNonNull(revocationPolicy, "revocationPolicy");
      return this;
    }

    /** The clock "now" comes from. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The per-request limits (intermediates, revocation items, sizes, path length). */
    public Builder limits(TrustLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * How many trust decisions the verifier remembers (default {@link #DEFAULT_DECISION_CACHE_SIZE};
     * 0 turns the cache off). A decision is the outcome of every rule but revocation for one
     * certificate with its supplied intermediates, jurisdiction, purpose and roles; it is reused only
     * for validation times inside the validity of every certificate of its path and dropped when
     * that ends. Revocation is checked at every verification against the CRLs and OCSP responses of
     * the directory and the request; a CRL's signature is verified once per CRL and issuer
     * (remembered up to its nextUpdate, in a second map of the same size). Least recently used
     * entries go first. A new directory (a reload of the trust folder) needs a new verifier, which
     * starts empty.
     *
     * @throws IllegalArgumentException when {@code entries} is negative
     */
    public Builder decisionCacheSize(int entries) {
      if (entries < 0) {
        throw new IllegalArgumentException("decisionCacheSize must be 0 (no cache) or more, not " + entries);
      }
      this.decisionCacheSize = entries;
      return this;
    }

    /** The verifier. */
    public TrustVerifier build() {
      return new TrustVerifier(this);
    }
  }
}
