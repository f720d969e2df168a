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
        "exchange services up, each on its own SQLite ledger",
        "[FR->US] request ", "[FR   ] status: request delivered; receipt checked: signed by US:US-DOJ", "receipt checked: signed by US:US-DOJ",
        "[US   ] handler got the request once, in the ledger transaction: from FR:FR-MOJ", "it asks for: preservation, data production",
        "[US->FR] acknowledgement ", "[US   ] status: acknowledgement delivered",
        "[FR   ] handler got the AcknowledgementOfReceipt from US:US-DOJ; lifecycle RECEIVED",
        "[US->FR] response ", "[FR   ] handler got the Response from US:US-DOJ; lifecycle EXECUTED (US: EXECUTED)",
        "[FR   ] evidence E1 checked: SHA-256 of ", "both endpoints are stopped, both exchange services and ledgers closed", "Inspect:",
        "./mlat ledger verify " + out.resolve("fr/ledger.db"), "./mlat ledger verify " + out.resolve("us/ledger.db"));
    assertThat(r.out()).containsOnlyOnce("[US   ] handler got the request");
    assertThat(out.resolve("fr/receipts/request.receipt.p7s")).isRegularFile();
    assertThat(out.resolve("us/receipts/response.receipt.p7s")).isRegularFile();
    assertThat(out.resolve("fr/outbox/request.mlat")).isRegularFile();
    assertThat(out.resolve("fr/inbox/subscriber-record.csv")).isRegularFile();
    assertThat(out.resolve("fr/ledger.db")).isRegularFile();
    assertThat(out.resolve("us/ledger.db")).isRegularFile();

    // the printed inspection commands work
    var check = CliRun.run(CliRun.context().withClock(Clock.systemUTC()), "receipt", "check", out.resolve("fr/receipts/request.receipt.p7s").toString(),
        "--sent", out.resolve("fr/outbox/request.mlat").toString(), "--trust", out.resolve("fr/trust").toString());
    assertThat(check.exitCode()).as(check.err()).isZero();
    for (String side : new String[] {"fr", "us"}) {
      var verify = CliRun.run(CliRun.context().withClock(Clock.systemUTC()), "ledger", "verify", out.resolve(side + "/ledger.db").toString(),
          "--trust", out.resolve(side + "/trust").toString(), "--jurisdiction", side.toUpperCase(java.util.Locale.ROOT));
      assertThat(verify.exitCode()).as(verify.err()).isZero();
      assertThat(verify.out()).startsWith("OK: ").contains("intact (digests, links, no gap)", "signed heads verified");
    }

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
