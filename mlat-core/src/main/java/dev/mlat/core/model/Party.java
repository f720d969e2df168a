package dev.mlat.core.model;

import dev.mlat.core.PartyId;
import java.util.Objects;
import java.util.Optional;

/**
 * An authority taking part in a request: issuing, validating, transmitting or receiving central
 * authority, or executing authority. Which of these it is follows from where it appears in {@link
 * Parties}.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param id its jurisdiction and identifier, for example {@code FR:FR-MOJ}
 * @param name its official name, in the language of the request
 * @param postalAddress postal address (may be absent)
 * @param email functional e-mail address (may be absent)
 * @param telephone telephone number, preferably in E.164 form (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Party(
    PartyId id,
    String name,
    Optional<String> postalAddress,
    Optional<String> email,
    Optional<String> telephone) {

  public Party {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(postalAddress, "postalAddress");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(telephone, "telephone");
  }
}
