package dev.mlat.core.model;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.validation.NonBlankText;
import dev.mlat.core.validation.OrderedOccurrence;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When and where facts of the case took place. Times are absolute instants; the place is free text
 * with an optional country.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param from start (or the moment, when {@code to} is absent) (may be absent)
 * @param to end (may be absent)
 * @param place place, for example a city or an online service (may be absent)
 * @param country the state where it happened (may be absent)
 * @param description what happened then and there (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
@OrderedOccurrence
public record Occurrence(
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<@NonBlankText String> place,
    Optional<Jurisdiction> country,
    Optional<@NonBlankText String> description) {

  public Occurrence {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(description, "description");
  }
}
