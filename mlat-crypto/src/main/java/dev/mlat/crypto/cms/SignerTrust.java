package dev.mlat.crypto.cms;

import dev.mlat.crypto.trust.TrustReport;
import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.MlatCryptoException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Decides whether a signer certificate acts for a jurisdiction: RFC 5280 path validation to an
 * anchor registered for it, revocation, key usage. The CMS verifier checks the cryptography and
 * hands each signer's certificate and the SignedData's other certificates to this interface; the
 * trust directory implements it.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SignerTrust {
  /**
   * Returns the trust report when {@code signer} is trusted for {@code expected} at {@code at}.
   *
   * @param signer the certificate whose key verified the signature
   * @param intermediates the other certificates the SignedData carried (candidates for the path, untrusted)
   * @param expected the jurisdiction the signature must count for
   * @param at the validation time
   * @throws MlatCryptoException with the trust error code (CERTIFICATE_UNTRUSTED, CERTIFICATE_WRONG_JURISDICTION, ...)
   */
  TrustReport verify(X509Certificate signer, List<X509Certificate> intermediates, Jurisdiction expected, Instant at)
      throws MlatCryptoException;
}
