package dev.mlat.cli.internal;

import dev.mlat.cli.ExitCode;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.pkg.PackageSealer;
import dev.mlat.transport.pkg.SealedPackage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlat relay}: a central authority forwards a package it received to an executing authority of its own jurisdiction. */
@Command(name = "relay", mixinStandardHelpOptions = true,
    description = {
        "Forward a package received as its recipient (a central authority) to an executing authority of the same "
            + "jurisdiction, without breaking the issuing authority's signature: the package is opened through every "
            + "check, then the unchanged signed message is encrypted for --to, the attachments copied as they are, and "
            + "a new header (sender: this relay, originalSender: the issuer) signed with --signer.",
        "The trust directory of the recipient's jurisdiction must register this authority with the relay role."})
public final class RelayCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Mixin
  private ReceivedPackageOptions pkg;

  @Option(names = "--signer", required = true, paramLabel = "P12", description = "The relay's signing key (PKCS#12).")
  private Path signer;

  @Option(names = "--to", required = true, paramLabel = "PARTY", description = "The executing authority, for example FR:FR-PROS.")
  private String to;

  @Option(names = "--out", required = true, paramLabel = "PKG2", description = "The relayed package to write.")
  private Path out;


  /** Used by picocli. */
  public RelayCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    pkg.key.check();
    PartyId target = Arguments.party("--to", to);
    TrustVerifier trust = pkg.prepare(context, out);
    char[] password = pkg.password(context);
    try (KeyOptions.Loaded loaded = pkg.key.load(context, password)) {
      PartyId self = Material.receivingAuthority(trust, loaded.identity, "--key");
      KeyIdentity signing = ReceivedPackageOptions.signerOf(context, trust, signer, password, self, "the relay signs with its own key");
      if (!target.jurisdiction().equals(self.jurisdiction())) {
        throw CliFailure.usage("--to " + target + ": a relay forwards within its own jurisdiction " + self.jurisdiction().code());
      }
      PackageSealer sealer = PackageSealer.builder(AlgorithmPolicy.defaultPolicy(), context.clock())
          .issuer(self, Material.signer(context, self.jurisdiction(), signing)).trust(trust).build();
      try (Opening.Opened opened = Opening.open(context, trust, loaded.ring(), self, pkg.packageFile, out, pkg.level)) {
        SealedPackage relayed;
        try {
          relayed = OutputFiles.writeThenMove(out, pkg.force, file -> sealer.relay(opened.verified(), pkg.packageFile, target, file));
        } catch (IllegalArgumentException e) {
          throw CliFailure.usage(e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("Relayed " + relayed.messageType().wireName() + " " + relayed.messageId() + " issued by "
            + opened.verified().message().header().sender() + " from " + self + " to " + target + " into " + out);
        o.println("  header digest " + relayed.headerSha256() + ", " + relayed.size() + " bytes");
      }
      return ExitCode.OK.value();
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
