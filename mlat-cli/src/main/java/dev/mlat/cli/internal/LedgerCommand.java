package dev.mlat.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlat ledger}: the exchange ledger (docs/LEDGER.md). */
@Command(name = "ledger", mixinStandardHelpOptions = true,
    description = "Check an exchange ledger's hash-chained audit trail.",
    subcommands = {LedgerVerifyCommand.class})
public final class LedgerCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw Cli.missingSubcommand(spec);
  }
}
