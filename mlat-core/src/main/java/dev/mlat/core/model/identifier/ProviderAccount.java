package dev.mlat.core.model.identifier;

import dev.mlat.core.validation.NonBlankText;
import java.util.Objects;

/**
 * An account at a named service provider (user name, account number, user id).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param provider the provider, for example {@code Example Mail SAS}
 * @param value the account name or number at that provider
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record ProviderAccount(
    @NonBlankText String provider,
    @NonBlankText String value) implements Identifier {

  public ProviderAccount {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(value, "value");
  }
}
