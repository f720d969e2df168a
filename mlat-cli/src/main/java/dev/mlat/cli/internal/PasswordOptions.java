package dev.mlat.cli.internal;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The password options of commands that read keys: a file, or the console (else {@code MLAT_PASSWORD}). */
final class PasswordOptions {

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "A file whose first line is the password of the PKCS#12 files (or the token's PIN); "
          + "else the environment variable MLAT_PASSWORD, else the console is asked.")
  Path passwordFile;

  @Option(names = "--password-prompt", description = "Ask for the password on the console (the default when there is one and no file or MLAT_PASSWORD).")
  boolean passwordPrompt;

  Material.PasswordSource source() {
    return new Material.PasswordSource(Optional.ofNullable(passwordFile), passwordPrompt);
  }
}
