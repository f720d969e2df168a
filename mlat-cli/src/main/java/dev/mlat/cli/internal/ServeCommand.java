package dev.mlat.cli.internal;

import dev.mlat.cli.ExitCode;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.SeenMessageStore;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.Answer;
import dev.mlat.transport.https.HttpsReceiver;
import dev.mlat.transport.pkg.OpenResult;
import dev.mlat.transport.pkg.PackageGateway;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.pkg.PackageOpener;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.pkg.Resend;
import dev.mlat.transport.pkg.VerifiedPackage;
import dev.mlat.transport.receipt.ReceiptIssuer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlat serve}: an HTTPS endpoint that opens what arrives into an inbox folder and answers with signed receipts. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
        "Run an HTTPS endpoint (docs/HTTP.md, mutual TLS on --tls; clients must be registered authorities of the "
            + "trust directory) that opens every package for the key's authority through every check, keeps it in the "
            + "inbox (INBOX/<message id>/ as 'mlat open' writes it, the package and the receipt beside it) and answers "
            + "with a signed receipt; a refused package gets a signed negative receipt. A resend of the same bytes is "
            + "answered with the first receipt (the inbox remembers the message ids it accepted).",
        "Runs until interrupted (Ctrl-C), or until --max-packages were received. Prints one line per package."})
