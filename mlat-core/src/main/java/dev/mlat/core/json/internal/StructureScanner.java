package dev.mlat.core.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.json.JsonInputException;
import dev.mlat.core.json.JsonLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The structure checks of the strict reader: the {@link JsonLimits}, duplicate keys, {@code null}
 * values, unpaired surrogates and trailing content, each with its code and JSON path. They run in
 * one of two ways, with the same {@code Check} code: {@link #decode} and {@link #scan} as a pass of
 * their own over the decoded text before databind (the reader whose errors the format reports), or
 * {@link #checking} on the tokens databind reads from the bytes, each token checked as it is read
 * and before databind acts on it (the one-pass reading of documents that are accepted).
 *
 * <p>Thread-safe: holds only immutable configuration.
 */
public final class StructureScanner {

  private final JsonLimits limits;
  private final JsonFactory factory;

  public StructureScanner(JsonLimits limits) {
    this.limits = limits;
    this.factory = JsonFactory.builder()
        .streamReadConstraints(constraints(limits))
        .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
  }

  /** Jackson's own constraints, set to the same limits, so no oversize token is ever buffered whole. */
  public static StreamReadConstraints constraints(JsonLimits limits) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxNestingDepth())
        .maxStringLength(limits.maxStringLength())
        .maxNameLength(limits.maxPropertyNameLength())
        .maxNumberLength(limits.maxNumberLength())
        .maxDocumentLength(limits.maxDocumentBytes())
        .build();
  }

  /** Decodes {@code bytes} as strict UTF-8 after checking the document size. */
  public String decode(byte[] bytes) throws JsonInputException {
    if (bytes.length > limits.maxDocumentBytes()) {
      throw new JsonInputException(CoreErrorCode.JSON_DOCUMENT_TOO_LARGE, JsonPaths.ROOT,
          "document of " + bytes.length + " bytes exceeds maxDocumentBytes=" + limits.maxDocumentBytes());
    }
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    var in = ByteBuffer.wrap(bytes);
    var out = CharBuffer.allocate(bytes.length);
    var result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new JsonInputException(CoreErrorCode.JSON_INVALID_UTF8, JsonPaths.ROOT,
          "invalid UTF-8 at byte offset " + in.position() + "; send the document encoded as UTF-8");
    }
    result = decoder.flush(out);
    if (result.isError()) {
      throw new JsonInputException(CoreErrorCode.JSON_INVALID_UTF8, JsonPaths.ROOT, "truncated UTF-8 sequence at the end");
    }
    out.flip();
    String text = out.toString();
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      throw new JsonInputException(CoreErrorCode.JSON_MALFORMED, JsonPaths.ROOT,
          "the document starts with a byte-order mark; JSON must not (RFC 8259 section 8.1)");
    }
    return text;
  }

  /**
   * Checks the structure of {@code text}.
   *
   * @return the top-level {@code schemaVersion} string, when there is one
   */
  public Optional<String> scan(String text) throws JsonInputException {
    JsonParser p;
    try {
      p = factory.createParser(text);
    } catch (IOException e) {
      throw new JsonInputException(CoreErrorCode.JSON_MALFORMED, JsonPaths.ROOT, "unreadable document", e);
    }
    var check = new Check(true);
    try (p) {
      JsonToken token;
      while (true) {
        try {
          token = p.nextToken();
        } catch (JsonParseException e) {
          if (check.rootDone) {
            throw new JsonInputException(CoreErrorCode.JSON_TRAILING_CONTENT, JsonPaths.ROOT,
                "unexpected content after the top-level value");
          }
          throw e;
        }
        if (token == null) {
          if (!check.rootDone) {
            throw new JsonInputException(CoreErrorCode.JSON_MALFORMED, JsonPaths.ROOT, "empty document");
          }
          break;
        }
        check.token(p, token);
      }
    } catch (JsonInputException e) {
      throw e;
    } catch (StreamConstraintsException e) {
      throw fromConstraint(e, JsonPaths.of(p.getParsingContext()));
    } catch (JsonParseException e) {
      throw malformed(e, JsonPaths.of(p.getParsingContext()));
    } catch (IOException e) {
      throw new JsonInputException(CoreErrorCode.JSON_MALFORMED, JsonPaths.ROOT, "unreadable document", e);
    }
    return Optional.ofNullable(check.schemaVersion);
  }

  /**
   * {@code parser} with the checks of {@link #scan} applied to every token as it is read, for
   * reading a document in one pass: databind reads from the returned parser, and every token it
   * reads (by any of the parser's {@code next...} methods or {@code skipChildren}) has passed the
   * checks. A failed check throws a {@link Refused}; a duplicate name is refused by {@code parser}
   * itself, which must have {@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION} enabled. The
   * caller must read to the end of input and then ask {@link CheckingParser#finish()}. This only
   * tells whether a document passes: it reports a refusal without the precedence {@link #scan}
   * gives errors over databind's, so a refused document must be read again by {@link #scan} and
   * databind for its error.
   *
   * @throws IllegalArgumentException if {@code parser} does not detect duplicate names
   */
  public CheckingParser checking(JsonParser parser) {
    // duplicate names are the parser's own check here (as strict as the scan's set of names, and
    // cheaper: no set for objects of one or two names); require it rather than trust the caller
    if (!parser.isEnabled(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)) {
      throw new IllegalArgumentException("the parser must have STRICT_DUPLICATE_DETECTION enabled");
    }
    return new CheckingParser(parser, new Check(false));
  }

  /** A check of {@link #checking} failed; {@link #getCause()} is the {@link JsonInputException}. */
  public static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    Refused(JsonInputException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** The parser {@link #checking} returns. Not thread-safe (as any parser). */
  public static final class CheckingParser extends JsonParserDelegate {
    private final Check check;

    private CheckingParser(JsonParser parser, Check check) {
      super(parser);
      this.check = check;
    }

    /**
     * Reads on to the end of input (after databind read the top-level value) and tells whether the
     * document passed as a whole: its top-level value is complete and nothing follows it.
     *
     * @throws Refused if a token after the top-level value fails the checks
     * @throws IOException if the rest of the input is not valid JSON
     */
    public boolean finish() throws IOException {
      return nextToken() == null && check.rootDone;
    }

    /** The top-level {@code schemaVersion} string read so far, when there is one. */
    public Optional<String> schemaVersion() {
      return Optional.ofNullable(check.schemaVersion);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = delegate.nextToken();
      if (token != null) {
        try {
          check.token(delegate, token);
        } catch (JsonInputException e) {
          throw new Refused(e);
        }
      }
      return token;
    }

    // Every way of advancing goes through nextToken() above, whatever the delegate would do.

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken token = nextToken();
      return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public String nextFieldName() throws IOException {
      return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
    }

    @Override
    public boolean nextFieldName(SerializableString name) throws IOException {
      return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
    }

    @Override
    public String nextTextValue() throws IOException {
      return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
      JsonToken token = nextToken();
      if (token == JsonToken.VALUE_TRUE) {
        return Boolean.TRUE;
      }
      return token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
      JsonToken token = currentToken();
      if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
        return this;
      }
      int open = 1;
      while (open > 0) {
        token = nextToken();
        if (token == null) {
          return this;
        }
        if (token.isStructStart()) {
          open++;
        } else if (token.isStructEnd()) {
          open--;
        }
      }
      return this;
    }
  }

  /** The checks of one document, token by token. */
  private final class Check {
    private final ArrayDeque<int[]> arrayLengths = new ArrayDeque<>();
    /** The names of each open container (empty for arrays); null when the parser finds duplicates itself. */
    private final ArrayDeque<Set<String>> names;
    private boolean rootDone;
    private String schemaVersion;

    Check(boolean trackNames) {
      this.names = trackNames ? new ArrayDeque<>() : null;
    }

    /** Checks {@code token}, the parser's current token (not null). */
    void token(JsonParser p, JsonToken token) throws JsonInputException, IOException {
      if (rootDone) {
        throw new JsonInputException(CoreErrorCode.JSON_TRAILING_CONTENT, JsonPaths.ROOT,
            "unexpected content after the top-level value");
      }
      if (!arrayLengths.isEmpty() && p.getParsingContext().getParent() != null
          && token != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT && token != JsonToken.FIELD_NAME
          && isArrayElement(p, token)) {
        int[] count = arrayLengths.peek();
        if (++count[0] > limits.maxArrayLength()) {
          throw new JsonInputException(CoreErrorCode.JSON_ARRAY_TOO_LONG, pathOfValue(p, token),
              "array has more than maxArrayLength=" + limits.maxArrayLength() + " elements");
        }
      }
      switch (token) {
        case START_ARRAY:
          arrayLengths.push(new int[] {0});
          if (names != null) {
            names.push(Set.of());
          }
          break;
        case START_OBJECT:
          if (names != null) {
            names.push(new HashSet<>());
          }
          break;
        case END_ARRAY:
          arrayLengths.pop();
          if (names != null) {
            names.pop();
          }
          break;
        case END_OBJECT:
          if (names != null) {
            names.pop();
          }
          break;
        case FIELD_NAME:
          String name = p.currentName();
          if (name.length() > limits.maxPropertyNameLength()) {
            throw new JsonInputException(CoreErrorCode.JSON_PROPERTY_NAME_TOO_LONG, JsonPaths.of(p.getParsingContext().getParent()),
                "property name of " + name.length() + " characters exceeds maxPropertyNameLength=" + limits.maxPropertyNameLength());
          }
          if (names != null && !names.peek().add(name)) {
            throw new JsonInputException(CoreErrorCode.JSON_DUPLICATE_KEY, JsonPaths.of(p.getParsingContext()),
                "property appears twice in the same object");
          }
          checkSurrogates(name, p, "property name");
          break;
        case VALUE_STRING:
          String value = p.getText();
          if (value.length() > limits.maxStringLength()) {
            throw stringTooLong(p, value.length());
          }
          checkSurrogates(value, p, "string");
          if (p.getParsingContext().getParent() != null && p.getParsingContext().getParent().inRoot()
              && p.getParsingContext().inObject() && "schemaVersion".equals(p.currentName())) {
            schemaVersion = value;
          }
          break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          if (p.getTextLength() > limits.maxNumberLength()) {
            throw new JsonInputException(CoreErrorCode.JSON_NUMBER_TOO_LONG, JsonPaths.of(p.getParsingContext()),
                "number of " + p.getTextLength() + " characters exceeds maxNumberLength=" + limits.maxNumberLength());
          }
          break;
        case VALUE_NULL:
          throw new JsonInputException(CoreErrorCode.JSON_NULL_VALUE, JsonPaths.of(p.getParsingContext()),
              "null is not allowed; omit the property instead");
        default:
          break;
      }
      if (p.getParsingContext().inRoot() && token != JsonToken.FIELD_NAME) {
        rootDone = true;
      }
    }
  }

  private static boolean isArrayElement(JsonParser p, JsonToken token) {
    var context = p.getParsingContext();
    if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
      context = context.getParent();
    }
    return context != null && context.inArray();
  }

  private static String pathOfValue(JsonParser p, JsonToken token) {
    var context = p.getParsingContext();
    if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
      context = context.getParent();
    }
    return JsonPaths.of(context);
  }

  private JsonInputException stringTooLong(JsonParser p, int length) {
    return new JsonInputException(CoreErrorCode.JSON_STRING_TOO_LONG, JsonPaths.of(p.getParsingContext()),
        "string of " + length + " characters exceeds maxStringLength=" + limits.maxStringLength());
  }

  private static void checkSurrogates(String text, JsonParser p, String what) throws JsonInputException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
      } else if (!Character.isLowSurrogate(c)) {
        continue;
      }
      throw new JsonInputException(CoreErrorCode.JSON_INVALID_UTF8, JsonPaths.of(p.getParsingContext()),
          what + " contains an unpaired UTF-16 surrogate escape, which is not a Unicode character");
    }
  }

  /** Maps one of Jackson's own constraint failures to the code of the matching limit. */
  public static JsonInputException fromConstraint(StreamConstraintsException e, String path) {
    String message = String.valueOf(e.getOriginalMessage());
    CoreErrorCode code;
    if (message.startsWith("Document nesting depth")) {
      code = CoreErrorCode.JSON_NESTING_TOO_DEEP;
    } else if (message.startsWith("String value length")) {
      code = CoreErrorCode.JSON_STRING_TOO_LONG;
    } else if (message.startsWith("Name length")) {
      code = CoreErrorCode.JSON_PROPERTY_NAME_TOO_LONG;
    } else if (message.startsWith("Number value length")) {
      code = CoreErrorCode.JSON_NUMBER_TOO_LONG;
    } else if (message.startsWith("Document length")) {
      code = CoreErrorCode.JSON_DOCUMENT_TOO_LARGE;
    } else {
      code = CoreErrorCode.JSON_MALFORMED;
    }
    return new JsonInputException(code, path, firstLine(message), e);
  }

  /** Maps a syntax error, keeping the line and column. */
  public static JsonInputException malformed(JsonParseException e, String path) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Duplicate field")) {
      return new JsonInputException(CoreErrorCode.JSON_DUPLICATE_KEY, path, "property appears twice in the same object", e);
    }
    var location = e.getLocation();
    String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return new JsonInputException(CoreErrorCode.JSON_MALFORMED, path, "not valid JSON" + where + ": " + firstLine(message), e);
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }
}
