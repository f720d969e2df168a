package dev.mlat.transport.exchange;

import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.PipelineStage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.lifecycle.LifecycleException;
import dev.mlat.core.lifecycle.RequestState;
import dev.mlat.crypto.support.SettableClock;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessageStore;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.AuditHead;
import dev.mlat.transport.ledger.InboxState;
import dev.mlat.transport.ledger.LedgerSettings;
import dev.mlat.transport.ledger.LedgerTestSupport;
import dev.mlat.transport.ledger.LedgerTestSupport.Kind;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.ledger.OutboxState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExchangeServiceTest {
  @TempDir Path dir;
  final SettableClock clock = new SettableClock(LedgerTestSupport.START);
  final List<ExchangeNode> nodes = new ArrayList<>();
  static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60));

  ExchangeNode node(dev.mlat.core.PartyId self, dev.mlat.core.PartyId partner, Kind kind) throws Exception {
    return node(self, partner, kind, new TestPackageCodec(self, clock, Duration.ofDays(7)));
  }

  ExchangeNode node(dev.mlat.core.PartyId self, dev.mlat.core.PartyId partner, Kind kind, PackageCodec codec)
      throws Exception {
    Path home = dir.resolve(self.identifier());
    LedgerSettings settings = LedgerTestSupport.settings(kind, home);
    ExchangeNode n = new ExchangeNode(self, partner, settings, LedgerTestSupport.keys().signer(), dir.resolve("box"),
        home.resolve("work"), clock, codec, RETRY);
    nodes.add(n);
    return n;
  }

  @AfterEach
  void close() {
    nodes.forEach(ExchangeNode::close);
  }

  @Test
  void aPackageThatChangesAfterItWasVerifiedIsNeitherKeptNorAcknowledged() throws Exception {
    // Format 2 does not hash the whole file while opening: the service hashes it before, and the
    // copy it stores must match, so the package kept as evidence is the package verified.
    ExchangeNode fr = node(ExchangeNode.FR, ExchangeNode.DE, Kind.SQLITE);
    PackageCodec real = new TestPackageCodec(ExchangeNode.DE, clock, Duration.ofDays(7));
    PackageCodec changing = new PackageCodec() {
      @Override
      public SealedPackage seal(dev.mlat.core.model.message.LifecycleMessage message, List<AttachmentSource> attachments,
          dev.mlat.core.PartyId to, Path directory) throws dev.mlat.core.MlatException {
        return real.seal(message, attachments, to, directory);
      }

      @Override
      public OpenResult open(Path packageFile, Path attachmentsDirectory, SeenMessageStore seen) throws MlatTransportException {
        OpenResult result = real.open(packageFile, attachmentsDirectory, seen);
        try {
          Files.write(packageFile, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND); // changed after the check
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return result;
      }

      @Override
      public byte[] receipt(OpenResult.Accepted accepted, AuditHead head) throws MlatTransportException {
        return real.receipt(accepted, head);
      }

      @Override
      public byte[] negativeReceipt(String messageId, dev.mlat.core.PartyId to, String headerSha256, dev.mlat.core.ErrorCode code,
          java.util.Optional<dev.mlat.transport.pkg.PipelineStage> stage, AuditHead head) throws MlatTransportException {
        return real.negativeReceipt(messageId, to, headerSha256, code, stage, head);
      }

      @Override
      public CheckedReceipt checkReceipt(byte[] receipt, OutboxEntry sent) throws MlatTransportException {
        return real.checkReceipt(receipt, sent);
      }
    };
    ExchangeNode de = node(ExchangeNode.DE, ExchangeNode.FR, Kind.SQLITE, changing);
    UUID messageId = UUID.randomUUID();
    fr.service.send(ExchangeNode.request(UUID.randomUUID(), messageId), List.of(), ExchangeNode.DE);
    fr.service.runOnce();
    Path box = dir.resolve("box").resolve("FR-MOJ-BEPI-to-DE-BFJ");
    assertThatThrownBy(() -> de.service.receive(box.resolve(messageId + ".mlat")))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.IO_FAILURE));
    assertThat(de.ledger.inboxEntry(messageId.toString())).isEmpty();
    assertThat(de.ledger.seenMessages().find(messageId.toString())).isEmpty();
    assertThat(de.deliveries(messageId.toString())).isZero();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aRequestIsDeliveredOnceAcknowledgedAndAnsweredWithItsLifecycle(Kind kind) throws Exception {
    ExchangeNode fr = node(ExchangeNode.FR, ExchangeNode.DE, kind);
    ExchangeNode de = node(ExchangeNode.DE, ExchangeNode.FR, kind);
    UUID requestId = UUID.randomUUID();
    UUID messageId = UUID.randomUUID();
    Path evidence = dir.resolve("order.pdf");
    Files.write(evidence, "court order".getBytes(StandardCharsets.UTF_8));
    SendTicket ticket = fr.service.send(ExchangeNode.request(requestId, messageId),
        List.of(AttachmentSource.ofFile("A1", evidence, "application/pdf")), ExchangeNode.DE);
    assertThat(fr.service.status(requestId).state()).contains(RequestState.TRANSMITTED);
    assertThat(fr.service.outgoing(ticket.messageId()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);

    assertThat(fr.service.runOnce()).isEqualTo(1);   // handed to the drop box
    assertThat(de.service.runOnce()).isEqualTo(2);   // recorded + acknowledged, then delivered
    assertThat(de.deliveries(ticket.messageId())).isEqualTo(1);
    RequestStatus theirs = de.service.status(requestId);
    assertThat(theirs.state()).contains(RequestState.TRANSMITTED);
    assertThat(theirs.incoming()).singleElement().satisfies(e -> {
      assertThat(e.state()).isEqualTo(InboxState.DELIVERED);
      assertThat(e.packageSha256()).isEqualTo(ticket.packageSha256());
      assertThat(e.attachments()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("order.pdf"));
    });

    assertThat(fr.service.runOnce()).isEqualTo(1);   // the receipt
    OutboxEntry sent = fr.service.outgoing(ticket.messageId()).orElseThrow();
    assertThat(sent.state()).isEqualTo(OutboxState.DELIVERED);
    assertThat(sent.attempts()).isEqualTo(1);

    // the answer travels back the same way and moves both lifecycles
    UUID ackId = UUID.randomUUID();
    de.service.send(ExchangeNode.acknowledgement(requestId, ackId), List.of(), ExchangeNode.FR);
    de.service.runOnce();
    fr.service.runOnce();
    de.service.runOnce();
    assertThat(fr.service.status(requestId).state()).contains(RequestState.RECEIVED);
    assertThat(de.service.status(requestId).state()).contains(RequestState.RECEIVED);
    assertThat(de.service.outgoing(ackId.toString()).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
    assertThat(fr.deliveries(ackId.toString())).isEqualTo(1);

    // the heads DE put in its receipts anchor DE's audit trail, held by FR
    List<AuditHead> anchors = de.ledger.recordedAuditHeads();
    assertThat(anchors).isNotEmpty();
    assertThat(de.ledger.verifyAuditTrail(anchors, LedgerTestSupport.keys().verifier()).lastAnchoredSequence())
        .isPresent();
    assertThat(fr.ledger.verifyAuditTrail(fr.ledger.recordedAuditHeads(), LedgerTestSupport.keys().verifier())
        .entries()).isPositive();
  }

  @Test
  void aPackageCopiedTwiceIsAResendAnsweredWithTheStoredReceipt() throws Exception {
    ExchangeNode fr = node(ExchangeNode.FR, ExchangeNode.DE, Kind.SQLITE);
    ExchangeNode de = node(ExchangeNode.DE, ExchangeNode.FR, Kind.SQLITE);
    UUID messageId = UUID.randomUUID();
    SendTicket ticket = fr.service.send(ExchangeNode.request(UUID.randomUUID(), messageId), List.of(), ExchangeNode.DE);
    fr.service.runOnce();
    Path incoming = dir.resolve("box").resolve("FR-MOJ-BEPI-to-DE-BFJ").resolve(messageId + ".mlat");
    byte[] copy = Files.readAllBytes(incoming);
    de.service.runOnce();
    Path receipt = dir.resolve("box").resolve("DE-BFJ-to-FR-MOJ-BEPI").resolve(messageId + ".receipt");
    byte[] firstReceipt = Files.readAllBytes(receipt);
    Files.delete(receipt);
    Files.write(incoming, copy);          // the partner (or an operator) copies it again
    de.service.runOnce();
    assertThat(Files.readAllBytes(receipt)).isEqualTo(firstReceipt);
    assertThat(Files.exists(incoming)).isFalse();
    assertThat(de.deliveries(ticket.messageId())).isEqualTo(1);

    // the sender retries before the receipt arrives: still one delivery
    clock.instant = clock.instant.plusSeconds(120);
    fr.service.sendDue();
    de.service.runOnce();
    fr.service.runOnce();
    assertThat(de.deliveries(ticket.messageId())).isEqualTo(1);
    assertThat(fr.service.outgoing(ticket.messageId()).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
  }

  @Test
  void theSameIdWithOtherBytesGetsANegativeReceiptAndChangesNothing() throws Exception {
    ExchangeNode fr = node(ExchangeNode.FR, ExchangeNode.DE, Kind.SQLITE);
    ExchangeNode de = node(ExchangeNode.DE, ExchangeNode.FR, Kind.SQLITE);
    UUID requestId = UUID.randomUUID();
    UUID messageId = UUID.randomUUID();
    fr.service.send(ExchangeNode.request(requestId, messageId), List.of(), ExchangeNode.DE);
    fr.service.runOnce();
    de.service.runOnce();
    var before = de.ledger.seenMessages().find(messageId.toString()).orElseThrow();
    // another package under the same id
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    var forged = new TestPackageCodec(ExchangeNode.FR, clock, Duration.ofDays(1)).seal(
        ExchangeNode.request(UUID.randomUUID(), messageId), List.of(), ExchangeNode.DE, other);
    Files.copy(forged.file(), dir.resolve("box").resolve("FR-MOJ-BEPI-to-DE-BFJ").resolve(messageId + ".mlat"));
    de.service.runOnce();
    assertThat(de.ledger.seenMessages().find(messageId.toString())).contains(before);
    assertThat(de.deliveries(messageId.toString())).isEqualTo(1);
    byte[] answer = Files.readAllBytes(dir.resolve("box").resolve("DE-BFJ-to-FR-MOJ-BEPI").resolve(messageId + ".receipt"));
    OutboxEntry forgedEntry = new OutboxEntry(messageId.toString(), requestId, "DE:DE-BFJ", "REQUEST", forged.headerSha256(),
        java.util.Optional.of(forged.headerSha256()), clock.instant(), clock.instant(), OutboxState.PENDING, 0, clock.instant(), java.util.Optional.empty(),
        java.util.Optional.empty());
    CheckedReceipt checked = fr.codec.checkReceipt(answer, forgedEntry);
    assertThat(checked.positive()).isFalse();
    assertThat(checked.code()).contains("TEST_RESEND_CONFLICT");
  }

  @Test
  void filesThatAreNotPackagesAreSetAside() throws Exception {
    ExchangeNode de = node(ExchangeNode.DE, ExchangeNode.FR, Kind.SQLITE);
    Path in = dir.resolve("box").resolve("FR-MOJ-BEPI-to-DE-BFJ");
    Files.write(in.resolve("notes.txt"), new byte[] {1});
    Files.write(in.resolve("garbage.mlat"), new byte[] {1, 2, 3});
    Files.write(in.resolve(".half-written.mlat.x.tmp"), new byte[] {1});
    de.service.runOnce();
    assertThat(Files.list(in.resolve("rejected")).map(p -> p.getFileName().toString()))
        .anySatisfy(n -> assertThat(n).startsWith("notes.txt"))
        .anySatisfy(n -> assertThat(n).startsWith("garbage.mlat"));
    assertThat(in.resolve(".half-written.mlat.x.tmp")).exists();
    assertThat(de.ledger.undelivered(10)).isEmpty();
  }

  @Test
  void aTransientFailureIssuesNoReceiptAndConsumesNothing() throws Exception {
    ExchangeNode fr = node(ExchangeNode.FR, ExchangeNode.DE, Kind.SQLITE);
    AtomicInteger failures = new AtomicInteger(1);
    TestPackageCodec real = new TestPackageCodec(ExchangeNode.DE, clock, Duration.ofDays(7));
    PackageCodec flaky = new DelegatingCodec(real) {
      @Override
      public OpenResult open(Path file, Path dir, SeenMessageStore seen) throws MlatTransportException {
        if (failures.getAndDecrement() > 0) {
          throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE, "HSM unreachable");
        }
        return super.open(file, dir, seen);
      }
    };
    ExchangeNode de = node(ExchangeNode.DE, ExchangeNode.FR, Kind.SQLITE, flaky);
    UUID messageId = UUID.randomUUID();
    fr.service.send(ExchangeNode.request(UUID.randomUUID(), messageId), List.of(), ExchangeNode.DE);
    fr.service.runOnce();
    assertThat(de.service.runOnce()).isZero();
    assertThat(de.ledger.seenMessages().find(messageId.toString())).isEmpty();
    assertThat(dir.resolve("box").resolve("DE-BFJ-to-FR-MOJ-BEPI").resolve(messageId + ".receipt")).doesNotExist();
    assertThat(de.service.runOnce()).isEqualTo(2);
    assertThat(de.deliveries(messageId.toString())).isEqualTo(1);
  }

  @Test
  void aFailingHandlerGetsTheMessageAgainAndOnlyOnceItSucceeds() throws Exception {
    ExchangeNode fr = node(ExchangeNode.FR, ExchangeNode.DE, Kind.SQLITE);
    ExchangeNode de = node(ExchangeNode.DE, ExchangeNode.FR, Kind.SQLITE);
    AtomicInteger calls = new AtomicInteger();
    ExchangeService picky = ExchangeService.builder(de.ledger, de.codec, de.dropBox, dir.resolve("picky"))
        .handler((delivery, tx) -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("case system busy");
          }
        }).build();
    fr.service.send(ExchangeNode.request(UUID.randomUUID(), UUID.randomUUID()), List.of(), ExchangeNode.DE);
    fr.service.runOnce();
    picky.takeIncoming();
    assertThatThrownBy(picky::deliverRecorded).isInstanceOf(IllegalStateException.class);
    assertThat(picky.deliverRecorded()).isEqualTo(1);
    assertThat(picky.deliverRecorded()).isZero();
    assertThat(calls).hasValue(2);
  }

  @Test
  void theSenderBacksOffWithJitterAndStopsAtExpiry() throws Exception {
    ExchangeNode fr = node(ExchangeNode.FR, ExchangeNode.DE, Kind.SQLITE,
        new TestPackageCodec(ExchangeNode.FR, clock, Duration.ofMinutes(10)));
    UUID messageId = UUID.randomUUID();
    fr.service.send(ExchangeNode.request(UUID.randomUUID(), messageId), List.of(), ExchangeNode.DE);
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      assertThat(fr.service.sendDue()).isEqualTo(1);
      assertThat(fr.service.sendDue()).isZero();   // not before its next attempt
      OutboxEntry e = fr.service.outgoing(messageId.toString()).orElseThrow();
      waits.add(Duration.between(clock.instant(), e.nextAttemptAt()).toMillis());
      clock.instant = e.nextAttemptAt();
    }
    for (int i = 0; i < waits.size(); i++) {
      long cap = Math.min(60_000, 2_000L << i);
      assertThat(waits.get(i)).as("wait %d", i).isBetween(cap / 2, cap);
    }
    clock.instant = clock.instant.plus(Duration.ofMinutes(11));
    fr.service.sendDue();
    OutboxEntry expired = fr.service.outgoing(messageId.toString()).orElseThrow();
    assertThat(expired.state()).isEqualTo(OutboxState.EXPIRED);
    assertThat(expired.lastError()).contains("EXCHANGE_MESSAGE_EXPIRED");
  }

  @Test
  void retryPolicyDelaysGrowThenStayAtTheCap() {
    RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(5));
    Random random = new Random(1);
    for (int attempt = 0; attempt < 100; attempt++) {
      long cap = attempt >= 6 ? 5000 : Math.min(5000, 100L << attempt);
      assertThat(policy.delay(attempt, random).toMillis()).isBetween(cap / 2, cap);
    }
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMessageTheLifecycleForbidsIsNotSent() throws Exception {
    ExchangeNode de = node(ExchangeNode.DE, ExchangeNode.FR, Kind.SQLITE);
    UUID messageId = UUID.randomUUID();
    assertThatThrownBy(() -> de.service.send(ExchangeNode.acknowledgement(UUID.randomUUID(), messageId), List.of(),
        ExchangeNode.FR)).isInstanceOf(LifecycleException.class);
    assertThat(de.service.outgoing(messageId.toString())).isEmpty();
  }

  @Test
  void aMessageTheReceiversLifecycleRefusesGetsANegativeReceiptWithTheLifecycleCode() throws Exception {
    ExchangeNode fr = node(ExchangeNode.FR, ExchangeNode.DE, Kind.SQLITE);
    UUID requestId = UUID.randomUUID();
    UUID messageId = UUID.randomUUID();
    Path sealDir = Files.createDirectories(dir.resolve("de-seal"));
    // DE acknowledges a request FR never sent
    var sealed = new TestPackageCodec(ExchangeNode.DE, clock, Duration.ofDays(1))
        .seal(ExchangeNode.acknowledgement(requestId, messageId), List.of(), ExchangeNode.FR, sealDir);
    Files.copy(sealed.file(), dir.resolve("box").resolve("DE-BFJ-to-FR-MOJ-BEPI").resolve(messageId + ".mlat"));
    assertThat(fr.service.takeIncoming()).isEqualTo(1);
    assertThat(fr.ledger.inboxEntry(messageId.toString())).isEmpty();
    assertThat(fr.service.status(requestId).state()).isEmpty();
    byte[] answer = Files.readAllBytes(
        dir.resolve("box").resolve("FR-MOJ-BEPI-to-DE-BFJ").resolve(messageId + ".receipt"));
    OutboxEntry asSent = new OutboxEntry(messageId.toString(), requestId, "FR:FR-MOJ-BEPI",
        "ACKNOWLEDGEMENT_OF_RECEIPT", sealed.headerSha256(), java.util.Optional.of(sealed.headerSha256()), clock.instant(), clock.instant(), OutboxState.PENDING, 0,
        clock.instant(), java.util.Optional.empty(), java.util.Optional.empty());
    CheckedReceipt checked = fr.codec.checkReceipt(answer, asSent);
    assertThat(checked.positive()).isFalse();
    assertThat(checked.code()).contains("LIFECYCLE_WRONG_REQUEST");
    assertThat(fr.ledger.seenMessages().find(messageId.toString())).isPresent();
  }

  @Test
  void twoNodesOnOnePostgresqlLedgerNeverSendAMessageTwice() throws Exception {
    LedgerSettings shared = LedgerTestSupport.settings(Kind.POSTGRESQL, dir.resolve("shared"));
    java.util.Map<String, Integer> handed = new java.util.concurrent.ConcurrentHashMap<>();
    Channel counting = new Channel() {
      @Override
      public Handover sendPackage(dev.mlat.core.PartyId partner, String messageId, Path packageFile, String sha256) {
        handed.merge(messageId, 1, Integer::sum);
        return new Handed();
      }

      @Override
      public void sendReceipt(dev.mlat.core.PartyId partner, String messageId, byte[] receipt) {}

      @Override
      public List<Incoming> incoming(int max) {
        return List.of();
      }

      @Override
      public void done(Incoming incoming) {}

      @Override
      public void reject(Incoming incoming, String reason) {}
    };
    TestPackageCodec codec = new TestPackageCodec(ExchangeNode.FR, clock, Duration.ofDays(1));
    try (var a = dev.mlat.transport.ledger.Ledger.open(shared.withNodeId("node-a"), clock,
            LedgerTestSupport.keys().signer());
        var b = dev.mlat.transport.ledger.Ledger.open(shared.withNodeId("node-b"), clock,
            LedgerTestSupport.keys().signer())) {
      ExchangeService sa = ExchangeService.builder(a, codec, counting, dir.resolve("wa")).handler((d, tx) -> {})
          .batchSize(3).build();
      ExchangeService sb = ExchangeService.builder(b, codec, counting, dir.resolve("wb")).handler((d, tx) -> {})
          .batchSize(3).build();
      int messages = 60;
      for (int i = 0; i < messages; i++) {
        (i % 2 == 0 ? sa : sb).send(ExchangeNode.request(UUID.randomUUID(), UUID.randomUUID()), List.of(),
            ExchangeNode.DE);
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var fa = pool.submit(() -> drain(sa));
        var fb = pool.submit(() -> drain(sb));
        fa.get();
        fb.get();
      } finally {
        pool.shutdown();
      }
      assertThat(handed).hasSize(messages);
      assertThat(handed.values()).containsOnly(1);
    }
  }

  private static Void drain(ExchangeService service) throws MlatTransportException {
    while (service.sendDue() > 0) {
      Thread.onSpinWait();
    }
    return null;
  }

  /** Forwards everything to another codec. */
  static class DelegatingCodec implements PackageCodec {
    private final PackageCodec delegate;

    DelegatingCodec(PackageCodec delegate) {
      this.delegate = delegate;
    }

    @Override
    public SealedPackage seal(dev.mlat.core.model.message.LifecycleMessage m, List<AttachmentSource> a,
        dev.mlat.core.PartyId to, Path d) throws dev.mlat.core.MlatException {
      return delegate.seal(m, a, to, d);
    }

    @Override
    public OpenResult open(Path file, Path dir, SeenMessageStore seen) throws MlatTransportException {
      return delegate.open(file, dir, seen);
    }

    @Override
    public byte[] receipt(OpenResult.Accepted accepted, AuditHead head) throws MlatTransportException {
      return delegate.receipt(accepted, head);
    }

    @Override
    public byte[] negativeReceipt(String id, dev.mlat.core.PartyId to, String sha, dev.mlat.core.ErrorCode code,
        java.util.Optional<PipelineStage> stage, AuditHead head) throws MlatTransportException {
      return delegate.negativeReceipt(id, to, sha, code, stage, head);
    }

    @Override
    public CheckedReceipt checkReceipt(byte[] receipt, OutboxEntry sent) throws MlatTransportException {
      return delegate.checkReceipt(receipt, sent);
    }
  }
}
