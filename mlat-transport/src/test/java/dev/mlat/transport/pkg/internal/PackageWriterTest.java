package dev.mlat.transport.pkg.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageWriterTest {
  private static final Instant TIME = Instant.parse("2026-11-25T10:15:30Z");

  private static void entries(PackageWriter writer, byte[] large) throws Exception {
    writer.mimetype();
    writer.entry(ZipStructure.MESSAGE_ENTRY, large);
    writer.entry("attachments/1", new ByteArrayInputStream(large));
    writer.entry(ZipStructure.HEADER_ENTRY, "{\n  \"format\" : \"mlat-package\"\n}\n".getBytes(StandardCharsets.UTF_8));
    writer.entry(ZipStructure.SIGNATURE_ENTRY, out -> {
      out.write(0x30);
      out.write(new byte[] {1, 2, 3});
    });
    writer.finish();
  }

  @Test
  void inMemoryTheSameBytesAreWrittenAsIntoAFile(@TempDir Path dir) throws Exception {
    byte[] large = new byte[300_000];
    new Random(7).nextBytes(large);
    Path file = dir.resolve("file.mlat");
    try (PackageWriter writer = new PackageWriter(file, TIME)) {
      entries(writer, large);
    }
    byte[] memory;
    try (PackageWriter writer = PackageWriter.inMemory(TIME)) {
      entries(writer, large);
      memory = writer.bytes();
    }
    assertThat(memory).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void aFileWriterHasNoBytesToHandOver(@TempDir Path dir) throws Exception {
    try (PackageWriter writer = new PackageWriter(dir.resolve("p.mlat"), TIME)) {
      writer.mimetype();
      writer.finish();
      assertThatThrownBy(writer::bytes).isInstanceOf(IllegalStateException.class);
    }
  }
}
