package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.MlatException;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.AcknowledgementOfReceipt;
import dev.mlat.core.model.message.CustodyEntry;
import dev.mlat.core.model.message.EvidenceItem;
import dev.mlat.core.model.message.EvidenceManifest;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.Response;
import dev.mlat.core.model.message.ResponseKind;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.keys.Pkcs12KeyStore;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.Answer;
import dev.mlat.transport.https.HttpsChannel;
import dev.mlat.transport.https.HttpsReceiver;
import dev.mlat.transport.https.IncomingPackages;
import dev.mlat.transport.https.PackageRouting;
import dev.mlat.transport.https.TlsIdentity;
import dev.mlat.transport.https.TlsPeer;
import dev.mlat.transport.pkg.InMemorySeenMessageStore;
import dev.mlat.transport.pkg.OpenResult;
import dev.mlat.transport.pkg.PackageGateway;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.pkg.PackageOpener;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.pkg.ReceivedAttachment;
import dev.mlat.transport.pkg.Resend;
import dev.mlat.transport.pkg.VerifiedPackage;
import dev.mlat.transport.receipt.ReceiptIssuer;
import dev.mlat.transport.receipt.ReceiptVerifier;
import dev.mlat.transport.receipt.VerifiedReceipt;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlat demo}: France and the United States on one machine, each with its own test PKI,
 * HTTPS endpoint on loopback (mutual TLS) and store, exchanging a request, a signed receipt, an
 * acknowledgement and a response with evidence. One line per step; everything it starts is
 * stopped before it returns.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        "Run the two-country demo: France (FR:FR-MOJ) asks the United States (US:US-DOJ) to preserve and produce the "
            + "subscriber data behind an IPv6 address. Each side gets its own test PKI, trust folder and HTTPS endpoint on "
            + "127.0.0.1 (mutual TLS); the request is drafted, validated, signed, sealed and sent; the US verifies and opens "
            + "it, answers with a signed receipt, sends an AcknowledgementOfReceipt and a Response with an evidence file; "
            + "France opens it and checks the evidence hash.",
        "Prints one line per step, then where the files and receipts are and the commands to inspect them. Needs no "
            + "network beyond loopback; leaves nothing running."})
public final class DemoCommand implements Callable<Integer> {

  /** Marks a folder the demo made, so that a second run may replace it. */
  static final String MARKER = ".mlat-demo";

  private static final PartyId FR = party("FR:FR-MOJ");
  private static final PartyId US = party("US:US-DOJ");
  private static final MlatJson JSON = MlatJson.strict();

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

  /** One side of the demo: its folder, keys, trust, endpoint and what arrived. */
  private final class Side implements AutoCloseable {
    final String code;
    final PartyId self;
    final Path folder;
    Path trust;
    TrustVerifier verifier;
    char[] password;
    HttpsReceiver receiver;
    HttpsChannel channel;
    PackageOpener opener;
    ReceiptIssuer receipts;
    final InMemorySeenMessageStore seen = new InMemorySeenMessageStore();
    final Map<String, Object> arrived = new ConcurrentHashMap<>();

    Side(String code, PartyId self) {
      this.code = code;
      this.self = self;
      this.folder = out.resolve(code.toLowerCase());
    }

    Path file(String name) {
      return folder.resolve(name);
    }

    String id() {
      return self.identifier();
    }

