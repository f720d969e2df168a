package dev.mlat.core.model;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every party to a request. Only the issuing authority is structurally required; a draft may name
 * the others later, and which ones an issued request needs depends on its instrument (for example
 * a validating authority for an EU European Investigation Order issued by a police authority, a
 * service provider for a Regulation 2023/1543 order).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * <pre>{@code
 * var parties = new Parties(
 *     new Party(PartyId.parse("FR:TJ-PARIS"), "Tribunal judiciaire de Paris",
 *         Optional.empty(), Optional.empty(), Optional.empty()),
 *     Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
 *     List.of());
 * }</pre>
 *
 * @param issuingAuthority the authority that issues the request and signs it
 * @param validatingAuthority the judicial authority that validates it, where the law needs one (may be absent)
 * @param transmittingCentralAuthority the requesting side's central authority (may be absent)
 * @param receivingCentralAuthority the requested side's central authority (may be absent)
 * @param executingAuthority the authority that executes the request (may be absent)
 * @param serviceProvider the service provider addressed directly, for a direct order (may be absent)
 * @param contactPersons people the other side may contact (possibly empty, never null)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Parties(
    @Valid Party issuingAuthority,
    Optional<@Valid Party> validatingAuthority,
    Optional<@Valid Party> transmittingCentralAuthority,
    Optional<@Valid Party> receivingCentralAuthority,
    Optional<@Valid Party> executingAuthority,
    Optional<@Valid ServiceProvider> serviceProvider,
    List<@Valid ContactPerson> contactPersons) {

  public Parties {
    Objects.requireNonNull(issuingAuthority, "issuingAuthority");
    Objects.requireNonNull(validatingAuthority, "validatingAuthority");
    Objects.requireNonNull(transmittingCentralAuthority, "transmittingCentralAuthority");
    Objects.requireNonNull(receivingCentralAuthority, "receivingCentralAuthority");
    Objects.requireNonNull(executingAuthority, "executingAuthority");
    Objects.requireNonNull(serviceProvider, "serviceProvider");
    contactPersons = List.copyOf(contactPersons);
  }
}
