package dev.mlat.crypto.trust;

import dev.mlat.crypto.internal.Providers;
import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Parsing and subject-attribute helpers (BouncyCastle's certificate factory, so post-quantum keys resolve). */
final class Certificates {
  private Certificates() {}

  static X509Certificate parseCertificate(byte[] der) throws CertificateException {
    var factory = CertificateFactory.getInstance("X.509", Providers.bouncyCastle());
    var in = new ByteArrayInputStream(der);
    var cert = (X509Certificate) factory.generateCertificate(in);
    if (cert == null || in.available() > 0) {
      throw new CertificateException("trailing bytes after the certificate, or no certificate");
    }
    return cert;
  }

  static X509CRL parseCrl(byte[] der) throws CRLException, CertificateException {
    var factory = CertificateFactory.getInstance("X.509", Providers.bouncyCastle());
    var in = new ByteArrayInputStream(der);
    var crl = (X509CRL) factory.generateCRL(in);
    if (crl == null || in.available() > 0) {
      throw new CRLException("trailing bytes after the CRL, or no CRL");
    }
    return crl;
  }

  /** Re-parses any provider's certificate with BouncyCastle's factory, so keys of every algorithm resolve. */
  static X509Certificate normalize(X509Certificate cert) throws CertificateException {
    if (cert.getClass().getName().startsWith("org.bouncycastle.")) {
      return cert;
    }
    return parseCertificate(cert.getEncoded());
  }

  /**
   * Whether two distinguished names are the same name: equal encodings are (the common case, a
   * CRL or certificate issued under the issuer's own encoded subject), and otherwise
   * {@link X500Principal#equals}'s comparison of canonical forms decides. The shortcut spares
   * computing two RFC 2253 canonical strings, which a principal freshly taken from a certificate
   * or CRL does at every comparison.
   */
  static boolean sameName(X500Principal a, X500Principal b) {
    return Arrays.equals(a.getEncoded(), b.getEncoded()) || a.equals(b);
  }

  /** The organizationIdentifier values of the subject. */
  static List<String> organizationIdentifiers(X509Certificate cert) {
    return values(cert, BCStyle.ORGANIZATION_IDENTIFIER);
  }

  /** The countryName values of the subject. */
  static List<String> countries(X509Certificate cert) {
    return values(cert, BCStyle.C);
  }

  private static List<String> values(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
    var out = new ArrayList<String>();
    var name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    for (var rdn : name.getRDNs()) {
      for (var atv : rdn.getTypesAndValues()) {
        if (atv.getType().equals(type)) {
          out.add(IETFUtils.valueToString(atv.getValue()).replace("\\", ""));
        }
      }
    }
    return out;
  }

  static String subject(X509Certificate cert) {
    return cert.getSubjectX500Principal().getName();
  }

  static Optional<String> single(List<String> values) {
    return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
  }
}
