package dev.mlat.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default table, article by article (cited in docs/LIFECYCLE.md). */
class DeadlineRuleTest {
  private static final Instant SENT = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant ACCEPTED = SENT.plus(Duration.ofDays(12));

  @Test
  void euEioDirectiveArticle12() {
    // Art. 12(3): recognition decision within 30 days of receipt.
    assertThat(DeadlineRule.EU_EIO.decisionDue(SENT, false)).contains(SENT.plus(Duration.ofDays(30)));
    // Art. 12(4): measure carried out within 90 days of that decision.
    assertThat(DeadlineRule.EU_EIO.executionDue(SENT, Optional.of(ACCEPTED), false)).contains(ACCEPTED.plus(Duration.ofDays(90)));
    assertThat(DeadlineRule.EU_EIO.executionDue(SENT, Optional.empty(), false)).isEmpty();
    assertThat(DeadlineRule.EU_EIO.minimumPreservation()).isEmpty();
  }

  @Test
  void euRegulation2023_1543Article10() {
    // Art. 10(2): 10 days from receipt; Art. 10(4): 8 hours in an emergency.
    assertThat(DeadlineRule.EU_EPOC_PRODUCTION.decisionDue(SENT, false)).isEmpty();
    assertThat(DeadlineRule.EU_EPOC_PRODUCTION.executionDue(SENT, Optional.empty(), false)).contains(SENT.plus(Duration.ofDays(10)));
    assertThat(DeadlineRule.EU_EPOC_PRODUCTION.executionDue(SENT, Optional.of(ACCEPTED), false)).contains(SENT.plus(Duration.ofDays(10)));
    assertThat(DeadlineRule.EU_EPOC_PRODUCTION.executionDue(SENT, Optional.empty(), true)).contains(SENT.plus(Duration.ofHours(8)));
  }

  @Test
  void preservationMinimums() {
    // Budapest Art. 29(7) and Regulation 2023/1543 Art. 11(1): 60 days.
    assertThat(DeadlineRule.BUDAPEST_PRESERVATION.minimumPreservation()).contains(Duration.ofDays(60));
    assertThat(DeadlineRule.EU_EPOC_PRESERVATION.minimumPreservation()).contains(Duration.ofDays(60));
    assertThat(DeadlineRule.BUDAPEST_PRESERVATION.executionDue(SENT, Optional.of(ACCEPTED), true)).isEmpty();
  }

  @Test
  void noFixedTimeLimit() {
    var rule = DeadlineRule.NO_FIXED_TIME_LIMIT;
    assertThat(rule.decisionDue(SENT, true)).isEmpty();
    assertThat(rule.executionDue(SENT, Optional.of(ACCEPTED), true)).isEmpty();
    assertThat(rule.minimumPreservation()).isEmpty();
  }
}
