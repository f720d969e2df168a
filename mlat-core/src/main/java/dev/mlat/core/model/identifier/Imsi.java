package dev.mlat.core.model.identifier;

import dev.mlat.core.validation.ImsiFormat;
import java.util.Objects;

/**
 * An International Mobile Subscriber Identity (ITU-T E.212).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param value 15 digits
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Imsi(
    @ImsiFormat String value) implements Identifier {

  public Imsi {
    Objects.requireNonNull(value, "value");
  }
}
