package dev.mlat.core.model.measure;

import dev.mlat.core.model.TimeRange;
import dev.mlat.core.model.identifier.Identifier;
import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Real-time collection of traffic data (Budapest Art. 33).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param targets the identifiers concerned (possibly empty, never null)
 * @param period the period of collection (may be absent)
 * @param description the data to collect and the reasons (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record RealTimeTrafficCollection(
    List<@Valid Identifier> targets,
    Optional<@Valid TimeRange> period,
    Optional<@NonBlankText String> description) implements Measure {

  public RealTimeTrafficCollection {
    targets = List.copyOf(targets);
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(description, "description");
  }
}
