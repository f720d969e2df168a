package dev.mlat.core.model.measure;

import dev.mlat.core.validation.NonBlankText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Search of premises, persons or systems and seizure of objects or data.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param location the premises, person or system to search (may be absent)
 * @param objectsSought what is sought, one item per entry (possibly empty, never null)
 * @param subjectReferences references of the subjects concerned (possibly empty, never null)
 * @param description how the search should be carried out, who may attend (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record SearchAndSeizure(
    Optional<@NonBlankText String> location,
    List<@NonBlankText String> objectsSought,
    List<@NonBlankText String> subjectReferences,
    Optional<@NonBlankText String> description) implements Measure {

  public SearchAndSeizure {
    Objects.requireNonNull(location, "location");
    objectsSought = List.copyOf(objectsSought);
    subjectReferences = List.copyOf(subjectReferences);
    Objects.requireNonNull(description, "description");
  }
}
