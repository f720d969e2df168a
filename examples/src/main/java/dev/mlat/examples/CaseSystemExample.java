/*
 * What this shows: embedding mlat in a ministry's case system through the exchange service. The
 * case system keeps its own case record (here a small Java record); from it, it builds a request
 * with the mlat model and validates it at the issued level (each problem with its JSON path, for the
 * case officer). It then hands the request to its ExchangeService, which signs, seals, records it in
 * the node's SQLite ledger and sends it over HTTPS (mutual TLS); the status by request id shows it
 * delivered, with the partner's signed receipt checked. Incoming packages reach the service through
 * its HTTPS endpoint; the service opens them (every check), records them and calls the case
 * system's handler exactly once: France files the response's evidence under the case and checks its
 * SHA-256 against the signed manifest. The partner (the US) runs in the same process on 127.0.0.1,
 * with its own ledger, service and endpoint; the services are driven with runOnce() rounds (a real
 * node calls service.start()). Wiring as in docs/LEDGER.md "Embedding" and `mlat demo`.
 *
 * Run from the repository root, after `mvn -q -pl examples -am package -DskipTests` (which writes
 * examples/target/examples.cp):
 *   java -cp "examples/target/classes:$(cat examples/target/examples.cp)" dev.mlat.examples.CaseSystemExample
 */
package dev.mlat.examples;

import dev.mlat.core.PartyId;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.CustodyEntry;
import dev.mlat.core.model.message.EvidenceItem;
import dev.mlat.core.model.message.EvidenceManifest;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.model.message.Response;
import dev.mlat.core.model.message.ResponseKind;
import dev.mlat.core.validation.Level;
import dev.mlat.core.validation.RequestValidator;
import dev.mlat.core.validation.ValidationReport;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.exchange.CheckedReceipt;
import dev.mlat.transport.exchange.Delivery;
import dev.mlat.transport.exchange.ExchangeHandler;
import dev.mlat.transport.exchange.ExchangeService;
import dev.mlat.transport.exchange.HttpsExchangeChannel;
import dev.mlat.transport.exchange.PackagePipelineCodec;
import dev.mlat.transport.exchange.RetryPolicy;
import dev.mlat.transport.exchange.SendTicket;
import dev.mlat.transport.https.HttpsChannel;
import dev.mlat.transport.https.HttpsReceiver;
import dev.mlat.transport.https.TlsIdentity;
import dev.mlat.transport.ledger.CmsAuditHeadSigner;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.LedgerSettings;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.ledger.OutboxState;
import dev.mlat.transport.pkg.AttachmentSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** A case system sends a request through its exchange service and files the evidence that comes back. */
public final class CaseSystemExample {

  /** The case system's own record of a case (what a real system keeps in its database). */
  record CaseRecord(String caseNumber, UUID requestId, String status, List<Path> evidence) {}

  private CaseSystemExample() {}

