package dev.mlat.core.model;

import dev.mlat.core.PartyId;
import dev.mlat.core.validation.EmailAddressFormat;
import dev.mlat.core.validation.NonBlankText;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider of electronic communication, hosting or other online services, addressed directly by
 * an order under the Budapest Convention's Second Additional Protocol (Arts. 6 and 7) or EU
 * Regulation 2023/1543 (European Production and Preservation Orders).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param id its jurisdiction (where it is established or represented) and identifier
 * @param name its name as registered
 * @param designatedEstablishment the designated establishment (Regulation 2023/1543, Directive 2023/1544) that receives orders (may be absent)
 * @param legalRepresentative the legal representative that receives orders (may be absent)
 * @param postalAddress postal address for service (may be absent)
 * @param email address at which it receives orders (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record ServiceProvider(
    PartyId id,
    @NonBlankText String name,
    Optional<@NonBlankText String> designatedEstablishment,
    Optional<@NonBlankText String> legalRepresentative,
    Optional<@NonBlankText String> postalAddress,
    Optional<@EmailAddressFormat String> email) {

  public ServiceProvider {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(designatedEstablishment, "designatedEstablishment");
    Objects.requireNonNull(legalRepresentative, "legalRepresentative");
    Objects.requireNonNull(postalAddress, "postalAddress");
    Objects.requireNonNull(email, "email");
  }
}
