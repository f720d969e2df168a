package dev.mlat.core.model.message;

/**
 * Whether a response is the last one.
 *
 * <p>The JSON form is the constant's name, for example {@code PARTIAL}.
 */
public enum ResponseKind {
  /** More responses follow. */
  PARTIAL,
  /** The last response. */
  FINAL;
}
