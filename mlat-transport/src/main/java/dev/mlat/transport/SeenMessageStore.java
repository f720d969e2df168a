package dev.mlat.transport;

import java.util.Optional;

/**
 * The store of message ids a receiver has accepted, behind the package pipeline's resend rule
 * (docs/FORMAT.md, "Reader's rules"): the opening pipeline looks an id up before it decrypts
 * anything; whoever issues the receipt records the id once the package is safely stored.
 *
 * <p>Implementations: an in-memory one for tests and single-shot tools, and the exchange ledger's
 * persistent one (JDBC). Implementations are thread-safe. A failure to reach the store is an
 * {@link MlatTransportException} with a transient code: it never consumes the message id.
 */
public interface SeenMessageStore {

  /**
   * The record of {@code messageId}, or empty when it was never accepted.
   *
   * @throws MlatTransportException when the store cannot be read
   */
  Optional<SeenMessage> find(String messageId) throws MlatTransportException;

  /**
   * Records {@code seen} unless its message id is already recorded, atomically. Returns the record
   * that is in the store afterwards: {@code seen} itself, or the earlier one (the caller compares
   * digests: a concurrent delivery of the same bytes is a resend, of other bytes a conflict).
   *
   * @throws MlatTransportException when the store cannot be written
   */
  SeenMessage recordIfAbsent(SeenMessage seen) throws MlatTransportException;
}
