package dev.mlat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.json.MlatJson;
import dev.mlat.crypto.trust.TrustDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code ./mlat} launcher at the repository root as a separate process, end to end,
 * against the jar and lib/ folder the package phase built (failsafe runs this after it).
 */
class MlatLauncherIT {

  private static Path root;

  @TempDir
  Path dir;

  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void findTheLauncher() {
    Path d = Path.of("").toAbsolutePath();
    while (d != null && !Files.isExecutable(d.resolve("mlat"))) {
      d = d.getParent();
    }
    assertThat(d).as("./mlat above " + Path.of("").toAbsolutePath()).isNotNull();
    root = d;
    assertThat(root.resolve("mlat-cli/target/mlat.jar")).as("the package phase builds the jar before this test").isRegularFile();
  }

  private Run mlat(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(root.resolve("mlat").toString());
    command.addAll(List.of(args));
    var pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().remove("MLAT_PASSWORD");
    pb.environment().putAll(environment);
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("mlat finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void pkiInitThenDraftThenValidateEndToEnd() throws Exception {
    var pki = mlat(Map.of(), "pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--out", "fr");
    assertThat(pki.exitCode()).as(pki.err()).isZero();
    assertThat(pki.err()).contains("mlat: warning: no password given");
    assertThat(dir.resolve("fr/FR-MOJ-signing.p12")).isRegularFile();
    assertThat(dir.resolve("fr/FR-MOJ.password")).isRegularFile();
    TrustDirectory.load(dir.resolve("fr/trust"));

    var draft = mlat(Map.of(), "request", "new", "--template", "preservation", "--from", "FR", "--to", "US", "--out", "draft.json");
    assertThat(draft.exitCode()).as(draft.err()).isZero();
    MlatJson.strict().readRequest(Files.readAllBytes(dir.resolve("draft.json")));

    // A template is a starting point, not a request: its typed fields (here the IP address to
    // preserve) hold placeholders that fail even the draft level until the prosecutor fills them,
    // and at the issued level it lists everything the instrument still requires.
    var draftLevel = mlat(Map.of(), "request", "validate", "--level", "draft", "draft.json");
    assertThat(draftLevel.exitCode()).as(draftLevel.out() + draftLevel.err()).isEqualTo(1);
    assertThat(draftLevel.out()).contains("$.measures[0].targets[0].value: VALIDATION_IP_ADDRESS_INVALID: ");
    assertThat(draftLevel.err()).startsWith("mlat: REQUEST_INVALID: ").hasLineCount(1);

    var filled = Files.readString(dir.resolve("draft.json"))
        .replaceAll("\\[FILL IN: the IP address[^\"]*\\]", "192.0.2.10")
        .replaceAll("\\[FILL IN: e-mail address\\]", "parquet.paris@justice.example.fr")
        .replaceAll("\\[FILL IN: telephone[^\"]*\\]", "+33144326000");
    Files.writeString(dir.resolve("filled.json"), filled);
    var ok = mlat(Map.of(), "request", "validate", "--level", "draft", "filled.json");
    assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).startsWith("OK: filled.json: request ");
    assertThat(ok.err()).isEmpty();

    var incomplete = mlat(Map.of(), "request", "validate", "draft.json");
    assertThat(incomplete.exitCode()).isEqualTo(1);
    assertThat(incomplete.out()).contains(": VALIDATION_");
    assertThat(incomplete.err()).startsWith("mlat: REQUEST_INVALID: ").hasLineCount(1);
  }

  @Test
  void theJavaRuntimeCanBeChosenAndBouncyCastleWorksOnIt() throws Exception {
    String javaHome = System.getProperty("java.home");
    var version = mlat(Map.of("MLAT_JAVA_HOME", javaHome), "--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).contains("Java " + System.getProperty("java.version"), javaHome);

    // ML-DSA and ML-KEM keys come from the BouncyCastle provider jar on the launcher's class path.
    var pki = mlat(Map.of("MLAT_JAVA_HOME", javaHome, "MLAT_PASSWORD", "secret"),
        "pki", "init", "--country", "US", "--authority", "US-DOJ", "--algorithm", "ml-dsa-65", "--out", "us");
    assertThat(pki.exitCode()).as(pki.err()).isZero();
    assertThat(pki.err()).isEmpty();
    TrustDirectory.load(dir.resolve("us/trust"));
  }

  @Test
  void exitCodesAndOneLineErrorsAreForwarded() throws Exception {
    var missing = mlat(Map.of(), "request", "validate", "missing.json");
    assertThat(missing.exitCode()).isEqualTo(4);
    assertThat(missing.err()).isEqualTo("mlat: FILE_NOT_FOUND: cannot read missing.json: no such file or folder\n");

    Files.writeString(dir.resolve("bad.json"), "{");
    var bad = mlat(Map.of(), "request", "validate", "bad.json");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.out()).contains(": JSON_MALFORMED: ");

    var usage = mlat(Map.of(), "pki", "init", "--country", "UK", "--authority", "X", "--out", "o");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).startsWith("mlat: JURISDICTION_UNKNOWN: --country: 'UK'").doesNotContain("\tat ");

