package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the two-country demo in-process and checks its steps, its files, and that it leaves nothing running. */
class DemoCommandTest {

  @TempDir
  Path dir;

  @Test
  void theTwoCountriesExchangeRequestReceiptAcknowledgementAndEvidence() throws Exception {
    Path out = dir.resolve("demo");
    var before = Thread.getAllStackTraces().keySet();
    var r = CliRun.run(CliRun.context().withClock(Clock.systemUTC()), "demo", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains(
        "[FR   ] validated: complete at the issued level",
        "[FR->US] request ", "[FR   ] receipt checked: signed by US:US-DOJ",
        "[US   ] opened: signed by FR:FR-MOJ", "it asks for: preservation, data production",
        "[US->FR] acknowledgement ", "[FR   ] opened the AcknowledgementOfReceipt: signed by US:US-DOJ",
        "[US->FR] response ", "[FR   ] evidence E1 checked: SHA-256 of ", "both endpoints are stopped", "Inspect:");
    assertThat(out.resolve("fr/receipts/request.receipt.p7s")).isRegularFile();
    assertThat(out.resolve("us/receipts/response.receipt.p7s")).isRegularFile();
    assertThat(out.resolve("fr/outbox/request.mlat")).isRegularFile();

    // the printed inspection commands work
    var check = CliRun.run(CliRun.context().withClock(Clock.systemUTC()), "receipt", "check", out.resolve("fr/receipts/request.receipt.p7s").toString(),
        "--sent", out.resolve("fr/outbox/request.mlat").toString(), "--trust", out.resolve("fr/trust").toString());
    assertThat(check.exitCode()).as(check.err()).isZero();

    // no server thread of the demo is left
    Thread.sleep(200);
    var left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon()).toList();
    assertThat(left).as("threads the demo left running").isEmpty();

    // a second run replaces the folder of the first; any other folder is left alone
    assertThat(CliRun.run(CliRun.context().withClock(Clock.systemUTC()), "demo", "--out", out.toString()).exitCode()).isZero();
    Files.createDirectories(dir.resolve("mine"));
    var refused = CliRun.run(CliRun.context().withClock(Clock.systemUTC()), "demo", "--out", dir.resolve("mine").toString());
    assertThat(refused.exitCode()).isEqualTo(4);
    assertThat(refused.err()).startsWith("mlat: OUTPUT_EXISTS: ");
  }
}
