package dev.mlat.crypto.trust;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.internal.Providers;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Establishes the revocation status of one certificate from CRLs and OCSP responses (supplied,
 * stored, then online when enabled), failing closed unless the policy soft-fails. One instance per
 * verification (not thread-safe).
 */
final class Revocation {
  private static final System.Logger LOG = System.getLogger(TrustVerifier.class.getName());
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> CRL_CRITICAL_ALLOWED = Set.of(Extension.issuingDistributionPoint.getId());

  private final AlgorithmPolicy policy;
  private final RevocationPolicy revocationPolicy;
  private final TrustLimits limits;
  private final Jurisdiction jurisdiction;
  private final Instant time;
  private final Instant now;
  private final List<CrlSource> crls = new ArrayList<>();
  private final List<Source<BasicOCSPResp>> ocsp = new ArrayList<>();
  private final TrustDecisionCache cache;
  private boolean softFailed;

  private record Source<T>(T item, byte[] encoded, RevocationEvidence.Source kind) {}

  private record CrlSource(X509CRL item, byte[] encoded, RevocationEvidence.Source kind, CrlFacts facts) {}

  /** What one piece of data said. */
  private enum Verdict { GOOD, REVOKED, STALE, INVALID, NOT_APPLICABLE }

  private record Outcome(Verdict verdict, String detail, Instant thisUpdate, Optional<Instant> nextUpdate) {}

  Revocation(AlgorithmPolicy policy, RevocationPolicy revocationPolicy, TrustLimits limits, Jurisdiction jurisdiction, Instant time,
      Instant now, TrustDirectory directory, VerificationRequest request, TrustDecisionCache cache) throws UntrustedCertificateException {
    this.cache = cache;
    this.policy = policy;
    this.revocationPolicy = revocationPolicy;
    this.limits = limits;
    this.jurisdiction = jurisdiction;
    this.time = time;
    this.now = now;
    for (byte[] r : request.ocspResponses()) {
      if (r.length > limits.maxOcspResponseBytes()) {
        throw TrustVerifier.fail(CryptoErrorCode.TRUST_LIMIT_EXCEEDED,
            "supplied OCSP response of " + r.length + " bytes exceeds maxOcspResponseBytes " + limits.maxOcspResponseBytes(), jurisdiction, null);
      }
      try {
        ocsp.add(new Source<>(Ocsp.parse(r), r, RevocationEvidence.Source.OCSP_SUPPLIED));
      } catch (IllegalArgumentException e) {
        throw TrustVerifier.fail(CryptoErrorCode.REVOCATION_DATA_INVALID, "supplied OCSP response: " + e.getMessage(), jurisdiction, null);
      }
    }
    for (var stored : directory.storedOcspResponses()) {
      ocsp.add(new Source<>(stored.parsed(), stored.encoded(), RevocationEvidence.Source.OCSP_STORED));
    }
    for (X509CRL crl : request.crls()) {
      byte[] der = TrustVerifier.encoded(crl);
      if (der.length > limits.maxCrlBytes()) {
        throw TrustVerifier.fail(CryptoErrorCode.TRUST_LIMIT_EXCEEDED,
            "supplied CRL of " + der.length + " bytes exceeds maxCrlBytes " + limits.maxCrlBytes(), jurisdiction, null);
      }
      crls.add(new CrlSource(crl, der, RevocationEvidence.Source.CRL_SUPPLIED, CrlFacts.of(crl, der)));
    }
    for (var stored : directory.storedCrls()) {
      crls.add(new CrlSource(stored.crl(), stored.encoded(), RevocationEvidence.Source.CRL_STORED, stored.facts()));
    }
  }

  boolean softFailed() {
    return softFailed;
  }

