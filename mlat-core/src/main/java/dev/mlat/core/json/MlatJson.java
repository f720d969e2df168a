package dev.mlat.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.json.internal.CodedJsonException;
import dev.mlat.core.json.internal.JsonPaths;
import dev.mlat.core.json.internal.Mappers;
import dev.mlat.core.json.internal.MessageDocument;
import dev.mlat.core.json.internal.RequestDocument;
import dev.mlat.core.json.internal.StructureScanner;
import dev.mlat.core.json.internal.TypeNames;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.LifecycleMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads and writes requests and lifecycle messages in the mlat JSON wire format, version
 * {@value #SCHEMA_VERSION} ({@code docs/schema/}).
 *
 * <p><b>Reading is strict.</b> A document is accepted only if it is UTF-8, within every {@link
 * JsonLimits limit}, syntactically valid JSON with no duplicate keys, no {@code null}, nothing after
 * the top-level value, and matches the format exactly: no unknown property, every required property
 * present, every value of the right JSON type (nothing is coerced: not {@code "1"} for {@code 1},
 * not {@code 1.0} for an integer, not an epoch number for an instant), enum constants by exact name,
 * polymorphic types only by their closed set of names. Anything else raises a {@link
 * JsonInputException} with a {@link CoreErrorCode} and the JSON path of the offending value.
 * Reading does not check completeness or content formats (those are validation's job).
 *
 * <p><b>Writing is deterministic.</b> Properties in alphabetical order (after {@code
 * schemaVersion}, and after the type name of polymorphic values), two-space indentation, {@code \n}
 * line ends, instants in ISO-8601 UTC, absent optional values and empty lists omitted. Equal
 * models give equal bytes.
 *
 * <p>Thread-safe and immutable; create one and share it.
 *
 * <pre>{@code
 * MlatJson json = MlatJson.strict();
 * byte[] bytes = json.writeRequest(request);
 * Request back = json.readRequest(bytes);          // throws JsonInputException
 * LifecycleMessage message = json.readMessage(in); // from an InputStream
 * }</pre>
 */
public final class MlatJson {

  /** The schema version this library writes and reads. */
  public static final String SCHEMA_VERSION = "1.0";

  private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']*)'");

  private final JsonLimits limits;
  private final StructureScanner scanner;
  private final ObjectReader requestReader;
  private final ObjectReader messageReader;
  private final ObjectWriter requestWriter;
  private final ObjectWriter messageWriter;
  private final ObjectWriter embeddedMessageWriter;

  private MlatJson(JsonLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.scanner = new StructureScanner(limits);
    ObjectMapper mapper = Mappers.wireMapper(StructureScanner.constraints(limits));
    this.requestReader = mapper.readerFor(RequestDocument.class);
    this.messageReader = mapper.readerFor(MessageDocument.class);
    this.requestWriter = mapper.writerFor(RequestDocument.class).with(Mappers.prettyPrinter());
    this.messageWriter = mapper.writerFor(MessageDocument.class).with(Mappers.prettyPrinter());
    this.embeddedMessageWriter = mapper.writerFor(MessageDocument.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
  }

  /** A reader and writer with the default {@link JsonLimits#DEFAULTS limits}. */
  public static MlatJson strict() {
    return new MlatJson(JsonLimits.DEFAULTS);
  }

  /** A reader and writer with the given limits. */
  public static MlatJson strict(JsonLimits limits) {
    return new MlatJson(limits);
  }

  /** The limits this instance applies. */
  public JsonLimits limits() {
    return limits;
  }

  /**
   * Reads a request document ({@code {"schemaVersion": "1.0", "request": {...}}}).
   *
   * @throws JsonInputException if the document breaks any rule of the format (see the class comment)
   */
  public Request readRequest(byte[] json) throws JsonInputException {
    Objects.requireNonNull(json, "json");
    return read(json, requestReader, RequestDocument.class).request();
  }

  /**
   * Reads a request document from {@code in}, reading at most {@link JsonLimits#maxDocumentBytes()}
   * plus one bytes. Does not close the stream.
   *
   * @throws JsonInputException if the document breaks any rule of the format
   * @throws IOException if reading the stream fails
   */
  public Request readRequest(InputStream in) throws JsonInputException, IOException {
    return readRequest(readBounded(in));
  }

  /**
   * Reads a lifecycle message document ({@code {"schemaVersion": "1.0", "message": {"messageType":
   * ..., "header": ..., ...}}}).
   *
   * @throws JsonInputException if the document breaks any rule of the format
   */
  public LifecycleMessage readMessage(byte[] json) throws JsonInputException {
    Objects.requireNonNull(json, "json");
    return read(json, messageReader, MessageDocument.class).message();
  }

  /**
   * Reads a lifecycle message document from {@code in}, reading at most {@link
   * JsonLimits#maxDocumentBytes()} plus one bytes. Does not close the stream.
   *
   * @throws JsonInputException if the document breaks any rule of the format
   * @throws IOException if reading the stream fails
   */
  public LifecycleMessage readMessage(InputStream in) throws JsonInputException, IOException {
    return readMessage(readBounded(in));
  }

  /** The request document for {@code request}, as UTF-8 bytes. */
  public byte[] writeRequest(Request request) {
    Objects.requireNonNull(request, "request");
    return write(requestWriter, new RequestDocument(SCHEMA_VERSION, request));
  }

  /** Writes the request document for {@code request} to {@code out}; does not close it. */
  public void writeRequest(Request request, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out").write(writeRequest(request));
  }

  /** The message document for {@code message}, as UTF-8 bytes. */
  public byte[] writeMessage(LifecycleMessage message) {
    Objects.requireNonNull(message, "message");
    return write(messageWriter, new MessageDocument(SCHEMA_VERSION, message));
  }

  /** Writes the message document for {@code message} to {@code out}; does not close it. */
  public void writeMessage(LifecycleMessage message, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out").write(writeMessage(message));
  }

  /**
   * Writes the message document for {@code message} as the next value of {@code generator}, with
   * the generator's own pretty printer and features: for a format that carries the document inside
   * a larger JSON document, in one pass. The tokens are those {@link #writeMessage(LifecycleMessage)}
   * writes; only their layout is the generator's. Does not flush or close the generator.
   *
   * @throws IOException if the generator's output fails
   * @throws IllegalArgumentException if Jackson cannot write a value of the model (as {@link
   *     #writeMessage(LifecycleMessage)})
   */
  public void writeMessage(LifecycleMessage message, JsonGenerator generator) throws IOException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(generator, "generator");
    try {
      embeddedMessageWriter.writeValue(generator, new MessageDocument(SCHEMA_VERSION, message));
    } catch (JsonProcessingException e) {
      // a value's failure, as in write(); the output's failures are plain IOExceptions
      throw new IllegalArgumentException("the model cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static byte[] write(ObjectWriter writer, Object document) {
    try {
      return writer.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      // Every model value is serialisable; only a caller-supplied unpaired surrogate gets here.
      throw new IllegalArgumentException("the model cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private byte[] readBounded(InputStream in) throws IOException, JsonInputException {
    Objects.requireNonNull(in, "in");
    int max = limits.maxDocumentBytes();
    byte[] bytes = in.readNBytes(max == Integer.MAX_VALUE ? max : max + 1);
    if (bytes.length > limits.maxDocumentBytes()) {
      throw new JsonInputException(CoreErrorCode.JSON_DOCUMENT_TOO_LARGE, JsonPaths.ROOT,
          "document exceeds maxDocumentBytes=" + limits.maxDocumentBytes());
    }
    return bytes;
  }

  private <T> T read(byte[] json, ObjectReader reader, Class<T> type) throws JsonInputException {
    T value = readInOnePass(json, reader, type);
    return value != null ? value : readExplaining(json, reader, type);
  }

  /**
   * Reads an accepted document in one pass: the UTF-8 is checked without decoding, and databind
   * reads the bytes through the structure checks, so the document is tokenized once. Returns null
   * for a document this pass does not accept; {@link #readExplaining} then reads it again and
   * gives its outcome (the error with its code and path, which may come from a check that this pass
   * met only after databind had failed). Whenever this pass accepts, {@link #readExplaining}
   * accepts with an equal value (MlatJsonOnePassTest): the same checks on the same tokens, with a
   * UTF-8 check equal to the decoder's and a parser at least as strict.
   */
  private <T> T readInOnePass(byte[] json, ObjectReader reader, Class<T> type) {
    if (json.length > limits.maxDocumentBytes() || startsWithByteOrderMark(json) || !Utf8.isWellFormed(json)) {
      return null;
    }
    try (StructureScanner.CheckingParser parser = scanner.checking(reader.createParser(json))) {
      T value = type.cast(reader.<Object>readValue(parser));
      if (value == null || !parser.finish()) {
        return null;
      }
      var version = parser.schemaVersion();
      return version.isPresent() && !SCHEMA_VERSION.equals(version.get()) ? null : value;
    } catch (IOException | RuntimeException e) {
      return null; // refused (or something unexpected): read again for the outcome
    }
  }

  // For MlatJsonOnePassTest: each of the two readers alone.

  LifecycleMessage readMessageInOnePass(byte[] json) {
    MessageDocument document = readInOnePass(json, messageReader, MessageDocument.class);
    return document == null ? null : document.message();
  }

  LifecycleMessage readMessageExplaining(byte[] json) throws JsonInputException {
    return readExplaining(json, messageReader, MessageDocument.class).message();
  }

  Request readRequestInOnePass(byte[] json) {
    RequestDocument document = readInOnePass(json, requestReader, RequestDocument.class);
    return document == null ? null : document.request();
  }

  Request readRequestExplaining(byte[] json) throws JsonInputException {
    return readExplaining(json, requestReader, RequestDocument.class).request();
  }

  private static boolean startsWithByteOrderMark(byte[] json) {
    return json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB && (json[2] & 0xFF) == 0xBF;
  }

  /**
   * The reader whose outcome defines the format: strict UTF-8 decoding, the structure scan of the
   * whole document, then databind. Every refusal is reported from here.
   */
  private <T> T readExplaining(byte[] json, ObjectReader reader, Class<T> type) throws JsonInputException {
    String text = scanner.decode(json);
    var version = scanner.scan(text);
    if (version.isPresent() && !SCHEMA_VERSION.equals(version.get())) {
      throw new JsonInputException(CoreErrorCode.JSON_UNSUPPORTED_SCHEMA_VERSION, "$.schemaVersion",
          "schema version '" + JsonPaths.sanitize(version.get()) + "' is not supported; this reader reads " + SCHEMA_VERSION);
    }
    try {
      return reader.readValue(text, type);
    } catch (CodedJsonException e) {
      return rethrow(new JsonInputException(e.code(), JsonPaths.of(e.getPath()) + e.pathSuffix(), e.getOriginalMessage(), e));
    } catch (UnrecognizedPropertyException e) {
      return rethrow(new JsonInputException(CoreErrorCode.JSON_UNKNOWN_PROPERTY, JsonPaths.of(e.getPath()),
          "unknown property; allowed here: " + e.getKnownPropertyIds(), e));
    } catch (InvalidTypeIdException e) {
      String property = TypeNames.familyOf(e.getBaseType().getRawClass()).map(TypeNames.Family::property).orElse("type");
      String allowed = TypeNames.familyOf(e.getBaseType().getRawClass())
          .map(f -> String.valueOf(f.subtypes().keySet())).orElse("?");
      String what = e.getTypeId() == null ? "missing type name" : "unknown type name '" + JsonPaths.sanitize(e.getTypeId()) + "'";
      return rethrow(new JsonInputException(CoreErrorCode.JSON_UNKNOWN_TYPE,
          JsonPaths.property(JsonPaths.of(e.getPath()), property), what + "; expected one of " + allowed, e));
    } catch (InvalidDefinitionException e) {
      throw new IllegalStateException("mlat JSON mapping is misconfigured: " + e.getOriginalMessage(), e);
    } catch (MismatchedInputException e) {
      var missing = MISSING_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
      if (missing.find()) {
        var references = e.getPath();
        boolean named = !references.isEmpty()
            && missing.group(1).equals(references.get(references.size() - 1).getFieldName());
        String path = named ? JsonPaths.of(references) : JsonPaths.property(JsonPaths.of(references), missing.group(1));
        return rethrow(new JsonInputException(CoreErrorCode.JSON_MISSING_PROPERTY, path, "required property is missing", e));
      }
      return rethrow(new JsonInputException(CoreErrorCode.JSON_WRONG_TYPE, JsonPaths.of(e.getPath()),
          "wrong JSON type: " + firstLine(e.getOriginalMessage()), e));
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return rethrow(new JsonInputException(CoreErrorCode.JSON_INVALID_VALUE, JsonPaths.of(e.getPath()),
          "value rejected: " + firstLine(cause.getMessage()), e));
    } catch (StreamConstraintsException e) {
      return rethrow(StructureScanner.fromConstraint(e, JsonPaths.ROOT));
    } catch (JsonParseException e) {
      return rethrow(StructureScanner.malformed(e, JsonPaths.ROOT));
    } catch (JsonMappingException e) {
      return rethrow(new JsonInputException(CoreErrorCode.JSON_INVALID_VALUE, JsonPaths.of(e.getPath()),
          firstLine(e.getOriginalMessage()), e));
    } catch (IOException e) {
      return rethrow(new JsonInputException(CoreErrorCode.JSON_MALFORMED, JsonPaths.ROOT, "unreadable document", e));
    }
  }

  private static <T> T rethrow(JsonInputException e) throws JsonInputException {
    throw e;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
