package dev.mlat.core.model.measure;

import dev.mlat.core.model.MonetaryAmount;
import dev.mlat.core.model.identifier.Identifier;
import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.Optional;

/**
 * An asset to freeze or confiscate.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param description what the asset is
 * @param identifier how it is identified (an IBAN, a crypto-asset address...) (may be absent)
 * @param location where it is (may be absent)
 * @param estimatedValue its estimated value (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Asset(
    @NonBlankText String description,
    Optional<@Valid Identifier> identifier,
    Optional<@NonBlankText String> location,
    Optional<@Valid MonetaryAmount> estimatedValue) {

  public Asset {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(estimatedValue, "estimatedValue");
  }
}
