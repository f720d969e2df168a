package dev.mlat.core.model.identifier;

import dev.mlat.core.validation.EmailAddressFormat;
import java.util.Objects;

/**
 * An e-mail address (RFC 5322 addr-spec).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param value the address, for example {@code jean.dupont@example.fr}
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record EmailAddress(
    @EmailAddressFormat String value) implements Identifier {

  public EmailAddress {
    Objects.requireNonNull(value, "value");
  }
}
