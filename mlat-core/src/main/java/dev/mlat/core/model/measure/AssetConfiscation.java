package dev.mlat.core.model.measure;

import dev.mlat.core.model.MonetaryAmount;
import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Execution of a confiscation order.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param assets the assets (possibly empty, never null)
 * @param subjectReferences references of the persons concerned (possibly empty, never null)
 * @param totalAmount the amount to confiscate (may be absent)
 * @param confiscationOrderReference the reference of the final confiscation order (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record AssetConfiscation(
    List<@Valid Asset> assets,
    List<@NonBlankText String> subjectReferences,
    Optional<@Valid MonetaryAmount> totalAmount,
    Optional<@NonBlankText String> confiscationOrderReference) implements Measure {

  public AssetConfiscation {
    assets = List.copyOf(assets);
    subjectReferences = List.copyOf(subjectReferences);
    Objects.requireNonNull(totalAmount, "totalAmount");
    Objects.requireNonNull(confiscationOrderReference, "confiscationOrderReference");
  }
}
