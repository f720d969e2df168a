package dev.mlat.core.json.internal;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JSON paths in the {@code $.a.b[2].c} form used by every error of the reader. Names that are not
 * plain identifiers are quoted ({@code $['odd name']}); names from input are shortened and
 * non-printable characters replaced so that a path is always safe to log.
 */
public final class JsonPaths {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int MAX_NAME_IN_PATH = 64;

  /** The path of the whole document. */
  public static final String ROOT = "$";

  private JsonPaths() {}

  /** Appends a property name to {@code path}. */
  public static String property(String path, String name) {
    if (PLAIN.matcher(name).matches() && name.length() <= MAX_NAME_IN_PATH) {
      return path + "." + name;
    }
    return path + "['" + sanitize(name) + "']";
  }

  /** Appends an array index to {@code path}. */
  public static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  /** The path of the value the streaming parser's context currently points at. */
  public static String of(JsonStreamContext context) {
    var chain = new ArrayList<JsonStreamContext>();
    for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.add(0, c);
    }
    String path = ROOT;
    for (var c : chain) {
      if (c.inObject() && c.getCurrentName() != null) {
        path = property(path, c.getCurrentName());
      } else if (c.inArray() && c.getCurrentIndex() >= 0 && c.hasCurrentIndex()) {
        path = index(path, c.getCurrentIndex());
      }
    }
    return path;
  }

  /** The path Jackson recorded in a databind failure. */
  public static String of(List<JsonMappingException.Reference> references) {
    String path = ROOT;
    for (var ref : references) {
      if (ref.getFieldName() != null) {
        path = property(path, ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path = index(path, ref.getIndex());
      }
    }
    return path;
  }

  /** A short, printable-ASCII rendering of untrusted text for messages and paths. */
  public static String sanitize(String text) {
    var out = new StringBuilder();
    int limit = Math.min(text.length(), MAX_NAME_IN_PATH);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\').append(c);
      } else {
        out.append(c >= 0x20 && c < 0x7f ? c : '?');
      }
    }
    return text.length() > MAX_NAME_IN_PATH ? out + "..." : out.toString();
  }
}
