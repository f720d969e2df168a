package dev.mlat.transport.ledger;

/** Where an outgoing message stands. */
public enum OutboxState {
  /** Recorded; the sender loop delivers it until a receipt arrives or it expires. */
  PENDING,
  /** A positive receipt for it is recorded: delivered, with proof. */
  DELIVERED,
  /** The partner answered with a negative receipt; it is not sent again. */
  REFUSED,
  /** It expired before a receipt arrived; the sender stopped. */
  EXPIRED
}
