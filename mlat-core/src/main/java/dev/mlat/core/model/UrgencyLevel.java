package dev.mlat.core.model;

/**
 * How fast a request must be handled.
 *
 * <p>The JSON form is the constant's name, for example {@code NORMAL}.
 */
public enum UrgencyLevel {
  /** Ordinary handling. */
  NORMAL,
  /** Urgent: justify it in {@link Urgency#justification()}. */
  URGENT,
  /** Emergency: an imminent risk to life, physical integrity or critical infrastructure; the justification is required by every instrument. */
  EMERGENCY;
}
