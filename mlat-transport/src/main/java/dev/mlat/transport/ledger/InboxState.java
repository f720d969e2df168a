package dev.mlat.transport.ledger;

/** Where an incoming message stands. */
public enum InboxState {
  /** Recorded and acknowledged; not yet handed to the application. */
  RECORDED,
  /** Handed to the application (the handler's transaction committed). */
  DELIVERED
}
