package dev.mlat.transport.ledger;

import dev.mlat.transport.AuditHead;
import dev.mlat.transport.MlatTransportException;

/**
 * Checks the signature of an audit head. {@link CmsAuditHeadVerifier} verifies the detached CMS
 * signature against the trust directory.
 *
 * <p>Implementations are thread-safe.
 */
public interface AuditHeadVerifier {

  /**
   * Returns normally when {@code head}'s signature verifies over {@link AuditHead#signedContent()}.
   *
   * @throws MlatTransportException {@code AUDIT_ANCHOR_INVALID} when it does not
   */
  void verify(AuditHead head) throws MlatTransportException;
}
