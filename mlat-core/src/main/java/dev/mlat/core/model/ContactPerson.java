package dev.mlat.core.model;

import dev.mlat.core.PartyId;
import dev.mlat.core.validation.EmailAddressFormat;
import dev.mlat.core.validation.LanguageCode;
import dev.mlat.core.validation.NonBlankText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person the other side may contact about the request, with the languages they speak.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param name full name
 * @param function function or title, for example {@code juge d'instruction} (may be absent)
 * @param actsFor the party this person works for (may be absent)
 * @param email e-mail address (may be absent)
 * @param telephone telephone number, preferably in E.164 form (may be absent)
 * @param languages languages spoken, as ISO 639 codes (for example {@code fr}, {@code en}) (possibly empty, never null)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record ContactPerson(
    @NonBlankText String name,
    Optional<@NonBlankText String> function,
    Optional<PartyId> actsFor,
    Optional<@EmailAddressFormat String> email,
    Optional<@NonBlankText String> telephone,
    List<@LanguageCode String> languages) {

  public ContactPerson {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(actsFor, "actsFor");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(telephone, "telephone");
    languages = List.copyOf(languages);
  }
}
