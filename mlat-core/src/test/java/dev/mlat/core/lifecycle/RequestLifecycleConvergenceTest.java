package dev.mlat.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Two sides exchange random legal messages over two in-order channels; sends and deliveries
 * interleave at random, so messages cross in every way. Properties: no message a side was allowed
 * to send is ever rejected by the other, and once every message is delivered both sides have the
 * same state, preservation and deadline.
 */
class RequestLifecycleConvergenceTest {

  /** One side of the simulation. */
  private static final class Party {
    final Side side;
    RequestLifecycle lifecycle;
    final Deque<LifecycleEvent> outbox = new ArrayDeque<>();

    Party(Side side) {
      this.side = side;
    }
  }

  private static final java.util.Set<EventKind> CLOSING = java.util.EnumSet.of(
      EventKind.FINAL_RESPONSE, EventKind.REFUSAL, EventKind.NON_EXECUTION, EventKind.WITHDRAWAL,
      EventKind.WITHDRAWAL_CONFIRMED, EventKind.PRESERVATION_ENDED);

  private static final class Simulation {
    final UUID requestId = UUID.randomUUID();
    final List<Integer> script;
    int position;
    long ids;
    Instant now = Instant.parse("2026-01-05T08:00:00Z");
    final Party requesting = new Party(Side.REQUESTING);
    final Party requested = new Party(Side.REQUESTED);
    final List<String> trace = new ArrayList<>();

    Simulation(List<Integer> script) {
      this.script = script;
    }

    int next() {
      return position < script.size() ? script.get(position++) : 0;
    }

    UUID nextId(int salt) {
      return new UUID(salt, ++ids);
    }

    void run(DeadlineRule rule, boolean emergency, boolean preservation, Optional<Integer> requestedDays) throws Exception {
      Optional<Instant> requestedDeadline = requestedDays.map(days -> now.plus(Duration.ofDays(days)));
      var request = LifecycleEvent.request(
          requestId, nextId(0), Side.REQUESTING, now, new RequestFacts(rule, emergency, requestedDeadline, preservation));
      requesting.lifecycle = RequestLifecycle.draft(requestId).issue().apply(request);
      requesting.outbox.add(request);
      trace.add("REQUESTING sends Request");
      while (position < script.size()) {
        int choice = next();
        now = now.plus(Duration.ofMinutes(choice % 4 == 0 ? 0 : choice % 600));
        switch (choice % 4) {
          case 0:
            send(requesting, choice / 4);
            break;
          case 1:
            send(requested, choice / 4);
            break;
          case 2:
            deliver(requesting, requested);
            break;
          default:
            deliver(requested, requesting);
            break;
        }
      }
      while (!requesting.outbox.isEmpty() || !requested.outbox.isEmpty()) {
        deliver(requesting, requested);
        deliver(requested, requesting);
      }
    }

    void send(Party party, int choice) throws Exception {
      if (party.lifecycle == null) {
        return;
      }
      var allowed = new ArrayList<>(party.lifecycle.allowedToSend());
      if (allowed.isEmpty()) {
        return;
      }
      // Messages that close something are picked rarely, so that long exchanges (and crossings
      // in every state) are common.
      var lasting = new ArrayList<EventKind>(allowed);
      lasting.removeIf(CLOSING::contains);
      var pool = lasting.isEmpty() || choice % 10 == 0 ? allowed : lasting;
      EventKind kind = pool.get(Math.floorMod(choice / 10, pool.size()));
      var event = build(party, kind, choice / Math.max(1, allowed.size()));
      trace.add(party.side + " sends " + kind.label() + " (" + party.lifecycle.state() + ")");
      party.lifecycle = party.lifecycle.apply(event);
      party.outbox.add(event);
    }

