package dev.mlat.cli;

import dev.mlat.core.ErrorCode;

/**
 * The error codes the {@code mlat} command itself raises (codes of the library modules, such as
 * {@code JSON_MALFORMED} or {@code JURISDICTION_UNKNOWN}, are printed as they are). Each is
 * documented in {@code docs/ERRORS.md} under "mlat-cli"; {@code CliErrorCodeTest} keeps the two in
 * step. The command prints one line {@code mlat: CODE: message} on stderr and exits with the
 * {@link ExitCode} given for each code.
 */
public enum CliErrorCode implements ErrorCode {
  /** Exit 2. */
  USAGE_INVALID("The command line is wrong: unknown command or option, missing or invalid option value"),
  /** Exit 2. */
  TEMPLATE_UNKNOWN("The request template named is not one of the templates 'mlat request templates' lists"),
  /** Exit 4. */
  FILE_NOT_FOUND("An input file or folder named on the command line does not exist"),
  /** Exit 4. */
  OUTPUT_EXISTS("An output file or folder exists already and --force was not given"),
  /** Exit 4. */
  IO_FAILED("Reading or writing a file failed"),
  /** Exit 2. */
  PASSWORD_UNAVAILABLE("A password was asked for but none could be read (password file empty or too large, no console, entries differ)"),
  /** Exit 1. */
  REQUEST_INVALID("A request document has problems; each is printed on its own line before this one"),
  /** A problem line of 'mlat request validate' (the command then exits 1 with REQUEST_INVALID). */
  PLACEHOLDER_LEFT("A request still holds a '[FILL IN' placeholder of a template at the issued level"),
  /** Exit 1. */
  ATTACHMENT_MISMATCH("An --attach file is not one the message refers to, or the message refers to an attachment no --attach file gives"),
  /** Exit 5. */
  PACKAGE_REFUSED_BY_RECEIVER("A valid receipt says the receiver refused the package (its error code and stage are in the message)"),
  /** Exit 6: mlat send. */
  MESSAGE_QUEUED("mlat send: the message is sealed and queued in the sender's ledger, but no receipt came back before --wait passed; 'mlat send --resume' goes on"),
  /** Exit 2: mlat status, mlat send --resume. */
  NOT_IN_LEDGER("The ledger holds no such request (mlat status) or outgoing message (mlat send --resume)"),
  /** Exit 70: the launcher script found no Java runtime. */
  JAVA_NOT_FOUND("The ./mlat launcher found no Java runtime (MLAT_JAVA_HOME, Temurin 25 under /usr/lib/jvm, or java on the PATH)"),
  /** Exit 70: the launcher script could not build the command's jar. */
  BUILD_FAILED("The ./mlat launcher could not build mlat-cli/target/mlat.jar with Maven"),
  /** Exit 70. */
  INTERNAL_ERROR("An unexpected failure inside the command (a bug)");

  private final String description;

  CliErrorCode(String description) {
    this.description = description;
  }

  @Override
  public String code() {
    return name();
  }

  @Override
  public String description() {
    return description;
  }
}
