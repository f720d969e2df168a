package dev.mlat.core.model.identifier;

import dev.mlat.core.validation.NonBlankText;
import java.util.Objects;

/**
 * An address on a crypto-asset network.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param network the network or asset, for example {@code BTC} or {@code ETH}
 * @param value the address
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record CryptoAssetAddress(
    @NonBlankText String network,
    @NonBlankText String value) implements Identifier {

  public CryptoAssetAddress {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(value, "value");
  }
}
