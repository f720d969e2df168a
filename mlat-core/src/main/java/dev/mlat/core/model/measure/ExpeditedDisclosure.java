package dev.mlat.core.model.measure;

import dev.mlat.core.model.TimeRange;
import dev.mlat.core.model.identifier.Identifier;
import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Expedited disclosure of preserved traffic data, enough to identify the service providers
 * involved in a communication (Budapest Art. 30), or emergency disclosure (Second Protocol Art.
 * 9).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param targets the identifiers concerned (possibly empty, never null)
 * @param timeRange the period concerned (may be absent)
 * @param preservationReference the reference of the preservation whose data is to be disclosed (may be absent)
 * @param dataDescription the data sought (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record ExpeditedDisclosure(
    List<@Valid Identifier> targets,
    Optional<@Valid TimeRange> timeRange,
    Optional<@NonBlankText String> preservationReference,
    Optional<@NonBlankText String> dataDescription) implements Measure {

  public ExpeditedDisclosure {
    targets = List.copyOf(targets);
    Objects.requireNonNull(timeRange, "timeRange");
    Objects.requireNonNull(preservationReference, "preservationReference");
    Objects.requireNonNull(dataDescription, "dataDescription");
  }
}
