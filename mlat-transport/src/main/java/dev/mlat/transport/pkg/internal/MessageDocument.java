package dev.mlat.transport.pkg.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.core.json.JsonInputException;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.crypto.segment.AttachmentKey;
import dev.mlat.crypto.segment.SegmentException;
import dev.mlat.crypto.segment.SegmentManifest;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The signed payload of a package, message.json (docs/FORMAT.md): the lifecycle message and the
 * manifest of its attachments, with each attachment's segment manifest and key.
 */
public final class MessageDocument {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "mlat-message";
  /** Attachment ids: like party identifiers, safe as file names. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
  private static final Set<String> REQUIRED = Set.of("format", "formatVersion", "message", "attachments");
  private static final Set<String> ATTACHMENT_FIELDS = Set.of("id", "entry", "name", "mediaType", "size", "sha256", "segments");
  private static final Set<String> SEGMENT_FIELDS = Set.of("keyId", "key", "segmentSize", "tags");

  private final LifecycleMessage message;
  private final List<ManifestEntry> attachments;

  /** A document. */
  public MessageDocument(LifecycleMessage message, List<ManifestEntry> attachments) {
    this.message = message;
    this.attachments = List.copyOf(attachments);
  }

  public LifecycleMessage message() {
    return message;
  }

  public List<ManifestEntry> attachments() {
    return attachments;
  }

  /** The entry name of attachment number {@code index} (0-based). */
  public static String entryName(int index) {
    return "attachments/" + (index + 1);
  }

  /** Whether a media type is of the accepted form (lower-case type/subtype, no parameters). */
  public static boolean validMediaType(String mediaType) {
    return MEDIA_TYPE.matcher(mediaType).matches();
  }

