package dev.mlat.core.model;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.model.identifier.Identifier;
import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A company, association or other legal entity concerned by a request.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param reference label unique within the request, for example {@code S2}
 * @param role role in the case (may be absent)
 * @param name registered name (may be absent)
 * @param registrationNumber number in the company register (may be absent)
 * @param registeredIn the state of registration (may be absent)
 * @param address registered office (may be absent)
 * @param identifiers typed identifiers (possibly empty, never null)
 * @param description anything else that identifies the entity (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record LegalEntity(
    @NonBlankText String reference,
    Optional<SubjectRole> role,
    Optional<@NonBlankText String> name,
    Optional<@NonBlankText String> registrationNumber,
    Optional<Jurisdiction> registeredIn,
    Optional<@NonBlankText String> address,
    List<@Valid Identifier> identifiers,
    Optional<@NonBlankText String> description) implements Subject {

  public LegalEntity {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(registrationNumber, "registrationNumber");
    Objects.requireNonNull(registeredIn, "registeredIn");
    Objects.requireNonNull(address, "address");
    identifiers = List.copyOf(identifiers);
    Objects.requireNonNull(description, "description");
  }
}
