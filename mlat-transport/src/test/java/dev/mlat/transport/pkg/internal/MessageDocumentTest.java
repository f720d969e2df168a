package dev.mlat.transport.pkg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.crypto.segment.AttachmentKey;
import dev.mlat.crypto.segment.SegmentManifest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageDocumentTest {
  private static final MlatJson JSON = MlatJson.strict();

  /** message.json as it was made before the streamed writer (and as the format's vectors were): through a tree. */
  private static byte[] throughATree(MessageDocument d) throws Exception {
    ObjectNode o = StrictJson.mapper().createObjectNode();
    o.put("format", MessageDocument.FORMAT);
    o.put("formatVersion", 1);
    o.set("message", StrictJson.mapper().readTree(JSON.writeMessage(d.message())));
    ArrayNode array = o.putArray("attachments");
    for (ManifestEntry a : d.attachments()) {
      ObjectNode n = array.addObject();
      n.put("id", a.id());
      n.put("entry", a.entry());
      n.put("name", a.name());
      n.put("mediaType", a.mediaType());
      n.put("size", a.size());
      n.put("sha256", a.sha256());
      ObjectNode s = n.putObject("segments");
      s.put("keyId", a.segments().keyId());
      s.put("key", a.key().keyHex());
      s.put("segmentSize", a.segments().segmentSize());
      s.put("tags", HexFormat.of().formatHex(a.segments().segmentTags().bytes()));
    }
    String text = StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o).replace("\r\n", "\n");
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static List<ManifestEntry> manifest(int count, String name) throws Exception {
    var random = new SecureRandom();
    List<ManifestEntry> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      AttachmentKey key = AttachmentKey.generate(random);
      long size = 1_000_000L * (i + 1) + 17;
      int segmentSize = 1 << 20;
      long segments = SegmentManifest.expectedCount(size, segmentSize);
      byte[] tags = new byte[(int) segments * 16];
      random.nextBytes(tags);
      byte[] sha = new byte[32];
      random.nextBytes(sha);
      var manifest = SegmentManifest.of(key.id(), segmentSize, segments, size, HexFormat.of().formatHex(sha), tags);
      out.add(new ManifestEntry("att-" + i, MessageDocument.entryName(i), name + i + ".pdf",
          "application/pdf", manifest, key));
    }
    return out;
  }

  @Test
  void theStreamedDocumentHasTheBytesOfTheTreeDocument() throws Exception {
    for (LifecycleMessage message : SampleMessages.oneOfEach()) {
      for (int attachments : new int[] {0, 1, 3}) {
        var document = new MessageDocument(message, manifest(attachments, "Pièce n° \"annexe\" \\ tab\t\u2028 "));
        assertThat(new String(document.write(JSON), StandardCharsets.UTF_8))
            .isEqualTo(new String(throughATree(document), StandardCharsets.UTF_8));
      }
    }
  }

  @net.jqwik.api.Property(tries = 200)
  void anyMessageIsWrittenWithTheBytesOfTheTreeDocument(
      @net.jqwik.api.ForAll("messages") LifecycleMessage message) throws Exception {
    var document = new MessageDocument(message, List.of());
    assertThat(document.write(JSON)).isEqualTo(throughATree(document));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<LifecycleMessage> messages() {
    return dev.mlat.core.testing.ModelArbitraries.messages();
  }

  @Test
  void theMessageIsReadFromItsOwnBytesAndCompactOnlyWhenTheyAreOverMlatJsonsLimit() throws Exception {
    LifecycleMessage message = SampleMessages.request();
    byte[] written = new MessageDocument(message, List.of()).write(JSON);
    // the message as it stands in message.json (indented one level deeper than MlatJson writes it)
    int pretty = StrictJson.parseObjectKeepingRaw(written, "message", Integer.MAX_VALUE).raw().orElseThrow().length;
    int compact = StrictJson.mapper().writeValueAsBytes(StrictJson.parseObject(written).get("message")).length;
    assertThat(compact).isLessThan(pretty);
    for (int limit : new int[] {pretty, pretty - 1, compact}) {
      var limited = MlatJson.strict(dev.mlat.core.json.JsonLimits.DEFAULTS.withMaxDocumentBytes(limit));
      assertThat(MessageDocument.read(written, limited, 10).message()).as("limit %d", limit).isEqualTo(message);
    }
    var tooSmall = MlatJson.strict(dev.mlat.core.json.JsonLimits.DEFAULTS.withMaxDocumentBytes(compact - 1));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MessageDocument.read(written, tooSmall, 10))
        .isInstanceOf(StrictJson.Bad.class).hasMessageStartingWith("$.message: JSON_DOCUMENT_TOO_LARGE");
  }

  @Test
  void aDuplicateNameInsideTheMessageIsRefusedAsNotValidJson() throws Exception {
    String text = new String(new MessageDocument(SampleMessages.request(), List.of()).write(JSON), StandardCharsets.UTF_8);
    String duplicated = text.replaceFirst("\"schemaVersion\" : \"1.0\",", "\"schemaVersion\" : \"1.0\", \"schemaVersion\" : \"1.0\",");
    assertThat(duplicated).isNotEqualTo(text);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> MessageDocument.read(duplicated.getBytes(StandardCharsets.UTF_8), JSON, 10))
        .isInstanceOf(StrictJson.Bad.class).hasMessageStartingWith("$: not valid JSON (Duplicate field 'schemaVersion'");
  }

  @Test
  void whatIsWrittenReadsBack() throws Exception {
    for (LifecycleMessage message : SampleMessages.oneOfEach()) {
      var document = new MessageDocument(message, manifest(2, "Pièce n° \"annexe\" \\ "));
      var read = MessageDocument.read(document.write(JSON), JSON, 10);
      assertThat(read.message()).isEqualTo(message);
      assertThat(read.attachments()).hasSize(2);
      assertThat(read.attachments().get(1).name()).isEqualTo(document.attachments().get(1).name());
      assertThat(read.attachments().get(1).key().keyHex()).isEqualTo(document.attachments().get(1).key().keyHex());
    }
  }
}