  /**
   * Encodes message.json: pretty-printed by the shared mapper, the lifecycle message as
   * {@link MlatJson} writes it. MlatJson writes the message's tokens straight into the document's
   * generator (no intermediate bytes or tree); the bytes are those of building the document as a
   * tree and printing it (MessageDocumentTest), which is how the format's vectors were made.
   */
  public byte[] write(MlatJson json) {
    var bytes = new ByteArrayOutputStream(8192);
    // characters encoded as String.getBytes would (an unpaired surrogate as '?'), without the String
    var text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    try {
      try (JsonGenerator g = StrictJson.mapper().getFactory().createGenerator(text)) {
        g.setPrettyPrinter(StrictJson.prettyPrinter());
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("formatVersion", 1);
        g.writeFieldName("message");
        json.writeMessage(message, g); // MlatJson's tokens in this document's layout, in one pass
        g.writeArrayFieldStart("attachments");
        for (ManifestEntry a : attachments) {
          g.writeStartObject();
          g.writeStringField("id", a.id());
          g.writeStringField("entry", a.entry());
          g.writeStringField("name", a.name());
          g.writeStringField("mediaType", a.mediaType());
          g.writeNumberField("size", a.size());
          g.writeStringField("sha256", a.sha256());
          g.writeObjectFieldStart("segments");
          g.writeStringField("keyId", a.segments().keyId());
          g.writeStringField("key", a.key().keyHex());
          g.writeNumberField("segmentSize", a.segments().segmentSize());
          g.writeStringField("tags", HexFormat.of().formatHex(a.segments().segmentTags().bytes()));
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON in memory failed", e);
    }
    // closing the generator flushed (or closed) the writer: its last characters are in the bytes
    bytes.write('\n');
    return bytes.toByteArray();
  }

  /**
   * Reads message.json strictly. The lifecycle message is read by {@link MlatJson} (its own strict
   * rules, reported with the path under {@code $.message}).
   */
  public static MessageDocument read(byte[] bytes, MlatJson json, int maxAttachments) throws StrictJson.Bad {
    // the lifecycle message is handed to MlatJson as the bytes it has in the document (no tree of it
    // is built and written back), unless it is larger than MlatJson reads (then, as before, compact)
    StrictJson.KeptRaw parsed = StrictJson.parseObjectKeepingRaw(bytes, "message", json.limits().maxDocumentBytes());
    ObjectNode o = StrictJson.fields(parsed.object(), "$", REQUIRED, Set.of());
    if (!FORMAT.equals(StrictJson.text(o, "format", "$"))) {
      throw new StrictJson.Bad("$.format: must be \"" + FORMAT + "\"");
    }
    if (StrictJson.count(o, "formatVersion", "$") != 1) {
      throw new StrictJson.Bad("$.formatVersion: only version 1 is read");
    }
    LifecycleMessage message;
    try {
      message = json.readMessage(parsed.raw().isPresent() ? parsed.raw().get() : StrictJson.mapper().writeValueAsBytes(o.get("message")));
    } catch (JsonInputException e) {
      throw new StrictJson.Bad("$.message" + e.path().substring(1) + ": " + e.errorCode().code() + " " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw new StrictJson.Bad("$.message: unreadable");
    }
    JsonNode array = o.get("attachments");
    if (!array.isArray()) {
      throw new StrictJson.Bad("$.attachments: must be an array");
    }
    if (array.size() > maxAttachments) {
      throw new StrictJson.Bad("$.attachments: more than " + maxAttachments + " attachments");
    }
    List<ManifestEntry> list = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "$.attachments[" + i + "]";
      JsonNode a = StrictJson.fields(array.get(i), path, ATTACHMENT_FIELDS, Set.of());
      String id = StrictJson.text(a, "id", path);
      if (!ID.matcher(id).matches()) {
        throw new StrictJson.Bad(path + ".id: must match " + ID.pattern());
      }
      if (!ids.add(id)) {
        throw new StrictJson.Bad(path + ".id: duplicate attachment id " + id);
      }
      String entry = StrictJson.text(a, "entry", path);
      if (!entry.equals(entryName(i))) {
        throw new StrictJson.Bad(path + ".entry: must be " + entryName(i));
      }
      String name = StrictJson.text(a, "name", path);
      if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new StrictJson.Bad(path + ".name: 1 to 255 characters, no control characters");
      }
      String mediaType = StrictJson.text(a, "mediaType", path);
      if (!validMediaType(mediaType)) {
        throw new StrictJson.Bad(path + ".mediaType: not a media type of the form type/subtype in lower case");
      }
      long size = StrictJson.count(a, "size", path);
      String sha = StrictJson.sha256(a, "sha256", path);
      JsonNode s = StrictJson.fields(a.get("segments"), path + ".segments", SEGMENT_FIELDS, Set.of());
      String keyId = StrictJson.text(s, "keyId", path + ".segments");
      String keyHex = StrictJson.text(s, "key", path + ".segments");
      long segmentSize = StrictJson.count(s, "segmentSize", path + ".segments");
      String tags = StrictJson.text(s, "tags", path + ".segments");
      if (segmentSize == 0 || segmentSize > Integer.MAX_VALUE) {
        throw new StrictJson.Bad(path + ".segments.segmentSize: out of range");
      }
      if (!StrictJson.isSha256Hex(keyHex) || !StrictJson.isLowerHex(tags) || tags.length() % 32 != 0) {
        throw new StrictJson.Bad(path + ".segments: key must be 64 and tags a multiple of 32 lower-case hex digits");
      }
      try {
        long count = SegmentManifest.expectedCount(size, (int) segmentSize);
        SegmentManifest manifest = SegmentManifest.of(keyId, (int) segmentSize, count, size, sha, HexFormat.of().parseHex(tags));
        AttachmentKey key = AttachmentKey.of(keyId, HexFormat.of().parseHex(keyHex));
        list.add(new ManifestEntry(id, entry, name, mediaType, manifest, key));
      } catch (SegmentException | IllegalArgumentException e) {
        throw new StrictJson.Bad(path + ".segments: " + e.getMessage());
      }
    }
    return new MessageDocument(message, list);
  }
}