  /** The evidence that {@code cert} was not revoked at the validation time, or an exception. */
  List<RevocationEvidence> check(X509Certificate cert, X509Certificate issuer) throws MlatCryptoException {
    String subject = Certificates.subject(cert);
    RevocationEvidence good = null;
    boolean stale = false;
    String invalid = null;
    String onlineFailure = null;

    for (var source : ocsp) {
      Outcome o = ocspOutcome(source.item(), cert, issuer, null);
      if (o.verdict() == Verdict.REVOKED) {
        throw revoked(cert, "OCSP (" + source.kind() + ")", o.detail());
      }
      if (o.verdict() == Verdict.GOOD && good == null) {
        good = evidence(cert, source.kind(), source.encoded(), o);
      }
      stale |= o.verdict() == Verdict.STALE;
      invalid = o.verdict() == Verdict.INVALID && invalid == null ? "OCSP: " + o.detail() : invalid;
    }
    // The issuer's name is compared with every CRL's: its encoding read once, its canonical form
    // computed at most once (only if some CRL's issuer is encoded differently).
    X500Principal issuerName = issuer.getSubjectX500Principal();
    byte[] issuerNameEncoded = issuerName.getEncoded();
    String[] issuerCanonical = new String[1];
    Supplier<String> canonical = () -> {
      if (issuerCanonical[0] == null) {
        issuerCanonical[0] = issuerName.getName(X500Principal.CANONICAL);
      }
      return issuerCanonical[0];
    };
    for (var source : crls) {
      Outcome o = crlOutcome(source, cert, issuer, issuerNameEncoded, canonical);
      if (o.verdict() == Verdict.REVOKED) {
        throw revoked(cert, "CRL (" + source.kind() + ")", o.detail());
      }
      if (o.verdict() == Verdict.GOOD && good == null) {
        good = evidence(cert, source.kind(), source.encoded(), o);
      }
      stale |= o.verdict() == Verdict.STALE;
      invalid = o.verdict() == Verdict.INVALID && invalid == null ? "CRL: " + o.detail() : invalid;
    }
    if (good != null) {
      return List.of(good);
    }
    if (revocationPolicy.onlineOcsp()) {
      var url = ocspUrl(cert);
      if (url.isEmpty()) {
        onlineFailure = "the certificate names no OCSP responder (authority information access)";
      } else {
        try {
          byte[] nonce = new byte[16];
          RANDOM.nextBytes(nonce);
          byte[] der = fetch(url.get(), cert, issuer, nonce);
          BasicOCSPResp response;
          try {
            response = Ocsp.parse(der);
          } catch (IllegalArgumentException e) {
            throw new OnlineFailure("responder answered: " + e.getMessage());
          }
          Outcome o = ocspOutcome(response, cert, issuer, nonce);
          if (o.verdict() == Verdict.REVOKED) {
            throw revoked(cert, "OCSP (online " + url.get() + ")", o.detail());
          }
          if (o.verdict() == Verdict.GOOD) {
            return List.of(evidence(cert, RevocationEvidence.Source.OCSP_ONLINE, der, o));
          }
          if (o.verdict() == Verdict.INVALID) {
            invalid = invalid == null ? "online OCSP: " + o.detail() : invalid;
          }
          onlineFailure = "online OCSP from " + url.get() + " did not establish the status: " + o.detail();
        } catch (OnlineFailure e) {
          onlineFailure = "online OCSP from " + url.get() + " failed: " + e.getMessage();
        }
      }
    }
    if (invalid != null) {
      throw TrustVerifier.fail(CryptoErrorCode.REVOCATION_DATA_INVALID, invalid, jurisdiction, cert);
    }
    CryptoErrorCode code;
    String message;
    if (stale) {
      code = CryptoErrorCode.REVOCATION_CRL_STALE;
      message = "the issuer's CRLs / OCSP responses found were not current at " + time;
    } else if (onlineFailure != null) {
      code = CryptoErrorCode.REVOCATION_UNAVAILABLE;
      message = onlineFailure;
    } else {
      code = CryptoErrorCode.REVOCATION_CRL_MISSING;
      message = "no CRL or OCSP response from the issuer " + issuer.getSubjectX500Principal().getName() + " establishes the status";
    }
    if (revocationPolicy.softFail()) {
      softFailed = true;
      LOG.log(System.Logger.Level.WARNING, "revocation soft-fail accepted by policy for {0} ({1}): {2}: {3}", subject, jurisdiction, code, message);
      return List.of(new RevocationEvidence(subject, cert.getSerialNumber(), RevocationEvidence.Source.NONE_SOFT_FAIL, new byte[0], time,
          Optional.empty(), "soft-fail: " + code + ": " + message));
    }
    throw TrustVerifier.fail(code, message, jurisdiction, cert);
  }

