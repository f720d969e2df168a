package dev.mlat.cli;

import dev.mlat.cli.internal.Cli;
import dev.mlat.cli.internal.CliContext;
import dev.mlat.cli.internal.DemoCommand;
import dev.mlat.cli.internal.LedgerCommand;
import dev.mlat.cli.internal.OpenCommand;
import dev.mlat.cli.internal.PkiCommand;
import dev.mlat.cli.internal.ReceiptCommand;
import dev.mlat.cli.internal.RelayCommand;
import dev.mlat.cli.internal.SealCommand;
import dev.mlat.cli.internal.SendCommand;
import dev.mlat.cli.internal.StartupWarmup;
import dev.mlat.cli.internal.ServeCommand;
import dev.mlat.cli.internal.StatusCommand;
import dev.mlat.cli.internal.VerifyCommand;
import dev.mlat.cli.internal.RequestCommand;
import dev.mlat.cli.internal.VersionProvider;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code mlat} command: test PKIs, request templates, validation (and, as the library grows,
 * sealing, opening, receipts and the two-country demo). Run it with the {@code ./mlat} launcher at
 * the repository root, or {@code java -jar mlat-cli/target/mlat.jar}.
 *
 * <pre>{@code
 * mlat pki init --country FR --authority FR-MOJ --out pki-fr
 * mlat request new --template preservation --from FR --to US --out draft.json
 * mlat request validate draft.json
 * }</pre>
 *
 * <p>Every failure is one line {@code mlat: CODE: message} on stderr and an {@link ExitCode}; no
 * stack trace unless {@code --verbose}. Each sub-command lives in {@code dev.mlat.cli.internal}
 * and is listed in the {@code subcommands} of its group.
 */
@Command(
    name = "mlat",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Exchange mutual legal assistance requests between states: test PKIs, request drafts, validation, sealing, opening, receipts, relays.",
    subcommands = {PkiCommand.class, RequestCommand.class, SealCommand.class, VerifyCommand.class, OpenCommand.class,
        ReceiptCommand.class, RelayCommand.class, SendCommand.class, ServeCommand.class, StatusCommand.class, LedgerCommand.class,
        DemoCommand.class})
public final class Mlat implements Runnable {

  @Spec
  private CommandSpec spec;

  @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "On an error, also print the stack trace.")
  private boolean verbose;

  /** Used by picocli. */
  public Mlat() {}

  /** Held so the logger (and its level) is not garbage-collected. */
  private static final java.util.logging.Logger QUIET_LIBRARIES = java.util.logging.Logger.getLogger("org.hibernate.validator");
  /**
   * The exchange service logs every failed attempt and refusal at WARNING; serve, send and status
   * print what happened themselves (one line each), so only SEVERE library logs reach stderr.
   */
  private static final java.util.logging.Logger QUIET_TRANSPORT = java.util.logging.Logger.getLogger("dev.mlat.transport");

  /** Runs the command and exits with its {@link ExitCode}. */
  public static void main(String[] args) {
    // The command's stderr carries one-line errors only: libraries' start-up notices (Hibernate
    // Validator logs its version at INFO through java.util.logging) would break that contract.
    QUIET_LIBRARIES.setLevel(java.util.logging.Level.WARNING);
    QUIET_TRANSPORT.setLevel(java.util.logging.Level.SEVERE);
    // Work the command will need (the BouncyCastle provider, the AES/SHA JIT paths, Hibernate
    // Validator) starts on background threads, after the logging level above, while this thread
    // parses the arguments and reads keys and trust (docs/PERFORMANCE.md, "Fresh-process start-up
    // (session 3)").
    if (Boolean.getBoolean("mlat.cds.training")) {
      StartupWarmup.train(); // the launcher's AppCDS training run (./mlat)
    } else {
      StartupWarmup.begin(args);
    }
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int status = Cli.execute(CliContext.system(), out, err, args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  @Override
  public void run() {
    throw Cli.missingSubcommand(spec);
  }
}
