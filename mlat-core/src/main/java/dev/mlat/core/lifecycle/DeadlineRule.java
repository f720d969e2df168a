package dev.mlat.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link DeadlinePolicy} table: the time limits fixed by the instruments mlat supports.
 * The legal-instrument enum of the model maps onto these rules (one instrument may have several
 * rules, for example an EU Regulation 2023/1543 order for production and one for preservation).
 * The articles are cited in {@code docs/LIFECYCLE.md}. Immutable and thread-safe.
 *
 * <p>Example: {@code DeadlineRule.EU_EIO.decisionDue(sent, false)} is {@code sent} plus 30 days.
 */
public enum DeadlineRule implements DeadlinePolicy {
  /**
   * No time limit in the instrument: bilateral MLA treaties, UN conventions, reciprocity, Budapest
   * Convention Art. 31. Deadlines come only from the request and from {@code NewDeadline}
   * messages.
   */
  NO_FIXED_TIME_LIMIT(null, null, null, null, null),
  /** Budapest Convention Art. 29(7): a preservation lasts not less than sixty days. */
  BUDAPEST_PRESERVATION(null, null, null, null, Duration.ofDays(60)),
  /**
   * EU Directive 2014/41 (European Investigation Order) Art. 12(3) and (4): the recognition
   * decision within 30 days of receipt, execution within 90 days of that decision.
   */
  EU_EIO(Duration.ofDays(30), null, null, Duration.ofDays(90), null),
  /**
   * EU Regulation 2023/1543 Art. 10(2) and (4): a European Production Order is answered within 10
   * days of receipt, within 8 hours in an emergency.
   */
  EU_EPOC_PRODUCTION(null, Duration.ofDays(10), Duration.ofHours(8), null, null),
  /**
   * EU Regulation 2023/1543 Art. 11(1): a European Preservation Order binds for 60 days (the
   * issuing authority may extend it by 30 days).
   */
  EU_EPOC_PRESERVATION(null, null, null, null, Duration.ofDays(60));

  private final Duration decision;
  private final Duration fromTransmission;
  private final Duration fromTransmissionEmergency;
  private final Duration fromAcceptance;
  private final Duration minimumPreservation;

  DeadlineRule(
      Duration decision,
      Duration fromTransmission,
      Duration fromTransmissionEmergency,
      Duration fromAcceptance,
      Duration minimumPreservation) {
    this.decision = decision;
    this.fromTransmission = fromTransmission;
    this.fromTransmissionEmergency = fromTransmissionEmergency;
    this.fromAcceptance = fromAcceptance;
    this.minimumPreservation = minimumPreservation;
  }

  @Override
  public Optional<Instant> decisionDue(Instant transmitted, boolean emergency) {
    Objects.requireNonNull(transmitted, "transmitted");
    return decision == null ? Optional.empty() : Optional.of(transmitted.plus(decision));
  }

  @Override
  public Optional<Instant> executionDue(Instant transmitted, Optional<Instant> accepted, boolean emergency) {
    Objects.requireNonNull(transmitted, "transmitted");
    Objects.requireNonNull(accepted, "accepted");
    if (emergency && fromTransmissionEmergency != null) {
      return Optional.of(transmitted.plus(fromTransmissionEmergency));
    }
    if (fromTransmission != null) {
      return Optional.of(transmitted.plus(fromTransmission));
    }
    if (fromAcceptance != null) {
      return accepted.map(at -> at.plus(fromAcceptance));
    }
    return Optional.empty();
  }

  @Override
  public Optional<Duration> minimumPreservation() {
    return Optional.ofNullable(minimumPreservation);
  }
}
