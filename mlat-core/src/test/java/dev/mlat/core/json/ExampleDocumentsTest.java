package dev.mlat.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import dev.mlat.core.testing.ErrorCatalogue;
import dev.mlat.core.testing.ExampleDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every document in {@code docs/examples/} is read by the strict reader, accepted by the published
 * schema, round-trips, and is exactly the model object of {@link ExampleDocuments}. Regenerate the
 * files after a model change with {@code -Dmlat.examples.write=true}.
 */
class ExampleDocumentsTest {

  private final MlatJson json = MlatJson.strict();

  private static Path folder() {
    return ErrorCatalogue.docsFolder().resolve("examples");
  }

  private void writeIfAsked() throws IOException {
    if (!Boolean.getBoolean("mlat.examples.write")) {
      return;
    }
    Files.createDirectories(folder());
    for (var e : ExampleDocuments.requests().entrySet()) {
      Files.write(folder().resolve(e.getKey()), withNewline(json.writeRequest(e.getValue())));
    }
    for (var e : ExampleDocuments.messages().entrySet()) {
      Files.write(folder().resolve(e.getKey()), withNewline(json.writeMessage(e.getValue())));
    }
  }

  private static byte[] withNewline(byte[] bytes) {
    return (new String(bytes, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theFolderHoldsExactlyTheListedExamples() throws IOException {
    writeIfAsked();
    var expected = new TreeSet<String>(ExampleDocuments.requests().keySet());
    expected.addAll(ExampleDocuments.messages().keySet());
    try (Stream<Path> files = Files.list(folder())) {
      TreeSet<String> present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(present).isEqualTo(expected);
    }
  }

  @Test
  void requestExamplesAreValidAndRoundTrip() throws Exception {
    writeIfAsked();
    var schema = SchemaAgreementTest.schema("request.schema.json");
    for (var e : ExampleDocuments.requests().entrySet()) {
      byte[] bytes = Files.readAllBytes(folder().resolve(e.getKey()));
      var request = json.readRequest(bytes);
      assertThat(request).as(e.getKey()).isEqualTo(e.getValue());
      assertThat(schema.validate(new String(bytes, StandardCharsets.UTF_8), InputFormat.JSON)).as(e.getKey()).isEmpty();
      assertThat(json.readRequest(json.writeRequest(request))).as(e.getKey()).isEqualTo(request);
      assertThat(withNewline(json.writeRequest(request))).as("%s is in canonical form", e.getKey()).isEqualTo(bytes);
    }
  }

  @Test
  void requestExamplesAreCompleteForTheirInstrument() {
    var validator = new dev.mlat.core.validation.RequestValidator();
    for (var e : ExampleDocuments.requests().entrySet()) {
      var report = validator.validate(e.getValue(), dev.mlat.core.validation.Level.ISSUED, java.util.Locale.ENGLISH);
      assertThat(report.violations()).as("%s at the issued level", e.getKey()).isEmpty();
    }
  }

  @Test
  void messageExamplesAreValidAndRoundTrip() throws Exception {
    writeIfAsked();
    var schema = SchemaAgreementTest.schema("message.schema.json");
    for (var e : ExampleDocuments.messages().entrySet()) {
      byte[] bytes = Files.readAllBytes(folder().resolve(e.getKey()));
      var message = json.readMessage(bytes);
      assertThat(message).as(e.getKey()).isEqualTo(e.getValue());
      assertThat(schema.validate(new String(bytes, StandardCharsets.UTF_8), InputFormat.JSON)).as(e.getKey()).isEmpty();
      var typed = SchemaAgreementTest.schema("messages/" + message.messageType().wireName() + ".schema.json");
      assertThat(typed.validate(new String(bytes, StandardCharsets.UTF_8), InputFormat.JSON)).as(e.getKey()).isEmpty();
      assertThat(json.readMessage(json.writeMessage(message))).as(e.getKey()).isEqualTo(message);
      assertThat(withNewline(json.writeMessage(message))).as("%s is in canonical form", e.getKey()).isEqualTo(bytes);
    }
  }
}
