package dev.mlat.core.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * The deadline of the current step of a request: the instant by which the requested side owes its
 * next decisive message. Immutable and thread-safe.
 *
 * @param due the instant
 * @param step which step it is the deadline of
 * @param source where it comes from
 */
public record Deadline(Instant due, Step step, Source source) {

  public Deadline {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(source, "source");
  }

  /** The step a deadline belongs to. */
  public enum Step {
    /** Before the requested side reports acceptance: the decision to recognise and execute. */
    DECISION,
    /** From the requested side's first report of acceptance, execution or a partial response on. */
    EXECUTION
  }

  /** Where a deadline comes from. */
  public enum Source {
    /** The deadline stated in the request. */
    REQUEST,
    /** A {@code NewDeadline} message sent during the current step. */
    NEW_DEADLINE,
    /** The instrument's default ({@link DeadlinePolicy}). */
    INSTRUMENT
  }
}
