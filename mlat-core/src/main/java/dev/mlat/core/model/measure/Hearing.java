package dev.mlat.core.model.measure;

import dev.mlat.core.validation.LanguageCode;
import dev.mlat.core.validation.NonBlankText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Hearing of a witness, suspect, expert or victim, in person or by video or telephone conference.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param capacity in which capacity the person is heard
 * @param mode how the hearing takes place
 * @param subjectReference the reference of the subject to be heard (may be absent)
 * @param questions the questions to ask, one per entry (possibly empty, never null)
 * @param proposedAt the proposed date and time (may be absent)
 * @param interpreterLanguage the language an interpreter is needed for, as an ISO 639 code (may be absent)
 * @param requestingAuthorityParticipation true when the requesting authority asks to take part
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Hearing(
    HearingCapacity capacity,
    HearingMode mode,
    Optional<@NonBlankText String> subjectReference,
    List<@NonBlankText String> questions,
    Optional<Instant> proposedAt,
    Optional<@LanguageCode String> interpreterLanguage,
    boolean requestingAuthorityParticipation) implements Measure {

  public Hearing {
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(subjectReference, "subjectReference");
    questions = List.copyOf(questions);
    Objects.requireNonNull(proposedAt, "proposedAt");
    Objects.requireNonNull(interpreterLanguage, "interpreterLanguage");
  }
}
