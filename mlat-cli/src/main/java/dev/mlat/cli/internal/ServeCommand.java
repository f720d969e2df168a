package dev.mlat.cli.internal;

import dev.mlat.cli.ExitCode;
import dev.mlat.core.PartyId;
import dev.mlat.core.validation.Level;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.exchange.Channel;
import dev.mlat.transport.exchange.Delivery;
import dev.mlat.transport.exchange.ExchangeService;
import dev.mlat.transport.exchange.PackagePipelineCodec;
import dev.mlat.transport.https.Answer;
import dev.mlat.transport.https.HttpsReceiver;
import dev.mlat.transport.https.IncomingPackages;
import dev.mlat.transport.https.TlsIdentity;
import dev.mlat.transport.ledger.CmsAuditHeadSigner;
import dev.mlat.transport.ledger.InboxEntry;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.LedgerSettings;
import dev.mlat.transport.ledger.StoredAttachment;
import dev.mlat.transport.pkg.PackageGateway;
import dev.mlat.transport.pkg.PackageHeader;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.receipt.Receipt;
import dev.mlat.transport.pkg.VerifiedHeader;
import dev.mlat.transport.receipt.ReceiptVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlat serve}: an HTTPS endpoint (docs/HTTP.md) feeding an exchange service on this
 * authority's ledger: every package is opened through every check by {@link PackagePipelineCodec},
 * recorded in the ledger in the transaction that signs the receipt (with the ledger's audit head),
 * answered with that receipt (or a signed negative receipt), then handed once to this command,
 * which writes it under {@code --out}. Runs until SIGINT / SIGTERM, {@code --max-packages} or
 * {@code --for}; everything it started is stopped and the ledger closed before it returns.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
        "Run an HTTPS endpoint (docs/HTTP.md, mutual TLS on --tls; clients must be registered authorities of the trust "
            + "directory) that receives into this authority's exchange ledger (--ledger, SQLite): each package is opened "
            + "through every check as the key's authority, recorded in the ledger together with the signed receipt that "
            + "carries the ledger's audit head, and answered with that receipt; a refused package gets a signed negative "
            + "receipt (HTTP 422). A resend of the same bytes gets the first receipt and is not recorded twice.",
        "Each received message is written to OUT/<message id>/ (message.json, attachments/<id>, package.mlat, received.json, and "
            + "receipt.p7s) and reported in one line on stdout.",
        "Runs until interrupted (Ctrl-C, SIGTERM), until --max-packages were answered, or for --for; then stops the "
            + "endpoint and closes the ledger ('mlat ledger verify' checks it afterwards)."})
public final class ServeCommand implements Callable<Integer> {

  /** After the last of --max-packages was answered: time for the HTTPS answer to be written out before the server stops. */
  private static final long ANSWER_GRACE_MILLIS = 500;

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Option(names = "--tls", required = true, paramLabel = "P12", description = "This authority's TLS key (PKCS#12, alias tls).")
  private Path tls;

  @Mixin
  private KeyOptions key;

  @Option(names = "--signer", required = true, paramLabel = "P12",
      description = "This authority's signing key, for the receipts and the ledger's audit heads.")
  private Path signer;

  @Option(names = "--trust", required = true, paramLabel = "DIR", description = "The trust directory.")
  private Path trustFolder;

