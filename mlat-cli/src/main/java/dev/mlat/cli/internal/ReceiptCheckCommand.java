package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.pkg.PackageGateway;
import dev.mlat.transport.pkg.PackageHeader;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.pkg.VerifiedHeader;
import dev.mlat.transport.receipt.Receipt;
import dev.mlat.transport.receipt.ReceiptVerifier;
import dev.mlat.transport.receipt.VerifiedReceipt;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlat receipt check}: is this receipt the recipient's signed answer to the package that was sent? */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {
        "Check a receipt against the package that was sent: its signature (CAdES profile), its signer trusted for the "
            + "recipient's jurisdiction and being the recipient, and the message id and package SHA-256 it names.",
        "Exit 0 for a valid positive receipt (proof of delivery: keep it); a valid negative receipt exits with 5 "
            + "(PACKAGE_REFUSED_BY_RECEIVER, naming the receiver's error code and stage)."})
public final class ReceiptCheckCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RECEIPT", description = "The receipt (.p7s).")
  private Path receiptFile;

  @Option(names = "--sent", required = true, paramLabel = "PKG", description = "The package that was sent.")
  private Path sent;

  @Option(names = "--trust", required = true, paramLabel = "DIR", description = "The trust directory (with the recipient's jurisdiction and ours).")
  private Path trustFolder;

  /** Used by picocli. */
  public ReceiptCheckCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws MlatCryptoException, MlatTransportException {
    byte[] bytes = Inputs.read(receiptFile, "a receipt");
    if (!Files.isRegularFile(sent)) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, "--sent: " + sent + ": no such file");
    }
    TrustVerifier trust = Material.trust(context, trustFolder);
    // What the receipt is compared with: the signed header (recipient, message id) and its digest,
    // the package's identity (docs/FORMAT.md). Whether the entries still match their header is not
    // this check's question (a negative receipt may well be about a package that does not):
    // `mlat verify` asks it.
    VerifiedHeader sentHeader = new PackageGateway(trust, context.clock(), PackageLimits.defaults()).verifyHeaderSignature(sent);
    PackageHeader h = sentHeader.header();
    VerifiedReceipt verified = new ReceiptVerifier(trust, context.clock()).check(bytes, h.recipient(), h.messageId(),
        sentHeader.headerSha256());
    Receipt r = verified.receipt();
    PrintWriter o = spec.commandLine().getOut();
    if (verified.accepted()) {
      o.println("OK: " + receiptFile + ": " + r.receiver() + " signed that it accepted " + h.messageType().wireName() + " "
          + h.messageId() + " (header digest " + r.headerSha256() + ") at " + r.received());
      return ExitCode.OK.value();
    }
    throw new CliFailure(CliErrorCode.PACKAGE_REFUSED_BY_RECEIVER, ExitCode.VERIFICATION_FAILED, receiptFile + ": "
        + r.receiver() + " signed that it refused " + h.messageId() + " at " + r.received() + " with "
        + r.errorCode().orElse("?") + " at stage " + r.stage().map(String::valueOf).orElse("?"));
  }
}
