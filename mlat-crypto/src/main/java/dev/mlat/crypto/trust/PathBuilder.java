package dev.mlat.crypto.trust;

import dev.mlat.crypto.internal.Providers;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * Finds a chain from a certificate to one of a set of anchors among candidate CA certificates:
 * issuer name equals subject name, key identifiers agree when both are present, and the issuer's
 * key verifies the signature. Depth-first, bounded by the path length; the chain is then validated
 * in full by the PKIX validator.
 */
final class PathBuilder {
  private PathBuilder() {}

  /** The path, end entity first and anchor last, or null. */
  static List<X509Certificate> build(
      X509Certificate start, Collection<X509Certificate> candidates, Set<X509Certificate> anchors, int maxLength) {
    var path = new ArrayList<X509Certificate>();
    path.add(start);
    return extend(path, candidates, anchors, maxLength) ? path : null;
  }

  private static boolean extend(List<X509Certificate> path, Collection<X509Certificate> candidates, Set<X509Certificate> anchors, int max) {
    X509Certificate current = path.get(path.size() - 1);
    if (anchors.contains(current)) {
      return true;
    }
    if (path.size() >= max) {
      return false;
    }
    for (X509Certificate issuer : candidates) {
      if (path.contains(issuer) || !issues(issuer, current)) {
        continue;
      }
      path.add(issuer);
      if (extend(path, candidates, anchors, max)) {
        return true;
      }
      path.remove(path.size() - 1);
    }
    return false;
  }

  static boolean issues(X509Certificate issuer, X509Certificate subject) {
    if (!Certificates.sameName(issuer.getSubjectX500Principal(), subject.getIssuerX500Principal())) {
      return false;
    }
    byte[] aki = keyIdentifier(subject.getExtensionValue("2.5.29.35"), true);
    byte[] ski = keyIdentifier(issuer.getExtensionValue("2.5.29.14"), false);
    if (aki != null && ski != null && !Arrays.equals(aki, ski)) {
      return false;
    }
    try {
      subject.verify(issuer.getPublicKey(), Providers.bouncyCastle());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static byte[] keyIdentifier(byte[] extension, boolean authority) {
    if (extension == null) {
      return null;
    }
    try {
      var inner = ASN1OctetString.getInstance(extension).getOctets();
      return authority
          ? AuthorityKeyIdentifier.getInstance(inner).getKeyIdentifier()
          : SubjectKeyIdentifier.getInstance(inner).getKeyIdentifier();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
