package dev.mlat.transport.ledger;

import dev.mlat.transport.AuditHead;
import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.SignatureExpectation;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * Verifies audit heads signed by {@link CmsAuditHeadSigner}: one signer, trusted for the node's
 * jurisdiction by the verifier's trust (path validation, revocation, algorithm policy).
 *
 * <p>Thread-safe.
 */
public final class CmsAuditHeadVerifier implements AuditHeadVerifier {
  private final CmsSignatureVerifier verifier;
  private final Jurisdiction jurisdiction;

  /**
   * @param verifier the CMS verifier (policy, trust, clock)
   * @param jurisdiction the jurisdiction the node that signs the heads acts for
   */
  public CmsAuditHeadVerifier(CmsSignatureVerifier verifier, Jurisdiction jurisdiction) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.jurisdiction = Objects.requireNonNull(jurisdiction, "jurisdiction");
  }

  @Override
  public void verify(AuditHead head) throws MlatTransportException {
    Objects.requireNonNull(head, "head");
    try {
      verifier.verifyDetached(new ByteArrayInputStream(head.signature()), new ByteArrayInputStream(head.signedContent()),
          SignatureExpectation.oneSigner(jurisdiction));
    } catch (MlatCryptoException e) {
      throw new MlatTransportException(TransportErrorCode.AUDIT_ANCHOR_INVALID,
          "the signature of audit head " + head.sequence() + " does not verify (" + e.errorCode().code() + "): "
              + e.getMessage(), e);
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.AUDIT_ANCHOR_INVALID,
          "the signature of audit head " + head.sequence() + " cannot be read: " + e.getMessage(), e);
    }
  }
}
