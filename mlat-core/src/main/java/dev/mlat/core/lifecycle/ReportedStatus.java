package dev.mlat.core.lifecycle;

/**
 * The progress a requested side reports in a {@code StatusUpdate} message. A status update that
 * reports none of these is informational and changes no state. Immutable and thread-safe.
 */
public enum ReportedStatus {
  /** Examining whether to recognise and execute. */
  UNDER_REVIEW(RequestState.UNDER_REVIEW),
  /** Decided to recognise and execute (EU EIO Directive Art. 12(3): the recognition decision). */
  ACCEPTED(RequestState.ACCEPTED),
  /** Carrying out the measures. */
  IN_EXECUTION(RequestState.IN_EXECUTION);

  private final RequestState state;

  ReportedStatus(RequestState state) {
    this.state = state;
  }

  /** The request state this status leads to. */
  public RequestState state() {
    return state;
  }
}
