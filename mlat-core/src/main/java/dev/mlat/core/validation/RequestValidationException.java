package dev.mlat.core.validation;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.MlatCoreException;
import java.util.stream.Collectors;

/**
 * A request failed validation; {@link #report()} lists every violation. Its code is {@link
 * CoreErrorCode#VALIDATION_FAILED}; each violation has its own code. The exception message names
 * the paths and codes (never the values), so it may be logged.
 */
public final class RequestValidationException extends MlatCoreException {
  private static final long serialVersionUID = 1L;
  private static final int PATHS_IN_MESSAGE = 10;

  /** The report; transient because reports are not meant to travel by Java serialisation. */
  private final transient ValidationReport report;

  /**
   * @param report a report with at least one violation
   * @throws IllegalArgumentException if the report is valid
   */
  public RequestValidationException(ValidationReport report) {
    super(CoreErrorCode.VALIDATION_FAILED, describe(report));
    this.report = report;
  }

  private static String describe(ValidationReport report) {
    if (report.isValid()) {
      throw new IllegalArgumentException("a valid report is not an exception");
    }
    var n = report.violations().size();
    var listed = report.violations().stream().limit(PATHS_IN_MESSAGE)
        .map(v -> v.path() + " " + v.code().code())
        .collect(Collectors.joining(", "));
    return "the request is not valid at level " + report.level() + " (" + n + " violation"
        + (n == 1 ? "" : "s") + "): " + listed + (n > PATHS_IN_MESSAGE ? ", ..." : "");
  }

  /** The report with every violation. */
  public ValidationReport report() {
    return report;
  }
}
