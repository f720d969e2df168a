package dev.mlat.core.lifecycle;

/** Whether a {@code Response} message is the last one of the request. Immutable and thread-safe. */
public enum ResponseKind {
  /** Part of the result; more responses follow. */
  PARTIAL,
  /** The last response: the request is executed. */
  FINAL
}
