package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.MlatException;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.message.AcknowledgementOfReceipt;
import dev.mlat.core.model.message.CustodyEntry;
import dev.mlat.core.model.message.EvidenceItem;
import dev.mlat.core.model.message.EvidenceManifest;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.model.message.Response;
import dev.mlat.core.model.message.ResponseKind;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.keys.Pkcs12KeyStore;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.exchange.CheckedReceipt;
import dev.mlat.transport.exchange.Delivery;
import dev.mlat.transport.exchange.ExchangeService;
import dev.mlat.transport.exchange.HttpsExchangeChannel;
import dev.mlat.transport.exchange.PackagePipelineCodec;
import dev.mlat.transport.exchange.RetryPolicy;
import dev.mlat.transport.exchange.SendTicket;
import dev.mlat.transport.https.Answer;
import dev.mlat.transport.https.HttpsChannel;
import dev.mlat.transport.https.HttpsReceiver;
import dev.mlat.transport.https.IncomingPackages;
import dev.mlat.transport.https.TlsIdentity;
import dev.mlat.transport.https.TlsPeer;
import dev.mlat.transport.ledger.CmsAuditHeadSigner;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.LedgerSettings;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.ledger.OutboxState;
import dev.mlat.transport.pkg.AttachmentSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlat demo}: France and the United States on one machine, each with its own test PKI,
 * SQLite ledger, exchange service (docs/LEDGER.md "Embedding") and HTTPS endpoint on loopback
 * (mutual TLS), exchanging a request, a signed receipt, an acknowledgement and a response with
 * evidence. The services' loops are driven round by round, so the run is deterministic. One line per step; everything it starts is
 * stopped before it returns.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        "Run the two-country demo: France (FR:FR-MOJ) asks the United States (US:US-DOJ) to preserve and produce the "
            + "subscriber data behind an IPv6 address. Each side gets its own test PKI, trust folder, SQLite ledger, exchange "
            + "service and HTTPS endpoint on 127.0.0.1 (mutual TLS); the request is drafted, validated, signed, sealed and sent; "
            + "the US verifies and opens it, records it in its ledger, answers with a signed receipt, sends an AcknowledgementOfReceipt and a Response with an evidence file; "
            + "France opens it and checks the evidence hash.",
        "Prints one line per step, then where the files, ledgers and receipts are and the commands to inspect them. Needs no "
            + "network beyond loopback; leaves nothing running."})
public final class DemoCommand implements Callable<Integer> {

  /** Marks a folder the demo made, so that a second run may replace it. */
  static final String MARKER = ".mlat-demo";

