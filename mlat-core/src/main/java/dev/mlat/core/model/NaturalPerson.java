package dev.mlat.core.model;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.model.identifier.Identifier;
import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A natural person concerned by a request.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param reference label unique within the request, for example {@code S1}
 * @param role role in the case (may be absent)
 * @param givenNames given names (may be absent)
 * @param familyName family name (may be absent)
 * @param dateOfBirth date of birth (may be absent)
 * @param placeOfBirth place of birth (may be absent)
 * @param nationalities nationalities (possibly empty, never null)
 * @param address last known address (may be absent)
 * @param identifiers typed identifiers (possibly empty, never null)
 * @param description anything else that identifies the person (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record NaturalPerson(
    @NonBlankText String reference,
    Optional<SubjectRole> role,
    Optional<@NonBlankText String> givenNames,
    Optional<@NonBlankText String> familyName,
    Optional<LocalDate> dateOfBirth,
    Optional<@NonBlankText String> placeOfBirth,
    List<Jurisdiction> nationalities,
    Optional<@NonBlankText String> address,
    List<@Valid Identifier> identifiers,
    Optional<@NonBlankText String> description) implements Subject {

  public NaturalPerson {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(givenNames, "givenNames");
    Objects.requireNonNull(familyName, "familyName");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(placeOfBirth, "placeOfBirth");
    nationalities = List.copyOf(nationalities);
    Objects.requireNonNull(address, "address");
    identifiers = List.copyOf(identifiers);
    Objects.requireNonNull(description, "description");
  }
}
