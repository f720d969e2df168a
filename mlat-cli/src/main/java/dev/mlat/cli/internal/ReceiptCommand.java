package dev.mlat.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlat receipt}: signed transport receipts (docs/FORMAT.md, Receipts). */
@Command(name = "receipt", mixinStandardHelpOptions = true,
    description = "Issue a signed receipt for a received package, or check one against the package that was sent.",
    subcommands = {ReceiptIssueCommand.class, ReceiptCheckCommand.class})
public final class ReceiptCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw Cli.missingSubcommand(spec);
  }
}
