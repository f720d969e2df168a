package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.trust.TrustReport;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.pkg.PackageGateway;
import dev.mlat.transport.pkg.PackageHeader;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.pkg.VerifiedHeader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlat verify}: gateway mode, stages 1 and 2 and the entries against the header, without any key. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {
        "Gateway check of a package, without any key: its ZIP structure and limits, header.json, and the sending "
            + "state's signature on it (header.p7s) by an authority the trust directory registers for the sender's "
            + "jurisdiction (docs/FORMAT.md, stages 1 and 2), and every entry against the size and SHA-256 the signed "
            + "header lists. Prints the routing: who sends what to whom.",
        "The content stays encrypted: 'mlat open' checks the rest."})
public final class VerifyCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PKG", description = "The package (.mlat).")
  private Path packageFile;

  @Option(names = "--trust", required = true, paramLabel = "DIR", description = "The trust directory.")
  private Path trustFolder;

  /** Used by picocli. */
  public VerifyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws MlatCryptoException, MlatTransportException {
    if (!Files.isRegularFile(packageFile)) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, packageFile + ": no such file");
    }
    var gateway = new PackageGateway(Material.trust(context, trustFolder), context.clock(), PackageLimits.defaults());
    VerifiedHeader checked = gateway.verifyHeader(packageFile);
    PackageHeader h = checked.header();
    TrustReport signer = checked.headerSigner();
    PrintWriter o = spec.commandLine().getOut();
    o.println("OK: " + packageFile + ": header signed by " + signer.authority().map(Object::toString).orElse("?")
        + ", trusted for " + signer.jurisdiction().code() + "; every entry as the header lists it (sizes, message.p7m's SHA-256, every"
        + " entry's CRC-32; the attachments' content is bound by tags only the recipient's key can check)");
    o.println("  " + h.messageType().wireName() + " " + h.messageId() + " of request " + h.requestId() + " from " + h.sender()
        + " to " + h.recipient() + h.originalSender().map(s -> " (relayed; issued by " + s + ")").orElse(""));
    o.println("  created " + h.created() + ", expires " + h.expires() + ", " + h.entries().size() + " entries, "
        + checked.packageSize() + " bytes, header digest " + checked.headerSha256());
    return ExitCode.OK.value();
  }
}
