package dev.mlat.cli.internal;

import dev.mlat.core.PartyId;
import dev.mlat.core.validation.Level;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.trust.TrustVerifier;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of the commands that open a received package as its recipient ({@code open},
 * {@code receipt issue}, {@code relay}): the package, the recipient's key ({@link KeyOptions}), the
 * trust directory, the validation level, {@code --force} for the command's {@code --out}, and the
 * password sources ({@link PasswordOptions}); with the first steps they share.
 */
final class ReceivedPackageOptions {

  @Parameters(index = "0", paramLabel = "PKG", description = "The received package (.mlat).")
  Path packageFile;

  @Mixin
  KeyOptions key;

  @Option(names = "--trust", required = true, paramLabel = "DIR", description = "The trust directory.")
  Path trustFolder;

  @Option(names = "--level", paramLabel = "draft|issued", converter = RequestValidateCommand.LevelConverter.class,
      description = "The validation level a received request must pass (default issued).")
  Level level = Level.ISSUED;

  @Option(names = "--force", description = "Replace --out if it exists.")
  boolean force;

  @Mixin
  PasswordOptions passwords;

  /** Checks the key options and that {@code out} may be written, then loads the trust directory. */
  TrustVerifier prepare(CliContext context, Path out) throws MlatCryptoException {
    key.check();
    OutputFiles.refuseExisting(out, force);
    return Material.trust(context, trustFolder);
  }

  /** The password (or PIN) of the key, from the password sources; the caller clears it. */
  char[] password(CliContext context) {
    return passwords.source().read(context, key.describe());
  }

  /**
   * The signing key of {@code --signer} (a PKCS#12 file with one key entry), which must be {@code
   * self}'s: {@code why} completes the usage error otherwise.
   */
  static KeyIdentity signerOf(CliContext context, TrustVerifier trust, Path signer, char[] password, PartyId self, String why)
      throws MlatCryptoException {
    KeyIdentity signing = Material.single("--signer", signer, Material.pkcs12(context, "--signer", signer, password));
    PartyId signingParty = Material.signingAuthority(trust, signing, "--signer");
    if (!signingParty.equals(self)) {
      throw CliFailure.usage("--signer is " + signingParty + "'s key, --key " + self + "'s: " + why);
    }
    return signing;
  }
}