  private RevocationEvidence evidence(X509Certificate cert, RevocationEvidence.Source kind, byte[] der, Outcome o) {
    return new RevocationEvidence(Certificates.subject(cert), cert.getSerialNumber(), kind, der, o.thisUpdate(), o.nextUpdate(), "");
  }

  private UntrustedCertificateException revoked(X509Certificate cert, String source, String detail) {
    return TrustVerifier.fail(CryptoErrorCode.CERTIFICATE_REVOKED, "revoked according to " + source + ": " + detail, jurisdiction, cert);
  }

  /** Current at the validation time: issued before it and not yet superseded, or issued after it (and not in the future). */
  private boolean current(Instant thisUpdate, Instant nextUpdate) {
    if (thisUpdate.isAfter(now.plus(SKEW))) {
      return false;
    }
    if (!thisUpdate.isBefore(time)) {
      return true;
    }
    return nextUpdate != null && time.isBefore(nextUpdate);
  }

  private Outcome crlOutcome(CrlSource source, X509Certificate cert, X509Certificate issuer, byte[] issuerNameEncoded,
      Supplier<String> issuerCanonical) throws MlatCryptoException {
    X509CRL crl = source.item();
    CrlFacts facts = source.facts();
    if (!facts.issuedBy(issuerNameEncoded, issuerCanonical)) {
      return new Outcome(Verdict.NOT_APPLICABLE, "other issuer", Instant.EPOCH, Optional.empty());
    }
    Instant thisUpdate = facts.thisUpdate();
    Optional<Instant> nextUpdate = facts.nextUpdate();
    if (!cache.crlSignatureValid(crl, facts, issuer, now)) {
      return new Outcome(Verdict.INVALID, "CRL of " + issuer.getSubjectX500Principal().getName() + " does not verify with the issuer's key",
          thisUpdate, nextUpdate);
    }
    policy.checkCrl(jurisdiction, crl, issuer.getPublicKey());
    boolean[] ku = issuer.getKeyUsage();
    if (ku != null && !(ku.length > 6 && ku[6])) {
      return new Outcome(Verdict.INVALID, "the issuer's key usage lacks cRLSign", thisUpdate, nextUpdate);
    }
    for (String oid : facts.criticalExtensions()) {
      if (!CRL_CRITICAL_ALLOWED.contains(oid)) {
        return new Outcome(Verdict.INVALID, "CRL has unsupported critical extension " + oid + " (delta CRLs are not supported)", thisUpdate, nextUpdate);
      }
    }
    byte[] idpValue = facts.issuingDistributionPoint().orElse(null);
    if (idpValue != null) {
      var idp = IssuingDistributionPoint.getInstance(ASN1OctetString.getInstance(idpValue).getOctets());
      if (idp.isIndirectCRL() || idp.getOnlySomeReasons() != null || idp.onlyContainsAttributeCerts()) {
        return new Outcome(Verdict.INVALID, "indirect or partitioned CRLs are not supported", thisUpdate, nextUpdate);
      }
      boolean ca = cert.getBasicConstraints() >= 0;
      if (idp.onlyContainsUserCerts() && ca || idp.onlyContainsCACerts() && !ca) {
        return new Outcome(Verdict.NOT_APPLICABLE, "CRL scope excludes the certificate", thisUpdate, nextUpdate);
      }
    }
    var entry = crl.getRevokedCertificate(cert.getSerialNumber());
    if (entry != null) {
      if (entry.getCriticalExtensionOIDs() != null && !entry.getCriticalExtensionOIDs().isEmpty()) {
        return new Outcome(Verdict.INVALID, "CRL entry has critical extensions " + entry.getCriticalExtensionOIDs(), thisUpdate, nextUpdate);
      }
      CRLReason reason = entry.getRevocationReason();
      Instant revokedAt = entry.getRevocationDate().toInstant();
      if (reason != CRLReason.REMOVE_FROM_CRL && !revokedAt.isAfter(time)) {
        return new Outcome(Verdict.REVOKED, "revoked at " + revokedAt + (reason == null ? "" : ", reason " + reason), thisUpdate, nextUpdate);
      }
    }
    if (!current(thisUpdate, nextUpdate.orElse(null))) {
      return new Outcome(Verdict.STALE, "CRL thisUpdate " + thisUpdate + ", nextUpdate " + nextUpdate.map(Instant::toString).orElse("absent"),
          thisUpdate, nextUpdate);
    }
    return new Outcome(Verdict.GOOD, "not listed", thisUpdate, nextUpdate);
  }

