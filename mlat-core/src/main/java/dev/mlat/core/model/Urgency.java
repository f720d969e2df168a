package dev.mlat.core.model;

import dev.mlat.core.validation.NonBlankText;
import java.util.Objects;
import java.util.Optional;

/**
 * The urgency of a request and why.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param level the level
 * @param justification why it is urgent (required for {@code URGENT} and {@code EMERGENCY} by validation) (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Urgency(
    UrgencyLevel level,
    Optional<@NonBlankText String> justification) {

  public Urgency {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(justification, "justification");
  }

  /** Normal urgency, without justification. */
  public static Urgency normal() {
    return new Urgency(UrgencyLevel.NORMAL, Optional.empty());
  }
}
