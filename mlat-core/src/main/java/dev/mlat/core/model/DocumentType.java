package dev.mlat.core.model;

/**
 * The kind of an attached document.
 *
 * <p>The JSON form is the constant's name, for example {@code LETTER_OF_REQUEST}.
 */
public enum DocumentType {
  /** The letter of request itself, as signed. */
  LETTER_OF_REQUEST,
  /** A court order or judicial decision. */
  COURT_ORDER,
  /** A warrant. */
  WARRANT,
  /** A form prescribed by the instrument (EIO Annex A, EPOC or EPOC-PR certificate...). */
  FORM,
  /** A translation of another attachment or of the request. */
  TRANSLATION,
  /** Evidence already gathered. */
  EVIDENCE,
  /** An extract of the applicable law. */
  STATUTE_EXTRACT,
  /** Another document; describe it in the title. */
  OTHER;
}
