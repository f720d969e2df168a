package dev.mlat.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.MlatCoreException;
import dev.mlat.core.model.Instrument;
import dev.mlat.core.model.LegalBasis;
import dev.mlat.core.model.Urgency;
import dev.mlat.core.model.UrgencyLevel;
import dev.mlat.core.model.message.ExecutionStatus;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.PreservationConfirmed;
import dev.mlat.core.model.message.PreservationExtended;
import dev.mlat.core.model.message.StatusUpdate;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.core.testing.SampleRequests;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleEventsTest {

  @Test
  void everyMessageTypeMapsToAnEventOfTheSameIdentity() throws LifecycleException {
    for (LifecycleMessage message : SampleMessages.oneOfEach()) {
      var event = LifecycleEvents.from(message, Side.REQUESTED);
      assertThat(event.type()).isEqualTo(message.messageType());
      assertThat(event.messageId()).isEqualTo(message.header().messageId());
      assertThat(event.requestId()).isEqualTo(message.header().requestId());
      assertThat(event.timestamp()).isEqualTo(message.header().createdAt());
      assertThat(event.sender()).isEqualTo(Side.REQUESTED);
    }
  }

  @Test
  void theSenderSideIsTheCallersNotTheMessages() throws LifecycleException {
    assertThat(LifecycleEvents.from(SampleMessages.refusal(), Side.REQUESTING).sender()).isEqualTo(Side.REQUESTING);
  }

  @Test
  void requestFactsComeFromInstrumentUrgencyDeadlineAndMeasures() {
    var request = SampleRequests.frenchPreservationAndProduction();
    var facts = LifecycleEvents.factsOf(request);
    assertThat(facts.deadlinePolicy()).isEqualTo(DeadlineRule.BUDAPEST_PRESERVATION);
    assertThat(facts.emergency()).isFalse();
    assertThat(facts.requestedDeadline()).isEqualTo(request.deadline());
    assertThat(facts.preservationRequested()).isTrue();

    var emergency = request.toBuilder().urgency(new Urgency(UrgencyLevel.EMERGENCY, Optional.of("threat to life"))).build();
    assertThat(LifecycleEvents.factsOf(emergency).emergency()).isTrue();

    var noProductionNoPreservation = request.toBuilder().measures(List.of()).build();
    assertThat(LifecycleEvents.factsOf(noProductionNoPreservation).deadlinePolicy()).isEqualTo(DeadlineRule.NO_FIXED_TIME_LIMIT);
    assertThat(LifecycleEvents.factsOf(noProductionNoPreservation).preservationRequested()).isFalse();

    var eio = request.toBuilder().legalBasis(new LegalBasis(Instrument.EU_EIO_DIRECTIVE, List.of("Art. 5"), Optional.empty())).build();
    assertThat(LifecycleEvents.factsOf(eio).deadlinePolicy()).isEqualTo(DeadlineRule.EU_EIO);

    var draftWithoutBasis = request.toBuilder().legalBasis(null).build();
    assertThat(LifecycleEvents.factsOf(draftWithoutBasis).deadlinePolicy()).isEqualTo(DeadlineRule.NO_FIXED_TIME_LIMIT);
  }

  @ParameterizedTest
  @CsvSource({
    "EU_E_EVIDENCE_REGULATION, true, true, EU_EPOC_PRODUCTION",
    "EU_E_EVIDENCE_REGULATION, false, true, EU_EPOC_PRODUCTION",
    "EU_E_EVIDENCE_REGULATION, true, false, EU_EPOC_PRESERVATION",
    "BUDAPEST_CONVENTION, true, false, BUDAPEST_PRESERVATION",
    "BUDAPEST_CONVENTION, false, true, NO_FIXED_TIME_LIMIT",
    "EU_EIO_DIRECTIVE, false, true, EU_EIO",
    "BILATERAL_MLAT, true, true, NO_FIXED_TIME_LIMIT",
    "UNTOC, false, false, NO_FIXED_TIME_LIMIT",
  })
  void instrumentsMapToTheirDeadlineRules(Instrument instrument, boolean preservation, boolean production, DeadlineRule rule) {
    assertThat(LifecycleEvents.deadlineRule(instrument, preservation, production)).isEqualTo(rule);
  }

  @ParameterizedTest
  @EnumSource(Instrument.class)
  void everyInstrumentHasARule(Instrument instrument) {
    assertThat(LifecycleEvents.deadlineRule(instrument, false, false)).isNotNull();
  }

  @ParameterizedTest
  @CsvSource({
    "UNDER_EXAMINATION, UNDER_REVIEW",
    "ACCEPTED, ACCEPTED",
    "IN_EXECUTION, IN_EXECUTION",
    "RECEIVED, ",
    "AWAITING_INFORMATION, ",
    "POSTPONED, ",
    "PARTIALLY_EXECUTED, ",
    "EXECUTED, ",
  })
  void statusUpdatesReportProgressOnlyForStatesTheMachineKnows(ExecutionStatus status, ReportedStatus expected)
      throws LifecycleException {
    var sample = (StatusUpdate) SampleMessages.oneOfEach().get(2);
    var event = LifecycleEvents.from(new StatusUpdate(sample.header(), status, Optional.empty()), Side.REQUESTED);
    assertThat(event.status()).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void aPreservationMessageWithoutItsEndIsRefused() {
    var confirmed = (PreservationConfirmed) SampleMessages.oneOfEach().get(11);
    var extended = (PreservationExtended) SampleMessages.oneOfEach().get(12);
    for (LifecycleMessage m : List.of(
        new PreservationConfirmed(confirmed.header(), confirmed.preservationReference(), Optional.empty(), Optional.empty()),
        new PreservationExtended(extended.header(), extended.preservationReference(), Optional.empty(), Optional.empty()))) {
      assertThatThrownBy(() -> LifecycleEvents.from(m, Side.REQUESTED))
          .isInstanceOf(LifecycleException.class)
          .satisfies(e -> assertThat(((MlatCoreException) e).errorCode()).isEqualTo(CoreErrorCode.LIFECYCLE_FACT_MISSING))
          .hasMessageContaining(m.header().messageId().toString());
    }
  }

  @Test
  void bothSidesReachTheSameStateFromTheModelsMessages() throws LifecycleException {
    var request = SampleMessages.request();
    var requesting = RequestLifecycle.draft(request.header().requestId()).issue()
        .apply(LifecycleEvents.from(request, Side.REQUESTING));
    var requested = RequestLifecycle.received(LifecycleEvents.from(request, Side.REQUESTING));
    List<LifecycleMessage> answers = List.of(
        SampleMessages.oneOfEach().get(1), // acknowledgement
        SampleMessages.oneOfEach().get(2), // in execution
        SampleMessages.oneOfEach().get(11), // preservation confirmed
        SampleMessages.finalResponse());
    for (var answer : answers) {
      requested = requested.apply(LifecycleEvents.from(answer, Side.REQUESTED));
      requesting = requesting.apply(LifecycleEvents.from(answer, Side.REQUESTED));
    }
    assertThat(requested.state()).isEqualTo(RequestState.EXECUTED).isEqualTo(requesting.state());
    assertThat(requested.preservation()).isEqualTo(requesting.preservation());
    assertThat(requested.preservation().until()).contains(Instant.parse("2026-05-21T00:00:00Z"));
  }
}
