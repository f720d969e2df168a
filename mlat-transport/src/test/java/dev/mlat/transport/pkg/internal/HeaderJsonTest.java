package dev.mlat.transport.pkg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.core.MessageType;
import dev.mlat.core.PartyId;
import dev.mlat.transport.pkg.HeaderEntry;
import dev.mlat.transport.pkg.PackageHeader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HeaderJsonTest {
  /** header.json as it was written before the streamed writer (and as the format's vectors were): through a tree. */
  private static byte[] throughATree(PackageHeader h) throws Exception {
    ObjectNode o = StrictJson.mapper().createObjectNode();
    o.put("format", HeaderJson.FORMAT);
    o.put("formatVersion", h.formatVersion());
    o.put("messageId", h.messageId().toString());
    o.put("messageType", h.messageType().wireName());
    o.put("requestId", h.requestId().toString());
    o.put("sender", h.sender().toString());
    o.put("recipient", h.recipient().toString());
    h.originalSender().ifPresent(p -> o.put("originalSender", p.toString()));
    o.put("created", h.created().toString());
    o.put("expires", h.expires().toString());
    ArrayNode entries = o.putArray("entries");
    for (HeaderEntry e : h.entries()) {
      ObjectNode n = entries.addObject();
      n.put("name", e.name());
      n.put("size", e.size());
      e.sha256().ifPresent(sha -> n.put("sha256", sha));
    }
    String text = StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o).replace("\r\n", "\n");
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theStreamedHeaderHasTheBytesOfTheTreeHeader() throws Exception {
    PartyId fr = PartyId.parse("FR:FR-MOJ-BEPI");
    PartyId de = PartyId.parse("DE:DE-BFJ");
    for (int attachments : new int[] {0, 1, 3}) {
      for (Optional<PartyId> original : List.of(Optional.<PartyId>empty(), Optional.of(PartyId.parse("DE:DE-GBA")))) {
        List<HeaderEntry> entries = new ArrayList<>();
        for (int i = 0; i < attachments; i++) {
          entries.add(HeaderEntry.attachment(MessageDocument.entryName(i), 5_000_000_000L * i + 17));
        }
        entries.add(HeaderEntry.message(8178, "ab".repeat(32)));
        Instant created = Instant.parse("2026-11-25T22:30:00Z");
        var header = new PackageHeader(PackageHeader.FORMAT_VERSION, UUID.randomUUID(), MessageType.REQUEST, UUID.randomUUID(),
            original.isPresent() ? de : fr, de, original, created, created.plusSeconds(30 * 86_400), entries);
        byte[] written = HeaderJson.write(header);
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(throughATree(header), StandardCharsets.UTF_8));
        assertThat(HeaderJson.read(written, 1004)).isEqualTo(header);
      }
    }
  }
}
