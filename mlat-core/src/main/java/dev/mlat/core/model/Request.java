package dev.mlat.core.model;

import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.validation.DeadlineAfterIssue;
import dev.mlat.core.validation.LanguageCode;
import dev.mlat.core.validation.NonBlankText;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A mutual legal assistance request: a bilateral case between a requesting side and a requested
 * side (a state's authorities, or a service provider addressed directly).
 *
 * <p>Only the identity, the issuing authority and the urgency are structurally required, so that a
 * draft may be incomplete; whether a request is complete for its instrument is decided by
 * validation, not here.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * <pre>{@code
 * Request request = Request.builder(UUID.randomUUID(), parties)
 *     .requestingReference("PARQUET-PARIS-2026-0042")
 *     .legalBasis(new LegalBasis(Instrument.BUDAPEST_CONVENTION, List.of("Art. 29"), Optional.empty()))
 *     .measures(List.of(preservation))
 *     .build();
 * }</pre>
 *
 * @param id the request's identifier, chosen by the requesting side and never reused
 * @param requestingReference the requesting side's case reference (may be absent)
 * @param requestedReference the requested side's reference, set once it has received the request (may be absent)
 * @param issuedAt when the issuing authority issued the request (absent in a draft) (may be absent)
 * @param parties the authorities, service provider and contact persons
 * @param legalBasis the instrument and articles relied on (may be absent)
 * @param caseDescription facts, offences, dates and places, necessity and proportionality (may be absent)
 * @param subjects the persons and legal entities concerned (possibly empty, never null)
 * @param measures the measures requested (possibly empty, never null)
 * @param urgency how fast it must be handled, and why
 * @param deadline the date and time by which the requesting side needs the results (may be absent)
 * @param confidentiality whether the subject must not be informed, and until when (may be absent)
 * @param useConditions speciality, use limitations, data-protection conditions (may be absent)
 * @param language the language of the request, as an ISO 639 code (may be absent)
 * @param translationLanguages languages of the translations attached, as ISO 639 codes (possibly empty, never null)
 * @param attachments documents attached (orders, forms, translations) (possibly empty, never null)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
@DeadlineAfterIssue
public record Request(
    UUID id,
    Optional<@NonBlankText String> requestingReference,
    Optional<@NonBlankText String> requestedReference,
    Optional<Instant> issuedAt,
    @Valid Parties parties,
    Optional<@Valid LegalBasis> legalBasis,
    Optional<@Valid CaseDescription> caseDescription,
    List<@Valid Subject> subjects,
    List<@Valid Measure> measures,
    @Valid Urgency urgency,
    Optional<Instant> deadline,
    Optional<@Valid Confidentiality> confidentiality,
    Optional<@Valid UseConditions> useConditions,
    Optional<@LanguageCode String> language,
    List<@LanguageCode String> translationLanguages,
    List<@Valid Attachment> attachments) {

  public Request {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(requestingReference, "requestingReference");
    Objects.requireNonNull(requestedReference, "requestedReference");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(parties, "parties");
    Objects.requireNonNull(legalBasis, "legalBasis");
    Objects.requireNonNull(caseDescription, "caseDescription");
    subjects = List.copyOf(subjects);
    measures = List.copyOf(measures);
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(confidentiality, "confidentiality");
    Objects.requireNonNull(useConditions, "useConditions");
    Objects.requireNonNull(language, "language");
    translationLanguages = List.copyOf(translationLanguages);
    attachments = List.copyOf(attachments);
  }

  /**
   * A builder for a request with the given identity and parties; every other component starts
   * absent or empty, urgency starts {@link UrgencyLevel#NORMAL}.
   */
  public static Builder builder(UUID id, Parties parties) {
    return new Builder(id, parties);
  }

  /** A builder initialised with this request's components, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(id, parties)
        .requestingReference(requestingReference.orElse(null))
        .requestedReference(requestedReference.orElse(null))
        .issuedAt(issuedAt.orElse(null))
        .legalBasis(legalBasis.orElse(null))
        .caseDescription(caseDescription.orElse(null))
        .subjects(subjects)
        .measures(measures)
        .urgency(urgency)
        .deadline(deadline.orElse(null))
        .confidentiality(confidentiality.orElse(null))
        .useConditions(useConditions.orElse(null))
        .language(language.orElse(null))
        .translationLanguages(translationLanguages)
        .attachments(attachments);
  }

  /**
   * Builds a {@link Request} step by step. Not thread-safe; each {@link #build()} returns a new
   * immutable request.
   */
  public static final class Builder {
    private UUID id;
    private Optional<String> requestingReference = Optional.empty();
    private Optional<String> requestedReference = Optional.empty();
    private Optional<Instant> issuedAt = Optional.empty();
    private Parties parties;
    private Optional<LegalBasis> legalBasis = Optional.empty();
    private Optional<CaseDescription> caseDescription = Optional.empty();
    private List<Subject> subjects = List.of();
    private List<Measure> measures = List.of();
    private Urgency urgency = Urgency.normal();
    private Optional<Instant> deadline = Optional.empty();
    private Optional<Confidentiality> confidentiality = Optional.empty();
    private Optional<UseConditions> useConditions = Optional.empty();
    private Optional<String> language = Optional.empty();
    private List<String> translationLanguages = List.of();
    private List<Attachment> attachments = List.of();

    private Builder(UUID id, Parties parties) {
      this.id = Objects.requireNonNull(id, "id");
      this.parties = Objects.requireNonNull(parties, "parties");
    }

    /** Sets {@code id}. */
    public Builder id(UUID id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /** Sets {@code parties}. */
    public Builder parties(Parties parties) {
      this.parties = Objects.requireNonNull(parties, "parties");
      return this;
    }

    /** Sets {@code requestingReference}; {@code null} clears it. */
    public Builder requestingReference(String requestingReference) {
      this.requestingReference = Optional.ofNullable(requestingReference);
      return this;
    }

    /** Sets {@code requestedReference}; {@code null} clears it. */
    public Builder requestedReference(String requestedReference) {
      this.requestedReference = Optional.ofNullable(requestedReference);
      return this;
    }

    /** Sets {@code issuedAt}; {@code null} clears it. */
    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt = Optional.ofNullable(issuedAt);
      return this;
    }

    /** Sets {@code legalBasis}; {@code null} clears it. */
    public Builder legalBasis(LegalBasis legalBasis) {
      this.legalBasis = Optional.ofNullable(legalBasis);
      return this;
    }

    /** Sets {@code caseDescription}; {@code null} clears it. */
    public Builder caseDescription(CaseDescription caseDescription) {
      this.caseDescription = Optional.ofNullable(caseDescription);
      return this;
    }

    /** Sets {@code subjects} (copied). */
    public Builder subjects(List<? extends Subject> subjects) {
      this.subjects = List.copyOf(subjects);
      return this;
    }

    /** Sets {@code measures} (copied). */
    public Builder measures(List<? extends Measure> measures) {
      this.measures = List.copyOf(measures);
      return this;
    }

    /** Sets {@code urgency}. */
    public Builder urgency(Urgency urgency) {
      this.urgency = Objects.requireNonNull(urgency, "urgency");
      return this;
    }

    /** Sets {@code deadline}; {@code null} clears it. */
    public Builder deadline(Instant deadline) {
      this.deadline = Optional.ofNullable(deadline);
      return this;
    }

    /** Sets {@code confidentiality}; {@code null} clears it. */
    public Builder confidentiality(Confidentiality confidentiality) {
      this.confidentiality = Optional.ofNullable(confidentiality);
      return this;
    }

    /** Sets {@code useConditions}; {@code null} clears it. */
    public Builder useConditions(UseConditions useConditions) {
      this.useConditions = Optional.ofNullable(useConditions);
      return this;
    }

    /** Sets {@code language}; {@code null} clears it. */
    public Builder language(String language) {
      this.language = Optional.ofNullable(language);
      return this;
    }

    /** Sets {@code translationLanguages} (copied). */
    public Builder translationLanguages(List<? extends String> translationLanguages) {
      this.translationLanguages = List.copyOf(translationLanguages);
      return this;
    }

    /** Sets {@code attachments} (copied). */
    public Builder attachments(List<? extends Attachment> attachments) {
      this.attachments = List.copyOf(attachments);
      return this;
    }

    /** The request with the components set so far. */
    public Request build() {
      return new Request(id, requestingReference, requestedReference, issuedAt, parties, legalBasis, caseDescription, subjects, measures, urgency, deadline, confidentiality, useConditions, language, translationLanguages, attachments);
    }
  }
}