  private Outcome ocspOutcome(BasicOCSPResp response, X509Certificate cert, X509Certificate issuer, byte[] expectedNonce)
      throws MlatCryptoException {
    SingleResp single = null;
    try {
      var holder = new JcaX509CertificateHolder(issuer);
      var digests = new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bouncyCastle()).build();
      for (SingleResp r : response.getResponses()) {
        CertificateID id = r.getCertID();
        if (id.getSerialNumber().equals(cert.getSerialNumber()) && id.matchesIssuer(holder, digests)) {
          single = r;
          break;
        }
      }
    } catch (Exception e) {
      return new Outcome(Verdict.INVALID, "cannot match the response to the certificate: " + e.getMessage(), Instant.EPOCH, Optional.empty());
    }
    if (single == null) {
      return new Outcome(Verdict.NOT_APPLICABLE, "response is about other certificates", Instant.EPOCH, Optional.empty());
    }
    Instant thisUpdate = single.getThisUpdate().toInstant();
    Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(java.util.Date::toInstant);
    var signer = signerOf(response, issuer);
    if (signer == null) {
      return new Outcome(Verdict.INVALID, "response is signed neither by the issuer nor by a responder it authorized (id-kp-OCSPSigning)",
          thisUpdate, nextUpdate);
    }
    byte[] params = null;
    try {
      var p = response.getSignatureAlgorithmID().getParameters();
      params = p == null ? null : p.toASN1Primitive().getEncoded();
    } catch (java.io.IOException e) {
      return new Outcome(Verdict.INVALID, "signature parameters unreadable", thisUpdate, nextUpdate);
    }
    policy.checkSignature(jurisdiction, response.getSignatureAlgOID().getId(), params, signer.getPublicKey());
    if (expectedNonce != null) {
      Extension nonce = response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
      if (nonce != null && !java.util.Arrays.equals(nonce.getExtnValue().getOctets(), nonceValue(expectedNonce))) {
        return new Outcome(Verdict.INVALID, "response nonce does not match the request", thisUpdate, nextUpdate);
      }
    }
    Object status = single.getCertStatus();
    if (status instanceof RevokedStatus) {
      var revoked = (RevokedStatus) status;
      Instant revokedAt = revoked.getRevocationTime().toInstant();
      boolean removed = revoked.hasRevocationReason() && revoked.getRevocationReason() == 8;
      if (!removed && !revokedAt.isAfter(time)) {
        return new Outcome(Verdict.REVOKED, "revoked at " + revokedAt, thisUpdate, nextUpdate);
      }
    } else if (status != null) {
      return new Outcome(Verdict.NOT_APPLICABLE, "responder does not know the certificate (unknown)", thisUpdate, nextUpdate);
    }
    Instant effectiveNext = nextUpdate.orElse(thisUpdate.plus(revocationPolicy.maxOcspAgeWithoutNextUpdate()));
    if (!current(thisUpdate, effectiveNext)) {
      return new Outcome(Verdict.STALE, "OCSP thisUpdate " + thisUpdate + ", nextUpdate " + effectiveNext, thisUpdate, nextUpdate);
    }
    return new Outcome(Verdict.GOOD, "good", thisUpdate, nextUpdate);
  }

  /** The certificate whose key signed the response: the issuer, or a delegated responder it issued; null if neither. */
  private X509Certificate signerOf(BasicOCSPResp response, X509Certificate issuer) {
    try {
      var verifiers = new JcaContentVerifierProviderBuilder().setProvider(Providers.bouncyCastle());
      if (response.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
        return issuer;
      }
    } catch (Exception e) {
      // not signed by the issuer itself: try delegated responders
    }
    for (X509CertificateHolder holder : response.getCerts()) {
      try {
        X509Certificate responder = new JcaX509CertificateConverter().setProvider(Providers.bouncyCastle()).getCertificate(holder);
        var eku = responder.getExtendedKeyUsage();
        if (eku == null || !eku.contains(TrustVerifier.EKU_OCSP_SIGNING) || !PathBuilder.issues(issuer, responder)) {
          continue;
        }
        responder.checkValidity(java.util.Date.from(time));
        policy.checkCertificate(jurisdiction, responder, issuer.getPublicKey());
        if (response.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Providers.bouncyCastle()).build(responder))) {
          return responder;
        }
      } catch (Exception e) {
        // this candidate is not an authorized responder
      }
    }
    return null;
  }

  private static byte[] nonceValue(byte[] nonce) {
    try {
      return new DEROctetString(nonce).getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<String> ocspUrl(X509Certificate cert) {
    byte[] value = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
    if (value == null) {
      return Optional.empty();
    }
    try {
      var aia = AuthorityInformationAccess.getInstance(ASN1OctetString.getInstance(value).getOctets());
      for (AccessDescription d : aia.getAccessDescriptions()) {
        if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
            && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
          String url = d.getAccessLocation().getName().toString();
          if (url.startsWith("http://") || url.startsWith("https://")) {
            return Optional.of(url);
          }
        }
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static final class OnlineFailure extends Exception {
    private static final long serialVersionUID = 1L;

    OnlineFailure(String message) {
      super(message);
    }
  }

  private byte[] fetch(String url, X509Certificate cert, X509Certificate issuer, byte[] nonce) throws OnlineFailure {
    try {
      // RFC 6960 responders must support SHA-1 CertIDs; the hash only identifies the issuer here.
      var id = new CertificateID(
          new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bouncyCastle()).build().get(CertificateID.HASH_SHA1),
          new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
      var request = new OCSPReqBuilder()
          .addRequest(id)
          .setRequestExtensions(new org.bouncycastle.asn1.x509.Extensions(
              new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonceValue(nonce))))
          .build()
          .getEncoded();
      var client = HttpClient.newBuilder().connectTimeout(revocationPolicy.onlineTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
      var http = HttpRequest.newBuilder(URI.create(url))
          .timeout(revocationPolicy.onlineTimeout())
          .header("Content-Type", "application/ocsp-request")
          .POST(HttpRequest.BodyPublishers.ofByteArray(request))
          .build();
      HttpResponse<InputStream> response = client.send(http, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new OnlineFailure("HTTP status " + response.statusCode());
        }
        byte[] body = in.readNBytes(limits.maxOcspResponseBytes() + 1);
        if (body.length > limits.maxOcspResponseBytes()) {
          throw new OnlineFailure("response larger than maxOcspResponseBytes " + limits.maxOcspResponseBytes());
        }
        return body;
      }
    } catch (OnlineFailure e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OnlineFailure("interrupted");
    } catch (Exception e) {
      throw new OnlineFailure(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

}
