package dev.mlat.transport.ledger;

import dev.mlat.transport.AuditHead;
import dev.mlat.transport.MlatTransportException;

/**
 * Issues the receipt for a package inside the ledger transaction that records it, carrying the
 * signed audit head that includes the package's own entry.
 */
@FunctionalInterface
public interface ReceiptIssuance {
  /** The encoded receipt. A failure rolls the recording back: nothing is consumed. */
  byte[] issue(AuditHead head) throws MlatTransportException;
}
