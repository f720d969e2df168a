package dev.mlat.core.model.identifier;

import dev.mlat.core.validation.ImeiFormat;
import java.util.Objects;

/**
 * An International Mobile Equipment Identity (3GPP TS 23.003).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param value 15 digits (or 16 for an IMEISV)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Imei(
    @ImeiFormat String value) implements Identifier {

  public Imei {
    Objects.requireNonNull(value, "value");
  }
}
