package dev.mlat.core.model.message;

/**
 * Where execution of a request stands.
 *
 * <p>The JSON form is the constant's name, for example {@code RECEIVED}.
 */
public enum ExecutionStatus {
  /** Received, not yet examined. */
  RECEIVED,
  /** Being examined for admissibility. */
  UNDER_EXAMINATION,
  /** Recognised and accepted for execution (for example the EIO recognition decision, Directive 2014/41 Art. 12(3)). */
  ACCEPTED,
  /** Being executed. */
  IN_EXECUTION,
  /** Waiting for information from the requesting side. */
  AWAITING_INFORMATION,
  /** Execution postponed (for example so as not to prejudice a domestic investigation). */
  POSTPONED,
  /** Partly executed; more results follow. */
  PARTIALLY_EXECUTED,
  /** Fully executed. */
  EXECUTED;
}
