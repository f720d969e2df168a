package dev.mlat.core.json.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.mlat.core.CoreErrorCode;

/**
 * A databind failure that already knows its {@link CoreErrorCode}. Jackson prepends the JSON path
 * to it as it unwinds, so the reader can report code and path together.
 */
public final class CodedJsonException extends JsonMappingException {
  private static final long serialVersionUID = 1L;

  private final transient CoreErrorCode code;
  private final String pathSuffix;

  /**
   * @param pathSuffix appended to the path Jackson records, for a failure about a property that is
   *     not itself being read (a missing property, a type name); empty otherwise
   */
  public CodedJsonException(JsonParser parser, CoreErrorCode code, String message, String pathSuffix) {
    super(parser, message);
    this.code = code;
    this.pathSuffix = pathSuffix;
  }

  public CodedJsonException(JsonParser parser, CoreErrorCode code, String message) {
    this(parser, code, message, "");
  }

  /** The code of the rule that failed. */
  public CoreErrorCode code() {
    return code;
  }

  /** What to append to the recorded path, possibly empty. */
  public String pathSuffix() {
    return pathSuffix;
  }
}
