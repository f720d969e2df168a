package dev.mlat.core.model.measure;

/**
 * In which capacity a person is heard.
 *
 * <p>The JSON form is the constant's name, for example {@code WITNESS}.
 */
public enum HearingCapacity {
  /** As a witness. */
  WITNESS,
  /** As a suspect or accused person. */
  SUSPECT,
  /** As an expert. */
  EXPERT,
  /** As a victim. */
  VICTIM;
}
