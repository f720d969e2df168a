package dev.mlat.transport.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.transport.AuditHead;
import dev.mlat.transport.ledger.AuditVerification;
import dev.mlat.transport.ledger.InboxEntry;
import dev.mlat.transport.ledger.InboxState;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.LedgerSettings;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.ledger.OutboxState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No loss, proven: two processes exchange through a drop box while this test kills them with
 * SIGKILL at random moments (the receiver while packages arrive, the sender while it sends) and
 * starts them again. Afterwards every package with a receipt is in the inbox exactly once, every
 * one was retried until it had a receipt, nothing reached the application twice, and both audit
 * trails verify (the receiver's against the heads the sender holds in its receipts).
 *
 * <p>{@code -Dmlat.crashtest.kills=N} sets the number of kills (50 in the build; docs/LEDGER.md
 * gives the 500-kill command). The children run the production codec on the conformance PKI
 * ({@link CrashTestSetup}).
 */
class ExchangeCrashTest {
  @TempDir Path dir;

  @Test
  void killedProcessesLoseNothingAndDeliverNothingTwice() throws Exception {
    int kills = Integer.getInteger("mlat.crashtest.kills", 50);
    long seed = Long.getLong("mlat.crashtest.seed", System.nanoTime());
    int count = Math.max(60, kills * 3);
    Path box = dir.resolve("box");
    Path senderHome = dir.resolve("sender");
    Path receiverHome = dir.resolve("receiver");
    Files.createDirectories(box);
    AtomicInteger remaining = new AtomicInteger(kills);
    Map<String, Integer> killed = new HashMap<>();
    long started = System.nanoTime();
    Random random = new Random(seed);
    CrashTestSetup.clock(); // fixes the run's clock offset, handed to the children
    Killer sender = new Killer("sender", senderHome, box, count, remaining, new Random(random.nextLong()));
    Killer receiver = new Killer("receiver", receiverHome, box, count, remaining, new Random(random.nextLong()));
    Thread ts = new Thread(sender);
    Thread tr = new Thread(receiver);
    ts.start();
    tr.start();
    long minutes = Math.max(15, kills / 8); // the production codec needs about 3 s a kill on a loaded machine
    ts.join(TimeUnit.MINUTES.toMillis(minutes));
    tr.join(TimeUnit.MINUTES.toMillis(minutes));
    assertThat(sender.failure).as("sender: seed %d", seed).isNull();
    assertThat(receiver.failure).as("receiver: seed %d", seed).isNull();
    killed.put("sender", sender.kills);
    killed.put("receiver", receiver.kills);
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(sender.kills + receiver.kills).isGreaterThanOrEqualTo(kills);

    Clock clock = CrashTestSetup.clock();
    try (Ledger out = Ledger.open(settings(senderHome, "check-sender"), clock,
            CrashTestSetup.headSigner(CrashTestSetup.SENDER, clock));
        Ledger in = Ledger.open(settings(receiverHome, "check-receiver"), clock,
            CrashTestSetup.headSigner(CrashTestSetup.RECEIVER, clock))) {
      PackageCodec codec = CrashTestSetup.codec(CrashTestSetup.SENDER, senderHome, clock);
      List<AuditHead> anchors = new ArrayList<>();
      int retried = 0;
      long attempts = 0;
      for (int i = 0; i < count; i++) {
        String id = CrashTestNode.messageId(i).toString();
        OutboxEntry sent = out.outboxEntry(id).orElseThrow(() -> new AssertionError("never recorded: " + id));
        assertThat(sent.state()).as(id).isEqualTo(OutboxState.DELIVERED);
        attempts += sent.attempts();
        if (sent.attempts() > 1) {
          retried++;
        }
        // every package with a receipt is in the inbox, once, with the same bytes
        byte[] receipt;
        try (var r = out.blobs().open(sent.receiptSha256().orElseThrow())) {
          receipt = r.readAllBytes();
        }
        CheckedReceipt checked = codec.checkReceipt(receipt, sent);
        assertThat(checked.positive()).isTrue();
        checked.partnerHead().ifPresent(anchors::add);
        InboxEntry got = in.inboxEntry(id).orElseThrow(() -> new AssertionError("receipt but not in the inbox: " + id));
        assertThat(got.packageSha256()).isEqualTo(sent.packageSha256());
        assertThat(got.state()).isEqualTo(InboxState.DELIVERED);
      }
      assertThat(count(receiverHome, "SELECT COUNT(*) FROM inbox")).isEqualTo(count);
      // the application: one row per message, none twice
      assertThat(count(receiverHome, "SELECT COUNT(*) FROM app_deliveries")).isEqualTo(count);
      assertThat(count(receiverHome, "SELECT COUNT(DISTINCT message_id) FROM app_deliveries")).isEqualTo(count);
      assertThat(count(senderHome, "SELECT COUNT(*) FROM outbox")).isEqualTo(count);

      AuditVerification receiverTrail = in.verifyAuditTrail(anchors, CrashTestSetup.headVerifier(CrashTestSetup.RECEIVER, clock));
      AuditVerification senderTrail = out.verifyAuditTrail(out.recordedAuditHeads(),
          CrashTestSetup.headVerifier(CrashTestSetup.SENDER, clock));
      String report = String.format("crash test: %d SIGKILLs (sender %d, receiver %d), %d messages, %d retried"
              + " (%d delivery attempts), all delivered once; receiver audit trail %d entries, %d anchors from"
              + " receipts, unanchored %d; sender audit trail %d entries; %.1f s; seed %d",
          sender.kills + receiver.kills, killed.get("sender"), killed.get("receiver"), count, retried, attempts,
          receiverTrail.entries(), receiverTrail.anchorsChecked(), receiverTrail.unanchoredEntries(),
          senderTrail.entries(), seconds, seed);
      System.out.println(report);
      Path target = Path.of("target");
      if (Files.isDirectory(target)) {
        Files.writeString(target.resolve("crash-test-report.txt"), report + "\n");
      }
    }
  }

  private static LedgerSettings settings(Path home, String node) {
    return LedgerSettings.sqlite(home.resolve("ledger.db"), home.resolve("blobs")).withNodeId(node);
  }

  private static long count(Path home, String sql) throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("ledger.db"));
        Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Runs one node, killing it at random moments while kills remain, then lets it finish. */
  private static final class Killer implements Runnable {
    final String role;
    final Path home;
    final Path box;
    final int count;
    final AtomicInteger remaining;
    final Random random;
    volatile int kills;
    volatile Throwable failure;

    Killer(String role, Path home, Path box, int count, AtomicInteger remaining, Random random) {
      this.role = role;
      this.home = home;
      this.box = box;
      this.count = count;
      this.remaining = remaining;
      this.random = random;
    }

    @Override
    public void run() {
      try {
        Files.createDirectories(home);
        while (true) {
          Process p = start();
          log("started");
          BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
          String line = out.readLine();
          log("said " + line);
          if (line == null || !line.equals("READY")) {
            p.waitFor(30, TimeUnit.SECONDS);
            if (p.exitValue() == 0) {
              return; // finished before it could be killed
            }
            throw new AssertionError(role + " did not start (" + line + "), see " + home.resolve("stderr.log"));
          }
          if (remaining.getAndDecrement() > 0) {
            // a random moment while it works: up to 1.2 s after it is ready
            Thread.sleep(random.nextInt(1200));
            if (p.isAlive()) {
              p.destroyForcibly();   // SIGKILL
              p.waitFor();
              kills++;
              log("killed");
              continue;
            }
            remaining.incrementAndGet();
          } else {
            remaining.incrementAndGet();
          }
          log("left to finish");
          if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(role + " did not finish within 5 minutes");
          }
          String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          if (p.exitValue() != 0) {
            throw new AssertionError(role + " exited " + p.exitValue() + ": " + rest + " (" + home.resolve("stderr.log")
                + ")");
          }
          return;
        }
      } catch (Throwable t) {
        failure = t;
      }
    }

    private void log(String event) {
      System.out.println(java.time.LocalTime.now() + " " + role + " " + event);
    }

    Process start() throws Exception {
      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto",
          "-D" + CrashTestSetup.CLOCK_OFFSET + "=" + System.getProperty(CrashTestSetup.CLOCK_OFFSET),
          "-cp", System.getProperty("java.class.path"), CrashTestNode.class.getName(),
          role, home.toString(), box.toString(), Integer.toString(count), "20");
      return new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("stderr.log").toFile()))
          .start();
    }
  }
}
