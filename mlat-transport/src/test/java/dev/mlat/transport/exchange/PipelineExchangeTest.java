package dev.mlat.transport.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.PartyId;
import dev.mlat.core.lifecycle.RequestState;
import dev.mlat.core.model.message.Response;
import dev.mlat.transport.ledger.AuditVerification;
import dev.mlat.transport.ledger.InboxState;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.ledger.OutboxState;
import dev.mlat.transport.pkg.PackageFixture;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * FR ↔ US on the real package pipeline (conformance PKI, SQLite ledgers), over a drop box and over
 * HTTPS with mutual TLS on loopback: request (with a court order) → receipt →
 * AcknowledgementOfReceipt → final Response carrying evidence. Both lifecycles advance, each
 * message reaches the other application once, the status by request id shows every message settled,
 * and each audit trail verifies against the heads the partner holds in its receipts.
 */
class PipelineExchangeTest {
  enum Transport { DROP_BOX, HTTPS }

  @TempDir Path dir;
  private final List<PipelineNode> nodes = new java.util.ArrayList<>();

  @AfterEach
  void close() {
    nodes.forEach(PipelineNode::close);
  }

  private PipelineNode[] nodes(Transport transport, Clock clock) throws Exception {
    PipelineNode fr;
    PipelineNode us;
    if (transport == Transport.DROP_BOX) {
      fr = PipelineNode.dropBox(PipelineFixture.FR, PipelineFixture.US, dir, clock);
      nodes.add(fr);
      us = PipelineNode.dropBox(PipelineFixture.US, PipelineFixture.FR, dir, clock);
      nodes.add(us);
    } else {
      PipelineNode.HttpsHalf frHalf = PipelineNode.receiver(PipelineFixture.FR, dir, clock);
      PipelineNode.HttpsHalf usHalf = PipelineNode.receiver(PipelineFixture.US, dir, clock);
      fr = PipelineNode.https(frHalf, usHalf, clock);
      nodes.add(fr);
      us = PipelineNode.https(usHalf, frHalf, clock);
      nodes.add(us);
    }
    return new PipelineNode[] {fr, us};
  }

  /** Runs rounds of both nodes until {@code done} (at most 100 rounds). */
  static void exchange(BooleanSupplier done, PipelineNode... nodes) throws Exception {
    for (int round = 0; round < 100 && !done.getAsBoolean(); round++) {
      for (PipelineNode n : nodes) {
        n.service.runOnce();
      }
      if (!done.getAsBoolean()) {
        Thread.sleep(60); // past the retry delay of a message waiting for its receipt
      }
    }
    assertThat(done.getAsBoolean()).as("exchange finished within 100 rounds").isTrue();
  }

  static boolean settled(PipelineNode node, String messageId) {
    try {
      return node.service.outgoing(messageId).orElseThrow().state() != OutboxState.PENDING;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aRequestIsReceiptedAcknowledgedAndAnsweredWithEvidence(Transport transport) throws Exception {
    Clock clock = PipelineFixture.clock();
    PipelineNode[] pair = nodes(transport, clock);
    PipelineNode fr = pair[0];
    PipelineNode us = pair[1];
    PartyId FR = PipelineFixture.FR;
    PartyId US = PipelineFixture.US;
    UUID requestId = UUID.randomUUID();

    byte[] order = "order of the juge d'instruction, Paris".getBytes(StandardCharsets.UTF_8);
    var request = PackageFixture.withAttachments(PipelineFixture.request(FR, US, requestId, UUID.randomUUID()),
        List.of(order));
    SendTicket sent = fr.service.send(request.message(), request.sources(), US);
    assertThat(fr.service.status(requestId).state()).contains(RequestState.TRANSMITTED);
    exchange(() -> settled(fr, sent.messageId()) && us.delivered.size() == 1, fr, us);

    OutboxEntry requestEntry = fr.service.outgoing(sent.messageId()).orElseThrow();
    assertThat(requestEntry.state()).isEqualTo(OutboxState.DELIVERED);
    assertThat(requestEntry.receiptSha256()).isPresent();
    Delivery arrived = us.delivered.get(0);
    assertThat(arrived.message()).isEqualTo(request.message());
    assertThat(arrived.entry().attachments()).hasSize(1);
    try (InputStream in = arrived.blobs().open(arrived.entry().attachments().get(0).sha256())) {
      assertThat(in.readAllBytes()).isEqualTo(order);
    }

    SendTicket ack = us.service.send(PipelineFixture.acknowledgement(US, FR, requestId), List.of(), FR);
    exchange(() -> settled(us, ack.messageId()) && fr.delivered.size() == 1, fr, us);
    assertThat(fr.service.status(requestId).state()).contains(RequestState.RECEIVED);
    assertThat(us.service.status(requestId).state()).contains(RequestState.RECEIVED);

    byte[] evidence = "subscriber record: account 4711, registered 2025-03-02".getBytes(StandardCharsets.UTF_8);
    var response = PipelineFixture.response(US, FR, requestId, evidence);
    SendTicket answer = us.service.send(response.message(), response.sources(), FR);
    exchange(() -> settled(us, answer.messageId()) && fr.delivered.size() == 2, fr, us);
    Delivery result = fr.delivered.get(1);
    assertThat(result.message()).isInstanceOf(Response.class);
    try (InputStream in = result.blobs().open(result.entry().attachments().get(0).sha256())) {
      assertThat(in.readAllBytes()).isEqualTo(evidence);
    }

    RequestStatus atFr = fr.service.status(requestId);
    RequestStatus atUs = us.service.status(requestId);
    assertThat(atFr.state()).contains(RequestState.EXECUTED);
    assertThat(atUs.state()).contains(RequestState.EXECUTED);
    assertThat(atFr.outgoing()).extracting(OutboxEntry::state).containsExactly(OutboxState.DELIVERED);
    assertThat(atUs.outgoing()).extracting(OutboxEntry::state).containsOnly(OutboxState.DELIVERED).hasSize(2);
    assertThat(atFr.incoming()).extracting(e -> e.state()).containsOnly(InboxState.DELIVERED).hasSize(2);
    assertThat(atUs.incoming()).extracting(e -> e.state()).containsExactly(InboxState.DELIVERED);
    assertThat(us.delivered).hasSize(1);
    assertThat(fr.delivered).hasSize(2);

    // each trail against the heads its partner keeps in the receipts
    var headsOfUs = fr.partnerHeads();
    var headsOfFr = us.partnerHeads();
    assertThat(headsOfUs).hasSize(1);
    assertThat(headsOfFr).hasSize(2);
    AuditVerification usTrail = us.ledger.verifyAuditTrail(headsOfUs, PipelineFixture.headVerifier(US, clock));
    AuditVerification frTrail = fr.ledger.verifyAuditTrail(headsOfFr, PipelineFixture.headVerifier(FR, clock));
    assertThat(usTrail.anchorsChecked()).isEqualTo(1);
    assertThat(frTrail.anchorsChecked()).isEqualTo(2);
  }
}
