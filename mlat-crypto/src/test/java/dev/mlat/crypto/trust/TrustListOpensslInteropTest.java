package dev.mlat.crypto.trust;

import static dev.mlat.crypto.trust.TrustListFixture.DIRECTORY;
import static dev.mlat.crypto.trust.TrustListFixture.NOW;
import static dev.mlat.crypto.trust.TrustListFixture.PUBLISHER_PKI;
import static dev.mlat.crypto.trust.TrustListFixture.publisher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command of docs/TRUST-LIST.md verifies a published list with OpenSSL 3 and writes out exactly
 * the signed JSON. Under CI (MLAT_REQUIRE_SERVICES=true) a missing openssl fails, never skips.
 */
class TrustListOpensslInteropTest {
  @TempDir Path dir;

  private record Result(int exit, String output) {}

  private static Result openssl(Path dir, String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add("openssl");
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      if ("true".equals(System.getenv("MLAT_REQUIRE_SERVICES"))) {
        fail("OpenSSL 3 is required (MLAT_REQUIRE_SERVICES=true) but openssl did not start: " + e.getMessage());
      }
      Assumptions.assumeTrue(false, "openssl not available");
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("openssl timed out");
    }
    return new Result(p.exitValue(), out);
  }

  @Test
  void theDocumentedOpensslCommandVerifiesAListAndOutputsItsJson() throws Exception {
    Result version = openssl(dir, "version");
    if (version.exit() != 0 || !version.output().startsWith("OpenSSL 3")) {
      if ("true".equals(System.getenv("MLAT_REQUIRE_SERVICES"))) {
        fail("OpenSSL 3 is required (MLAT_REQUIRE_SERVICES=true), `openssl version` said: " + version.output());
      }
      Assumptions.assumeTrue(false, "OpenSSL 3 not available");
    }
    var publisher = publisher();
    byte[] content = publisher.content(DIRECTORY, 12, NOW, NOW.plus(Duration.ofDays(7)));
    Files.write(dir.resolve("list.p7m"), publisher.publish(DIRECTORY, 12, NOW, NOW.plus(Duration.ofDays(7))));
    PUBLISHER_PKI.root().writeCertificatePem(dir.resolve("publisher-root.pem"));

    Result ok = openssl(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "list.p7m",
        "-CAfile", "publisher-root.pem", "-purpose", "any", "-out", "list.json");
    assertThat(ok.exit()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("Verification successful");
    assertThat(Files.readAllBytes(dir.resolve("list.json"))).isEqualTo(content);

    // a list checked against another root must fail
    TrustListFixture.FR_PKI.root().writeCertificatePem(dir.resolve("other-root.pem"));
    Result wrongRoot = openssl(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "list.p7m",
        "-CAfile", "other-root.pem", "-purpose", "any", "-out", "other.json");
    assertThat(wrongRoot.exit()).as(wrongRoot.output()).isNotZero();
  }
}
