package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mlat serve in a thread, mlat send against it: a package delivered, a changed one refused with a signed negative receipt. */
class SendServeCommandTest {

  @TempDir
  Path dir;

  private final CliContext context = CliRun.context(Map.of(CliContext.PASSWORD_VARIABLE, "demo-secret")).withClock(Clock.systemUTC());

  private CliRun.Result mlat(String... args) {
    return CliRun.run(context, args);
  }

  private String p(String relative) {
    return dir.resolve(relative).toString();
  }

  @Test
  void sendDeliversToServeAndKeepsTheReceipt() throws Exception {
    for (String[] a : new String[][] {{"FR", "FR-MOJ"}, {"US", "US-DOJ"}}) {
      assertThat(mlat("pki", "init", "--country", a[0], "--authority", a[1], "--out", p(a[0].toLowerCase())).exitCode()).isZero();
    }
    Path trust = dir.resolve("trust");
    OutputFiles.copyTree(dir.resolve("fr/trust"), trust);
    OutputFiles.copyTree(dir.resolve("us/trust/US"), trust.resolve("US"));
    Files.write(dir.resolve("order.txt"), DemoCase.courtOrder());
    Files.write(dir.resolve("request.json"), MlatJson.strict().writeRequest(DemoCase.request(UUID.randomUUID(),
        PartyId.parse("FR:FR-MOJ"), PartyId.parse("US:US-DOJ"), context.clock().instant())));
    assertThat(mlat("seal", p("request.json"), "--attach", p("order.txt"), "--signer", p("fr/FR-MOJ-signing.p12"), "--to", "US:US-DOJ",
        "--trust", trust.toString(), "--out", p("request.mlat")).exitCode()).isZero();

    var serveOut = new StringWriter();
    var serveErr = new StringWriter();
    CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> Cli.execute(context, new PrintWriter(serveOut, true),
        new PrintWriter(serveErr, true), "serve", "--tls", p("us/US-DOJ-tls.p12"), "--key", p("us/US-DOJ-encryption.p12"),
        "--signer", p("us/US-DOJ-signing.p12"), "--trust", trust.toString(), "--inbox", p("inbox"), "--port", "0", "--max-packages", "2"));
    var listening = Pattern.compile("on https://127\\.0\\.0\\.1:(\\d+)/");
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    java.util.regex.Matcher m = listening.matcher("");
    while (!(m = listening.matcher(serveOut.toString())).find()) {
      assertThat(serving).as(serveErr.toString()).isNotDone();
      assertThat(System.nanoTime()).as("serve starts").isLessThan(until);
      Thread.sleep(50);
    }
    String url = "https://127.0.0.1:" + m.group(1) + "/";

    var sent = mlat("send", p("request.mlat"), "--url", url, "--tls", p("fr/FR-MOJ-tls.p12"), "--trust", trust.toString());
    assertThat(sent.exitCode()).as(sent.err()).isZero();
    assertThat(sent.out()).startsWith("Delivered Request ").contains("to US:US-DOJ");
    assertThat(dir.resolve("request.mlat.receipt.p7s")).isRegularFile();
    assertThat(mlat("receipt", "check", p("request.mlat.receipt.p7s"), "--sent", p("request.mlat"), "--trust", trust.toString())
        .exitCode()).isZero();

    // the same bytes again: the first receipt, not a second delivery
    var again = mlat("send", p("request.mlat"), "--url", url, "--tls", p("fr/FR-MOJ-tls.p12"), "--trust", trust.toString(),
        "--receipt-out", p("again.p7s"));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(dir.resolve("again.p7s")).hasSameBinaryContentAs(dir.resolve("request.mlat.receipt.p7s"));

    // a package sealed for the US by FR but with a changed attachment entry: refused, a signed negative receipt
    byte[] bytes = Files.readAllBytes(dir.resolve("request.mlat"));
    int name = PackageCommandsTest.indexOf(bytes, "attachments/1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    int extra = (bytes[name - 2] & 0xff) | (bytes[name - 1] & 0xff) << 8;
    bytes[name + 13 + extra + 20] ^= 1;
    Files.write(dir.resolve("changed.mlat"), bytes);
    var refused = mlat("send", p("changed.mlat"), "--url", url, "--tls", p("fr/FR-MOJ-tls.p12"), "--trust", trust.toString());
    assertThat(refused.exitCode()).as(refused.err()).isEqualTo(5);
    assertThat(refused.err()).startsWith("mlat: PACKAGE_REFUSED_BY_RECEIVER: US:US-DOJ refused ").contains("PACKAGE_ENTRY_MISMATCH at stage 3");

    assertThat(serving.get(60, TimeUnit.SECONDS)).as(serveErr.toString()).isZero();
    assertThat(serveOut.toString()).contains("accepted Request ", "refused a package", "Stopped after 2 packages.");
    try (var listed = Files.list(dir.resolve("inbox"))) {
      assertThat(listed.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith(".receipt.p7s")).anyMatch(n -> n.endsWith(".mlat"));
    }

    var unreachable = mlat("send", p("request.mlat"), "--url", url, "--tls", p("fr/FR-MOJ-tls.p12"), "--trust", trust.toString(),
        "--receipt-out", p("x.p7s"));
    assertThat(unreachable.exitCode()).isEqualTo(6);
    assertThat(unreachable.err()).startsWith("mlat: HTTPS_CONNECTION_FAILED: ");
  }
}
