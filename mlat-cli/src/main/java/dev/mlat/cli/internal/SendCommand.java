package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.keys.Pkcs11Token;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.exchange.ExchangeHandler;
import dev.mlat.transport.exchange.ExchangeService;
import dev.mlat.transport.exchange.HttpsExchangeChannel;
import dev.mlat.transport.exchange.PackagePipelineCodec;
import dev.mlat.transport.exchange.SendTicket;
import dev.mlat.transport.https.HttpsChannel;
import dev.mlat.transport.ledger.CmsAuditHeadSigner;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.LedgerSettings;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.ledger.OutboxState;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.receipt.Receipt;
import dev.mlat.transport.receipt.ReceiptVerifier;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlat send}: a message through the exchange service's outbox (docs/LEDGER.md): sealed,
 * stored and recorded in the sender's ledger, then delivered over HTTPS with mutual TLS
 * (docs/HTTP.md) with the {@code RetryPolicy}'s backoff until the signed receipt is back and checked,
 * or until {@code --wait} passes (the message stays queued; {@code --resume} goes on without
 * sealing again).
 */
@Command(name = "send", mixinStandardHelpOptions = true,
    description = {
        "Send a request document (complete at the issued level) or a lifecycle message document to its recipient "
            + "through this authority's exchange ledger (--ledger, SQLite): the message is signed with --signer, sealed for "
            + "the recipient (as 'mlat seal'), stored and recorded in the ledger's outbox, then uploaded to --url over "
            + "HTTPS with mutual TLS on --tls, again with exponential backoff, until the recipient's signed receipt is back "
            + "and checked (its signature, the message id, the package SHA-256, the recipient's signed ledger head), or "
            + "until --wait passes.",
        "Exit 0: delivered (the receipt and the recipient's ledger head are printed, the receipt kept in the ledger and in "
            + "--receipt-out); 5 (PACKAGE_REFUSED_BY_RECEIVER): the recipient refused it with a signed negative receipt; "
            + "6 (MESSAGE_QUEUED): not delivered within --wait, the sealed message stays queued in the ledger: "
            + "'mlat send --resume MESSAGE_ID' with the same --ledger goes on without sealing again; "
            + "6 (EXCHANGE_MESSAGE_EXPIRED): it expired (30 days) before a receipt came back."})
public final class SendCommand implements Callable<Integer> {