  /** Runs the example; returns the French case record after the response was filed. */
  static CaseRecord run(Path folder, PrintStream out) throws Exception {
    PartyId france = ExampleWorld.party("FR:FR-MOJ");
    PartyId us = ExampleWorld.party("US:US-DOJ");
    var world = new ExampleWorld(folder,
        TestPki.builder(ExampleWorld.jurisdiction("FR")).authority("FR-MOJ").build(),
        TestPki.builder(ExampleWorld.jurisdiction("US")).authority("US-DOJ").build());
    Map<UUID, CaseRecord> cases = new ConcurrentHashMap<>();   // the case system's table, by mlat request id
    List<Delivery> usReceived = new CopyOnWriteArrayList<>();

    // 1. From the case system's data (its case number, today, the 30 days the judge gave) to a validated request.
    String caseNumber = "PARQUET-PARIS-2026-00042";
    Instant today = Instant.now(world.clock).truncatedTo(ChronoUnit.SECONDS);
    Request request = world.request(france, us).request().toBuilder()
        .requestingReference(caseNumber).issuedAt(today).deadline(today.plus(Duration.ofDays(30))).build();
    RequestMessage message = new RequestMessage(new MessageHeader(UUID.randomUUID(), request.id(), france, us, today), request);
    ValidationReport report = new RequestValidator().validate(request, Level.ISSUED, Locale.ENGLISH);
    report.violations().forEach(v -> out.println("problem at " + v.path() + ": " + v.message()));   // for the case officer
    report.throwIfInvalid();
    cases.put(request.id(), new CaseRecord(caseNumber, request.id(), "drafted", List.of()));
    out.println("case " + caseNumber + ": request " + request.id() + " complete at the issued level");

    // 2. Each side: its own ledger and exchange service. France's handler files responses under the case.
    ExchangeHandler frHandler = (delivery, tx) -> {
      if (delivery.message() instanceof Response response) {
        cases.put(response.header().requestId(), file(cases.get(response.header().requestId()), response, delivery, folder, out));
      }
    };
    try (Node fr = new Node(world, france, folder, frHandler); Node usNode = new Node(world, us, folder, (d, tx) -> usReceived.add(d))) {
      fr.connect(world, usNode);
      usNode.connect(world, fr);

      // 3. Send through the service: signed, sealed, recorded in the ledger, sent over HTTPS, receipt checked.
      SendTicket ticket = fr.service.send(message,
          List.of(AttachmentSource.ofStream("A1", "ordonnance.txt", "text/plain", () -> new ByteArrayInputStream(ExampleWorld.COURT_ORDER))), us);
      exchange(() -> settled(fr, ticket) && usReceived.size() == 1, fr, usNode);
      OutboxEntry sent = fr.service.status(request.id()).outgoing().get(0);
      if (sent.state() != OutboxState.DELIVERED || sent.receiptSha256().isEmpty()) {
        throw new IllegalStateException("the request was not delivered: " + sent.state() + " " + sent.lastError().orElse(""));
      }
      CheckedReceipt receipt;
      try (InputStream in = fr.ledger.blobs().open(sent.receiptSha256().get())) {
        receipt = fr.codec.checkReceipt(in.readAllBytes(), sent);
      }
      if (!receipt.positive() || !receipt.messageId().equals(ticket.messageId())) {
        throw new IllegalStateException("the receipt does not accept this request: " + receipt);
      }
      cases.computeIfPresent(request.id(), (k, c) -> new CaseRecord(c.caseNumber(), k, "delivered", c.evidence()));
      out.println("request " + ticket.messageId() + " delivered; receipt signed by " + us + " checked (accepts this message); lifecycle "
          + fr.service.status(request.id()).state().orElseThrow());

      // 4. The US case system got the request and answers with evidence through its own service.
      Delivery arrived = usReceived.get(0);
      byte[] evidence = "customer_id,name\nC-0042,Example Customer\n".getBytes(StandardCharsets.UTF_8);
      Instant now = Instant.now(world.clock).truncatedTo(ChronoUnit.SECONDS);
      var response = new Response(new MessageHeader(UUID.randomUUID(), arrived.entry().requestId(), us, france, now), ResponseKind.FINAL,
          new EvidenceManifest(List.of(new EvidenceItem("E1", "Subscriber record", "text/csv", evidence.length, ExampleWorld.sha256(evidence),
              List.of(new CustodyEntry(now, "US:US-DOJ", "received from the provider and hashed")))), Optional.empty()),
          Optional.empty());
      SendTicket answer = usNode.service.send(response,
          List.of(AttachmentSource.ofStream("E1", "subscriber.csv", "text/csv", () -> new ByteArrayInputStream(evidence))), france);
      exchange(() -> settled(usNode, answer) && "answered".equals(cases.get(request.id()).status()), fr, usNode);
    }
    CaseRecord record = cases.get(request.id());
    out.println("case " + record.caseNumber() + ": " + record.status() + ", evidence filed: " + record.evidence());
    return record;
  }