    LifecycleEvent build(Party party, EventKind kind, int choice) {
      UUID id = nextId(choice % 3);
      Side side = party.side;
      int days = 1 + Math.floorMod(choice, 120);
      switch (kind) {
        case ACKNOWLEDGEMENT_OF_RECEIPT:
          return LifecycleEvent.acknowledgement(requestId, id, side, now);
        case STATUS_UNDER_REVIEW:
          return LifecycleEvent.statusUpdate(requestId, id, side, now, ReportedStatus.UNDER_REVIEW);
        case STATUS_ACCEPTED:
          return LifecycleEvent.statusUpdate(requestId, id, side, now, ReportedStatus.ACCEPTED);
        case STATUS_IN_EXECUTION:
          return LifecycleEvent.statusUpdate(requestId, id, side, now, ReportedStatus.IN_EXECUTION);
        case STATUS_INFORMATION:
          return LifecycleEvent.statusInformation(requestId, id, side, now);
        case REQUEST_FOR_ADDITIONAL_INFORMATION:
          return LifecycleEvent.requestForAdditionalInformation(requestId, id, side, now);
        case ADDITIONAL_INFORMATION:
          return LifecycleEvent.additionalInformation(requestId, id, side, now);
        case NEW_DEADLINE:
          return LifecycleEvent.newDeadline(requestId, id, side, now, now.plus(Duration.ofDays(days)));
        case PARTIAL_RESPONSE:
          return LifecycleEvent.response(requestId, id, side, now, ResponseKind.PARTIAL);
        case FINAL_RESPONSE:
          return LifecycleEvent.response(requestId, id, side, now, ResponseKind.FINAL);
        case REFUSAL:
          return LifecycleEvent.refusal(requestId, id, side, now);
        case NON_EXECUTION:
          return LifecycleEvent.nonExecution(requestId, id, side, now);
        case WITHDRAWAL:
          return LifecycleEvent.withdrawal(requestId, id, side, now);
        case WITHDRAWAL_CONFIRMED:
          return LifecycleEvent.withdrawalConfirmed(requestId, id, side, now);
        case PRESERVATION_CONFIRMED:
          return LifecycleEvent.preservationConfirmed(requestId, id, side, now, now.plus(Duration.ofDays(60 + days)));
        case PRESERVATION_EXTENDED:
          Instant until = party.lifecycle.preservation().until().orElseThrow();
          return LifecycleEvent.preservationExtended(requestId, id, side, now, until.plus(Duration.ofDays(days)));
        case PRESERVATION_ENDED:
          return LifecycleEvent.preservationEnded(requestId, id, side, now);
        default:
          throw new AssertionError(kind);
      }
    }

    void deliver(Party from, Party to) throws Exception {
      var event = from.outbox.poll();
      if (event == null) {
        return;
      }
      trace.add(to.side + " receives " + event.kind().label()
          + " (" + (to.lifecycle == null ? "-" : to.lifecycle.state()) + ")");
      try {
        to.lifecycle = to.lifecycle == null ? RequestLifecycle.received(event) : to.lifecycle.apply(event);
      } catch (LifecycleException e) {
        throw new AssertionError("a legally sent message was rejected: " + e.getMessage() + "\n" + String.join("\n", trace), e);
      }
    }
  }

  @Provide
  Arbitrary<List<Integer>> scripts() {
    return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(10).ofMaxSize(150);
  }

  @Property(tries = 1000)
  void bothSidesConvergeWhateverTheCrossingsAndDeliveryOrders(
      @ForAll("scripts") List<Integer> script,
      @ForAll DeadlineRule rule,
      @ForAll boolean emergency,
      @ForAll boolean preservation,
      @ForAll("requestedDays") Optional<Integer> requestedDays)
      throws Exception {
    var simulation = new Simulation(script);
    simulation.run(rule, emergency, preservation, requestedDays);
    var r = simulation.requesting.lifecycle;
    var d = simulation.requested.lifecycle;
    String trace = String.join("\n", simulation.trace);
    assertThat(ids(d)).as(trace).isEqualTo(ids(r));
    assertThat(d.state()).as(trace).isEqualTo(r.state());
    assertThat(d.preservation()).as(trace).isEqualTo(r.preservation());
    assertThat(d.deadline()).as(trace).isEqualTo(r.deadline());
    assertThat(r.state().isLocal()).isFalse();
    Statistics.label("final state").collect(r.state());
    Statistics.label("preservation").collect(r.preservation().state());
    Statistics.label("messages").collect(r.history().size() < 5 ? "<5" : r.history().size() < 15 ? "5-14" : r.history().size() < 30 ? "15-29" : ">=30");
    Statistics.label("deadline").collect(r.deadline().map(x -> x.step() + " " + x.source()).orElse("none"));
    Statistics.label("final state").coverage(coverage -> {
      for (var state : RequestState.values()) {
        if (!state.isLocal()) {
          coverage.check(state).count(c -> c > 0);
        }
      }
    });
  }

  /** The derived view is a function of the set of messages: any replay order gives the same. */
  @Property(tries = 300)
  void theDerivedStateDoesNotDependOnTheOrderOfTheMessages(
      @ForAll("scripts") List<Integer> script, @ForAll DeadlineRule rule, @ForAll boolean preservation, @ForAll long seed)
      throws Exception {
    var simulation = new Simulation(script);
    simulation.run(rule, false, preservation, Optional.empty());
    var history = simulation.requesting.lifecycle.history();
    var shuffled = new ArrayList<>(history.subList(1, history.size()));
    java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
    shuffled.add(0, history.get(0));
    assertThat(LifecycleView.derive(shuffled, true)).isEqualTo(LifecycleView.derive(history, true));
  }

  @Provide
  Arbitrary<Optional<Integer>> requestedDays() {
    return Arbitraries.integers().between(1, 200).optional();
  }

  private static java.util.Set<UUID> ids(RequestLifecycle lifecycle) {
    return lifecycle.history().stream().map(LifecycleEvent::messageId).collect(Collectors.toSet());
  }
}
