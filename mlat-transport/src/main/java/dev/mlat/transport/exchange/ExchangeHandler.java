package dev.mlat.transport.exchange;

import java.sql.Connection;

/**
 * The application's side of the exchange service: receives each incoming message exactly once.
 *
 * <p>{@link #handle} runs inside the ledger transaction that marks the message delivered. Writes
 * the application makes through {@code transaction} commit with that mark or not at all, so a
 * crash can never hand the same message over twice nor lose it. An application whose effects live
 * elsewhere gets the message again after a crash during {@code handle} (same message id): it must
 * make that effect idempotent by message id. Throwing rolls back; the message is offered again on
 * the next round.
 *
 * <p>Do not call the {@link dev.mlat.transport.ledger.Ledger} (nor the exchange service, which
 * uses it) from {@code handle}: write through {@code transaction}. A call back into the ledger from
 * inside its transaction throws {@link IllegalStateException} (with SQLite's single connection it
 * would otherwise wait for itself).
 */
@FunctionalInterface
public interface ExchangeHandler {
  /** Handles one message. Never commit, roll back or close {@code transaction}. */
  void handle(Delivery delivery, Connection transaction) throws Exception;
}
