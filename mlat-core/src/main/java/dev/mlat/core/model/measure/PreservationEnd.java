package dev.mlat.core.model.measure;

import dev.mlat.core.validation.NonBlankText;
import java.util.Objects;
import java.util.Optional;

/**
 * Request to end a preservation that is no longer needed.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param preservationReference the requested side's reference of the preservation (may be absent)
 * @param reason why it may end (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record PreservationEnd(
    Optional<@NonBlankText String> preservationReference,
    Optional<@NonBlankText String> reason) implements Measure {

  public PreservationEnd {
    Objects.requireNonNull(preservationReference, "preservationReference");
    Objects.requireNonNull(reason, "reason");
  }
}
