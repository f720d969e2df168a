package dev.mlat.core.model.message;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in the chain of custody of an evidence item.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param at when it happened
 * @param actor who acted (a person or authority)
 * @param note what was done: seized, imaged, hashed, transferred...
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record CustodyEntry(
    Instant at,
    String actor,
    String note) {

  public CustodyEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(note, "note");
  }
}
