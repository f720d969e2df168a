package dev.mlat.transport.ledger;

import dev.mlat.transport.AuditHead;
import dev.mlat.transport.MlatTransportException;

/**
 * Signs audit-chain heads ({@link AuditHead#signedContent()}). {@link CmsAuditHeadSigner} signs
 * with the node's key (a PKCS#12 file or an HSM) as a detached CMS signature; a host may plug in
 * another signer. A signing failure (HSM unreachable) is an {@link MlatTransportException} with a
 * transient code: the ledger rolls back and nothing is consumed.
 *
 * <p>Implementations are thread-safe.
 */
public interface AuditHeadSigner {

  /** The detached signature of {@code content}. */
  byte[] sign(byte[] content) throws MlatTransportException;

  /** Who signs (a certificate subject), recorded beside each head. */
  String signer();
}
