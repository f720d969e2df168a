package dev.mlat.core.model.measure;

import dev.mlat.core.model.MonetaryAmount;
import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Freezing (provisional seizure) of assets with a view to later confiscation or to preserve
 * evidence.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param assets the assets (possibly empty, never null)
 * @param subjectReferences references of the owners or holders (possibly empty, never null)
 * @param totalAmount the total amount to secure (may be absent)
 * @param freezingOrderReference the reference of the domestic freezing order (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record AssetFreezing(
    List<@Valid Asset> assets,
    List<@NonBlankText String> subjectReferences,
    Optional<@Valid MonetaryAmount> totalAmount,
    Optional<@NonBlankText String> freezingOrderReference) implements Measure {

  public AssetFreezing {
    assets = List.copyOf(assets);
    subjectReferences = List.copyOf(subjectReferences);
    Objects.requireNonNull(totalAmount, "totalAmount");
    Objects.requireNonNull(freezingOrderReference, "freezingOrderReference");
  }
}
