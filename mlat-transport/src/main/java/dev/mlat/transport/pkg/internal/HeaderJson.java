package dev.mlat.transport.pkg.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.core.MessageType;
import dev.mlat.core.PartyId;
import dev.mlat.transport.pkg.HeaderEntry;
import dev.mlat.transport.pkg.PackageHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Writes and strictly reads header.json (docs/FORMAT.md, "header.json"). */
public final class HeaderJson {
  private static final Set<String> REQUIRED = Set.of("format", "formatVersion", "messageId", "messageType", "requestId",
      "sender", "recipient", "created", "expires", "entries");
  private static final Set<String> OPTIONAL = Set.of("originalSender");
  /** The value of the {@code format} field. */
  public static final String FORMAT = "mlat-package";

  private HeaderJson() {}

  /** The header's bytes: UTF-8 JSON, fields in the documented order, two-space indentation, final newline. */
  public static byte[] write(PackageHeader h) {
    var out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = StrictJson.mapper().getFactory().createGenerator(out)) {
      g.setPrettyPrinter(StrictJson.prettyPrinter());
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("formatVersion", h.formatVersion());
      g.writeStringField("messageId", h.messageId().toString());
      g.writeStringField("messageType", h.messageType().wireName());
      g.writeStringField("requestId", h.requestId().toString());
      g.writeStringField("sender", h.sender().toString());
      g.writeStringField("recipient", h.recipient().toString());
      if (h.originalSender().isPresent()) {
        g.writeStringField("originalSender", h.originalSender().get().toString());
      }
      g.writeStringField("created", h.created().toString());
      g.writeStringField("expires", h.expires().toString());
      g.writeArrayFieldStart("entries");
      for (HeaderEntry e : h.entries()) {
        g.writeStartObject();
        g.writeStringField("name", e.name());
        g.writeNumberField("size", e.size());
        if (e.sha256().isPresent()) {
          g.writeStringField("sha256", e.sha256().get());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON in memory failed", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** Reads header.json strictly. */
  public static PackageHeader read(byte[] bytes, int maxEntries) throws StrictJson.Bad {
    ObjectNode o = StrictJson.fields(StrictJson.parseObject(bytes), "$", REQUIRED, OPTIONAL);
    if (!FORMAT.equals(StrictJson.text(o, "format", "$"))) {
      throw new StrictJson.Bad("$.format: must be \"" + FORMAT + "\"");
    }
    long version = StrictJson.count(o, "formatVersion", "$");
    if (version != PackageHeader.FORMAT_VERSION) {
      throw new StrictJson.Bad("$.formatVersion: version " + version + " is not supported (this reader reads "
          + PackageHeader.FORMAT_VERSION + ")");
    }
    String typeName = StrictJson.text(o, "messageType", "$");
    MessageType type = MessageType.fromWireName(typeName)
        .orElseThrow(() -> new StrictJson.Bad("$.messageType: unknown message type " + quoted(typeName)));
    Optional<PartyId> original = o.has("originalSender")
        ? Optional.of(StrictJson.party(o, "originalSender", "$")) : Optional.empty();
    JsonNode array = o.get("entries");
    if (!array.isArray()) {
      throw new StrictJson.Bad("$.entries: must be an array");
    }
    if (array.size() > maxEntries) {
      throw new StrictJson.Bad("$.entries: more than " + maxEntries + " entries");
    }
    List<HeaderEntry> entries = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "$.entries[" + i + "]";
      JsonNode e = StrictJson.fields(array.get(i), path, Set.of("name", "size"), Set.of("sha256"));
      String name = StrictJson.text(e, "name", path);
      long size = StrictJson.count(e, "size", path);
      boolean message = name.equals(HeaderEntry.MESSAGE_ENTRY);
      if (message != e.has("sha256")) {
        throw new StrictJson.Bad(path + (message ? ": the message entry must carry its sha256"
            : ": only the message entry carries a sha256 (attachments are bound by the signed manifest)"));
      }
      entries.add(new HeaderEntry(name, size, message ? Optional.of(StrictJson.sha256(e, "sha256", path)) : Optional.empty()));
    }
    return new PackageHeader((int) version, StrictJson.uuid(o, "messageId", "$"), type, StrictJson.uuid(o, "requestId", "$"),
        StrictJson.party(o, "sender", "$"), StrictJson.party(o, "recipient", "$"), original,
        StrictJson.instant(o, "created", "$"), StrictJson.instant(o, "expires", "$"), entries);
  }

  private static String quoted(String s) {
    return "\"" + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + "\"";
  }
}
