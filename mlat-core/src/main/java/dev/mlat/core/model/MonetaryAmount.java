package dev.mlat.core.model;

import dev.mlat.core.validation.CurrencyCode;
import dev.mlat.core.validation.DecimalAmount;
import java.util.Objects;

/**
 * An amount of money: an ISO 4217 currency and a decimal amount kept as text so that no precision
 * is lost.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param currency ISO 4217 currency code, for example {@code EUR}
 * @param amount decimal amount, for example {@code 125000.00}
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record MonetaryAmount(
    @CurrencyCode String currency,
    @DecimalAmount String amount) {

  public MonetaryAmount {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(amount, "amount");
  }
}
