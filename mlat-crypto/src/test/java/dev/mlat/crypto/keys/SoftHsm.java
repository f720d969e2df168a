package dev.mlat.crypto.keys;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A SoftHSM2 token initialised once per test JVM in the directory named by SOFTHSM2_CONF (set by
 * the surefire configuration). Under CI (MLAT_REQUIRE_SERVICES=true) a missing SoftHSM2 fails the
 * test; locally it skips it.
 */
public final class SoftHsm {
  public static final String USER_PIN = "1234";
  private static final List<Path> LIBRARIES = List.of(
      Path.of("/usr/lib/softhsm/libsofthsm2.so"), Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
      Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"), Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));
  private static Pkcs11Settings settings;

  private SoftHsm() {}

  /** The settings of the initialised token, or a failed / skipped test when SoftHSM2 is not here. */
  public static synchronized Pkcs11Settings token() {
    if (settings == null) {
      settings = initialise();
    }
    return settings;
  }

  public static char[] pin() {
    return USER_PIN.toCharArray();
  }

  private static void unavailable(String why) {
    if ("true".equals(System.getenv("MLAT_REQUIRE_SERVICES"))) {
      fail("SoftHSM2 is required (MLAT_REQUIRE_SERVICES=true) but " + why + "; install softhsm2 (test.sh does)");
    }
    Assumptions.assumeTrue(false, "SoftHSM2 not available: " + why);
  }

  private static Pkcs11Settings initialise() {
    Path library = LIBRARIES.stream().filter(Files::isReadable).findFirst().orElse(null);
    if (library == null) {
      unavailable("no libsofthsm2.so in " + LIBRARIES);
    }
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null) {
      unavailable("SOFTHSM2_CONF is not set (run the tests through Maven)");
    }
    try {
      Path confFile = Path.of(conf);
      Path tokens = confFile.getParent().resolve("tokens");
      if (Files.exists(tokens)) {
        try (var walk = Files.walk(tokens)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(tokens);
      Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
      var process = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "mlat-test",
          "--pin", USER_PIN, "--so-pin", "87654321").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        fail("softhsm2-util --init-token failed: " + output);
      }
      var m = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
      if (!m.find()) {
        fail("cannot find the slot in softhsm2-util's output: " + output);
      }
      return Pkcs11Settings.slot("mlat-softhsm", library, Long.parseLong(m.group(1)));
    } catch (IOException e) {
      unavailable("softhsm2-util cannot run: " + e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
