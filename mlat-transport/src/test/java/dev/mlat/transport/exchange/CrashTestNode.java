package dev.mlat.transport.exchange;

import dev.mlat.core.PartyId;
import dev.mlat.transport.ledger.LedgerSettings;
import dev.mlat.transport.ledger.OutboxState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A child process of {@link ExchangeCrashTest}: one node (SQLite ledger, drop box, exchange
 * service in its background loop) that the test kills with SIGKILL at random moments and starts
 * again. Arguments: {@code sender|receiver home box count paceMillis}. Prints {@code READY} once
 * its ledger is open and its loop runs; exits 0 when its work is complete.
 *
 * <p>The sender sends messages 0..count-1 (ids derived from the index, so a restart knows which it
 * already recorded) and exits when every one holds a positive receipt. The receiver exits when it
 * recorded and delivered {@code count} messages and no package waits in its drop box.
 */
public final class CrashTestNode {
  private CrashTestNode() {}

  static UUID messageId(int i) {
    return UUID.nameUUIDFromBytes(("crash-message-" + i).getBytes(StandardCharsets.UTF_8));
  }

  static UUID requestId(int i) {
    return UUID.nameUUIDFromBytes(("crash-request-" + i).getBytes(StandardCharsets.UTF_8));
  }

  public static void main(String[] args) throws Exception {
    boolean sender = args[0].equals("sender");
    Path home = Path.of(args[1]);
    Path box = Path.of(args[2]);
    int count = Integer.parseInt(args[3]);
    long pace = Long.parseLong(args[4]);
    PartyId self = sender ? CrashTestSetup.SENDER : CrashTestSetup.RECEIVER;
    PartyId partner = sender ? CrashTestSetup.RECEIVER : CrashTestSetup.SENDER;
    Clock clock = CrashTestSetup.clock();
    LedgerSettings settings = LedgerSettings.sqlite(home.resolve("ledger.db"), home.resolve("blobs"))
        .withNodeId(args[0]);
    ExchangeNode node = new ExchangeNode(self, partner, settings, CrashTestSetup.headSigner(self, clock),
        box, home.resolve("work"), clock, CrashTestSetup.codec(self, home, clock),
        new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(20)));
    node.service.start();
    System.out.println("READY");
    System.out.flush();
    if (sender) {
      for (int i = 0; i < count; i++) {
        if (node.ledger.outboxEntry(messageId(i).toString()).isPresent()) {
          continue;
        }
        var request = CrashTestSetup.request(requestId(i), messageId(i));
        node.service.send(request.message(), request.sources(), partner);
        Thread.sleep(pace);
      }
      while (node.ledger.countOutbox(OutboxState.DELIVERED) < count) {
        if (node.ledger.countOutbox(OutboxState.REFUSED) + node.ledger.countOutbox(OutboxState.EXPIRED) > 0) {
          System.out.println("FAILED: a message was refused or expired");
          System.exit(2);
        }
        Thread.sleep(50);
      }
    } else {
      Path incoming = box.resolve(partner.identifier() + "-to-" + self.identifier());
      while (delivered(node) < count || packagesWaiting(incoming)) {
        Thread.sleep(50);
      }
    }
    node.close();
    System.out.println("DONE");
    System.exit(0);
  }

  private static long delivered(ExchangeNode node) throws Exception {
    try (Connection c = node.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM inbox WHERE state = 'DELIVERED'")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static boolean packagesWaiting(Path incoming) throws Exception {
    try (Stream<Path> files = Files.list(incoming)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".mlat"));
    }
  }
}
