package dev.mlat.cli.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from their surroundings, so that tests can drive them in-process: the
 * clock (dates in templates), the environment variables ({@code MLAT_PASSWORD}), the password
 * prompt, and the checks {@code request validate} runs after strict reading. Immutable and
 * thread-safe. A class rather than a record: the environment may hold a password, and this type
 * never prints it.
 */
public final class CliContext {

  /** The environment variable a PKCS#12 password may come from. */
  public static final String PASSWORD_VARIABLE = "MLAT_PASSWORD";

  private final Clock clock;
  private final Map<String, String> environment;
  private final PasswordPrompt passwordPrompt;
  private final RequestChecks requestChecks;
  private final boolean terminal;

  /**
   * @param clock the time source
   * @param environment the environment variables
   * @param passwordPrompt reads a password interactively
   * @param requestChecks the checks after strict reading (see {@link RequestChecks})
   */
  public CliContext(Clock clock, Map<String, String> environment, PasswordPrompt passwordPrompt, RequestChecks requestChecks) {
    this(clock, environment, passwordPrompt, requestChecks, false);
  }

  /**
   * @param terminal whether the process runs in a terminal (progress is shown on stderr only then)
   */
  public CliContext(Clock clock, Map<String, String> environment, PasswordPrompt passwordPrompt, RequestChecks requestChecks,
      boolean terminal) {
    this.terminal = terminal;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.environment = Map.copyOf(environment);
    this.passwordPrompt = Objects.requireNonNull(passwordPrompt, "passwordPrompt");
    this.requestChecks = Objects.requireNonNull(requestChecks, "requestChecks");
  }

  /** The real process: the UTC system clock, {@link System#getenv()}, the console. */
  public static CliContext system() {
    return new CliContext(Clock.systemUTC(), System.getenv(), PasswordPrompt.console(), RequestChecks.perInstrument(java.util.Locale.getDefault()),
        System.console() != null);
  }

  /** The time source. */
  public Clock clock() {
    return clock;
  }

  /** The environment variables. */
  public Map<String, String> environment() {
    return environment;
  }

  /** Reads a password interactively. */
  public PasswordPrompt passwordPrompt() {
    return passwordPrompt;
  }

  /** The checks {@code request validate} runs after strict reading. */
  public RequestChecks requestChecks() {
    return requestChecks;
  }

  /** Whether the process runs in a terminal: long work then shows progress on stderr. */
  public boolean terminal() {
    return terminal;
  }

  /** A copy with another clock. */
  public CliContext withClock(Clock other) {
    return new CliContext(other, environment, passwordPrompt, requestChecks, terminal);
  }

  /** A copy with other request checks (where the per-instrument validator is plugged in). */
  public CliContext withRequestChecks(RequestChecks checks) {
    return new CliContext(clock, environment, passwordPrompt, checks, terminal);
  }

  /** A copy that shows progress (as in a terminal) or not. */
  public CliContext withTerminal(boolean inTerminal) {
    return new CliContext(clock, environment, passwordPrompt, requestChecks, inTerminal);
  }

  @Override
  public String toString() {
    return "CliContext[clock=" + clock + ", " + environment.size() + " environment variables, requestChecks="
        + requestChecks.description(dev.mlat.core.validation.Level.ISSUED) + "]";
  }
}
