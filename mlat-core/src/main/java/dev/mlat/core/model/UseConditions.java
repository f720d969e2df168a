package dev.mlat.core.model;

import dev.mlat.core.validation.NonBlankText;
import java.util.List;

/**
 * Conditions on the use of what the request obtains: the speciality rule, further use limitations
 * and data-protection conditions.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param speciality true when the results may be used only for the proceedings named in the request
 * @param useLimitations further limitations on use, one per entry (possibly empty, never null)
 * @param dataProtectionConditions data-protection conditions (retention, onward transfer, erasure), one per entry (possibly empty, never null)
 */
public record UseConditions(
    boolean speciality,
    List<@NonBlankText String> useLimitations,
    List<@NonBlankText String> dataProtectionConditions) {

  public UseConditions {
    useLimitations = List.copyOf(useLimitations);
    dataProtectionConditions = List.copyOf(dataProtectionConditions);
  }
}
