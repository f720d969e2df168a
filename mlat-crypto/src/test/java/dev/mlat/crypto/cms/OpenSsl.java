package dev.mlat.crypto.cms;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the {@code openssl} command. Under CI (MLAT_REQUIRE_SERVICES=true) a missing openssl fails
 * the test; locally it skips it.
 */
public final class OpenSsl {
  /** What one run produced. */
  public record Result(int exitCode, String output) {}

  private static Boolean available;

  private OpenSsl() {}

  public static synchronized void require() {
    if (available == null) {
      try {
        var p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.startsWith("OpenSSL 3");
      } catch (IOException e) {
        available = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        available = false;
      }
    }
    if (!available) {
      if ("true".equals(System.getenv("MLAT_REQUIRE_SERVICES"))) {
        fail("OpenSSL 3 is required (MLAT_REQUIRE_SERVICES=true) but `openssl version` did not run; install openssl (test.sh does)");
      }
      Assumptions.assumeTrue(false, "OpenSSL 3 not available");
    }
  }

  /** Runs {@code openssl args...} in {@code dir}. */
  public static Result run(Path dir, String... args) throws IOException, InterruptedException {
    require();
    var command = new ArrayList<String>();
    command.add("openssl");
    command.addAll(List.of(args));
    var p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("openssl " + String.join(" ", args) + " timed out");
    }
    return new Result(p.exitValue(), out);
  }

  /** Runs and fails the test on a non-zero exit. */
  public static String ok(Path dir, String... args) throws IOException, InterruptedException {
    var r = run(dir, args);
    if (r.exitCode() != 0) {
      fail("openssl " + String.join(" ", args) + " failed (" + r.exitCode() + "):\n" + r.output());
    }
    return r.output();
  }
}
