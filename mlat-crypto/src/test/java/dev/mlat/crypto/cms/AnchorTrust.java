package dev.mlat.crypto.cms;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.internal.AlgorithmIdentifiers;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.trust.CertificatePurpose;
import dev.mlat.crypto.trust.TrustReport;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CMS tests' SignerTrust: PKIX to one anchor registered for one jurisdiction, no revocation, no
 * authority registry (the real one, {@code TrustVerifier.asSignerTrust()}, is tested with the trust
 * directory). Its reports say so: no authority, no revocation data, soft-fail set.
 */
public final class AnchorTrust implements SignerTrust {
  private final X509Certificate anchor;
  private final Jurisdiction jurisdiction;

  public AnchorTrust(X509Certificate anchor, Jurisdiction jurisdiction) {
    this.anchor = anchor;
    this.jurisdiction = jurisdiction;
  }

  @Override
  public TrustReport verify(X509Certificate signer, List<X509Certificate> intermediates, Jurisdiction expected, Instant at)
      throws MlatCryptoException {
    if (!expected.equals(jurisdiction)) {
      throw new MlatCryptoException(CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION,
          "anchor is registered for " + jurisdiction + ", not " + expected);
    }
    try {
      var path = new ArrayList<X509Certificate>();
      path.add(signer);
      X509Certificate current = signer;
      while (!current.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())) {
        X509Certificate next = null;
        for (var c : intermediates) {
          if (c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
            next = c;
          }
        }
        if (next == null || path.size() > 5) {
          throw new MlatCryptoException(CryptoErrorCode.CERTIFICATE_UNTRUSTED, "no path to the anchor");
        }
        path.add(next);
        current = next;
      }
      var params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
      params.setRevocationEnabled(false);
      params.setDate(Date.from(at));
      params.setSigProvider(Providers.bouncyCastle().getName());
      var factory = CertificateFactory.getInstance("X.509", Providers.bouncyCastle());
      CertPathValidator.getInstance("PKIX", Providers.bouncyCastle()).validate(factory.generateCertPath(path), params);
      var chain = new ArrayList<>(path);
      chain.add(anchor);
      return report(signer, chain, expected, at);
    } catch (java.security.GeneralSecurityException e) {
      throw new MlatCryptoException(CryptoErrorCode.CERTIFICATE_UNTRUSTED, "path validation failed: " + e.getMessage(), e);
    }
  }

  /** A report for a signer that a test accepted by its own means, without revocation data or authority registry. */
  public static TrustReport report(X509Certificate signer, List<X509Certificate> chain, Jurisdiction jurisdiction, Instant at) {
    return new TrustReport(jurisdiction, Optional.empty(), Set.of(), CertificatePurpose.SIGNING, signer, chain, at,
        SignatureAlgorithm.fromOid(signer.getSigAlgOID(), signer.getSigAlgParams()).orElseThrow(),
        AlgorithmIdentifiers.describe(signer.getPublicKey()).family(), "test-anchor", List.of(), true);
  }
}