  private static final PartyId FR = party("FR:FR-MOJ");
  private static final PartyId US = party("US:US-DOJ");

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "mlat-demo",
      description = "The folder for everything the demo writes (default ./mlat-demo; a folder of an earlier demo run is replaced).")
  private Path out;

  private PrintWriter o;

  /** Used by picocli. */
  public DemoCommand(CliContext context) {
    this.context = context;
  }

  private static PartyId party(String text) {
    try {
      return PartyId.parse(text);
    } catch (MlatException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One side of the demo: its folder, keys, trust, ledger, exchange service, endpoint and what its handler got. */
  private final class Side implements AutoCloseable {
    final String code;
    final PartyId self;
    final Path folder;
    Path trust;
    TrustVerifier verifier;
    char[] password;
    PackagePipelineCodec codec;
    Ledger ledger;
    ExchangeService service;
    HttpsReceiver receiver;
    final List<Delivery> delivered = new CopyOnWriteArrayList<>();

    Side(String code, PartyId self) {
      this.code = code;
      this.self = self;
      this.folder = out.resolve(code.toLowerCase(Locale.ROOT));
    }

    Path file(String name) {
      return folder.resolve(name);
    }

    String id() {
      return self.identifier();
    }

    /** The HTTPS receiver hands every upload to the service's inbound path (set once the service is built). */
    Answer receive(TlsPeer peer, Path packageFile, String sha256) throws MlatTransportException {
      ExchangeService s = service;
      if (s == null) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, code + "'s exchange service is not ready yet");
      }
      return s.incomingPackages().receive(peer, packageFile, sha256);
    }

    @Override
    public void close() {
      if (receiver != null) {
        receiver.close();
        receiver = null;
      }
      if (service != null) {
        service.close();
        service = null;
      }
      if (ledger != null) {
        ledger.close();
        ledger = null;
      }
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    o = spec.commandLine().getOut();
    long started = System.nanoTime();
    prepareFolder();
    Instant now = context.clock().instant();
    try (Side fr = new Side("FR", FR); Side us = new Side("US", US)) {
      o.println("mlat demo: France (" + FR + ") and the United States (" + US + ") on this machine; files in " + out);

      // 1. A test PKI per jurisdiction, then the trust folders exchanged.
      for (Side side : List.of(fr, us)) {
        mlat("pki", "init", "--country", side.code, "--authority", side.id(), "--out", side.folder.toString());
        side.password = Passwords.fromFile(side.file(side.id() + ".password"));
        step(side.code, "test PKI made: root and issuing CA, " + side.id() + " signing, encryption and TLS keys (" + side.folder + ")");
      }
      for (Side side : List.of(fr, us)) {
        Side other = side == fr ? us : fr;
        side.trust = side.file("trust");
        OutputFiles.copyTree(other.file("trust/" + other.code), side.trust.resolve(other.code));
        side.verifier = TrustVerifier.builder(TrustDirectory.load(side.trust)).clock(context.clock()).build();
      }
      step("FR+US", "trust folders exchanged: each side now trusts the other's anchors, CRLs and authority certificates");

      // 2. Each side: codec, SQLite ledger (audit heads signed by the authority), HTTPS receiver on loopback.
      for (Side side : List.of(fr, us)) {
        KeyRing encryption = Pkcs12KeyStore.load(side.file(side.id() + "-encryption.p12"), side.password.clone());
        var signing = Pkcs12KeyStore.load(side.file(side.id() + "-signing.p12"), side.password.clone()).identities().get(0);
        CmsSigner signer = Material.signer(context, side.self.jurisdiction(), signing);
        side.codec = PackagePipelineCodec.builder(side.self, signer, encryption, side.verifier)
            .quarantine(side.file("quarantine")).clock(context.clock()).build();
        side.ledger = Ledger.open(LedgerSettings.sqlite(side.file("ledger.db"), side.file("blobs")), context.clock(),
            new CmsAuditHeadSigner(signer, side.self + " ledger"));
        TlsIdentity tls = tlsIdentity(side.file(side.id() + "-tls.p12"), side.password);
        IncomingPackages incoming = side::receive;
        side.receiver = HttpsReceiver.builder(side.verifier, tls, incoming, side.codec.routing(), side.file("https-store"))
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).clock(context.clock()).build();
        side.receiver.start();
      }
      for (Side side : List.of(fr, us)) {
        Side other = side == fr ? us : fr;
        HttpsChannel https = HttpsChannel.builder(side.verifier, tlsIdentity(side.file(side.id() + "-tls.p12"), side.password))
            .endpoint(other.self, endpoint(other)).clock(context.clock()).build();
        side.service = ExchangeService.builder(side.ledger, side.codec, new HttpsExchangeChannel(https), side.file("work"))
            .handler((delivery, tx) -> side.delivered.add(delivery))
            .retry(new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200)))
            .build();
      }
      step("FR+US", "exchange services up, each on its own SQLite ledger (" + relative(fr.file("ledger.db")) + ", "
          + relative(us.file("ledger.db")) + ")");
      step("FR+US", "HTTPS endpoints up: FR on " + endpoint(fr) + ", US on " + endpoint(us) + " (mutual TLS, peers checked against the trust folder)");

      // 3. France drafts and validates the request; its exchange service signs, seals and records it.
      Path outbox = Files.createDirectories(fr.file("outbox"));
      Request request = DemoCase.request(UUID.randomUUID(), FR, US, now);
      Path requestFile = outbox.resolve("request.json");
      Files.write(requestFile, CliJson.strict().writeRequest(request));
      Path order = outbox.resolve(DemoCase.COURT_ORDER_NAME);
      Files.write(order, DemoCase.courtOrder());
      step("FR", "drafted request " + request.id() + ": preserve and produce the subscriber data behind 2001:db8:4f2a::17 ("
          + relative(requestFile) + ")");
      mlat("request", "validate", requestFile.toString());
      step("FR", "validated: complete at the issued level for the Budapest Convention Arts. 29 and 31");
      SendTicket requestTicket = fr.service.send(new RequestMessage(new MessageHeader(UUID.randomUUID(), request.id(), FR, US,
          seconds(context.clock().instant())), request),
          List.of(AttachmentSource.ofFile("A1", order, "text/plain")), US);
      Path requestPackage = keep(fr, requestTicket.packageSha256(), outbox.resolve("request.mlat"));
      step("FR", "signed by FR-MOJ and sealed for " + US + " with the court order attached, recorded in FR's ledger outbox; lifecycle "
          + state(fr, request.id()) + " (" + relative(requestPackage) + ")");

      // 4. Sent to the US over HTTPS; the US service opens it, records it, answers with a signed receipt.
      exchange(() -> settled(fr, requestTicket) && us.delivered.size() == 1, fr, us);
      Path requestReceipt = delivered(fr, us, requestTicket, "request");
      Delivery atUs = us.delivered.get(0);
      if (!(atUs.message() instanceof RequestMessage arrived) || !arrived.request().equals(request)) {
        throw new CliFailure(CliErrorCode.INTERNAL_ERROR, ExitCode.INTERNAL, "the US handler did not get the request FR sent");
      }
      step("US", "handler got the request once, in the ledger transaction: from " + atUs.entry().sender() + ", signed and verified; it asks for: "
          + measures(request) + "; court order " + atUs.entry().attachments().get(0).name() + " kept in the US ledger");
      step("US", "lifecycle " + state(us, request.id()) + "; FR lifecycle " + state(fr, request.id()));

      // 5. The US acknowledges, then answers with the evidence, through its own service.
      Path usOutbox = Files.createDirectories(us.file("outbox"));
      var ack = new AcknowledgementOfReceipt(new MessageHeader(UUID.randomUUID(), request.id(), US, FR, seconds(context.clock().instant())),
          Optional.of("OIA-2026-US-7781"), Optional.empty(), Optional.of("Received; forwarded for preservation to the provider."));
      Files.write(usOutbox.resolve("acknowledgement.json"), CliJson.strict().writeMessage(ack));
      SendTicket ackTicket = us.service.send(ack, List.of(), FR);
      keep(us, ackTicket.packageSha256(), usOutbox.resolve("acknowledgement.mlat"));
      step("US", "AcknowledgementOfReceipt signed and sealed for " + FR + " (their reference OIA-2026-US-7781), recorded in the US ledger");
      exchange(() -> settled(us, ackTicket) && fr.delivered.size() == 1, fr, us);
      delivered(us, fr, ackTicket, "acknowledgement");
      if (!(fr.delivered.get(0).message() instanceof AcknowledgementOfReceipt)) {
        throw new CliFailure(CliErrorCode.INTERNAL_ERROR, ExitCode.INTERNAL, "the FR handler did not get the acknowledgement");
      }
      step("FR", "handler got the AcknowledgementOfReceipt from " + fr.delivered.get(0).entry().sender() + "; lifecycle "
          + state(fr, request.id()));

      byte[] evidence = subscriberRecord(now);
      Path evidenceFile = usOutbox.resolve("subscriber-record.csv");
      Files.write(evidenceFile, evidence);
      Instant exported = seconds(context.clock().instant());
      var item = new EvidenceItem("E1", "Subscriber record of the customer using 2001:db8:4f2a::17", "text/csv", evidence.length,
          DemoCase.sha256(evidence), List.of(new CustodyEntry(exported, "Example Cloud Inc.", "exported by the provider"),
              new CustodyEntry(exported, US.toString(), "received and hashed")));
      var response = new Response(new MessageHeader(UUID.randomUUID(), request.id(), US, FR, exported), ResponseKind.FINAL,
          new EvidenceManifest(List.of(item), Optional.of("Produced by Example Cloud Inc. under a 2703(d) order.")),
          Optional.of("Final response: subscriber data."));
      Files.write(usOutbox.resolve("response.json"), CliJson.strict().writeMessage(response));
      SendTicket responseTicket = us.service.send(response, List.of(AttachmentSource.ofFile("E1", evidenceFile, "text/csv")), FR);
      Path responsePackage = keep(us, responseTicket.packageSha256(), usOutbox.resolve("response.mlat"));
      step("US", "Response signed and sealed for " + FR + " with evidence E1 subscriber-record.csv (" + evidence.length + " bytes, SHA-256 "
          + item.sha256().substring(0, 16) + "...)");
      exchange(() -> settled(us, responseTicket) && fr.delivered.size() == 2, fr, us);
      delivered(us, fr, responseTicket, "response");
      Delivery result = fr.delivered.get(1);
      if (!(result.message() instanceof Response) || result.entry().attachments().size() != 1) {
        throw new CliFailure(CliErrorCode.INTERNAL_ERROR, ExitCode.INTERNAL, "the FR handler did not get the response with its evidence");
      }
      Path inbox = Files.createDirectories(fr.file("inbox"));
      Path received = inbox.resolve("subscriber-record.csv");
      try (InputStream in = result.blobs().open(result.entry().attachments().get(0).sha256())) {
        Files.copy(in, received, StandardCopyOption.REPLACE_EXISTING);
      }
      String recomputed = ReceiptIssueCommand.sha256(received);
      if (!recomputed.equals(item.sha256())) {
        throw new CliFailure(TransportErrorCode.PACKAGE_ATTACHMENT_MISMATCH, ExitCode.VERIFICATION_FAILED,
            "the received evidence does not hash to the SHA-256 of the signed manifest");
      }
      step("FR", "handler got the Response from " + result.entry().sender() + "; lifecycle " + state(fr, request.id())
          + " (US: " + state(us, request.id()) + ")");
      step("FR", "evidence E1 checked: SHA-256 of " + relative(received) + " = " + recomputed.substring(0, 16)
          + "... equals the signed manifest's");

      // 6. Where everything is.
      fr.close();
      us.close();
      long millis = (System.nanoTime() - started) / 1_000_000;
      o.println();
      o.println("Done in " + String.format(Locale.ROOT, "%.1f", millis / 1000.0) + " s; both endpoints are stopped, both exchange services and ledgers closed.");
      o.println("  France:        " + fr.folder + "  (outbox/: request.json, request.mlat; receipts/: the US receipts; inbox/: the evidence)");
      o.println("  United States: " + us.folder + "  (outbox/: acknowledgement and response, with their packages; receipts/: the FR receipts)");
      o.println("  Ledgers:       " + fr.file("ledger.db") + " and " + us.file("ledger.db") + " (SQLite; blobs/ beside each: packages,");
      o.println("                 attachments, receipts), each with a hash-chained audit trail whose heads the partner's receipts carry");
      o.println("Inspect:");
      o.println("  ./mlat ledger verify " + fr.file("ledger.db") + " --trust " + fr.trust + " --jurisdiction FR");
      o.println("  ./mlat ledger verify " + us.file("ledger.db") + " --trust " + us.trust + " --jurisdiction US");
      o.println("  ./mlat verify " + requestPackage + " --trust " + us.trust);
      o.println("  ./mlat receipt check " + requestReceipt + " --sent " + requestPackage + " --trust " + fr.trust);
      o.println("  ./mlat open " + responsePackage + " --key " + fr.file("FR-MOJ-encryption.p12") + " --trust " + fr.trust
          + " --out response-opened --password-file " + fr.file("FR-MOJ.password"));
      o.println("  sqlite3 " + fr.file("ledger.db") + " 'SELECT message_id, message_type, state FROM outbox'   (if sqlite3 is installed)");
      return ExitCode.OK.value();
    }
  }

  /** Runs rounds of both services (take incoming, send due, deliver) until {@code done}; at most 200 rounds. */
  private static void exchange(BooleanSupplier done, Side... sides) throws Exception {
    for (int round = 0; round < 200 && !done.getAsBoolean(); round++) {
      for (Side side : sides) {
        side.service.runOnce();
      }
      if (!done.getAsBoolean()) {
        Thread.sleep(60); // past the retry delay of a message still waiting for its receipt
      }
    }
    if (!done.getAsBoolean()) {
      throw new CliFailure(CliErrorCode.INTERNAL_ERROR, ExitCode.INTERNAL, "the exchange did not finish within 200 rounds");
    }
  }

  private static boolean settled(Side side, SendTicket ticket) {
    try {
      return side.service.outgoing(ticket.messageId()).orElseThrow().state() != OutboxState.PENDING;
    } catch (MlatTransportException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks that {@code ticket}'s message is delivered with a checked receipt (the service checked it
   * when it came back), keeps a copy of the receipt in the sender's receipts/ and prints the steps.
   */
  private Path delivered(Side from, Side to, SendTicket ticket, String name) throws Exception {
    OutboxEntry entry = from.service.outgoing(ticket.messageId()).orElseThrow();
    if (entry.state() != OutboxState.DELIVERED || entry.receiptSha256().isEmpty()) {
      throw new CliFailure(CliErrorCode.INTERNAL_ERROR, ExitCode.INTERNAL, "the " + name + " was not delivered: " + entry.state()
          + entry.lastError().map(e -> " (" + e + ")").orElse(""));
    }
    step(from.code + "->" + to.code, name + " " + ticket.messageId() + " sent over HTTPS (mutual TLS); " + to.code
        + " checked the header signature, decrypted, verified the signer and the binding, recorded it in its ledger");
    Path receipt = keep(from, entry.receiptSha256().get(), Files.createDirectories(from.file("receipts")).resolve(name + ".receipt.p7s"));
    CheckedReceipt checked = from.codec.checkReceipt(Files.readAllBytes(receipt), entry);
    step(from.code, "status: " + name + " " + entry.state().name().toLowerCase(Locale.ROOT) + "; receipt checked: signed by " + to.self + ", names message "
        + checked.messageId() + " and header digest " + ticket.headerSha256().substring(0, 16) + "..."
        + checked.partnerHead().map(h -> ", carries " + to.code + "'s ledger head #" + h.sequence()).orElse("")
        + " (" + relative(receipt) + ")");
    return receipt;
  }

  /** Copies blob {@code sha256} of {@code side}'s ledger to {@code target}. */
  private static Path keep(Side side, String sha256, Path target) throws IOException, MlatTransportException {
    try (InputStream in = side.ledger.blobs().open(sha256)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static String state(Side side, UUID requestId) throws MlatTransportException {
    return side.service.status(requestId).state().map(s -> s.name()).orElse("(none)");
  }

  private static String measures(Request request) {
    List<String> names = new ArrayList<>();
    for (Measure m : request.measures()) {
      names.add(m.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT));
    }
    return String.join(", ", names);
  }

  private void step(String who, String what) {
    o.println(String.format("[%-5s] %s", who, what));
    o.flush();
  }

  /** Runs one of this command's own sub-commands in-process; a failure stops the demo with its line. */
  private void mlat(String... args) {
    var sink = new StringWriter();
    var err = new StringWriter();
    int status = Cli.execute(context.withTerminal(false), new PrintWriter(sink), new PrintWriter(err), args);
    if (status != 0) {
      String line = err.toString().strip();
      throw new CliFailure(CliErrorCode.INTERNAL_ERROR, ExitCode.INTERNAL, "demo step 'mlat " + String.join(" ", args)
          + "' failed: " + line);
    }
  }

  private String relative(Path p) {
    return out.relativize(p).toString();
  }

  private static URI endpoint(Side side) {
    InetSocketAddress a = side.receiver.address();
    return URI.create("https://127.0.0.1:" + a.getPort() + "/");
  }

  private static Instant seconds(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS);
  }

  /** The TLS key and chain of {@code p12} (alias "tls"), through the JDK's PKCS#12 key store. */
  private static TlsIdentity tlsIdentity(Path p12, char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      store.load(in, password);
    }
    PrivateKey key = (PrivateKey) store.getKey("tls", password);
    List<X509Certificate> chain = new ArrayList<>();
    for (var c : store.getCertificateChain("tls")) {
      chain.add((X509Certificate) c);
    }
    return TlsIdentity.of(key, chain);
  }

  private static byte[] subscriberRecord(Instant now) {
    return ("ip_address,observed_utc,port,customer_id,name,email,postal_address,payment,account_created\n"
        + "2001:db8:4f2a::17," + now.minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS) + ",51234,C-0042-7731,"
        + "\"Example Customer\",customer@example.net,\"1 Example Street, Springfield\",\"card ending 4242\",2025-03-01\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Creates the demo folder; a folder an earlier run made (with its marker) is replaced, any other is left alone. */
  private void prepareFolder() throws IOException {
    if (Files.exists(out)) {
      if (!Files.exists(out.resolve(MARKER))) {
        throw new CliFailure(CliErrorCode.OUTPUT_EXISTS, ExitCode.IO, out + " exists and is not a folder of an earlier demo run; "
            + "choose another --out");
      }
      OutputFiles.deleteTree(out);
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve(MARKER), "made by mlat demo; a later run replaces this folder\n");
  }
}
