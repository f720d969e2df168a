package dev.mlat.transport.ledger;

import dev.mlat.transport.AuditHead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.lifecycle.LifecycleEvent;
import dev.mlat.core.lifecycle.LifecycleException;
import dev.mlat.core.lifecycle.RequestFacts;
import dev.mlat.core.lifecycle.DeadlineRule;
import dev.mlat.core.lifecycle.RequestState;
import dev.mlat.core.lifecycle.Side;
import dev.mlat.crypto.support.SettableClock;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.ledger.LedgerTestSupport.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LedgerTest {
  @TempDir Path dir;
  final SettableClock clock = new SettableClock(LedgerTestSupport.START);

  static String sha(String text) {
    return dev.mlat.transport.ledger.internal.AuditChain.sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static LifecycleEvent request(UUID requestId, UUID messageId) {
    return LifecycleEvent.request(requestId, messageId, Side.REQUESTING, LedgerTestSupport.START,
        RequestFacts.of(DeadlineRule.EU_EIO));
  }

  static OutgoingRecord outgoing(UUID requestId, UUID messageId, String packageSha) {
    return new OutgoingRecord(messageId.toString(), requestId, "DE:DE-BFJ", "REQUEST", packageSha, packageSha,
        LedgerTestSupport.START.plus(Duration.ofDays(7)), Optional.of(request(requestId, messageId)));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void migrationsRunOnceAndAreRecorded(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      assertThat(ledger.schemaVersion()).isEqualTo(2);
    }
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      assertThat(ledger.schemaVersion()).isEqualTo(2);
    }
    try (Connection c = LedgerTestSupport.connect(settings); Statement s = c.createStatement()) {
      s.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 'x')");
    }
    assertThatThrownBy(() -> LedgerTestSupport.open(settings, clock))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.LEDGER_SCHEMA_TOO_NEW));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aVersion1LedgerMigratesToVersion2AndKeepsItsRows(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    var v1 = dev.mlat.transport.ledger.internal.Migrations.ALL.get(0);
    try (Connection c = LedgerTestSupport.connect(settings); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
      for (String sql : v1.statements()) {
        s.execute(sql.replace("${bytes}", kind == Kind.SQLITE ? "BLOB" : "BYTEA"));
      }
      s.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (1, 'v1', 'x')");
      s.execute("INSERT INTO seen_messages (message_id, package_sha256, receipt, first_seen) VALUES ('m-old', '" + sha("old")
          + "', " + (kind == Kind.SQLITE ? "X'01'" : "'\\x01'") + ", 0)");
      s.execute("INSERT INTO outbox (message_id, request_id, recipient, message_type, package_sha256, created_at, expires_at,"
          + " state, attempts, next_attempt_at, updated_at) VALUES ('o-old', '" + UUID.randomUUID() + "', 'DE:DE-BFJ',"
          + " 'STATUS_UPDATE', '" + sha("file") + "', 0, 0, 'PENDING', 0, 0, 0)");
    }
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      assertThat(ledger.schemaVersion()).isEqualTo(2);
      assertThat(ledger.seenMessages().find("m-old")).hasValueSatisfying(m -> assertThat(m.headerSha256()).isEqualTo(sha("old")));
      assertThat(ledger.outboxEntry("o-old")).hasValueSatisfying(e -> {
        assertThat(e.packageSha256()).isEqualTo(sha("file"));
        assertThat(e.headerSha256()).as("sealed before format 2: no header digest").isEmpty();
      });
    }
  }

  @Test
  void anSqliteLedgerServesOneNodeOnly() throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(Kind.SQLITE, dir);
    try (Ledger first = LedgerTestSupport.open(settings, clock)) {
      assertThatThrownBy(() -> LedgerTestSupport.open(settings, clock))
          .isInstanceOfSatisfying(MlatTransportException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(TransportErrorCode.LEDGER_LOCKED);
            assertThat(e.getMessage()).contains("already open").contains("PostgreSQL");
          });
      // and from another process
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), LedgerLockProbe.class.getName(), settings.sqliteFile().toString(),
          dir.resolve("blobs").toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(out).isEqualTo(3);
      assertThat(out).contains("LEDGER_LOCKED");
    }
    try (Ledger again = LedgerTestSupport.open(settings, clock)) {
      assertThat(again.schemaVersion()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void seenMessagesPersistAndTheFirstRecordWins(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    SeenMessage first = new SeenMessage("m-1", sha("a"), new byte[] {1, 2, 3}, LedgerTestSupport.START);
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      assertThat(ledger.seenMessages().find("m-1")).isEmpty();
      assertThat(ledger.seenMessages().recordIfAbsent(first)).isEqualTo(first);
      SeenMessage other = new SeenMessage("m-1", sha("b"), new byte[] {9}, LedgerTestSupport.START.plusSeconds(5));
      SeenMessage after = ledger.seenMessages().recordIfAbsent(other);
      assertThat(after).isEqualTo(first);
      assertThat(after.sameBytes(sha("b"))).isFalse();
    }
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      assertThat(ledger.seenMessages().find("m-1")).contains(first);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anOutgoingMessageGoesFromPendingToDeliveredWithItsLifecycle(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    UUID requestId = UUID.randomUUID();
    UUID messageId = UUID.randomUUID();
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      String pkg = ledger.blobs().put("package".getBytes(StandardCharsets.UTF_8));
      OutboxEntry entry = ledger.recordOutgoing(outgoing(requestId, messageId, pkg));
      assertThat(entry.state()).isEqualTo(OutboxState.PENDING);
      assertThat(ledger.recordOutgoing(outgoing(requestId, messageId, pkg))).isEqualTo(entry);
      assertThatThrownBy(() -> ledger.recordOutgoing(outgoing(requestId, messageId, sha("other"))))
          .isInstanceOfSatisfying(MlatTransportException.class,
              e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.LEDGER_RECORD_CONFLICT));
      assertThat(ledger.lifecycle(requestId).orElseThrow().state()).isEqualTo(RequestState.TRANSMITTED);

      List<OutboxEntry> claimed = ledger.claimDue(10);
      assertThat(claimed).extracting(OutboxEntry::messageId).containsExactly(messageId.toString());
      assertThat(ledger.claimDue(10)).isEmpty();
      ledger.recordAttemptFailed(messageId.toString(), clock.instant().plusSeconds(30), "IO_FAILURE: disk");
      assertThat(ledger.claimDue(10)).isEmpty();
      clock.instant = clock.instant.plusSeconds(31);
      assertThat(ledger.claimDue(10)).hasSize(1);

      assertThat(ledger.recordReceipt(messageId.toString(), "receipt".getBytes(StandardCharsets.UTF_8), true,
          Optional.empty(), Optional.empty())).isTrue();
      assertThat(ledger.recordReceipt(messageId.toString(), "receipt".getBytes(StandardCharsets.UTF_8), true,
          Optional.empty(), Optional.empty())).isFalse();
      OutboxEntry done = ledger.outboxEntry(messageId.toString()).orElseThrow();
      assertThat(done.state()).isEqualTo(OutboxState.DELIVERED);
      assertThat(done.attempts()).isEqualTo(1);
      assertThat(done.receiptSha256()).contains(sha("receipt"));
      assertThat(ledger.outboxOfRequest(requestId)).containsExactly(done);
      assertThatThrownBy(() -> ledger.recordReceipt("never-sent", new byte[] {1}, true, Optional.empty(),
          Optional.empty())).isInstanceOfSatisfying(MlatTransportException.class,
              e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.LEDGER_RECORD_CONFLICT));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aMessageTheLifecycleRefusesIsNotRecorded(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    UUID requestId = UUID.randomUUID();
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      UUID messageId = UUID.randomUUID();
      var ack = new OutgoingRecord(messageId.toString(), requestId, "DE:DE-BFJ", "ACKNOWLEDGEMENT_OF_RECEIPT",
          sha("p"), sha("p"), clock.instant().plusSeconds(60),
          Optional.of(LifecycleEvent.acknowledgement(requestId, messageId, Side.REQUESTED, clock.instant())));
      assertThatThrownBy(() -> ledger.recordOutgoing(ack)).isInstanceOf(LifecycleException.class);
      assertThat(ledger.outboxEntry(messageId.toString())).isEmpty();
      assertThat(ledger.auditEntries(1, 100)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anIncomingMessageIsRecordedAcknowledgedAndDeliveredOnce(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    UUID requestId = UUID.randomUUID();
    UUID messageId = UUID.randomUUID();
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      String pkg = ledger.blobs().put("pkg".getBytes(StandardCharsets.UTF_8));
      String msg = ledger.blobs().put("{}".getBytes(StandardCharsets.UTF_8));
      IncomingRecord in = new IncomingRecord(messageId.toString(), "FR:FR-MOJ", pkg, sha("header"), msg,
          List.of(new StoredAttachment("A1", "text/plain", sha("x"), 1)), request(requestId, messageId));
      AuditHead[] seenHead = new AuditHead[1];
      SeenMessage seen = ledger.recordIncoming(in, head -> {
        seenHead[0] = head;
        return ("receipt for " + head.sequence()).getBytes(StandardCharsets.UTF_8);
      });
      assertThat(seen.headerSha256()).isEqualTo(sha("header"));
      assertThat(ledger.seenMessages().find(messageId.toString())).contains(seen);
      assertThat(ledger.lifecycle(requestId).orElseThrow().localSide()).isEqualTo(Side.REQUESTED);
      assertThat(ledger.recordedAuditHeads()).containsExactly(seenHead[0]);
      // a second recording of the same id returns the first record, issues nothing
      assertThat(ledger.recordIncoming(in, head -> {
        throw new AssertionError("no second receipt");
      })).isEqualTo(seen);

      assertThat(ledger.undelivered(10)).extracting(InboxEntry::messageId).containsExactly(messageId.toString());
      assertThatThrownBy(() -> ledger.deliver(messageId.toString(), (entry, tx) -> {
        throw new IllegalStateException("application down");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(ledger.inboxEntry(messageId.toString()).orElseThrow().state()).isEqualTo(InboxState.RECORDED);
      // a handler that calls the ledger back (instead of writing through its transaction) is told
      // at once, on SQLite's single connection too, and the message stays to be delivered
      assertThatThrownBy(() -> ledger.deliver(messageId.toString(), (entry, tx) -> ledger.inboxEntry(entry.messageId())))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside one of its own transactions");
      assertThat(ledger.inboxEntry(messageId.toString()).orElseThrow().state()).isEqualTo(InboxState.RECORDED);
      int[] calls = {0};
      assertThat(ledger.deliver(messageId.toString(), (entry, tx) -> {
        calls[0]++;
        assertThat(entry.attachments()).extracting(StoredAttachment::name).containsExactly("A1");
      })).isTrue();
      assertThat(ledger.deliver(messageId.toString(), (entry, tx) -> calls[0]++)).isFalse();
      assertThat(calls[0]).isEqualTo(1);
      assertThat(ledger.undelivered(10)).isEmpty();
      assertThat(ledger.inboxOfRequest(requestId)).singleElement()
          .satisfies(e -> assertThat(e.state()).isEqualTo(InboxState.DELIVERED));

      SeenMessage refused = ledger.recordRefusedIncoming("bad-1", sha("bad"), "PACKAGE_MALFORMED",
          head -> "negative".getBytes(StandardCharsets.UTF_8));
      assertThat(ledger.seenMessages().find("bad-1")).contains(refused);
      assertThat(ledger.verifyAuditTrail(ledger.recordedAuditHeads(), LedgerTestSupport.keys().verifier())
          .anchorsChecked()).isEqualTo(2);
    }
  }

  @Test
  void nodesSharingPostgresqlNeverClaimTheSameMessage() throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(Kind.POSTGRESQL, dir);
    int messages = 200;
    try (Ledger a = LedgerTestSupport.open(settings.withNodeId("node-a"), clock);
        Ledger b = LedgerTestSupport.open(settings.withNodeId("node-b"), clock)) {
      for (int i = 0; i < messages; i++) {
        a.recordOutgoing(new OutgoingRecord("m-" + i, UUID.randomUUID(), "DE:DE-BFJ", "STATUS_UPDATE", sha("p" + i), sha("h" + i),
            clock.instant().plusSeconds(3600), Optional.empty()));
      }
      java.util.Set<String> claimedA = java.util.concurrent.ConcurrentHashMap.newKeySet();
      java.util.Set<String> claimedB = java.util.concurrent.ConcurrentHashMap.newKeySet();
      Thread ta = new Thread(() -> drain(a, claimedA));
      Thread tb = new Thread(() -> drain(b, claimedB));
      ta.start();
      tb.start();
      ta.join();
      tb.join();
      assertThat(claimedA).doesNotContainAnyElementsOf(claimedB);
      java.util.Set<String> all = new java.util.HashSet<>(claimedA);
      all.addAll(claimedB);
      assertThat(all).hasSize(messages);
      // a claim whose node died is taken over after its lease
      assertThat(a.claimDue(10)).isEmpty();
      a.recordAttemptFailed("m-0", clock.instant(), "x");
      assertThat(a.claimDue(1)).extracting(OutboxEntry::messageId).containsExactly("m-0");
      clock.instant = clock.instant.plus(settings.claimLease()).plusSeconds(1);
      assertThat(b.claimDue(500)).hasSize(messages);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aNodeStartingAgainReleasesTheClaimsOfItsEarlierLife(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir).withNodeId("node-a");
    try (Ledger a = LedgerTestSupport.open(settings, clock)) {
      a.recordOutgoing(new OutgoingRecord("m-1", UUID.randomUUID(), "DE:DE-BFJ", "STATUS_UPDATE", sha("p"), sha("h"),
          clock.instant().plusSeconds(3600), Optional.empty()));
      assertThat(a.claimDue(10)).hasSize(1);
      if (kind == Kind.POSTGRESQL) {
        try (Ledger b = LedgerTestSupport.open(settings.withNodeId("node-b"), clock)) {
          assertThat(b.claimDue(10)).isEmpty();   // another node's live claim stays
        }
      }
    } // the node "crashes" holding its claim
    try (Ledger again = LedgerTestSupport.open(settings, clock)) {
      assertThat(again.claimDue(10)).extracting(OutboxEntry::messageId).containsExactly("m-1");
    }
  }

  private static void drain(Ledger ledger, java.util.Set<String> into) {
    try {
      while (true) {
        List<OutboxEntry> batch = ledger.claimDue(7);
        if (batch.isEmpty()) {
          return;
        }
        batch.forEach(e -> into.add(e.messageId()));
      }
    } catch (MlatTransportException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aDatabaseFailureIsLedgerUnavailableAndConsumesNothing() throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(Kind.SQLITE, dir);
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      try (Connection c = LedgerTestSupport.connect(settings); Statement s = c.createStatement()) {
        s.execute("DROP TABLE seen_messages");
      }
      assertThatThrownBy(() -> ledger.seenMessages().recordIfAbsent(
          new SeenMessage("m-9", sha("z"), new byte[] {1}, LedgerTestSupport.START)))
          .isInstanceOfSatisfying(MlatTransportException.class,
              e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.LEDGER_UNAVAILABLE));
      assertThat(ledger.auditEntries(1, 10)).isEmpty();
    }
  }

  @Test
  void settingsNeverPrintThePassword() {
    LedgerSettings s = LedgerSettings.postgresql("jdbc:postgresql://127.0.0.1/x", "u", "s3cret", Path.of("b"));
    assertThat(s.toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> LedgerSettings.postgresql("jdbc:sqlite:x", "u", "p", Path.of("b")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.withNodeId("bad id")).isInstanceOf(IllegalArgumentException.class);
  }

  static void exec(LedgerSettings settings, String sql, Object... args) throws Exception {
    try (Connection c = LedgerTestSupport.connect(settings); PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      p.executeUpdate();
    }
  }
}