public final class ServeCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Option(names = "--tls", required = true, paramLabel = "P12", description = "This authority's TLS key (PKCS#12, alias tls).")
  private Path tls;

  @Mixin
  private KeyOptions key;

  @Option(names = "--signer", required = true, paramLabel = "P12", description = "This authority's signing key, for the receipts.")
  private Path signer;

  @Option(names = "--trust", required = true, paramLabel = "DIR", description = "The trust directory.")
  private Path trustFolder;

  @Option(names = "--inbox", required = true, paramLabel = "DIR", description = "Where received messages are kept (created).")
  private Path inbox;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "The address to listen on (default 127.0.0.1).")
  private String bind;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8443", description = "The port (default 8443; 0: any free port, printed).")
  private int port;

  @Option(names = "--max-packages", paramLabel = "N", description = "Stop after N packages (accepted or refused).")
  private Integer maxPackages;

  @Mixin
  private PasswordOptions passwords;

  /** Used by picocli. */
  public ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws MlatCryptoException, MlatTransportException, IOException, InterruptedException {
    key.check();
    if (maxPackages != null && maxPackages < 1) {
      throw CliFailure.usage("--max-packages must be 1 or more");
    }
    TrustVerifier trust = Material.trust(context, trustFolder);
    char[] password = passwords.source().read(context, key.describe());
    PrintWriter o = spec.commandLine().getOut();
    try (KeyOptions.Loaded loaded = key.load(context, password)) {
      PartyId self = Material.receivingAuthority(trust, loaded.identity, "--key");
      KeyIdentity signing = Material.single("--signer", signer, Material.pkcs12(context, "--signer", signer, password));
      if (!Material.signingAuthority(trust, signing, "--signer").equals(self)) {
        throw CliFailure.usage("--signer must be " + self + "'s signing key");
      }
      Files.createDirectories(inbox);
      Path state = Files.createDirectories(inbox.resolve(".mlat"));
      SeenMessageStore seen = new FolderSeenStore(state.resolve("seen"));
      PackageOpener opener = PackageOpener.builder(self, loaded.ring(), trust, seen).clock(context.clock())
          .quarantine(state.resolve("quarantine")).build();
      ReceiptIssuer receipts = new ReceiptIssuer(self, Material.signer(context, self.jurisdiction(), signing), context.clock());
      PackageGateway gateway = new PackageGateway(trust, context.clock(), PackageLimits.defaults());
      AtomicInteger count = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(1);
      HttpsReceiver receiver = HttpsReceiver.builder(trust, Material.tlsIdentity(tls, password), (peer, file, sha256) -> {
        Answer answer = receive(opener, receipts, seen, file, sha256, o);
        if (maxPackages != null && count.incrementAndGet() >= maxPackages) {
          done.countDown();
        }
        return answer;
      }, file -> gateway.verifyHeader(file).header().sender(), state.resolve("uploads"))
          .bind(new InetSocketAddress(InetAddress.getByName(bind), port)).clock(context.clock()).build();
      Arrays.fill(password, '\0');
      receiver.start();
      Thread hook = new Thread(() -> {
        receiver.close();
        done.countDown();
      });
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        o.println("Serving " + self + " on https://" + receiver.address().getAddress().getHostAddress() + ":"
            + receiver.address().getPort() + "/ into " + inbox + (maxPackages == null ? " (Ctrl-C to stop)" : ""));
        o.flush();
        done.await();
        // the answer of the last package is still being written: give the exchange a moment to finish
        Thread.sleep(500);
      } finally {
        receiver.close();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running
        }
      }
      o.println("Stopped after " + count.get() + (count.get() == 1 ? " package." : " packages."));
      return ExitCode.OK.value();
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private Answer receive(PackageOpener opener, ReceiptIssuer receipts, SeenMessageStore seen, Path file, String sha256, PrintWriter o)
      throws MlatTransportException {
    try {
      OpenResult result = opener.open(file, inbox);
      if (result instanceof Resend resend) {
        line(o, "resend of " + resend.header().messageId() + " answered with its first receipt");
        return Answer.receipt(receipts.resend(resend));
      }
      VerifiedPackage verified = (VerifiedPackage) result;
      String id = verified.header().messageId().toString();
      Files.copy(file, inbox.resolve(id + ".mlat"), StandardCopyOption.REPLACE_EXISTING);
      Files.write(verified.folder().resolve("verification.json"), Opening.verificationJson(verified, verified.folder()));
      byte[] receipt = receipts.record(seen, verified, receipts.accepted(verified, Optional.empty())).receipt();
      Files.write(inbox.resolve(id + ".receipt.p7s"), receipt);
      line(o, "accepted " + verified.header().messageType().wireName() + " " + id + " from " + verified.header().sender() + ": "
          + Opening.summary(verified).get(1));
      return Answer.receipt(receipt);
    } catch (PackageRejectedException e) {
      line(o, "refused a package (SHA-256 " + sha256 + "): " + e.errorCode().code() + " at stage " + e.stage().number());
      try {
        return Answer.negativeReceipt(receipts.rejected(e, sha256, Optional.empty()));
      } catch (MlatCryptoException signing) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "signing the negative receipt failed: " + signing.getMessage(), signing);
      }
    } catch (MlatCryptoException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "signing the receipt failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "storing the package failed: " + e.getMessage(), e);
    }
  }

  private static synchronized void line(PrintWriter o, String text) {
    o.println(text);
    o.flush();
  }

  /**
   * The message ids this inbox accepted, one file each ({@code <id>}: the package SHA-256, the first
   * time seen, then the receipt in Base64), written atomically; survives restarts.
   */
  static final class FolderSeenStore implements SeenMessageStore {
    private final Path folder;

    FolderSeenStore(Path folder) throws IOException {
      this.folder = Files.createDirectories(folder);
    }

    @Override
    public synchronized Optional<SeenMessage> find(String messageId) throws MlatTransportException {
      Path f = folder.resolve(safe(messageId));
      if (!Files.exists(f)) {
        return Optional.empty();
      }
      try {
        String[] lines = Files.readString(f, StandardCharsets.US_ASCII).split("\n");
        return Optional.of(new SeenMessage(messageId, lines[0], java.util.Base64.getDecoder().decode(lines[2]), Instant.parse(lines[1])));
      } catch (IOException | RuntimeException e) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "cannot read the seen-message record " + f + ": " + e.getMessage(), e);
      }
    }

    @Override
    public synchronized SeenMessage recordIfAbsent(SeenMessage record) throws MlatTransportException {
      Optional<SeenMessage> earlier = find(record.messageId());
      if (earlier.isPresent()) {
        return earlier.get();
      }
      Path f = folder.resolve(safe(record.messageId()));
      Path tmp = folder.resolve("." + safe(record.messageId()) + ".tmp");
      try {
        Files.writeString(tmp, record.packageSha256() + "\n" + record.firstSeen() + "\n"
            + java.util.Base64.getEncoder().encodeToString(record.receipt()) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
        return record;
      } catch (IOException e) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "cannot write the seen-message record " + f + ": " + e.getMessage(), e);
      }
    }

    private static String safe(String messageId) {
      if (!messageId.matches("[0-9a-f-]{36}")) {
        throw new IllegalArgumentException("not a message id: " + messageId);
      }
      return messageId;
    }
  }

}
