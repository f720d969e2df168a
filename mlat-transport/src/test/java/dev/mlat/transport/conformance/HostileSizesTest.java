package dev.mlat.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13, "every limit holds under attack": a ZIP entry that declares more bytes than the
 * package holds, or more than the reader's limit, is refused at the structure stage, quickly and
 * cleanly, by a reader running in a 64 MB heap (a separate JVM with {@code -Xmx64m}): nothing is
 * allocated from a declared size. The packages are committed conformance vectors whose local and
 * central ZIP records were both changed to the same lying size (so that the two agree).
 */
class HostileSizesTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{1} of {0} declared as {2} bytes")
  @CsvSource({
      // message.p7m: 70 MiB, under its 72 MiB limit, but beyond the end of the file
      "valid-request, message.p7m, 73400320",
      // an attachment entry: 4 GiB - 2 (the largest 32-bit size), far beyond the file
      "valid-response-segmented, attachments/1, 4294967294",
      // header.json: 2 GiB, over its 64 KiB limit
      "valid-request, header.json, 2147483648",
      // header.p7s: 1 MiB, over its 64 KiB limit and beyond the file
      "valid-request, header.p7s, 1048576",
  })
  void anEntryDeclaringMoreThanItHoldsIsRefusedCleanlyInA64MbHeap(String vector, String entry, long declared) throws Exception {
    Path vectorDir = PackageVectors.root().resolve("vectors/package").resolve(vector);
    byte[] zip = Files.readAllBytes(vectorDir.resolve("package.mlat"));
    byte[] lying = declareSize(zip, entry, declared);
    Path file = Files.write(dir.resolve("lying.mlat"), lying);

    String line = runInSmallHeap(vectorDir, file);

    assertThat(line).startsWith("REJECTED ");
    String[] parts = line.split(" ");
    assertThat(parts[1]).isIn("PACKAGE_STRUCTURE_INVALID", "PACKAGE_LIMIT_EXCEEDED", "PACKAGE_LOCAL_CENTRAL_MISMATCH");
    assertThat(parts[2]).isEqualTo("STRUCTURE");
    try (var left = Files.list(dir.resolve("work"))) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith("out-")).flatMap(HostileSizesTest::list)).isEmpty();
    }
  }

  private static java.util.stream.Stream<Path> list(Path folder) {
    try {
      return Files.list(folder).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String runInSmallHeap(Path vectorDir, Path file) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-Xms64m", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), SmallHeapOpen.class.getName(),
        vectorDir.toString(), file.toString(), dir.resolve("work").toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the reader finished").isTrue();
    String text = new String(out, StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).as("exit of the 64 MB reader: %s", text).isZero();
    String[] lines = text.split("\n");
    return lines[lines.length - 1].strip();
  }

  /** Sets the compressed and uncompressed sizes of {@code name} in its local header and its central record. */
  static byte[] declareSize(byte[] zip, String name, long size) {
    byte[] out = zip.clone();
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    byte[] wanted = name.getBytes(StandardCharsets.US_ASCII);
    int changed = 0;
    for (int i = 0; i + 46 <= out.length; i++) {
      int sig = b.getInt(i);
      if (sig == 0x04034b50 && nameAt(out, i + 30, b.getShort(i + 26) & 0xffff, wanted)) {
        b.putInt(i + 18, (int) size);
        b.putInt(i + 22, (int) size);
        changed++;
      } else if (sig == 0x02014b50 && nameAt(out, i + 46, b.getShort(i + 28) & 0xffff, wanted)) {
        b.putInt(i + 20, (int) size);
        b.putInt(i + 24, (int) size);
        changed++;
      }
    }
    assertThat(changed).as("local and central records of %s", name).isEqualTo(2);
    return out;
  }

  private static boolean nameAt(byte[] zip, int at, int length, byte[] wanted) {
    return length == wanted.length && at + length <= zip.length
        && java.util.Arrays.equals(zip, at, at + length, wanted, 0, wanted.length);
  }
}
