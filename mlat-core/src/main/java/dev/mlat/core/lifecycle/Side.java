package dev.mlat.core.lifecycle;

/**
 * The two sides of a bilateral request: the state (or authority) that asks for assistance and the
 * state (authority or service provider) that is asked. Every lifecycle message is sent by exactly
 * one side; the lifecycle tables say which side may send what. Immutable and thread-safe.
 */
public enum Side {
  /** The side that issues the request (the issuing authority and its central authority). */
  REQUESTING,
  /** The side that receives and executes the request (or a service provider addressed directly). */
  REQUESTED;

  /** The other side. */
  public Side peer() {
    return this == REQUESTING ? REQUESTED : REQUESTING;
  }
}
