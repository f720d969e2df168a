package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.Request;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mlat serve (an endpoint receiving into its ledger) in a thread, mlat send (through the sender's
 * ledger outbox) against it, on loopback with mutual TLS: queued while the endpoint is down,
 * delivered once on --resume, a duplicate request refused with a signed negative receipt, both
 * ledgers verified, the request's status on both sides, and bad arguments.
 */
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

  private String[] frKeys(String... more) {
    String[] keys = {"--signer", p("fr/FR-MOJ-signing.p12"), "--tls", p("fr/FR-MOJ-tls.p12"), "--trust", p("trust")};
    String[] all = new String[keys.length + more.length];
    System.arraycopy(more, 0, all, 0, more.length);
    System.arraycopy(keys, 0, all, more.length, keys.length);
    return all;
  }

  @Test
  void queuedWhileDownThenResumedDeliveredOnceAndADuplicateRefused() throws Exception {
    for (String[] a : new String[][] {{"FR", "FR-MOJ"}, {"US", "US-DOJ"}}) {
      assertThat(mlat("pki", "init", "--country", a[0], "--authority", a[1], "--out", p(a[0].toLowerCase())).exitCode()).isZero();
    }
    Path trust = dir.resolve("trust");
    OutputFiles.copyTree(dir.resolve("fr/trust"), trust);
    OutputFiles.copyTree(dir.resolve("us/trust/US"), trust.resolve("US"));
    Files.write(dir.resolve("order.txt"), DemoCase.courtOrder());
    Request request = DemoCase.request(UUID.randomUUID(), PartyId.parse("FR:FR-MOJ"), PartyId.parse("US:US-DOJ"), context.clock().instant());
    Files.write(dir.resolve("request.json"), MlatJson.strict().writeRequest(request));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "https://127.0.0.1:" + port + "/";

    // 1. The endpoint is down: sealed and queued in FR's ledger, exit 6.
    var queued = mlat(frKeys("send", p("request.json"), "--attach", p("order.txt"), "--to", "US:US-DOJ", "--url", url,
        "--ledger", p("fr/send.db"), "--wait", "0"));
    assertThat(queued.exitCode()).as(queued.err()).isEqualTo(6);
    assertThat(queued.errLines()).hasSize(1);
    assertThat(queued.err()).startsWith("mlat: MESSAGE_QUEUED: Request ").contains("is queued in the ledger", "HTTPS_CONNECTION_FAILED",
        "mlat send --resume ");
    Matcher sealed = Pattern.compile("Sealed and queued Request ([0-9a-f-]{36}) of request " + request.id() + " for US:US-DOJ")
        .matcher(queued.out());
    assertThat(sealed.find()).as(queued.out()).isTrue();
    String messageId = sealed.group(1);
    var waiting = mlat("status", request.id().toString(), "--ledger", p("fr/send.db"));
    assertThat(waiting.exitCode()).as(waiting.err()).isZero();
    assertThat(waiting.out()).contains("sent     Request " + messageId + " to US:US-DOJ: queued, 1 attempt, next at ",
        "last error HTTPS_CONNECTION_FAILED: connection to 127.0.0.1:" + port);

    // 2. The US endpoint comes up, receiving into its ledger.
    var serveOut = new StringWriter();
    var serveErr = new StringWriter();
    CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> Cli.execute(context, new PrintWriter(serveOut, true),
        new PrintWriter(serveErr, true), "serve", "--tls", p("us/US-DOJ-tls.p12"), "--key", p("us/US-DOJ-encryption.p12"),
        "--signer", p("us/US-DOJ-signing.p12"), "--trust", trust.toString(), "--ledger", p("us/ledger.db"), "--out", p("us-received"),
        "--port", String.valueOf(port), "--max-packages", "2"));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!serveOut.toString().contains("Serving US:US-DOJ on https://127.0.0.1:" + port + "/")) {
      assertThat(serving).as(serveErr.toString()).isNotDone();
      assertThat(System.nanoTime()).as("serve starts").isLessThan(until);
      Thread.sleep(50);
    }

    // 3. Resume: delivered without sealing again, the receipt and the US ledger head checked.
    var resumed = mlat(frKeys("send", "--resume", messageId, "--url", url, "--ledger", p("fr/send.db"), "--wait", "60s",
        "--receipt-out", p("request.receipt.p7s")));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).startsWith("Delivered Request " + messageId + " to US:US-DOJ at " + url + " after 2 attempts; receipt checked")
        .contains("US:US-DOJ's ledger head #", "signature verified").doesNotContain("Sealed");
    assertThat(resumed.err()).isEmpty();
    // a second resume finds it delivered: nothing is sent
    var again = mlat(frKeys("send", "--resume", messageId, "--url", url, "--ledger", p("fr/send.db")));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("after 2 attempts");

    // 4. The same request sent again from another ledger (a new message id): the US lifecycle refuses it, exit 5.
    var refused = mlat(frKeys("send", p("request.json"), "--attach", p("order.txt"), "--to", "US:US-DOJ", "--url", url,
        "--ledger", p("fr-other/send.db")));
    assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(5);
    assertThat(refused.errLines()).hasSize(1);
    assertThat(refused.err()).startsWith("mlat: PACKAGE_REFUSED_BY_RECEIVER: US:US-DOJ refused ");
    assertThat(refused.out()).contains("Refused: US:US-DOJ answered Request ", "signed negative receipt (checked)");

    assertThat(serving.get(60, TimeUnit.SECONDS)).as(serveErr.toString()).isZero();
    assertThat(serveOut.toString()).contains("received Request " + messageId + " of request " + request.id() + " from FR:FR-MOJ: passed ",
        "recorded, signed receipt with ledger head #", "refused Request ", "Stopped after 2 packages");
    Path received = dir.resolve("us-received").resolve(messageId);
    assertThat(received.resolve("attachments/A1")).hasBinaryContent(DemoCase.courtOrder());
    assertThat(MlatJson.strict().readMessage(Files.readAllBytes(received.resolve("message.json"))).header().requestId())
        .isEqualTo(request.id());
    assertThat(received.resolve("received.json")).content().contains("\"sender\": \"FR:FR-MOJ\"", "\"file\": \"attachments/A1\"");
    // the header digest its receipt names, next to the stored copy's file SHA-256
    String headerSha256;
    try (var zip = new java.util.zip.ZipFile(received.resolve("package.mlat").toFile())) {
      headerSha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(zip.getInputStream(zip.getEntry("header.json")).readAllBytes()));
    }
    assertThat(received.resolve("received.json")).content().contains("\"headerSha256\": \"" + headerSha256 + "\"");
    assertThat(received.resolve("receipt.p7s")).hasSameBinaryContentAs(dir.resolve("request.receipt.p7s"));
    assertThat(mlat("receipt", "check", p("request.receipt.p7s"), "--sent", received.resolve("package.mlat").toString(),
        "--trust", trust.toString()).exitCode()).isZero();

    // 5. Status on both sides: delivered once; the receiver recorded it once.
    var usStatus = mlat("status", request.id().toString(), "--ledger", p("us/ledger.db"));
    assertThat(usStatus.exitCode()).as(usStatus.err()).isZero();
    assertThat(usStatus.outLines()).filteredOn(l -> l.contains("received Request")).hasSize(1);
    assertThat(usStatus.out()).contains(messageId, "handed over");
    var frStatus = mlat("status", request.id().toString(), "--ledger", p("fr/send.db"));
    assertThat(frStatus.exitCode()).as(frStatus.err()).isZero();
    assertThat(frStatus.out()).contains("sent     Request " + messageId + " to US:US-DOJ: delivered, receipt ", "(1 earlier attempt without a receipt)");
    var otherStatus = mlat("status", request.id().toString(), "--ledger", p("fr-other/send.db"));
    assertThat(otherStatus.out()).contains("refused with ");

    // 6. Both ledgers' audit trails verify, with their signed heads.
    var usLedger = mlat("ledger", "verify", p("us/ledger.db"), "--trust", trust.toString(), "--jurisdiction", "US");
    assertThat(usLedger.exitCode()).as(usLedger.err()).isZero();
    assertThat(usLedger.out()).startsWith("OK: ");
    var frLedger = mlat("ledger", "verify", p("fr/send.db"), "--trust", trust.toString(), "--jurisdiction", "FR");
    assertThat(frLedger.exitCode()).as(frLedger.err()).isZero();

    // 7. Ids the ledgers do not hold.
    String unknown = UUID.randomUUID().toString();
    var noSuchMessage = mlat(frKeys("send", "--resume", unknown, "--url", url, "--ledger", p("fr/send.db")));
    assertThat(noSuchMessage.exitCode()).as(noSuchMessage.err()).isEqualTo(2);
    assertThat(noSuchMessage.errLines()).singleElement().asString().startsWith("mlat: NOT_IN_LEDGER: --resume: ");
    var noSuchRequest = mlat("status", unknown, "--ledger", p("us/ledger.db"));
    assertThat(noSuchRequest.exitCode()).isEqualTo(2);
    assertThat(noSuchRequest.errLines()).singleElement().asString().startsWith("mlat: NOT_IN_LEDGER: ");

    // 8. A port that is taken: one line, nothing reported as served.
    try (ServerSocket taken = new ServerSocket(0)) {
      var busy = mlat("serve", "--tls", p("us/US-DOJ-tls.p12"), "--key", p("us/US-DOJ-encryption.p12"), "--signer", p("us/US-DOJ-signing.p12"),
          "--trust", trust.toString(), "--ledger", p("us/ledger.db"), "--out", p("us-received"), "--port",
          String.valueOf(taken.getLocalPort()), "--bind", "0.0.0.0", "--for", "5s");
      assertThat(busy.exitCode()).as(busy.err()).isEqualTo(6);
      assertThat(busy.errLines()).singleElement().asString().startsWith("mlat: HTTPS_CONNECTION_FAILED: cannot listen on ");
      assertThat(busy.out()).isEmpty();
    }
  }

  @Test
  void badArgumentsAreOneLineUsageErrors() throws Exception {
    String url = "https://127.0.0.1:9/";
    String[][] cases = {
        {"send", "--signer", "s.p12", "--tls", "t.p12", "--trust", ".", "--url", url, "--ledger", "l.db"},
        {"send", "doc.json", "--resume", "0f8c5e2a-1111-4222-8333-444455556666", "--signer", "s.p12", "--tls", "t.p12", "--trust", ".",
            "--url", url, "--ledger", "l.db"},
        {"send", "doc.json", "--signer", "s.p12", "--tls", "t.p12", "--trust", ".", "--url", "http://127.0.0.1/", "--ledger", "l.db"},
        {"send", "doc.json", "--signer", "s.p12", "--tls", "t.p12", "--trust", ".", "--url", url, "--ledger", "l.db", "--wait", "5x"},
        {"send", "doc.json", "--signer", "s.p12", "--tls", "t.p12", "--trust", ".", "--url", url, "--ledger", "l.db", "--wait", "2d"},
        {"send", "--resume", "not-an-id", "--signer", "s.p12", "--tls", "t.p12", "--trust", ".", "--url", url, "--ledger", "l.db"},
        {"send", "doc.json", "--signer", "s.p12", "--tls", "t.p12", "--trust", ".", "--url", url},
        {"serve", "--tls", "t.p12", "--key", "k.p12", "--signer", "s.p12", "--trust", ".", "--ledger", "l.db", "--out", "o", "--for", "soon"},
        {"serve", "--tls", "t.p12", "--key", "k.p12", "--signer", "s.p12", "--trust", ".", "--ledger", "l.db", "--out", "o",
            "--max-packages", "0"},
        {"serve", "--tls", "t.p12", "--key", "k.p12", "--signer", "s.p12", "--trust", ".", "--ledger", "l.db"},
        {"status", "not-a-uuid", "--ledger", "l.db"},
    };
    for (String[] args : cases) {
      var r = mlat(args);
      assertThat(r.exitCode()).as(String.join(" ", args) + " -> " + r.err()).isEqualTo(2);
      assertThat(r.errLines()).as(String.join(" ", args)).hasSize(1);
      assertThat(r.err()).startsWith("mlat: USAGE_INVALID: ");
    }
    var missing = mlat("status", UUID.randomUUID().toString(), "--ledger", p("none.db"));
    assertThat(missing.exitCode()).isEqualTo(4);
    assertThat(missing.err()).startsWith("mlat: FILE_NOT_FOUND: --ledger: ");
  }
}
