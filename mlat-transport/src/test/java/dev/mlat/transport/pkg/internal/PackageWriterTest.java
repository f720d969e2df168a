package dev.mlat.transport.pkg.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The in-memory writer: byte for byte what the file writer writes, for any number and size of
   * entries (empty ones too), times inside and outside the DOS range, and both kinds of write.
   */
  @Test
  void inMemoryTheSameBytesForAnyEntriesAndTimes(@TempDir Path dir) throws Exception {
    Random random = new Random(25);
    List<Instant> times = new ArrayList<>(List.of(Instant.parse("1980-01-01T12:00:00Z"), Instant.parse("2107-12-30T00:00:00Z"),
        Instant.parse("1979-06-01T00:00:00Z"), Instant.parse("2150-01-01T00:00:00Z"), Instant.parse("1970-01-01T00:00:00Z")));
    for (int i = 0; i < 20; i++) {
      times.add(Instant.ofEpochSecond(315_532_800L + (long) (random.nextDouble() * (4_354_819_200L - 315_532_800L))));
    }
    for (int round = 0; round < times.size(); round++) {
      Instant time = times.get(round);
      int count = 1 + random.nextInt(6);
      List<byte[]> contents = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] b = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(70_000)];
        random.nextBytes(b);
        contents.add(b);
      }
      Path file = dir.resolve(round + ".mlat");
      List<Long> fileSizes = new ArrayList<>();
      try (PackageWriter writer = new PackageWriter(file, time)) {
        writer.mimetype();
        for (int i = 0; i < count; i++) {
          fileSizes.add(writer.entry(i == 0 ? ZipStructure.MESSAGE_ENTRY : "attachments/" + i, contents.get(i)));
        }
        writer.finish();
      }
      List<Long> memorySizes = new ArrayList<>();
      byte[] memory;
      try (PackageWriter writer = PackageWriter.inMemory(time)) {
        writer.mimetype();
        for (int i = 0; i < count; i++) {
          byte[] c = contents.get(i);
          String name = i == 0 ? ZipStructure.MESSAGE_ENTRY : "attachments/" + i;
          // through both kinds of write: arrays in pieces, and single bytes
          memorySizes.add(writer.entry(name, out -> {
            int half = c.length / 2;
            out.write(c, 0, half);
            if (half < c.length) {
              out.write(c[half]);
              out.write(c, half + 1, c.length - half - 1);
            }
          }));
        }
        writer.finish();
        memory = writer.bytes();
      }
      assertThat(memorySizes).isEqualTo(fileSizes);
      assertThat(memory).as("%s, %d entries", time, count).isEqualTo(Files.readAllBytes(file));
    }
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
