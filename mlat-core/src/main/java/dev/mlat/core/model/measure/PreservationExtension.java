package dev.mlat.core.model.measure;

import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.constraints.Positive;
import java.util.Objects;
import java.util.Optional;

/**
 * Extension of a preservation already in place.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param preservationReference the requested side's reference of the preservation (may be absent)
 * @param extensionDays the additional period, in days (may be absent)
 * @param reason why the extension is needed (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record PreservationExtension(
    Optional<@NonBlankText String> preservationReference,
    Optional<@Positive Integer> extensionDays,
    Optional<@NonBlankText String> reason) implements Measure {

  public PreservationExtension {
    Objects.requireNonNull(preservationReference, "preservationReference");
    Objects.requireNonNull(extensionDays, "extensionDays");
    Objects.requireNonNull(reason, "reason");
  }
}