  /** The longest --wait. */
  static final Duration MAX_WAIT = Duration.ofDays(1);

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "The request or lifecycle message document (JSON) to send; not with --resume.")
  private Path file;

  @Option(names = "--resume", paramLabel = "MESSAGE_ID",
      description = "Instead of FILE: go on delivering a message this ledger holds (printed when it was queued); nothing is sealed again.")
  private String resume;

  @Option(names = "--attach", paramLabel = "PATH", description = "A file to attach (repeatable), as for 'mlat seal'.")
  private List<Path> attachments = new ArrayList<>();

  @ArgGroup(exclusive = true, multiplicity = "1")
  private SealCommand.SignerKey signerKey;

  @Option(names = "--transport-signer", paramLabel = "P12",
      description = "The sending authority's signing key for the header (an authority of the same jurisdiction); default --signer.")
  private Path transportSigner;

  @Option(names = "--to", paramLabel = "PARTY", description = "The recipient, for example US:US-DOJ (required for a request document).")
  private String to;

  @Option(names = "--trust", required = true, paramLabel = "DIR", description = "The trust directory.")
  private Path trustFolder;

  @Option(names = "--url", required = true, paramLabel = "URL", description = "The recipient's endpoint, for example https://mlat.doj.example:8443/.")
  private URI url;

  @Option(names = "--tls", required = true, paramLabel = "P12", description = "This authority's TLS key (PKCS#12, alias tls).")
  private Path tls;

  @Mixin
  private LedgerOptions ledgerOptions;

  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "30s",
      description = "How long to keep trying before leaving the message queued (default 30s; 0: one attempt; at most 1d).")
  private String wait;

  @Option(names = "--receipt-out", paramLabel = "FILE", description = "Also write the receipt (signed, .p7s) to this file.")
  private Path receiptOut;

  @Option(names = "--force", description = "Replace --receipt-out if it exists.")
  private boolean force;

  @Mixin
  private PasswordOptions passwords;

  /** Used by picocli. */
  public SendCommand(CliContext context) {
    this.context = context;
  }

  /** A send-only node receives nothing: its exchange service never runs the delivery step. */
  private static final ExchangeHandler NOTHING_TO_RECEIVE = (delivery, transaction) -> {
    throw new IllegalStateException("mlat send receives no messages; run 'mlat serve' on the receiving ledger");
  };

  @Override
  public Integer call() throws Exception {
    if ((file == null) == (resume == null)) {
      throw CliFailure.usage("give either the document to send (FILE) or --resume MESSAGE_ID");
    }
    if (resume != null && (!attachments.isEmpty() || to != null || transportSigner != null)) {
      throw CliFailure.usage("--resume goes on with the message as it was sealed: --attach, --to and --transport-signer do not apply");
    }
    if (resume != null && !resume.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      throw CliFailure.usage("--resume: '" + resume + "' is not a message id (a lower-case UUID)");
    }
    if (!"https".equals(url.getScheme()) || url.getHost() == null) {
      throw CliFailure.usage("--url must be an https URL with a host, not " + url);
    }
    Duration patience = Arguments.duration("--wait", wait, MAX_WAIT);
    if (receiptOut != null) {
      OutputFiles.refuseExisting(receiptOut, force);
    }
    byte[] document = null;
    if (file != null) {
      document = Inputs.read(file, "the document");
    } else {
      ledgerOptions.existing();
    }
    LedgerSettings settings = ledgerOptions.settings();
    PrintWriter o = spec.commandLine().getOut();
    Progress progress = new Progress(context, spec.commandLine().getErr());
    TrustVerifier trust = Material.trust(context, trustFolder);
    char[] password = passwords.source().read(context, signerKey.what());
    Pkcs11Token[] tokens = new Pkcs11Token[1];
    try {
      KeyIdentity signing = signerKey.load(context, password, tokens);
      PartyId self = Material.signingAuthority(trust, signing, "--signer");
      CmsSigner cms = Material.signer(context, self.jurisdiction(), signing);
      LifecycleMessage message = null;
      List<AttachmentSource> sources = List.of();
      if (document != null) {
        message = SealCommand.message(context, o, file, document, self, to);
        sources = SealCommand.attachmentSources(message, attachments, progress);
      }
      var tlsIdentity = Material.tlsIdentity(tls, password);
      try (Ledger ledger = Ledger.open(settings, context.clock(), new CmsAuditHeadSigner(cms, self + " ledger"))) {
        // The codec only seals here and checks receipts; it never opens a package, so the key ring
        // is the signing identity's (a send-only node needs no decryption key).
        PackagePipelineCodec.Builder codecBuilder = PackagePipelineCodec.builder(self, cms, KeyRing.of(signing), trust)
            .quarantine(ledgerOptions.work("quarantine")).clock(context.clock());
        if (transportSigner != null) {
          SealCommand.SendingAuthority sending = SealCommand.sendingAuthority(context, trust, transportSigner, password, self);
          codecBuilder.sendingAuthority(sending.party(), sending.signer());
        }
        PackagePipelineCodec codec = codecBuilder.build();
        Arrays.fill(password, '\0');
        String messageId;
        PartyId recipient;
        if (message != null) {
          messageId = message.header().messageId().toString();
          recipient = message.header().recipient();
        } else {
          OutboxEntry queued = ledger.outboxEntry(resume).orElseThrow(() -> new CliFailure(CliErrorCode.NOT_IN_LEDGER,
              ExitCode.USAGE, "--resume: the ledger " + ledgerOptions.database + " holds no outgoing message " + resume));
          messageId = queued.messageId();
          recipient = Arguments.party("the ledger's recipient", queued.recipient());
        }
        HttpsChannel https = HttpsChannel.builder(trust, tlsIdentity).endpoint(recipient, url).clock(context.clock()).build();
        try (ExchangeService service = ExchangeService.builder(ledger, codec, new HttpsExchangeChannel(https),
            ledgerOptions.work("exchange")).handler(NOTHING_TO_RECEIVE).build()) {
          if (message != null) {
            progress.show("sealing " + file.getFileName() + "...");
            SendTicket ticket;
            try {
              ticket = service.send(message, sources, recipient);
            } catch (IllegalArgumentException e) {
              throw new CliFailure(CliErrorCode.ATTACHMENT_MISMATCH, ExitCode.INVALID_INPUT, e.getMessage(), e);
            }
            progress.done();
            o.println("Sealed and queued " + message.messageType().wireName() + " " + messageId + " of request " + ticket.requestId()
                + " for " + recipient + " in the ledger " + ledgerOptions.database + " (package SHA-256 " + ticket.packageSha256() + ")");
            o.flush();
          }
          OutboxEntry entry = deliver(service, messageId, patience, progress);
          return outcome(ledger, trust, entry, recipient);
        }
      }
    } finally {
      progress.done();
      Arrays.fill(password, '\0');
      if (tokens[0] != null) {
        tokens[0].close();
      }
    }
  }

  /** Runs the sender step until the message is settled or {@code patience} has passed; returns its last state. */
  private OutboxEntry deliver(ExchangeService service, String messageId, Duration patience, Progress progress) throws Exception {
    Instant deadline = context.clock().instant().plus(patience);
    while (true) {
      service.sendDue();
      OutboxEntry entry = service.outgoing(messageId).orElseThrow();
      Instant now = context.clock().instant();
      if (entry.state() != OutboxState.PENDING || !now.isBefore(deadline)) {
        return entry;
      }
      Instant next = entry.nextAttemptAt().isBefore(deadline) ? entry.nextAttemptAt() : deadline;
      long millis = Math.max(10, Duration.between(now, next).toMillis());
      entry.lastError().ifPresent(last -> progress.show("attempt " + entry.attempts() + " failed (" + last.split(":", 2)[0]
          + "); next in " + Arguments.describe(Duration.ofMillis(millis))));
      Thread.sleep(Math.min(millis, 1000));
    }
  }

  private int outcome(Ledger ledger, TrustVerifier trust, OutboxEntry entry, PartyId recipient) throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    String what = typeName(entry.messageType()) + " " + entry.messageId();
    String attempts = entry.attempts() + (entry.attempts() == 1 ? " attempt" : " attempts");
    if (entry.state() == OutboxState.DELIVERED || entry.state() == OutboxState.REFUSED) {
      // over HTTPS the attempt that brings the receipt back settles the message without being counted
      attempts = (entry.attempts() + 1) + (entry.attempts() == 0 ? " attempt" : " attempts");
    }
    if (entry.state() == OutboxState.PENDING) {
      throw new CliFailure(CliErrorCode.MESSAGE_QUEUED, ExitCode.TRANSFER_FAILED, what + " is queued in the ledger "
          + ledgerOptions.database + ", not delivered after " + attempts + " within --wait " + wait
          + entry.lastError().map(last -> " (last: " + SendCommand.error(last) + ")").orElse("") + "; run 'mlat send --resume " + entry.messageId()
          + " --ledger " + ledgerOptions.database + "' with the same keys and --url to go on");
    }
    if (entry.state() == OutboxState.EXPIRED) {
      throw new CliFailure(TransportErrorCode.EXCHANGE_MESSAGE_EXPIRED, ExitCode.TRANSFER_FAILED, what + " expired after "
          + attempts + " without a receipt from " + recipient + "; send a new message");
    }
    String receiptSha = entry.receiptSha256().orElseThrow();
    byte[] receipt;
    try (InputStream in = ledger.blobs().open(receiptSha)) {
      receipt = in.readAllBytes();
    }
    // The service checked it before recording it (signature, signer, message id, header digest,
    // the partner's signed ledger head); it is read back here to print what it says.
    String headerSha256 = entry.headerSha256().orElseThrow(() -> new IllegalStateException(
        "a settled outbox entry of this version has its header digest"));
    Receipt r = new ReceiptVerifier(trust, context.clock()).check(receipt, recipient, UUID.fromString(entry.messageId()),
        headerSha256).receipt();
    String kept = "kept in the ledger (blob " + receiptSha + ")";
    if (receiptOut != null) {
      OutputFiles.write(receiptOut, receipt, force);
      kept += " and in " + receiptOut;
    }
    String head = r.auditHead().map(h -> recipient + "'s ledger head #" + h.sequence() + " (entry SHA-256 " + h.entrySha256()
        + ", signature verified)").orElse("no ledger head");
    if (entry.state() == OutboxState.DELIVERED) {
      o.println("Delivered " + what + " to " + recipient + " at " + url + " after " + attempts + "; receipt checked: signed by "
          + r.receiver() + " for this message id and header digest " + headerSha256);
      o.println("  the receipt carries " + head + "; " + kept);
      return ExitCode.OK.value();
    }
    o.println("Refused: " + recipient + " answered " + what + " with a signed negative receipt (checked), carrying " + head + "; " + kept);
    o.flush();
    throw new CliFailure(CliErrorCode.PACKAGE_REFUSED_BY_RECEIVER, ExitCode.VERIFICATION_FAILED, recipient + " refused "
        + entry.messageId() + " with " + r.errorCode().orElse(entry.lastError().orElse("?"))
        + r.stage().map(s -> " at stage " + s).orElse("") + "; its signed negative receipt is " + kept);
  }

  /** A ledger's last error, {@code CODE: message}, once (the message may repeat the code). */
  static String error(String lastError) {
    return lastError.replaceFirst("^([A-Z][A-Z0-9_]*): \\1: ", "$1: ");
  }

  /** {@code REQUEST} (the outbox's enum name) as its wire name when it is one of MessageType's. */
  static String typeName(String enumName) {
    try {
      return dev.mlat.core.MessageType.valueOf(enumName).wireName();
    } catch (IllegalArgumentException e) {
      return enumName;
    }
  }
}
