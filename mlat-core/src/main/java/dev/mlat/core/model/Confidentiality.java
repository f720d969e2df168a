package dev.mlat.core.model;

import dev.mlat.core.validation.NonBlankText;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Confidentiality conditions: whether the subject of the data must not be informed, and until
 * when.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param doNotInformSubject true when the subject must not be informed of the request
 * @param until the date until which the subject must not be informed (may be absent)
 * @param grounds why confidentiality is needed (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Confidentiality(
    boolean doNotInformSubject,
    Optional<LocalDate> until,
    Optional<@NonBlankText String> grounds) {

  public Confidentiality {
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(grounds, "grounds");
  }
}
