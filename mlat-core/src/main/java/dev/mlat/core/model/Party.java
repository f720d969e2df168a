package dev.mlat.core.model;

import dev.mlat.core.PartyId;
import dev.mlat.core.validation.EmailAddressFormat;
import dev.mlat.core.validation.NonBlankText;
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
 * @param authorityKind whether it is a court, a prosecutor or another authority; needed where the
 *     instrument restricts who may issue or validate (EU Directive 2014/41 Art. 2(c), Regulation
 *     2023/1543 Art. 4) (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Party(
    PartyId id,
    @NonBlankText String name,
    Optional<@NonBlankText String> postalAddress,
    Optional<@EmailAddressFormat String> email,
    Optional<@NonBlankText String> telephone,
    Optional<AuthorityKind> authorityKind) {

  public Party {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(postalAddress, "postalAddress");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(telephone, "telephone");
    Objects.requireNonNull(authorityKind, "authorityKind");
  }

  /** A party whose {@link #authorityKind()} is not stated. */
  public Party(PartyId id, String name, Optional<String> postalAddress, Optional<String> email,
      Optional<String> telephone) {
    this(id, name, postalAddress, email, telephone, Optional.empty());
  }
}
