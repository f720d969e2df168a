package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.cli.Mlat;
import dev.mlat.core.MlatException;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.transport.MlatTransportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Assembles the {@code mlat} command line: commands get the {@link CliContext} through their
 * constructor, every failure becomes one line {@code mlat: CODE: message} on stderr and an {@link
 * ExitCode}, and every help text lists the exit codes.
 *
 * <p>Adding a sub-command: write a class annotated {@code @Command} with a constructor taking a
 * {@link CliContext} (or none), implementing {@code Callable<Integer>} (return an {@link
 * ExitCode#value()}), throw {@link CliFailure} for expected failures (or let an {@link
 * MlatException} out: it is mapped by {@link #exitCodeOf}), and add it to the {@code subcommands}
 * of its group ({@link PkiCommand}, {@link RequestCommand}) or of {@link Mlat}.
 */
public final class Cli {

  private Cli() {}

  /** Runs {@code args} and returns the exit status. */
  public static int execute(CliContext context, PrintWriter out, PrintWriter err, String... args) {
    return commandLine(context, out, err).execute(args);
  }

  /** The configured command line (out and err are flushed by picocli after each command). */
  public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
    Objects.requireNonNull(context, "context");
    var cl = new CommandLine(Mlat.class, new ContextFactory(context));
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(false);
    cl.setAbbreviatedOptionsAllowed(false);
    cl.setAbbreviatedSubcommandsAllowed(false);
    cl.setExecutionExceptionHandler(Cli::onExecutionFailure);
    cl.setParameterExceptionHandler(Cli::onUsageError);
    var exitCodes = new LinkedHashMap<String, String>();
    for (ExitCode code : ExitCode.values()) {
      exitCodes.put(String.format("%3d", code.value()), code.description());
    }
    applyToAll(cl, exitCodes);
    return cl;
  }

  private static void applyToAll(CommandLine cl, java.util.Map<String, String> exitCodes) {
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
    for (CommandLine sub : cl.getSubcommands().values()) {
      applyToAll(sub, exitCodes);
    }
  }

  /** For a group command run without its sub-command. */
  public static ParameterException missingSubcommand(CommandSpec spec) {
    return new ParameterException(spec.commandLine(), "missing sub-command; one of " + spec.subcommands().keySet());
  }

  private static int onUsageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    String message = String.valueOf(e.getMessage()).replace('\n', ' ').trim();
    err.println("mlat: " + CliErrorCode.USAGE_INVALID.code() + ": " + message + " (see '"
        + cl.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return ExitCode.USAGE.value();
  }

  private static int onExecutionFailure(Exception e, CommandLine cl, ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    Failure f = classify(e);
    err.println("mlat: " + f.code + ": " + oneLine(f.detail));
    if (verbose(parseResult)) {
      e.printStackTrace(err);
    }
    err.flush();
    return f.exitCode.value();
  }

  private record Failure(String code, ExitCode exitCode, String detail) {}

  private static Failure classify(Exception e) {
    if (e instanceof CliFailure) {
      var c = (CliFailure) e;
      return new Failure(c.errorCode().code(), c.exitCode(), c.detail());
    }
    if (e instanceof ParameterException) {
      return new Failure(CliErrorCode.USAGE_INVALID.code(), ExitCode.USAGE, e.getMessage());
    }
    if (e instanceof MlatException) {
      var m = (MlatException) e;
      return new Failure(m.errorCode().code(), exitCodeOf(m), CliFailure.detailOf(m));
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      IOException io = e instanceof IOException ? (IOException) e : ((UncheckedIOException) e).getCause();
      var c = OutputFiles.ioFailure("I/O failure", io);
      return new Failure(c.errorCode().code(), c.exitCode(), c.detail());
    }
    return new Failure(CliErrorCode.INTERNAL_ERROR.code(), ExitCode.INTERNAL,
        "unexpected " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + " (run again with --verbose for the stack trace, and report it)");
  }

  /**
   * Crypto and trust failures of this side's own material (keys, certificates, trust directory) exit
   * with 3; of mlat-transport: a refused package or receipt ({@code PACKAGE_*}, {@code RECEIPT_*},
   * ledger chain checks) 5, a failed transfer ({@code HTTPS_*}, exchange delivery) 6, {@code IO_FAILURE} 4;
   * other library failures (invalid input) 1.
   */
  static ExitCode exitCodeOf(MlatException e) {
    if (e instanceof MlatCryptoException) {
      return ExitCode.CRYPTO;
    }
    if (e instanceof MlatTransportException) {
      return exitCodeOfTransport(e.errorCode().code());
    }
    return ExitCode.INVALID_INPUT;
  }

  /** The exit code of an mlat-transport error code (by its block: docs/CLI.md lists them). */
  static ExitCode exitCodeOfTransport(String code) {
    if (code.equals("IO_FAILURE") || code.equals("LEDGER_UNAVAILABLE") || code.equals("LEDGER_LOCKED")
        || code.equals("LEDGER_SCHEMA_TOO_NEW") || code.equals("LEDGER_MIGRATION_FAILED")) {
      return ExitCode.IO;
    }
    if (code.startsWith("PACKAGE_") || code.startsWith("RECEIPT_") || code.startsWith("AUDIT_") || code.startsWith("BLOB_")
        || code.equals("EXCHANGE_DELIVERY_REFUSED") || code.equals("EXCHANGE_RECEIPT_INVALID")) {
      return ExitCode.VERIFICATION_FAILED;
    }
    if (code.startsWith("HTTPS_") || code.startsWith("EXCHANGE_") || code.startsWith("DROPBOX_")) {
      return ExitCode.TRANSFER_FAILED;
    }
    return ExitCode.INVALID_INPUT;
  }

  private static boolean verbose(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(String text) {
    return String.valueOf(text).replace("\r", " ").replace('\n', ' ');
  }

  /** Creates commands with the context when they have a constructor for it. */
  private static final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;

    ContextFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      Constructor<K> withContext;
      try {
        withContext = type.getDeclaredConstructor(CliContext.class);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
      return withContext.newInstance(context);
    }
  }
}
