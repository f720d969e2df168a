package dev.mlat.core.model;

import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.constraints.Positive;
import java.util.Objects;
import java.util.Optional;

/**
 * The maximum penalty the law provides for an offence.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param imprisonmentMonths maximum term of imprisonment in months (may be absent)
 * @param lifeImprisonment true when the maximum is life imprisonment
 * @param description other penalties (fines, for example) in free text (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record MaximumPenalty(
    Optional<@Positive Integer> imprisonmentMonths,
    boolean lifeImprisonment,
    Optional<@NonBlankText String> description) {

  public MaximumPenalty {
    Objects.requireNonNull(imprisonmentMonths, "imprisonmentMonths");
    Objects.requireNonNull(description, "description");
  }
}
