package dev.mlat.core.model;

import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.Optional;

/**
 * An offence under investigation, with its legal classification in the requesting state's law.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param legalClassification the legal classification, for example {@code escroquerie en bande organisée}
 * @param statutoryProvision the statutory provision, for example {@code Code pénal, art. 313-1} (may be absent)
 * @param maximumPenalty the maximum penalty (may be absent)
 * @param description how the facts meet the offence (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Offence(
    @NonBlankText String legalClassification,
    Optional<@NonBlankText String> statutoryProvision,
    Optional<@Valid MaximumPenalty> maximumPenalty,
    Optional<@NonBlankText String> description) {

  public Offence {
    Objects.requireNonNull(legalClassification, "legalClassification");
    Objects.requireNonNull(statutoryProvision, "statutoryProvision");
    Objects.requireNonNull(maximumPenalty, "maximumPenalty");
    Objects.requireNonNull(description, "description");
  }
}
