package dev.mlat.core.model;

import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The criminal case a request belongs to: the facts, the offences, when and where, and why the
 * measures are necessary and proportionate. Every part may be absent in a draft.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param summaryOfFacts summary of the facts (may be absent)
 * @param offences the offences (possibly empty, never null)
 * @param occurrences dates and places of the facts (possibly empty, never null)
 * @param necessityAndProportionality why the measures are necessary and proportionate (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record CaseDescription(
    Optional<@NonBlankText String> summaryOfFacts,
    List<@Valid Offence> offences,
    List<@Valid Occurrence> occurrences,
    Optional<@NonBlankText String> necessityAndProportionality) {

  public CaseDescription {
    Objects.requireNonNull(summaryOfFacts, "summaryOfFacts");
    offences = List.copyOf(offences);
    occurrences = List.copyOf(occurrences);
    Objects.requireNonNull(necessityAndProportionality, "necessityAndProportionality");
  }
}
