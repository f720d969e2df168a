package dev.mlat.core.validation;

/**
 * How strictly a request is validated.
 *
 * <ul>
 *   <li>{@link #DRAFT}: structurally valid, may be incomplete (a prosecutor is still writing it).
 *   <li>{@link #ISSUED}: complete for its instrument and measures, ready to be signed and sent.
 * </ul>
 */
public enum Level {
  /** Structural rules only (group {@link Draft}). */
  DRAFT(Draft.class),
  /** Structural rules, the {@link Issued} group, and the completeness rules of {@code docs/VALIDATION.md}. */
  ISSUED(Issued.class);

  private final Class<?> group;

  Level(Class<?> group) {
    this.group = group;
  }

  /** The Jakarta Validation group for this level. */
  public Class<?> group() {
    return group;
  }
}
