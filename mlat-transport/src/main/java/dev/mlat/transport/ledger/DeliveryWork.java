package dev.mlat.transport.ledger;

import java.sql.Connection;

/**
 * The application's handling of one incoming message, run in the ledger transaction that marks it
 * delivered: the application's own writes through {@code transaction} commit together with the
 * mark, or neither does. That is what makes the hand-over exactly once across crashes.
 */
@FunctionalInterface
public interface DeliveryWork {
  /**
   * Handles {@code entry}. Throwing rolls back; the message stays {@link InboxState#RECORDED} and is
   * offered again. Do not commit or close {@code transaction}.
   */
  void handle(InboxEntry entry, Connection transaction) throws Exception;
}
