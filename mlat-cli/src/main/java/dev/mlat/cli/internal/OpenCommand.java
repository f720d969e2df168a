package dev.mlat.cli.internal;

import dev.mlat.cli.ExitCode;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlat open}: the whole opening pipeline of docs/FORMAT.md, then the message and its attachments into a folder. */
@Command(name = "open", mixinStandardHelpOptions = true,
    description = {
        "Open a package addressed to the key's authority: structure, header signature, recipient, entries, expiry, "
            + "decryption, the issuing authority's signature and trust, the binding to the header, the message's "
            + "validity and every attachment, in that order (docs/FORMAT.md). Nothing is written unless every check passed.",
        "Writes DIR/message.json, DIR/message.p7s (the signed message, evidence of origin), DIR/attachments/ID and "
            + "DIR/verification.json (what was verified), and prints who signed, for which jurisdiction, when, what is asked and by when."})
public final class OpenCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Mixin
  private ReceivedPackageOptions pkg;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to create for the opened message.")
  private Path out;


  /** Used by picocli. */
  public OpenCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws MlatCryptoException, MlatTransportException, IOException {
    TrustVerifier trust = pkg.prepare(context, out);
    char[] password = pkg.password(context);
    Progress progress = new Progress(context, spec.commandLine().getErr());
    try (KeyOptions.Loaded loaded = pkg.key.load(context, password)) {
      PartyId self = Material.receivingAuthority(trust, loaded.identity, "--key");
      progress.show("opening " + pkg.packageFile.getFileName() + " as " + self + "...");
      try (Opening.Opened opened = Opening.open(context, trust, loaded.ring(), self, pkg.packageFile, out, pkg.level)) {
        progress.done();
        if (pkg.force) {
          OutputFiles.deleteTree(out);
        }
        Files.move(opened.folder(), out, StandardCopyOption.ATOMIC_MOVE);
        OutputFiles.write(out.resolve("verification.json"), Opening.verificationJson(opened.verified(), out), false);
        PrintWriter o = spec.commandLine().getOut();
        o.println("OK: " + pkg.packageFile + " passed every check; opened into " + out);
        for (String line : Opening.summary(opened.verified())) {
          o.println("  " + line);
        }
      }
      return ExitCode.OK.value();
    } finally {
      progress.done();
      Arrays.fill(password, '\0');
    }
  }
}
