package dev.mlat.core.model;

import dev.mlat.core.validation.NonBlankText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The legal basis of a request: the instrument, the articles relied on, and free text (for a
 * bilateral treaty or {@code OTHER}, the instrument's name).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param instrument the instrument
 * @param articles article references, for example {@code Art. 29} or {@code Art. 6(1)} (possibly empty, never null)
 * @param description free text: the treaty's title, reservations, declarations (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record LegalBasis(
    Instrument instrument,
    List<@NonBlankText String> articles,
    Optional<@NonBlankText String> description) {

  public LegalBasis {
    Objects.requireNonNull(instrument, "instrument");
    articles = List.copyOf(articles);
    Objects.requireNonNull(description, "description");
  }
}
