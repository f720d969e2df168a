package dev.mlat.core.model.identifier;

import dev.mlat.core.validation.IbanFormat;
import java.util.Objects;

/**
 * An International Bank Account Number (ISO 13616).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param value the IBAN without spaces, for example {@code FR7630006000011234567890189}
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Iban(
    @IbanFormat String value) implements Identifier {

  public Iban {
    Objects.requireNonNull(value, "value");
  }
}
