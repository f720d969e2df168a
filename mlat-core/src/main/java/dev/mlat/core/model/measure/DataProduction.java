package dev.mlat.core.model.measure;

import dev.mlat.core.model.TimeRange;
import dev.mlat.core.model.identifier.Identifier;
import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Production of stored data: subscriber, user-identifying, traffic or content data (Budapest Art.
 * 31, Second Protocol Arts. 6-7, Regulation 2023/1543 EPOC).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param dataCategories the categories of data to produce (possibly empty, never null)
 * @param targets the identifiers whose data is sought (an IP address with its observed time, an account...) (possibly empty, never null)
 * @param timeRange the period the data covers (may be absent)
 * @param custodian who holds the data or where it is located (may be absent)
 * @param dataDescription the data sought and its link to the offence (may be absent)
 * @param preservationReference the reference of an earlier preservation of the same data (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record DataProduction(
    List<DataCategory> dataCategories,
    List<@Valid Identifier> targets,
    Optional<@Valid TimeRange> timeRange,
    Optional<@NonBlankText String> custodian,
    Optional<@NonBlankText String> dataDescription,
    Optional<@NonBlankText String> preservationReference) implements Measure {

  public DataProduction {
    dataCategories = List.copyOf(dataCategories);
    targets = List.copyOf(targets);
    Objects.requireNonNull(timeRange, "timeRange");
    Objects.requireNonNull(custodian, "custodian");
    Objects.requireNonNull(dataDescription, "dataDescription");
    Objects.requireNonNull(preservationReference, "preservationReference");
  }
}