  @Mixin
  private LedgerOptions ledgerOptions;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Where each received message is written for the operator (OUT/<message id>/; created).")
  private Path out;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "The address to listen on (default 127.0.0.1).")
  private String bind;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8443", description = "The port (default 8443; 0: any free port, printed).")
  private int port;

  @Option(names = "--max-packages", paramLabel = "N", description = "Stop after N packages were answered (received, resent or refused).")
  private Integer maxPackages;

  @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long, for example 90s, 10m, 8h.")
  private String forDuration;

  @Option(names = "--level", paramLabel = "draft|issued", converter = RequestValidateCommand.LevelConverter.class,
      description = "The validation level a received request must pass (default issued).")
  private Level level = Level.ISSUED;

  @Mixin
  private PasswordOptions passwords;

  private PrintWriter o;
  private PrintWriter e;
  /** The receipts answered by this run, until the handler writes them beside the message. */
  private final java.util.Map<String, byte[]> answers = new java.util.concurrent.ConcurrentHashMap<>();

  /** Used by picocli. */
  public ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    key.check();
    if (maxPackages != null && maxPackages < 1) {
      throw CliFailure.usage("--max-packages must be 1 or more");
    }
    Duration limit = forDuration == null ? null : Arguments.duration("--for", forDuration, Duration.ofDays(3650));
    if (limit != null && limit.isZero()) {
      throw CliFailure.usage("--for must be more than 0");
    }
    if (port < 0 || port > 65535) {
      throw CliFailure.usage("--port must be 0 to 65535");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (IOException unknown) {
      throw CliFailure.usage("--bind: '" + bind + "' is not an address of this machine");
    }
    o = spec.commandLine().getOut();
    e = spec.commandLine().getErr();
    LedgerSettings settings = ledgerOptions.settings();
    TrustVerifier trust = Material.trust(context, trustFolder);
    char[] password = passwords.source().read(context, key.describe());
    try (KeyOptions.Loaded loaded = key.load(context, password)) {
      PartyId self = Material.receivingAuthority(trust, loaded.identity, "--key");
      KeyIdentity signing = Material.single("--signer", signer, Material.pkcs12(context, "--signer", signer, password));
      PartyId signingParty = Material.signingAuthority(trust, signing, "--signer");
      if (!signingParty.equals(self)) {
        throw CliFailure.usage("--signer is " + signingParty + "'s key, --key " + self + "'s: receipts are signed by the receiver");
      }
      TlsIdentity tlsIdentity = Material.tlsIdentity(tls, password);
      Arrays.fill(password, '\0');
      CmsSigner cms = Material.signer(context, self.jurisdiction(), signing);
      Files.createDirectories(out);
      try (Ledger ledger = Ledger.open(settings, context.clock(), new CmsAuditHeadSigner(cms, self + " ledger"))) {
        // built once the ledger is ours (an SQLite ledger admits one process): the codec empties its quarantine
        PackagePipelineCodec codec = PackagePipelineCodec.builder(self, cms, loaded.ring(), trust)
            .quarantine(ledgerOptions.work("quarantine")).requestLevel(level).clock(context.clock()).build();
        try (ExchangeService service = ExchangeService.builder(ledger, codec, RECEIVE_ONLY, ledgerOptions.work("exchange"))
            .handler((delivery, transaction) -> write(ledger, delivery)).build()) {
          return serve(self, trust, ledger, service, codec, tlsIdentity, address, limit);
        }
      }
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private int serve(PartyId self, TrustVerifier trust, Ledger ledger, ExchangeService service, PackagePipelineCodec codec,
      TlsIdentity tlsIdentity, InetAddress address, Duration limit) throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicInteger answered = new AtomicInteger();
    PackageGateway gateway = new PackageGateway(trust, context.clock(), PackageLimits.defaults());
    ReceiptVerifier receipts = new ReceiptVerifier(trust, context.clock());
    IncomingPackages inbound = service.incomingPackages();
    IncomingPackages incoming = (peer, file, sha256) -> {
      // the receiver's routing passed this check already; the exchange service checks the entries (a
      // package that fails there gets its negative receipt from the service, not an exception here)
      VerifiedHeader checked = gateway.verifyHeaderSignature(file);
      PackageHeader h = checked.header();
      String id = h.messageId().toString();
      boolean seenBefore = ledger.seenMessages().find(id).isPresent();
      Answer answer = inbound.receive(peer, file, sha256);
      if (answer instanceof Answer.Receipt r && !seenBefore) {
        answers.put(id, r.encoded());
      }
      deliver(service); // the message is written under --out before its sender holds the receipt
      report(self, receipts, h, checked.headerSha256(), answer, seenBefore, ledger);
      if (answered.incrementAndGet() >= (maxPackages == null ? Integer.MAX_VALUE : maxPackages)) {
        stop.countDown();
      }
      return answer;
    };
    HttpsReceiver receiver = HttpsReceiver.builder(trust, tlsIdentity, incoming, codec.routing(), ledgerOptions.work("https"))
        .bind(new InetSocketAddress(address, port)).clock(context.clock())
        .onRefusal(refusal -> line(e, "mlat: refused an upload: " + refusal.errorCode().code() + ": " + refusal.getMessage()))
        .build();
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        stopped.await(30, TimeUnit.SECONDS); // let the command close the endpoint and the ledger before the JVM exits
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }, "mlat-serve-shutdown");
    boolean byCount = false;
    boolean started = false;
    try {
      receiver.start();
      started = true;
      Runtime.getRuntime().addShutdownHook(hook);
      line(o, "Serving " + self + " on https://" + hostAndPort(receiver.address()) + "/ into the ledger " + ledgerOptions.database
          + "; messages written to " + out + " (" + (maxPackages != null ? "until " + maxPackages + " packages" : limit != null
              ? "for " + Arguments.describe(limit) : "Ctrl-C to stop") + ")");
      Instant until = limit == null ? null : context.clock().instant().plus(limit);
      while (true) {
        boolean asked = stop.await(200, TimeUnit.MILLISECONDS);
        deliver(service); // messages whose writing failed before are offered again
        if (asked || (until != null && !context.clock().instant().isBefore(until))) {
          byCount = asked && maxPackages != null && answered.get() >= maxPackages;
          break;
        }
      }
      if (byCount) {
        Thread.sleep(ANSWER_GRACE_MILLIS); // the last answer is being written by the HTTPS thread
      }
    } finally {
      receiver.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for 'stopped'
      }
      if (started) {
        line(o, "Stopped after " + answered.get() + (answered.get() == 1 ? " package" : " packages") + "; endpoint closed, ledger "
            + ledgerOptions.database + " closed.");
      }
      stopped.countDown();
    }
    return ExitCode.OK.value();
  }

  /** The delivery step; a failure (for example --out not writable) is reported and the message offered again. */
  private void deliver(ExchangeService service) {
    try {
      service.deliverRecorded();
    } catch (MlatTransportException | RuntimeException failure) {
      line(e, "mlat: warning: a received message could not be written to " + out + " (it stays in the ledger and is offered "
          + "again): " + failure.getMessage());
    }
  }

  private void report(PartyId self, ReceiptVerifier receipts, PackageHeader h, String headerSha256, Answer answer, boolean seenBefore,
      Ledger ledger) {
    String what = h.messageType().wireName() + " " + h.messageId() + " of request " + h.requestId() + " from " + h.sender()
        + h.originalSender().map(issuer -> " (relaying " + issuer + ")").orElse("");
    if (answer instanceof Answer.TemporaryFailure) {
      line(o, "not now: " + what + " answered 503, the sender retries");
      return;
    }
    byte[] bytes = answer instanceof Answer.Receipt r ? r.encoded() : ((Answer.NegativeReceipt) answer).encoded();
    Optional<Receipt> receipt;
    String head;
    try {
      receipt = Optional.of(receipts.check(bytes, self, h.messageId(), headerSha256).receipt());
      head = receipt.get().auditHead().map(a -> "ledger head #" + a.sequence()).orElse("no ledger head");
    } catch (MlatTransportException unchecked) {
      receipt = Optional.empty();
      head = "(own receipt not checkable with this trust directory: " + unchecked.errorCode().code() + ")";
    }
    if (answer instanceof Answer.NegativeReceipt) {
      String code = receipt.flatMap(Receipt::errorCode).orElse("?");
      line(o, "refused " + what + ": " + code + receipt.flatMap(Receipt::stage).map(s -> " at stage " + s).orElse("")
          + "; answered with a signed negative receipt, " + head);
      return;
    }
    if (seenBefore) {
      line(o, "resend of " + what + ": answered with its first receipt, not recorded again");
      return;
    }
    int attachments = 0;
    try {
      attachments = ledger.inboxEntry(h.messageId().toString()).map(i -> i.attachments().size()).orElse(0);
    } catch (MlatTransportException ignored) {
      // only the count in the line
    }
    line(o, "received " + what + ": passed structure, header signature (trusted for " + h.sender().jurisdiction().code()
        + "), recipient, expiry, decryption, issuer's signature (trusted for "
        + h.originalSender().orElse(h.sender()).jurisdiction().code() + "), binding, content (" + level.name().toLowerCase(java.util.Locale.ROOT)
        + " level), " + attachments + (attachments == 1 ? " attachment" : " attachments") + " by SHA-256; recorded, signed receipt with "
        + head + "; written to " + out.resolve(h.messageId().toString()));
  }

  /**
   * The handler: writes the message for the operator, in a temporary folder moved into place (a
   * message offered again after a failure replaces a partial earlier copy).
   */
  private void write(Ledger ledger, Delivery delivery) throws IOException, MlatTransportException {
    InboxEntry entry = delivery.entry();
    if (!entry.messageId().matches("[0-9a-f-]{36}")) {
      throw new IllegalStateException("not a message id: " + entry.messageId());
    }
    Path target = out.resolve(entry.messageId());
    Path tmp = out.resolve("." + entry.messageId() + ".tmp");
    OutputFiles.deleteTree(tmp);
    Files.createDirectories(tmp.resolve("attachments"));
    Files.write(tmp.resolve("message.json"), CliJson.strict().writeMessage(delivery.message()));
    copy(ledger, entry.packageSha256(), tmp.resolve("package.mlat"));
    // The handler runs inside the ledger's transaction: it reads blobs only, never the database.
    byte[] receipt = answers.remove(entry.messageId());
    if (receipt != null) {
      Files.write(tmp.resolve("receipt.p7s"), receipt);
    }
    List<String> files = new ArrayList<>();
    Set<String> used = new HashSet<>();
    List<SealCommand.Reference> references = SealCommand.references(delivery.message());
    for (int i = 0; i < entry.attachments().size(); i++) {
      StoredAttachment a = entry.attachments().get(i);
      String name = "attachment-" + (i + 1);
      for (SealCommand.Reference r : references) {
        if (r.sha256().equals(a.sha256()) && r.id().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") && !used.contains(r.id())) {
          name = r.id();
          break;
        }
      }
      used.add(name);
      files.add(name);
      copy(ledger, a.sha256(), tmp.resolve("attachments").resolve(name));
    }
    Files.writeString(tmp.resolve("received.json"), receivedJson(entry, headerSha256(tmp.resolve("package.mlat")), files),
        StandardCharsets.UTF_8);
    if (Files.exists(target)) {
      OutputFiles.deleteTree(target);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void copy(Ledger ledger, String sha256, Path target) throws IOException, MlatTransportException {
    try (InputStream in = ledger.blobs().open(sha256)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The header digest of a package the service verified (the SHA-256 of its header.json entry, which
   * the receipt names), read back from the stored copy: the handler may not ask the ledger.
   */
  private static String headerSha256(Path verifiedPackage) throws IOException {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(verifiedPackage.toFile())) {
      java.util.zip.ZipEntry header = zip.getEntry("header.json");
      if (header == null) {
        throw new IOException("the stored package " + verifiedPackage + " has no header.json");
      }
      try (InputStream in = zip.getInputStream(header)) {
        // verified: within the opener's maxHeaderBytes
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from the JDK", e);
      }
    }
  }

  private String receivedJson(InboxEntry entry, String headerSha256, List<String> files) {
    StringBuilder s = new StringBuilder("{\n");
    s.append("  \"messageId\": ").append(quote(entry.messageId())).append(",\n");
    s.append("  \"requestId\": ").append(quote(entry.requestId().toString())).append(",\n");
    s.append("  \"messageType\": ").append(quote(entry.messageType())).append(",\n");
    s.append("  \"sender\": ").append(quote(entry.sender())).append(",\n");
    s.append("  \"receivedAt\": ").append(quote(entry.receivedAt().toString())).append(",\n");
    s.append("  \"headerSha256\": ").append(quote(headerSha256)).append(",\n");
    s.append("  \"packageSha256\": ").append(quote(entry.packageSha256())).append(",\n");
    s.append("  \"messageSha256\": ").append(quote(entry.messageSha256())).append(",\n");
    s.append("  \"checks\": \"every stage of docs/FORMAT.md passed (structure, header signature, entries, expiry, decryption, "
        + "signature and trust of the issuer, binding, content at the " + level.name().toLowerCase(java.util.Locale.ROOT)
        + " level, attachments)\",\n");
    s.append("  \"ledger\": ").append(quote(ledgerOptions.database.toAbsolutePath().toString())).append(",\n");
    s.append("  \"attachments\": [");
    for (int i = 0; i < files.size(); i++) {
      StoredAttachment a = entry.attachments().get(i);
      s.append(i == 0 ? "\n" : ",\n").append("    {\"file\": ").append(quote("attachments/" + files.get(i)))
          .append(", \"senderFileName\": ").append(quote(a.name())).append(", \"mediaType\": ").append(quote(a.mediaType()))
          .append(", \"size\": ").append(a.size()).append(", \"sha256\": ").append(quote(a.sha256())).append("}");
    }
    s.append(files.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return s.toString();
  }

  private static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.append('"').toString();
  }

  private static String hostAndPort(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  private static synchronized void line(PrintWriter w, String text) {
    w.println(text);
    w.flush();
  }

  /**
   * Serve only receives: its exchange service never runs the sender step, so this channel is never
   * asked to send. Over HTTPS, packages arrive through the receiver and receipts are the answers.
   */
  private static final Channel RECEIVE_ONLY = new Channel() {
    @Override
    public Handover sendPackage(PartyId partner, String messageId, Path packageFile, String packageSha256)
        throws MlatTransportException {
      throw new MlatTransportException(TransportErrorCode.EXCHANGE_TEMPORARY_FAILURE,
          "mlat serve only receives; message " + messageId + " is sent with 'mlat send'");
    }

    @Override
    public void sendReceipt(PartyId partner, String messageId, byte[] receipt) {
      throw new IllegalStateException("over HTTPS a receipt is the answer to the upload");
    }

    @Override
    public List<Incoming> incoming(int max) {
      return List.of();
    }

    @Override
    public void done(Incoming incoming) {
      throw new IllegalStateException("no incoming files over HTTPS");
    }

    @Override
    public void reject(Incoming incoming, String reason) {
      throw new IllegalStateException("no incoming files over HTTPS");
    }
  };
}
