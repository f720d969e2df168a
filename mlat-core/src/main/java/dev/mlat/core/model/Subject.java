package dev.mlat.core.model;

/**
 * A person or legal entity a request concerns. The JSON form carries {@code "type"}: {@code
 * naturalPerson} or {@code legalEntity}.
 *
 * <p>{@link #reference()} is a short label unique within the request (for example {@code S1}) by
 * which measures refer to the subject.
 */
public sealed interface Subject
    permits NaturalPerson,
        LegalEntity {

  /** The label, unique within the request, by which measures refer to this subject. */
  String reference();

  /** The role of the subject in the case, when known. */
  java.util.Optional<SubjectRole> role();

  /** Typed identifiers of the subject (e-mail addresses, phone numbers, accounts...). */
  java.util.List<dev.mlat.core.model.identifier.Identifier> identifiers();
}
