package dev.mlat.cli;

/**
 * The exit codes of the {@code mlat} command, a stable contract for scripts: listed by {@code mlat
 * --help} and in {@code docs/CLI.md}. Codes never change meaning once released.
 */
public enum ExitCode {
  /** The command did what was asked. */
  OK(0, "success"),
  /** The input was read but is not acceptable: a malformed or invalid request document. */
  INVALID_INPUT(1, "invalid input: the document (or value) read is malformed or fails validation"),
  /** The command line is wrong: unknown command or option, missing or bad option value. */
  USAGE(2, "usage error: unknown command or option, missing or invalid argument"),
  /** A certificate, key, signature or trust check failed. */
  CRYPTO(3, "crypto or trust failure: certificate, key, signature or trust directory"),
  /** A file could not be read or written, or an output exists and --force was not given. */
  IO(4, "I/O error: a file is missing, unreadable, unwritable, an output exists without --force, or the ledger cannot be used"),
  /**
   * A package or receipt was refused: its structure, header signature, sender's trust, decryption,
   * issuer's signature, binding or content failed a check (the {@code PACKAGE_*} and
   * {@code RECEIPT_*} codes), or a valid receipt says the receiver refused the package.
   */
  VERIFICATION_FAILED(5, "verification failed: a package, receipt or audit trail was refused (structure, signature, trust, binding, content, chain)"),
  /** The other side could not be reached or refused the transfer (the {@code HTTPS_*} codes); often transient. */
  TRANSFER_FAILED(6, "transfer failed: the other side could not be reached or refused the upload (often transient: retry)"),
  /** A bug or an unexpected environment failure; the message says what, --verbose shows the stack trace. */
  INTERNAL(70, "internal error (a bug): run again with --verbose and report the stack trace");

  private final int value;
  private final String description;

  ExitCode(int value, String description) {
    this.value = value;
    this.description = description;
  }

  /** The process exit status. */
  public int value() {
    return value;
  }

  /** One line for {@code mlat --help}. */
  public String description() {
    return description;
  }
}
