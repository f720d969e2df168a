package dev.mlat.cli.internal;

import java.util.Objects;

/**
 * One problem found in a document: where (a JSON path such as {@code $.request.parties}), the
 * stable error code, and a message for the prosecutor. Printed as {@code PATH: CODE: message}.
 *
 * @param path the JSON path of the value concerned ({@code $} for the whole document)
 * @param code the error code, as documented in docs/ERRORS.md
 * @param message what is wrong and how to fix it
 */
public record Problem(String path, String code, String message) {

  /** Validates. */
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** {@code PATH: CODE: message}. */
  public String line() {
    return path + ": " + code + ": " + message;
  }
}
