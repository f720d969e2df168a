package dev.mlat.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlat pki}: test public-key infrastructures. */
@Command(name = "pki", mixinStandardHelpOptions = true,
    description = "Test public-key infrastructures (test use only: keys are generated on this machine).",
    subcommands = {PkiInitCommand.class})
public final class PkiCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw Cli.missingSubcommand(spec);
  }
}
