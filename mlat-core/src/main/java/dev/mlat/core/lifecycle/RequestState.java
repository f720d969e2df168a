package dev.mlat.core.lifecycle;

/**
 * The state of a request as the lifecycle machine derives it. {@link #DRAFT} and {@link #ISSUED}
 * exist only on the requesting side before the request is transmitted; every other state is
 * shared: both sides derive it from the same set of messages (see {@code docs/LIFECYCLE.md}).
 * Immutable and thread-safe.
 */
public enum RequestState {
  /** Local to the requesting side: being written, may be incomplete. */
  DRAFT(-1),
  /** Local to the requesting side: complete and signed off, not yet transmitted. */
  ISSUED(-1),
  /** The request has been sent; the requested side has not yet acknowledged it. */
  TRANSMITTED(0),
  /** The requested side has acknowledged receipt. */
  RECEIVED(1),
  /** The requested side examines whether to recognise and execute the request. */
  UNDER_REVIEW(2),
  /** The requested side waits for additional information from the requesting side. */
  ADDITIONAL_INFORMATION_REQUESTED(-1),
  /** The requested side has decided to recognise and execute the request. */
  ACCEPTED(3),
  /** The measures are being carried out. */
  IN_EXECUTION(4),
  /** Part of the result has been delivered; more is to come. */
  PARTIALLY_EXECUTED(5),
  /** The requesting side withdrew the request; the requested side has not yet confirmed it. */
  WITHDRAWAL_REQUESTED(-1),
  /** Terminal: the final response was delivered. */
  EXECUTED(-1),
  /** Terminal: the requested side refused the request. */
  REFUSED(-1),
  /** Terminal: the requested side could not execute the request (for example, no data exists). */
  NOT_EXECUTED(-1),
  /** Terminal: the requested side confirmed the withdrawal. */
  WITHDRAWN(-1);

  private final int progressRank;

  RequestState(int progressRank) {
    this.progressRank = progressRank;
  }

  /** Whether this state exists only on the requesting side, before transmission. */
  public boolean isLocal() {
    return this == DRAFT || this == ISSUED;
  }

  /** Whether no further state change can happen (preservation may still end). */
  public boolean isTerminal() {
    return this == EXECUTED || this == REFUSED || this == NOT_EXECUTED || this == WITHDRAWN;
  }

  /**
   * The position of a progress state ({@link #TRANSMITTED} to {@link #PARTIALLY_EXECUTED}) in the
   * requested side's progress, or -1 for the other states.
   */
  int progressRank() {
    return progressRank;
  }

  static RequestState ofProgressRank(int rank) {
    for (var state : values()) {
      if (state.progressRank == rank) {
        return state;
      }
    }
    throw new IllegalArgumentException("no progress state of rank " + rank);
  }
}
