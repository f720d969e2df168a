package dev.mlat.core.model.identifier;

import dev.mlat.core.validation.E164;
import java.util.Objects;

/**
 * A telephone number in E.164 international form.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param value the number with a leading {@code +}, for example {@code +33612345678}
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record PhoneNumber(
    @E164 String value) implements Identifier {

  public PhoneNumber {
    Objects.requireNonNull(value, "value");
  }
}
