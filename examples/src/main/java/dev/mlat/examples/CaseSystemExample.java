/*
 * What this shows: embedding mlat in a ministry's case system. The case system keeps its own case
 * record (here a small Java record); from it, it builds a request with the mlat model, validates it
 * at the issued level (each problem with its JSON path, for the case officer), seals it and hands
 * it to the HTTPS channel (mutual TLS) for the partner's endpoint, and keeps the signed receipt as
 * proof of delivery. Incoming packages arrive through an IncomingPackages callback: the case
 * system opens them (every check), files the response's evidence under the case and answers with
 * its own receipt. The partner (the US) runs in the same process here, on 127.0.0.1.
 *
 * The exchange service (dev.mlat.transport.exchange: ledger, retries, lifecycle state machine)
 * wraps these same steps once it is available; this example uses the layers it is built on.
 *
 * Run: java -cp "examples/target/classes:$(cat examples/target/examples.cp)" dev.mlat.examples.CaseSystemExample
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
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.Answer;
import dev.mlat.transport.https.HttpsChannel;
import dev.mlat.transport.https.HttpsReceiver;
import dev.mlat.transport.https.IncomingPackages;
import dev.mlat.transport.https.PackageRouting;
import dev.mlat.transport.https.TlsIdentity;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.InMemorySeenMessageStore;
import dev.mlat.transport.pkg.OpenResult;
import dev.mlat.transport.pkg.PackageGateway;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.pkg.PackageOpener;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.pkg.PackageSealer;
import dev.mlat.transport.pkg.Resend;
import dev.mlat.transport.pkg.SealedPackage;
import dev.mlat.transport.pkg.VerifiedPackage;
import dev.mlat.transport.receipt.ReceiptIssuer;
import dev.mlat.transport.receipt.ReceiptVerifier;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A case system sends a request over HTTPS and files the evidence that comes back. */
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
    Map<String, CaseRecord> cases = new ConcurrentHashMap<>();

    // 1. From the case system's data to a validated request.
    RequestMessage message = world.request(france, us);
    Request request = message.request();
    ValidationReport report = new RequestValidator().validate(request, Level.ISSUED, Locale.ENGLISH);
    report.throwIfInvalid();   // a real system shows report.violations() (path, code, message) to the case officer
    cases.put("PARQUET-PARIS-2026-00042", new CaseRecord("PARQUET-PARIS-2026-00042", request.id(), "drafted", List.of()));

    // 2. Each side's endpoint: France files incoming responses under the case; the US (the partner) answers with evidence.
    try (HttpsReceiver frEndpoint = endpoint(world, france, folder, verified -> {
          if (verified.message() instanceof Response response) {
            var record = cases.values().stream().filter(c -> c.requestId().equals(response.header().requestId())).findFirst().orElseThrow();
            List<Path> files = verified.attachments().stream().map(a -> a.file()).toList();
            cases.put(record.caseNumber(), new CaseRecord(record.caseNumber(), record.requestId(), "answered", files));
          }
        });
        HttpsReceiver usEndpoint = endpoint(world, us, folder, verified -> { })) {

      HttpsChannel frChannel = channel(world, france, us, usEndpoint);
      HttpsChannel usChannel = channel(world, us, france, frEndpoint);

      // 3. Seal and send; keep the receipt as proof of delivery.
      SealedPackage sealed = PackageSealer.builder(AlgorithmPolicy.defaultPolicy(), world.clock).issuer(france, world.signer(france))
          .trust(world.trust).build()
          .seal(message, List.of(AttachmentSource.ofStream("A1", "ordonnance.txt", "text/plain",
              () -> new ByteArrayInputStream(ExampleWorld.COURT_ORDER))), folder.resolve("request.mlat"));
      Answer answer = frChannel.deliver(folder.resolve("request.mlat"), sealed.packageSha256(), sealed.messageId().toString(), us);
      var receipt = new ReceiptVerifier(world.trust, world.clock).check(((Answer.Receipt) answer).encoded(), sealed);
      cases.computeIfPresent("PARQUET-PARIS-2026-00042", (k, c) -> new CaseRecord(k, c.requestId(), "delivered", c.evidence()));
      out.println("request " + sealed.messageId() + " delivered; receipt signed by " + receipt.receipt().receiver());

      // 4. Later the partner answers with evidence (done here by the US side of the example).
      byte[] evidence = "customer_id,name\nC-0042,Example Customer\n".getBytes(StandardCharsets.UTF_8);
      Instant now = Instant.now(world.clock).truncatedTo(ChronoUnit.SECONDS);
      var response = new Response(new MessageHeader(UUID.randomUUID(), request.id(), us, france, now), ResponseKind.FINAL,
          new EvidenceManifest(List.of(new EvidenceItem("E1", "Subscriber record", "text/csv", evidence.length, ExampleWorld.sha256(evidence),
              List.of(new CustodyEntry(now, "US:US-DOJ", "received from the provider and hashed")))), Optional.empty()),
          Optional.empty());
      SealedPackage answerPackage = PackageSealer.builder(AlgorithmPolicy.defaultPolicy(), world.clock).issuer(us, world.signer(us))
          .trust(world.trust).build()
          .seal(response, List.of(AttachmentSource.ofStream("E1", "subscriber.csv", "text/csv", () -> new ByteArrayInputStream(evidence))),
              folder.resolve("response.mlat"));
      usChannel.deliver(folder.resolve("response.mlat"), answerPackage.packageSha256(), answerPackage.messageId().toString(), france);
    }
    CaseRecord record = cases.get("PARQUET-PARIS-2026-00042");
    out.println("case " + record.caseNumber() + ": " + record.status() + ", evidence filed: " + record.evidence());
    return record;
  }

  /** What the case system does with a verified incoming package. */
  interface Filing {
    void file(VerifiedPackage verified);
  }

  /** An HTTPS endpoint that opens each package for {@code self}, files it, and answers with a receipt. */
  private static HttpsReceiver endpoint(ExampleWorld world, PartyId self, Path folder, Filing filing) throws Exception {
    var seen = new InMemorySeenMessageStore();
    String name = self.identifier().toLowerCase(Locale.ROOT);
    PackageOpener opener = PackageOpener.builder(self, world.keys(self), world.trust, seen).clock(world.clock)
        .quarantine(folder.resolve(name + "-quarantine")).build();
    ReceiptIssuer receipts = new ReceiptIssuer(self, world.signer(self), world.clock);
    Path inbox = Files.createDirectories(folder.resolve(name + "-inbox"));
    IncomingPackages incoming = (peer, file, sha256) -> {
      try {
        OpenResult result = opener.open(file, inbox);
        if (result instanceof Resend resend) {
          return Answer.receipt(receipts.resend(resend));
        }
        VerifiedPackage verified = (VerifiedPackage) result;
        filing.file(verified);
        return Answer.receipt(receipts.record(seen, verified, receipts.accepted(verified, Optional.empty())).receipt());
      } catch (PackageRejectedException e) {
        try {
          return Answer.negativeReceipt(receipts.rejected(e, sha256, Optional.empty()));
        } catch (dev.mlat.crypto.MlatCryptoException signing) {
          throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "cannot sign the negative receipt", signing);
        }
      } catch (dev.mlat.crypto.MlatCryptoException e) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "cannot sign the receipt", e);
      }
    };
    PackageGateway gateway = new PackageGateway(world.trust, world.clock, PackageLimits.defaults());
    PackageRouting routing = file -> gateway.verifyHeader(file).header().sender();
    HttpsReceiver receiver = HttpsReceiver.builder(world.trust, tls(world, self), incoming, routing, folder.resolve(name + "-https"))
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).clock(world.clock).build();
    receiver.start();
    return receiver;
  }

  private static HttpsChannel channel(ExampleWorld world, PartyId self, PartyId partner, HttpsReceiver partnerEndpoint) {
    return HttpsChannel.builder(world.trust, tls(world, self))
        .endpoint(partner, URI.create("https://127.0.0.1:" + partnerEndpoint.address().getPort() + "/")).clock(world.clock).build();
  }

  private static TlsIdentity tls(ExampleWorld world, PartyId party) {
    TestCredential tls = world.pki(party).authority(party.identifier()).tls();
    return TlsIdentity.of(tls.keyPair().getPrivate(), tls.chain());
  }

  public static void main(String[] args) throws Exception {
    run(Files.createTempDirectory("mlat-case-system"), System.out);
  }
}