    /** Opens what the other side sends, answers with a signed receipt (or a negative one). */
    Answer receive(TlsPeer peer, Path packageFile, String sha256) throws MlatTransportException {
      try {
        Path inbox = Files.createDirectories(file("inbox"));
        OpenResult result = opener.open(packageFile, inbox);
        if (result instanceof Resend resend) {
          return Answer.receipt(receipts.resend(resend));
        }
        VerifiedPackage verified = (VerifiedPackage) result;
        Files.copy(packageFile, inbox.resolve(verified.header().messageId() + ".mlat"), StandardCopyOption.REPLACE_EXISTING);
        byte[] receipt = receipts.record(seen, verified, receipts.accepted(verified, Optional.empty())).receipt();
        Files.write(inbox.resolve(verified.header().messageId() + ".receipt.p7s"), receipt);
        arrived.put(sha256, verified);
        return Answer.receipt(receipt);
      } catch (PackageRejectedException rejection) {
        arrived.put(sha256, rejection);
        try {
          return Answer.negativeReceipt(receipts.rejected(rejection, sha256, Optional.empty()));
        } catch (MlatException e) {
          throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "signing a negative receipt failed: " + e.getMessage(), e);
        }
      } catch (MlatException e) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "signing the receipt failed: " + e.getMessage(), e);
      } catch (IOException e) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "storing the package failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      if (receiver != null) {
        receiver.close();
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

      // 2. Endpoints: HTTPS with mutual TLS on loopback, opening into each side's inbox.
      for (Side side : List.of(fr, us)) {
        KeyRing encryption = Pkcs12KeyStore.load(side.file(side.id() + "-encryption.p12"), side.password.clone());
        side.opener = PackageOpener.builder(side.self, encryption, side.verifier, side.seen).clock(context.clock())
            .quarantine(side.file("quarantine")).build();
        var signing = Pkcs12KeyStore.load(side.file(side.id() + "-signing.p12"), side.password.clone()).identities().get(0);
        side.receipts = new ReceiptIssuer(side.self, Material.signer(context, side.self.jurisdiction(), signing), context.clock());
        TlsIdentity tls = tlsIdentity(side.file(side.id() + "-tls.p12"), side.password);
        PackageGateway gateway = new PackageGateway(side.verifier, context.clock(), PackageLimits.defaults());
        PackageRouting routing = file -> gateway.verifyHeader(file).header().sender();
        IncomingPackages incoming = side::receive;
        side.receiver = HttpsReceiver.builder(side.verifier, tls, incoming, routing, side.file("https-store"))
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).clock(context.clock()).build();
        side.receiver.start();
      }
      for (Side side : List.of(fr, us)) {
        Side other = side == fr ? us : fr;
        side.channel = HttpsChannel.builder(side.verifier, tlsIdentity(side.file(side.id() + "-tls.p12"), side.password))
            .endpoint(other.self, endpoint(other)).clock(context.clock()).build();
      }
      step("FR+US", "HTTPS endpoints up: FR on " + endpoint(fr) + ", US on " + endpoint(us) + " (mutual TLS, peers checked against the trust folder)");

      // 3. France drafts, validates, signs and seals the request.
      Path outbox = Files.createDirectories(fr.file("outbox"));
      Request request = DemoCase.request(UUID.randomUUID(), FR, US, now);
      Path requestFile = outbox.resolve("request.json");
      Files.write(requestFile, JSON.writeRequest(request));
      Path order = outbox.resolve(DemoCase.COURT_ORDER_NAME);
      Files.write(order, DemoCase.courtOrder());
      step("FR", "drafted request " + request.id() + ": preserve and produce the subscriber data behind 2001:db8:4f2a::17 ("
          + relative(requestFile) + ")");
      mlat("request", "validate", requestFile.toString());
      step("FR", "validated: complete at the issued level for the Budapest Convention Arts. 29 and 31");
      Path requestPackage = outbox.resolve("request.mlat");
      mlat("seal", requestFile.toString(), "--attach", order.toString(), "--signer", fr.file("FR-MOJ-signing.p12").toString(),
          "--to", US.toString(), "--trust", fr.trust.toString(), "--out", requestPackage.toString(),
          "--password-file", fr.file("FR-MOJ.password").toString());
      step("FR", "signed by FR-MOJ and sealed for " + US + " with the court order attached (" + relative(requestPackage) + ")");

      // 4. Sent to the US, opened there, answered with a signed receipt.
      VerifiedPackage atUs = send(fr, us, requestPackage, "request");
      step("US", "opened: " + Opening.summary(atUs).get(1).replace("Signed by", "signed by"));
      step("US", Opening.summary(atUs).get(2).replace("Asks for", "it asks for") + "; " + Opening.summary(atUs).get(3).replace("By:", "by"));

      // 5. The US acknowledges, then answers with the evidence.
      Path usOutbox = Files.createDirectories(us.file("outbox"));
      var ack = new AcknowledgementOfReceipt(new MessageHeader(UUID.randomUUID(), request.id(), US, FR, seconds(context.clock().instant())),
          Optional.of("OIA-2026-US-7781"), Optional.empty(), Optional.of("Received; forwarded for preservation to the provider."));
      Path ackFile = usOutbox.resolve("acknowledgement.json");
      Files.write(ackFile, JSON.writeMessage(ack));
      Path ackPackage = usOutbox.resolve("acknowledgement.mlat");
      mlat("seal", ackFile.toString(), "--signer", us.file("US-DOJ-signing.p12").toString(), "--trust", us.trust.toString(),
          "--out", ackPackage.toString(), "--password-file", us.file("US-DOJ.password").toString());
      step("US", "AcknowledgementOfReceipt sealed for " + FR + " (their reference OIA-2026-US-7781)");
      VerifiedPackage ackAtFr = send(us, fr, ackPackage, "acknowledgement");
      step("FR", "opened the AcknowledgementOfReceipt: " + Opening.summary(ackAtFr).get(1).replace("Signed by", "signed by"));

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
      Path responseFile = usOutbox.resolve("response.json");
      Files.write(responseFile, JSON.writeMessage(response));
      Path responsePackage = usOutbox.resolve("response.mlat");
      mlat("seal", responseFile.toString(), "--attach", evidenceFile.toString(), "--signer", us.file("US-DOJ-signing.p12").toString(),
          "--trust", us.trust.toString(), "--out", responsePackage.toString(), "--password-file", us.file("US-DOJ.password").toString());
      step("US", "Response sealed for " + FR + " with evidence E1 subscriber-record.csv (" + evidence.length + " bytes, SHA-256 "
          + item.sha256().substring(0, 16) + "...)");
      VerifiedPackage responseAtFr = send(us, fr, responsePackage, "response");
      ReceivedAttachment received = responseAtFr.attachments().get(0);
      String recomputed = ReceiptIssueCommand.sha256(received.file());
      if (!recomputed.equals(item.sha256())) {
        throw new CliFailure(TransportErrorCode.PACKAGE_ATTACHMENT_MISMATCH, ExitCode.VERIFICATION_FAILED,
            "the received evidence does not hash to the SHA-256 of the signed manifest");
      }
      step("FR", "opened the Response: " + Opening.summary(responseAtFr).get(1).replace("Signed by", "signed by"));
      step("FR", "evidence E1 checked: SHA-256 of " + relative(received.file()) + " = " + recomputed.substring(0, 16)
          + "... equals the signed manifest's");

      // 6. Where everything is.
      fr.close();
      us.close();
      long millis = (System.nanoTime() - started) / 1_000_000;
      o.println();
      o.println("Done in " + String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0) + " s; both endpoints are stopped.");
      o.println("  France:        " + fr.folder + "  (outbox/: request.json, request.mlat; receipts/: the US receipts; inbox/: what arrived)");
      o.println("  United States: " + us.folder + "  (inbox/<message id>/: the opened request; outbox/: acknowledgement, response)");
      o.println("  Audit trail:   each side's inbox/ keeps every package received with the receipt it signed; the sender keeps the");
      o.println("                 receipts it checked in receipts/ (the SQLite ledger arrives with the exchange service)");
      o.println("Inspect:");
      o.println("  ./mlat verify " + requestPackage + " --trust " + us.trust);
      o.println("  ./mlat receipt check " + fr.file("receipts/request.receipt.p7s") + " --sent " + requestPackage + " --trust " + fr.trust);
      o.println("  ./mlat open " + responsePackage + " --key " + fr.file("FR-MOJ-encryption.p12") + " --trust " + fr.trust
          + " --out response-opened --password-file " + fr.file("FR-MOJ.password"));
      o.println("  cat " + us.folder.resolve("inbox").resolve(atUs.header().messageId().toString()).resolve("message.json"));
      return ExitCode.OK.value();
    }
  }

  /** Sends {@code packageFile} from one side to the other over HTTPS, checks the receipt, returns what was opened there. */
  private VerifiedPackage send(Side from, Side to, Path packageFile, String name) throws Exception {
    String sha256 = ReceiptIssueCommand.sha256(packageFile);
    var header = new PackageGateway(from.verifier, context.clock(), PackageLimits.defaults()).verifyHeader(packageFile).header();
    Answer answer = from.channel.deliver(packageFile, sha256, header.messageId().toString(), to.self);
    Object arrived = to.arrived.get(sha256);
    if (arrived instanceof PackageRejectedException rejection) {
      throw rejection;
    }
    if (!(answer instanceof Answer.Receipt receipt) || !(arrived instanceof VerifiedPackage verified)) {
      throw new CliFailure(CliErrorCode.INTERNAL_ERROR, ExitCode.INTERNAL, "the " + name + " was not accepted: " + answer);
    }
    step(from.code + "->" + to.code, name + " " + header.messageId() + " sent over HTTPS (mutual TLS); " + to.code
        + " checked the header signature, decrypted, verified the signer and the binding");
    VerifiedReceipt checked = new ReceiptVerifier(from.verifier, context.clock()).check(receipt.encoded(), to.self, header.messageId(), sha256);
    Path receipts = Files.createDirectories(from.file("receipts"));
    Path kept = receipts.resolve(name + ".receipt.p7s");
    Files.write(kept, checked.bytes());
    step(from.code, "receipt checked: signed by " + checked.receipt().receiver() + ", names message " + header.messageId()
        + " and package SHA-256 " + sha256.substring(0, 16) + "... (" + relative(kept) + ")");
    return verified;
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
