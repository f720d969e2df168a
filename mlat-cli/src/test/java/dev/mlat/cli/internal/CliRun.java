package dev.mlat.cli.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the real command line in-process with captured stdout and stderr. */
public final class CliRun {

  /** The fixed time of every in-process run. */
  public static final Instant NOW = Instant.parse("2026-11-25T10:15:30.250Z");

  private CliRun() {}

  /** What one run produced. */
  public record Result(int exitCode, String out, String err) {
    /** stderr's lines. */
    public java.util.List<String> errLines() {
      return err.isEmpty() ? java.util.List.of() : java.util.List.of(err.split("\n"));
    }

    /** stdout's lines. */
    public java.util.List<String> outLines() {
      return out.isEmpty() ? java.util.List.of() : java.util.List.of(out.split("\n"));
    }
  }

  /** A context with the fixed clock, no environment, no console. */
  public static CliContext context() {
    return context(Map.of());
  }

  /** A context with the fixed clock, the given environment, no console. */
  public static CliContext context(Map<String, String> environment) {
    return new CliContext(Clock.fixed(NOW, ZoneOffset.UTC), environment, PasswordPrompt.none(), RequestChecks.perInstrument(java.util.Locale.ENGLISH));
  }

  /** Runs {@code args} with {@link #context()}. */
  public static Result run(String... args) {
    return run(context(), args);
  }

  /** Runs {@code args} with {@code context}. */
  public static Result run(CliContext context, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Cli.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
  }
}
