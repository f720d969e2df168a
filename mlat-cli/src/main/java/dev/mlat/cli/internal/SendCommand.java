package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.https.Answer;
import dev.mlat.transport.https.HttpsChannel;
import dev.mlat.transport.pkg.PackageGateway;
import dev.mlat.transport.pkg.PackageHeader;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.pkg.VerifiedHeader;
import dev.mlat.transport.receipt.ReceiptVerifier;
import dev.mlat.transport.receipt.VerifiedReceipt;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlat send}: one package over HTTPS with mutual TLS (docs/HTTP.md), the receipt checked and kept. */
@Command(name = "send", mixinStandardHelpOptions = true,
    description = {
        "Send a package to its recipient's HTTPS endpoint (docs/HTTP.md) with mutual TLS on --tls (this authority's TLS "
            + "key), the endpoint's certificate checked against the trust directory for the recipient's jurisdiction, "
            + "and check the synchronous receipt against the package (as 'mlat receipt check'). A large upload that is "
            + "interrupted resumes where it stopped when the command is run again.",
        "Writes the receipt to --receipt-out (default PKG.receipt.p7s). Exit 0: delivered; 5: the recipient refused it "
            + "(a signed negative receipt, kept too); 6: not delivered now (unreachable, busy: run again)."})
public final class SendCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PKG", description = "The package (.mlat).")
  private Path packageFile;

  @Option(names = "--url", required = true, paramLabel = "URL", description = "The recipient's endpoint, for example https://mlat.doj.example:8443/.")
  private URI url;

  @Option(names = "--tls", required = true, paramLabel = "P12", description = "This authority's TLS key (PKCS#12, alias tls).")
  private Path tls;

  @Option(names = "--trust", required = true, paramLabel = "DIR", description = "The trust directory.")
  private Path trustFolder;

  @Option(names = "--receipt-out", paramLabel = "FILE", description = "Where to keep the receipt (default PKG.receipt.p7s).")
  private Path receiptOut;

  @Option(names = "--force", description = "Replace the receipt file if it exists.")
  private boolean force;

  @Mixin
  private PasswordOptions passwords;

  /** Used by picocli. */
  public SendCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws MlatCryptoException, MlatTransportException {
    if (!Files.isRegularFile(packageFile)) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, packageFile + ": no such file");
    }
    if (!"https".equals(url.getScheme())) {
      throw CliFailure.usage("--url must be an https URL, not " + url);
    }
    Path receiptFile = receiptOut != null ? receiptOut : packageFile.resolveSibling(packageFile.getFileName() + ".receipt.p7s");
    OutputFiles.refuseExisting(receiptFile, force);
    TrustVerifier trust = Material.trust(context, trustFolder);
    VerifiedHeader checked = new PackageGateway(trust, context.clock(), PackageLimits.defaults()).verifyHeader(packageFile);
    PackageHeader h = checked.header();
    char[] password = passwords.source().read(context, tls.toString());
    Answer answer;
    try {
      HttpsChannel channel = HttpsChannel.builder(trust, Material.tlsIdentity(tls, password)).endpoint(h.recipient(), url)
          .clock(context.clock()).build();
      answer = channel.deliver(packageFile, checked.packageSha256(), h.messageId().toString(), h.recipient());
    } finally {
      Arrays.fill(password, '\0');
    }
    PrintWriter o = spec.commandLine().getOut();
    if (answer instanceof Answer.TemporaryFailure t) {
      throw new CliFailure(dev.mlat.transport.TransportErrorCode.HTTPS_BUSY, ExitCode.TRANSFER_FAILED, h.recipient()
          + " cannot take the package now; run the command again after " + t.retryAfter().toSeconds() + " s");
    }
    byte[] receipt = answer instanceof Answer.Receipt r ? r.encoded() : ((Answer.NegativeReceipt) answer).encoded();
    VerifiedReceipt verified = new ReceiptVerifier(trust, context.clock()).check(receipt, h.recipient(), h.messageId(), checked.packageSha256());
    OutputFiles.write(receiptFile, verified.bytes(), force);
    PartyId receiver = verified.receipt().receiver();
    if (verified.accepted()) {
      o.println("Delivered " + h.messageType().wireName() + " " + h.messageId() + " to " + receiver + " at " + url
          + "; signed receipt checked and kept in " + receiptFile);
      return ExitCode.OK.value();
    }
    throw new CliFailure(CliErrorCode.PACKAGE_REFUSED_BY_RECEIVER, ExitCode.VERIFICATION_FAILED, receiver + " refused "
        + h.messageId() + " with " + verified.receipt().errorCode().orElse("?") + " at stage "
        + verified.receipt().stage().map(String::valueOf).orElse("?") + "; its signed negative receipt is in " + receiptFile);
  }
}
