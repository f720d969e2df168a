package dev.mlat.core.model.measure;

/**
 * How a hearing takes place.
 *
 * <p>The JSON form is the constant's name, for example {@code IN_PERSON}.
 */
public enum HearingMode {
  /** In person before the executing authority. */
  IN_PERSON,
  /** By video conference (EIO Art. 24, Second Protocol Art. 11). */
  VIDEO_CONFERENCE,
  /** By telephone conference (EIO Art. 25). */
  TELEPHONE_CONFERENCE;
}
