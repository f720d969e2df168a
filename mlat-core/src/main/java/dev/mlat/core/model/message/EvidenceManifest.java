package dev.mlat.core.model.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The list of evidence items delivered with a response.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param items the items (possibly empty, never null)
 * @param note free text about the evidence as a whole (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record EvidenceManifest(
    List<EvidenceItem> items,
    Optional<String> note) {

  public EvidenceManifest {
    items = List.copyOf(items);
    Objects.requireNonNull(note, "note");
  }
}
