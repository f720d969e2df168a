package dev.mlat.core.validation;

import dev.mlat.core.CoreErrorCode;
import java.util.Objects;

/**
 * One thing wrong with a request: where (a JSON path into the request's wire form, for example
 * {@code $.caseDescription.offences[0].statutoryProvision}), what (a stable code from {@code
 * docs/ERRORS.md}) and a message for the prosecutor in the language asked for.
 *
 * <p>The path uses the JSON property names of the wire form (the record component names), {@code
 * $} for the request itself and {@code [i]} for list elements. The message never quotes the
 * offending value, so that reports can be logged.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path JSON path of the property to correct
 * @param code the stable error code
 * @param message the explanation, localised
 */
public record Violation(String path, CoreErrorCode code, String message) {
  /**
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if the path does not start with {@code $}
   */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("a violation path starts with $, got " + path);
    }
  }

  @Override
  public String toString() {
    return path + " " + code.code() + ": " + message;
  }
}