  /** France's handler: keeps each evidence file under the case and checks it against the signed manifest. */
  private static CaseRecord file(CaseRecord record, Response response, Delivery delivery, Path folder, PrintStream out) throws Exception {
    Path caseFolder = Files.createDirectories(folder.resolve("cases").resolve(record.caseNumber()));
    List<Path> files = new ArrayList<>();
    for (EvidenceItem item : response.manifest().items()) {
      // The opener already bound each attachment to its manifest item; the ledger keeps it by that SHA-256.
      var stored = delivery.entry().attachments().stream().filter(a -> a.sha256().equals(item.sha256())).findFirst()
          .orElseThrow(() -> new IllegalStateException("evidence " + item.itemId() + " is not among the stored attachments"));
      Path target = caseFolder.resolve(item.itemId() + ".csv");
      try (InputStream in = delivery.blobs().open(stored.sha256())) {
        Files.write(target, in.readAllBytes());
      }
      String actual = ExampleWorld.sha256(Files.readAllBytes(target));
      if (!actual.equals(item.sha256())) {
        throw new MlatTransportException(TransportErrorCode.PACKAGE_ATTACHMENT_MISMATCH, "evidence " + item.itemId() + " does not match the manifest");
      }
      out.println("evidence " + item.itemId() + " filed under the case; SHA-256 " + actual.substring(0, 16) + "... equals the signed manifest's");
      files.add(target);
    }
    return new CaseRecord(record.caseNumber(), record.requestId(), "answered", List.copyOf(files));
  }

  /** One side: codec, SQLite ledger, HTTPS endpoint feeding the service, and the service itself. */
  private static final class Node implements AutoCloseable {
    final PartyId self;
    final Path folder;
    final ExchangeHandler handler;
    final PackagePipelineCodec codec;
    final Ledger ledger;
    final HttpsReceiver receiver;
    volatile ExchangeService service;

    Node(ExampleWorld world, PartyId self, Path parent, ExchangeHandler handler) throws Exception {
      this.self = self;
      this.handler = handler;
      this.folder = Files.createDirectories(parent.resolve(self.identifier().toLowerCase(Locale.ROOT)));
      this.codec = PackagePipelineCodec.builder(self, world.signer(self), world.keys(self), world.trust)
          .quarantine(folder.resolve("quarantine")).clock(world.clock).build();
      this.ledger = Ledger.open(LedgerSettings.sqlite(folder.resolve("ledger.db"), folder.resolve("blobs")), world.clock,
          new CmsAuditHeadSigner(world.signer(self), self + " ledger"));
      // The endpoint hands every upload to the service's inbound path (the service is built in connect()).
      this.receiver = HttpsReceiver.builder(world.trust, tls(world, self),
              (peer, file, sha256) -> service.incomingPackages().receive(peer, file, sha256), codec.routing(), folder.resolve("https"))
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).clock(world.clock).build();
      receiver.start();
    }

    /** Builds this side's exchange service, sending to {@code partner}'s endpoint. */
    void connect(ExampleWorld world, Node partner) throws MlatTransportException {
      HttpsChannel https = HttpsChannel.builder(world.trust, tls(world, self))
          .endpoint(partner.self, URI.create("https://127.0.0.1:" + partner.receiver.address().getPort() + "/")).clock(world.clock).build();
      service = ExchangeService.builder(ledger, codec, new HttpsExchangeChannel(https), folder.resolve("work"))
          .handler(handler).retry(new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200))).build();
    }

    @Override
    public void close() {
      receiver.close();
      if (service != null) {
        service.close();
      }
      ledger.close();
    }
  }

  /** Runs rounds of both services (take incoming, send due, deliver) until {@code done}. */
  private static void exchange(BooleanSupplier done, Node... nodes) throws Exception {
    for (int round = 0; round < 200 && !done.getAsBoolean(); round++) {
      for (Node node : nodes) {
        node.service.runOnce();
      }
      if (!done.getAsBoolean()) {
        Thread.sleep(60);   // past the retry delay of a message still waiting for its receipt
      }
    }
    if (!done.getAsBoolean()) {
      throw new IllegalStateException("the exchange did not finish within 200 rounds");
    }
  }

  private static boolean settled(Node node, SendTicket ticket) {
    try {
      return node.service.outgoing(ticket.messageId()).orElseThrow().state() != OutboxState.PENDING;
    } catch (MlatTransportException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TlsIdentity tls(ExampleWorld world, PartyId party) {
    TestCredential tls = world.pki(party).authority(party.identifier()).tls();
    return TlsIdentity.of(tls.keyPair().getPrivate(), tls.chain());
  }

  public static void main(String[] args) throws Exception {
    run(Files.createTempDirectory("mlat-case-system"), System.out);
  }
}