    var noJava = mlat(Map.of("MLAT_JAVA_HOME", dir.resolve("no-such-jdk").toString()), "--version");
    assertThat(noJava.exitCode()).isEqualTo(70);
    assertThat(noJava.err()).startsWith("mlat: JAVA_NOT_FOUND: MLAT_JAVA_HOME=");
  }

  @Test
  void helpListsTheExitCodes() throws Exception {
    var help = mlat(Map.of(), "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Exit codes:", "pki", "request", "seal", "open", "demo", "verification failed");
  }

  @Test
  void theDemoRunsAsAProcessAndPackagesAreOpenedByTheCommand() throws Exception {
    var demo = mlat(Map.of(), "demo", "--out", "demo");
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("[FR   ] evidence E1 checked", "both endpoints are stopped");
    assertThat(demo.err()).isEmpty();

    var verify = mlat(Map.of(), "verify", "demo/fr/outbox/request.mlat", "--trust", "demo/us/trust");
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("from FR:FR-MOJ to US:US-DOJ");

    var open = mlat(Map.of(), "open", "demo/us/outbox/response.mlat", "--key", "demo/fr/FR-MOJ-encryption.p12", "--trust", "demo/fr/trust",
        "--out", "opened", "--password-file", "demo/fr/FR-MOJ.password");
    assertThat(open.exitCode()).as(open.err()).isZero();
    assertThat(open.out()).contains("Signed by US:US-DOJ", "Attachment E1: subscriber-record.csv");
    assertThat(dir.resolve("opened/verification.json")).isRegularFile();

    var wrongRecipient = mlat(Map.of(), "open", "demo/us/outbox/response.mlat", "--key", "demo/us/US-DOJ-encryption.p12",
        "--trust", "demo/us/trust", "--out", "x", "--password-file", "demo/us/US-DOJ.password");
    assertThat(wrongRecipient.exitCode()).isEqualTo(5);
    assertThat(wrongRecipient.err()).startsWith("mlat: PACKAGE_WRONG_RECIPIENT: stage 3: ").hasLineCount(1);

    var noPassword = mlat(Map.of(), "open", "demo/us/outbox/response.mlat", "--key", "demo/fr/FR-MOJ-encryption.p12",
        "--trust", "demo/fr/trust", "--out", "y");
    assertThat(noPassword.exitCode()).isEqualTo(2);
    assertThat(noPassword.err()).startsWith("mlat: PASSWORD_UNAVAILABLE: ");
  }

  /** mlat serve as a process: up on a free port, stopped by SIGTERM with its ledger closed, which then verifies. */
  @Test
  void serveStopsCleanlyOnSigtermAndItsLedgerVerifies() throws Exception {
    var pki = mlat(Map.of(), "pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--out", "fr");
    assertThat(pki.exitCode()).as(pki.err()).isZero();
    var pb = new ProcessBuilder(root.resolve("mlat").toString(), "serve", "--tls", "fr/FR-MOJ-tls.p12", "--key", "fr/FR-MOJ-encryption.p12",
        "--signer", "fr/FR-MOJ-signing.p12", "--trust", "fr/trust", "--ledger", "node/ledger.db", "--out", "node/received", "--port", "0",
        "--password-file", "fr/FR-MOJ.password").directory(dir.toFile());
    pb.environment().remove("MLAT_PASSWORD");
    Path out = dir.resolve("serve.out");
    Path err = dir.resolve("serve.err");
    Process serve = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.readString(out).contains("Serving FR:FR-MOJ on https://127.0.0.1:")) {
        assertThat(serve.isAlive()).as(Files.readString(err)).isTrue();
        assertThat(System.nanoTime()).as("serve starts").isLessThan(until);
        Thread.sleep(100);
      }
      serve.destroy(); // SIGTERM
      assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
    } finally {
      serve.destroyForcibly();
    }
    assertThat(serve.exitValue()).isEqualTo(143); // 128 + SIGTERM, after the shutdown hook let it close everything
    assertThat(Files.readString(out)).contains("Stopped after 0 packages; endpoint closed, ledger node/ledger.db closed.");
    assertThat(Files.readString(err)).isEmpty();
    var verify = mlat(Map.of(), "ledger", "verify", "node/ledger.db", "--trust", "fr/trust", "--jurisdiction", "FR");
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.out()).startsWith("OK: node/ledger.db: audit trail of ");
  }
}
