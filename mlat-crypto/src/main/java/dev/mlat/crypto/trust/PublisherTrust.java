package dev.mlat.crypto.trust;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.cms.SignerTrust;
import dev.mlat.crypto.internal.AlgorithmIdentifiers;
import dev.mlat.crypto.internal.Providers;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link SignerTrust} for a trust list's publisher: a path to one of the publisher anchors the
 * loader was given (never to a listed jurisdiction), validity at the loading time, RFC 5280 path
 * validation with BouncyCastle's PKIX validator, an end-entity certificate with a signing key usage.
 * Revocation of the publisher certificate is not checked (docs/TRUST-LIST.md explains why).
 */
final class PublisherTrust implements SignerTrust {
  private static final int MAX_PATH = 8;
  private static final int MAX_INTERMEDIATES = 16;
  private final Set<X509Certificate> anchors;
  private final AlgorithmPolicy policy;

  PublisherTrust(Set<X509Certificate> anchors, AlgorithmPolicy policy) {
    this.anchors = Set.copyOf(anchors);
    this.policy = policy;
  }

  @Override
  public TrustReport verify(X509Certificate signer, List<X509Certificate> intermediates, Jurisdiction expected, Instant at)
      throws MlatCryptoException {
    if (intermediates.size() > MAX_INTERMEDIATES) {
      throw untrusted("the trust list carries " + intermediates.size() + " certificates, more than " + MAX_INTERMEDIATES, null);
    }
    var candidates = new LinkedHashSet<X509Certificate>(intermediates);
    candidates.addAll(anchors);
    List<X509Certificate> path = PathBuilder.build(signer, candidates, anchors, MAX_PATH);
    if (path == null) {
      throw untrusted("the signer " + signer.getSubjectX500Principal().getName() + " does not chain to a publisher anchor given to the loader", null);
    }
    for (var c : path) {
      if (at.isBefore(c.getNotBefore().toInstant()) || at.isAfter(c.getNotAfter().toInstant())) {
        throw untrusted("certificate " + c.getSubjectX500Principal().getName() + " is not valid at " + at, null);
      }
    }
    for (int i = 0; i < path.size() - 1; i++) {
      policy.checkCertificate(expected, path.get(i), path.get(i + 1).getPublicKey());
    }
    policy.checkPublicKey(expected, path.get(path.size() - 1).getPublicKey());
    try {
      var factory = CertificateFactory.getInstance("X.509", Providers.bouncyCastle());
      var params = new PKIXParameters(Set.of(new TrustAnchor(path.get(path.size() - 1), null)));
      params.setRevocationEnabled(false);
      params.setDate(Date.from(at));
      CertPathValidator.getInstance("PKIX", Providers.bouncyCastle()).validate(factory.generateCertPath(path.subList(0, path.size() - 1)), params);
    } catch (java.security.GeneralSecurityException | RuntimeException e) {
      throw untrusted("RFC 5280 path validation to the publisher anchor failed: " + e.getMessage(), e);
    }
    if (signer.getBasicConstraints() >= 0) {
      throw untrusted("the signer is a CA certificate; a publisher signs with an end-entity certificate", null);
    }
    boolean[] ku = signer.getKeyUsage();
    if (ku != null && !(ku[0] || ku[1])) {
      throw untrusted("the signer's keyUsage has neither digitalSignature nor nonRepudiation", null);
    }
    var algorithm = SignatureAlgorithm.fromOid(signer.getSigAlgOID(), signer.getSigAlgParams());
    if (algorithm.isEmpty()) {
      throw untrusted("the signer certificate's signature algorithm " + signer.getSigAlgOID() + " is not supported", null);
    }
    return new TrustReport(expected, Optional.empty(), Set.of(), CertificatePurpose.SIGNING, signer, path, at, algorithm.get(),
        AlgorithmIdentifiers.describe(signer.getPublicKey()).family(), policy.name(), List.of(), false);
  }

  private static MlatCryptoException untrusted(String message, Throwable cause) {
    return new MlatCryptoException(CryptoErrorCode.TRUST_LIST_PUBLISHER_UNTRUSTED, message, cause);
  }
}
