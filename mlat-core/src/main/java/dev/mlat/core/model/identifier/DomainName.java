package dev.mlat.core.model.identifier;

import dev.mlat.core.validation.DomainNameFormat;
import java.util.Objects;

/**
 * A DNS domain name.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param value the name, for example {@code example.fr}
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record DomainName(
    @DomainNameFormat String value) implements Identifier {

  public DomainName {
    Objects.requireNonNull(value, "value");
  }
}
