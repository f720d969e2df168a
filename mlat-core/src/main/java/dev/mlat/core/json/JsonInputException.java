package dev.mlat.core.json;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.MlatCoreException;
import java.util.Objects;

/**
 * A JSON document was rejected by the strict reader: malformed, over a {@link JsonLimits limit}, or
 * not matching the format. Carries the code of the rule that failed and the JSON path of the value
 * concerned, in the form {@code $.message.request.subjects[2].identifiers[0].value} ({@code $} for
 * the whole document).
 *
 * <p>The message names the rule and the path; it never echoes request content beyond a short,
 * sanitised excerpt of a rejected name.
 */
public final class JsonInputException extends MlatCoreException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public JsonInputException(CoreErrorCode errorCode, String path, String message) {
    super(errorCode, Objects.requireNonNull(path, "path") + ": " + message);
    this.path = path;
  }

  public JsonInputException(CoreErrorCode errorCode, String path, String message, Throwable cause) {
    super(errorCode, Objects.requireNonNull(path, "path") + ": " + message, cause);
    this.path = path;
  }

  /** The JSON path of the offending value, for example {@code $.message.header.sender}. */
  public String path() {
    return path;
  }
}
