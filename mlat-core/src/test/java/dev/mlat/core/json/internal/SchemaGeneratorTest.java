package dev.mlat.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.testing.ErrorCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schemas committed in {@code docs/schema/} are exactly what {@link SchemaGenerator} produces
 * from the model. After changing the model, regenerate them with
 * {@code mvn -pl mlat-core test -Dtest=SchemaGeneratorTest -Dmlat.schema.write=true} and commit.
 */
class SchemaGeneratorTest {

  private static Path schemaFolder() {
    return ErrorCatalogue.docsFolder().resolve("schema");
  }

  @Test
  void committedSchemasEqualTheGeneratedOnes() throws IOException {
    var generated = SchemaGenerator.allFiles();
    if (Boolean.getBoolean("mlat.schema.write")) {
      for (var entry : generated.entrySet()) {
        Path file = schemaFolder().resolve(entry.getKey());
        Files.createDirectories(file.getParent());
        Files.write(file, entry.getValue());
      }
    }
    TreeSet<String> committed;
    try (Stream<Path> files = Files.walk(schemaFolder())) {
      committed = files.filter(Files::isRegularFile)
          .map(p -> schemaFolder().relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(committed).as("files in docs/schema").isEqualTo(new TreeSet<>(generated.keySet()));
    for (var entry : generated.entrySet()) {
      assertThat(new String(Files.readAllBytes(schemaFolder().resolve(entry.getKey())), StandardCharsets.UTF_8))
          .as("docs/schema/%s is stale: regenerate with -Dmlat.schema.write=true", entry.getKey())
          .isEqualTo(new String(entry.getValue(), StandardCharsets.UTF_8));
    }
  }
}
