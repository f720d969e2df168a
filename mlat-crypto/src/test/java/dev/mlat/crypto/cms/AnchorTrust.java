package dev.mlat.crypto.cms;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.internal.Providers;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** The tests' SignerTrust: PKIX to one anchor registered for one jurisdiction, no revocation. */
final class AnchorTrust implements SignerTrust {
  private final X509Certificate anchor;
  private final Jurisdiction jurisdiction;

  AnchorTrust(X509Certificate anchor, Jurisdiction jurisdiction) {
    this.anchor = anchor;
    this.jurisdiction = jurisdiction;
  }

  @Override
  public void verify(X509Certificate signer, List<X509Certificate> intermediates, Jurisdiction expected, Instant at)
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
    } catch (java.security.GeneralSecurityException e) {
      throw new MlatCryptoException(CryptoErrorCode.CERTIFICATE_UNTRUSTED, "path validation failed: " + e.getMessage(), e);
    }
  }
}
