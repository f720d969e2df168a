package dev.mlat.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlat request}: drafting and checking request documents. */
@Command(name = "request", mixinStandardHelpOptions = true,
    description = "Draft a request from a template and check request documents.",
    subcommands = {RequestTemplatesCommand.class, RequestNewCommand.class, RequestValidateCommand.class})
public final class RequestCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw Cli.missingSubcommand(spec);
  }
}
