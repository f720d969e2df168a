package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.ErrorCode;
import dev.mlat.core.MlatException;
import java.util.Objects;

/**
 * A failure a command reports to the user: the code printed in {@code mlat: CODE: message}, the
 * message (without the code), and the process exit code. Codes may come from any module: a bad
 * {@code --country} is reported with mlat-core's {@code JURISDICTION_UNKNOWN} and exit code 2.
 */
public final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorCode errorCode;
  private final ExitCode exitCode;
  private final String detail;

  /**
   * @param errorCode the code printed
   * @param exitCode the process exit code
   * @param detail the message after the code: what is wrong and how to fix it, no secrets
   * @param cause the underlying exception, printed only with --verbose
   */
  public CliFailure(ErrorCode errorCode, ExitCode exitCode, String detail, Throwable cause) {
    super(Objects.requireNonNull(errorCode, "errorCode").code() + ": " + Objects.requireNonNull(detail, "detail"), cause);
    this.errorCode = errorCode;
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    this.detail = detail;
  }

  /** Without a cause. */
  public CliFailure(ErrorCode errorCode, ExitCode exitCode, String detail) {
    this(errorCode, exitCode, detail, null);
  }

  /** A usage error (exit 2) with {@link CliErrorCode#USAGE_INVALID}. */
  public static CliFailure usage(String detail) {
    return new CliFailure(CliErrorCode.USAGE_INVALID, ExitCode.USAGE, detail);
  }

  /** A library failure caused by a command-line value (exit 2), keeping the library's code. */
  public static CliFailure badArgument(String option, MlatException cause) {
    return new CliFailure(cause.errorCode(), ExitCode.USAGE, option + ": " + detailOf(cause), cause);
  }

  /** The code that is printed. */
  public ErrorCode errorCode() {
    return errorCode;
  }

  /** The process exit code. */
  public ExitCode exitCode() {
    return exitCode;
  }

  /** The message without the code. */
  public String detail() {
    return detail;
  }

  /** An mlat exception's message without its leading {@code CODE: }. */
  static String detailOf(MlatException e) {
    return e.messageWithoutCode();
  }
}
