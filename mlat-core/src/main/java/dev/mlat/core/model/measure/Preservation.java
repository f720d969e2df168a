package dev.mlat.core.model.measure;

import dev.mlat.core.model.TimeRange;
import dev.mlat.core.model.identifier.Identifier;
import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Expedited preservation of stored computer data (Budapest Art. 29; Regulation 2023/1543 EPOC-PR).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param dataCategories the categories of data to preserve (possibly empty, never null)
 * @param targets the identifiers whose data is to be preserved (possibly empty, never null)
 * @param timeRange the period the data covers (may be absent)
 * @param custodian who holds the data or where it is located (may be absent)
 * @param dataDescription the data and its link to the offence (may be absent)
 * @param periodDays how long the data is to be preserved, in days (Budapest Art. 29(7): at least 60) (may be absent)
 * @param productionToFollow true when a request for production will follow, as Budapest Art. 29(2)(f) requires it be stated
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Preservation(
    List<DataCategory> dataCategories,
    List<@Valid Identifier> targets,
    Optional<@Valid TimeRange> timeRange,
    Optional<@NonBlankText String> custodian,
    Optional<@NonBlankText String> dataDescription,
    Optional<@Positive Integer> periodDays,
    boolean productionToFollow) implements Measure {

  public Preservation {
    dataCategories = List.copyOf(dataCategories);
    targets = List.copyOf(targets);
    Objects.requireNonNull(timeRange, "timeRange");
    Objects.requireNonNull(custodian, "custodian");
    Objects.requireNonNull(dataDescription, "dataDescription");
    Objects.requireNonNull(periodDays, "periodDays");
  }
}
