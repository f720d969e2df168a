package dev.mlat.crypto.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 5 GiB attachment sealed and opened (generated input, digesting sink, no disk) in a forked JVM
 * limited to a 128 MB heap: memory stays flat whatever the size.
 */
class FlatMemoryTest {
  private static final long FIVE_GIB = 5L << 30;

  @Test
  void fiveGibibytesRoundTripInA128MegabyteHeap() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        FlatMemoryMain.class.getName(), Long.toString(FIVE_GIB));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("finished").isTrue();
    System.out.println("FlatMemoryMain: " + output.replace(File.separator + "n", ""));
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("OK bytes=" + FIVE_GIB);
  }
}
