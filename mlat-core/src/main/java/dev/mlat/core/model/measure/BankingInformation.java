package dev.mlat.core.model.measure;

import dev.mlat.core.model.TimeRange;
import dev.mlat.core.model.identifier.Identifier;
import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Information on bank or payment accounts and their transactions.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param kinds what is sought (possibly empty, never null)
 * @param accounts the accounts concerned (IBANs, provider accounts...) (possibly empty, never null)
 * @param subjectReferences references of the account holders (possibly empty, never null)
 * @param timeRange the period concerned (may be absent)
 * @param institution the bank or payment institution, when known (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record BankingInformation(
    List<BankingInformationKind> kinds,
    List<@Valid Identifier> accounts,
    List<@NonBlankText String> subjectReferences,
    Optional<@Valid TimeRange> timeRange,
    Optional<@NonBlankText String> institution) implements Measure {

  public BankingInformation {
    kinds = List.copyOf(kinds);
    accounts = List.copyOf(accounts);
    subjectReferences = List.copyOf(subjectReferences);
    Objects.requireNonNull(timeRange, "timeRange");
    Objects.requireNonNull(institution, "institution");
  }
}
