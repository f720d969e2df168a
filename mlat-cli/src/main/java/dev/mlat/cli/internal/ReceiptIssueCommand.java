package dev.mlat.cli.internal;

import dev.mlat.cli.ExitCode;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.receipt.ReceiptIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlat receipt issue}: opens the package through every check and signs a receipt for it, positive or negative. */
@Command(name = "issue", mixinStandardHelpOptions = true,
    description = {
        "Check a received package through the whole opening pipeline (as 'mlat open', writing nothing of its content) "
            + "and sign a receipt naming its message id and the SHA-256 of its bytes.",
        "A refused package gets a signed negative receipt naming the error code and stage; the command then also "
            + "prints the refusal and exits with 5.",
        "--key is the receiving authority's encryption key (to open), --signer its signing key (to sign the receipt)."})
public final class ReceiptIssueCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Mixin
  private ReceivedPackageOptions pkg;

  @Option(names = "--signer", required = true, paramLabel = "P12", description = "The receiving authority's signing key (PKCS#12).")
  private Path signer;

  @Option(names = "--out", required = true, paramLabel = "RECEIPT", description = "The receipt to write (.p7s).")
  private Path out;


  /** Used by picocli. */
  public ReceiptIssueCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws MlatCryptoException, MlatTransportException {
    TrustVerifier trust = pkg.prepare(context, out);
    char[] password = pkg.password(context);
    try (KeyOptions.Loaded loaded = pkg.key.load(context, password)) {
      PartyId self = Material.receivingAuthority(trust, loaded.identity, "--key");
      KeyIdentity signing = ReceivedPackageOptions.signerOf(context, trust, signer, password, self, "a receipt is signed by the receiver");
      ReceiptIssuer issuer = new ReceiptIssuer(self, Material.signer(context, self.jurisdiction(), signing), context.clock());
      PrintWriter o = spec.commandLine().getOut();
      try (Opening.Opened opened = Opening.open(context, trust, loaded.ring(), self, pkg.packageFile, out, pkg.level)) {
        byte[] receipt = issuer.accepted(opened.verified(), Optional.empty());
        OutputFiles.write(out, receipt, pkg.force);
        o.println("Accepted: signed receipt for " + opened.verified().header().messageType().wireName() + " "
            + opened.verified().header().messageId() + " from " + opened.verified().header().sender() + " written to " + out);
        o.println("  header digest " + opened.verified().headerSha256());
        return ExitCode.OK.value();
      } catch (PackageRejectedException rejection) {
        byte[] receipt = issuer.rejected(rejection, sha256(pkg.packageFile), Optional.empty());
        OutputFiles.write(out, receipt, pkg.force);
        o.println("Refused: signed negative receipt (" + rejection.errorCode().code() + ", stage " + rejection.stage().number()
            + ") written to " + out);
        o.flush();
        throw rejection;
      }
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw OutputFiles.ioFailure("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
