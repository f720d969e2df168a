package dev.mlat.transport.ledger;

import dev.mlat.transport.AuditHead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.support.SettableClock;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.ledger.LedgerTestSupport.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The audit trail detects any edited, deleted or reordered entry, and any truncation back past the
 * last anchor, and reports the unanchored window after it; on both databases.
 */
class AuditTrailTest {
  @TempDir Path dir;
  final SettableClock clock = new SettableClock(LedgerTestSupport.START);

  /** Ten entries; an anchor (signed head) after the 6th. */
  private AuditHead fill(Ledger ledger) throws MlatTransportException {
    for (int i = 1; i <= 5; i++) {
      ledger.seenMessages().recordIfAbsent(
          new SeenMessage("m-" + i, LedgerTest.sha("p" + i), new byte[] {(byte) i}, clock.instant()));
      clock.instant = clock.instant.plusSeconds(1);
    }
    AuditHead anchor = ledger.signAuditHead();
    for (int i = 6; i <= 9; i++) {
      ledger.seenMessages().recordIfAbsent(
          new SeenMessage("m-" + i, LedgerTest.sha("p" + i), new byte[] {(byte) i}, clock.instant()));
    }
    return anchor;
  }

  private static void expect(ThrowingCall call, TransportErrorCode code, String text) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(MlatTransportException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(code);
      assertThat(e.getMessage()).contains(text);
    });
  }

  interface ThrowingCall {
    void run() throws Exception;
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anIntactTrailVerifiesAndReportsTheUnanchoredWindow(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      AuditHead anchor = fill(ledger);
      assertThat(anchor.sequence()).isEqualTo(6);
      assertThat(ledger.recordedAuditHeads()).endsWith(anchor);
      AuditVerification v = ledger.verifyAuditTrail(List.of(anchor), LedgerTestSupport.keys().verifier());
      assertThat(v.entries()).isEqualTo(10);
      assertThat(v.headSequence()).isEqualTo(10);
      assertThat(v.lastAnchoredSequence()).contains(6L);
      assertThat(v.unanchoredEntries()).isEqualTo(4);
      assertThat(ledger.verifyAuditTrail(List.of(), LedgerTestSupport.keys().verifier()).unanchoredEntries())
          .isEqualTo(10);
      // entries hold identifiers and digests only
      assertThat(ledger.auditEntries(1, 100)).allSatisfy(e -> assertThat(e.detail()).matches("[a-zA-Z]+=\\S+( [a-zA-Z]+=\\S+)*"));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anEditedEntryBreaksTheChain(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      AuditHead anchor = fill(ledger);
      LedgerTest.exec(settings, "UPDATE audit_entries SET subject = 'm-x' WHERE sequence = 3");
      expect(() -> ledger.verifyAuditTrail(List.of(anchor), LedgerTestSupport.keys().verifier()),
          TransportErrorCode.AUDIT_CHAIN_BROKEN, "entry 3");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anEditRecomputingTheDigestsIsCaughtByTheAnchor(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      AuditHead anchor = fill(ledger);
      // an attacker who rewrites entry 2 and recomputes every digest after it
      List<AuditEntry> entries = ledger.auditEntries(1, 100);
      String previous = entries.get(0).entrySha256();
      for (AuditEntry e : entries.subList(1, entries.size())) {
        String subject = e.sequence() == 2 ? "m-forged" : e.subject();
        String sha = dev.mlat.transport.ledger.internal.AuditChain.digest(e.sequence(), e.recordedAt(), e.kind(),
            subject, e.detail(), previous);
        LedgerTest.exec(settings, "UPDATE audit_entries SET subject = ?, previous_sha256 = ?, entry_sha256 = ?"
            + " WHERE sequence = ?", subject, previous, sha, e.sequence());
        previous = sha;
      }
      assertThat(ledger.verifyAuditTrail(List.of(), LedgerTestSupport.keys().verifier()).entries()).isEqualTo(10);
      expect(() -> ledger.verifyAuditTrail(List.of(anchor), LedgerTestSupport.keys().verifier()),
          TransportErrorCode.AUDIT_ANCHOR_INVALID, "rewritten");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aDeletedEntryBreaksTheChain(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      AuditHead anchor = fill(ledger);
      LedgerTest.exec(settings, "DELETE FROM audit_entries WHERE sequence = 4");
      expect(() -> ledger.verifyAuditTrail(List.of(anchor), LedgerTestSupport.keys().verifier()),
          TransportErrorCode.AUDIT_CHAIN_BROKEN, "entry 4 is missing");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void reorderedEntriesBreakTheChain(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      AuditHead anchor = fill(ledger);
      LedgerTest.exec(settings, "UPDATE audit_entries SET sequence = 100 WHERE sequence = 7");
      LedgerTest.exec(settings, "UPDATE audit_entries SET sequence = 7 WHERE sequence = 8");
      LedgerTest.exec(settings, "UPDATE audit_entries SET sequence = 8 WHERE sequence = 100");
      expect(() -> ledger.verifyAuditTrail(List.of(anchor), LedgerTestSupport.keys().verifier()),
          TransportErrorCode.AUDIT_CHAIN_BROKEN, "entry 7");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void truncationPastTheLastAnchorIsDetectedAndWithinTheWindowReported(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      AuditHead anchor = fill(ledger);
      LedgerTest.exec(settings, "DELETE FROM audit_entries WHERE sequence > 8");
      AuditVerification v = ledger.verifyAuditTrail(List.of(anchor), LedgerTestSupport.keys().verifier());
      assertThat(v.headSequence()).isEqualTo(8);
      assertThat(v.unanchoredEntries()).isEqualTo(2);
      LedgerTest.exec(settings, "DELETE FROM audit_entries WHERE sequence > 4");
      expect(() -> ledger.verifyAuditTrail(List.of(anchor), LedgerTestSupport.keys().verifier()),
          TransportErrorCode.AUDIT_CHAIN_TRUNCATED, "ends at entry 4");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anAnchorWhoseSignatureDoesNotVerifyIsRefused(Kind kind) throws Exception {
    LedgerSettings settings = LedgerTestSupport.settings(kind, dir);
    try (Ledger ledger = LedgerTestSupport.open(settings, clock)) {
      AuditHead anchor = fill(ledger);
      AuditHead moved = new AuditHead(5, anchor.entrySha256(), anchor.signature());
      expect(() -> ledger.verifyAuditTrail(List.of(moved), LedgerTestSupport.keys().verifier()),
          TransportErrorCode.AUDIT_ANCHOR_INVALID, "does not verify");
      expect(() -> ledger.verifyAuditTrail(List.of(anchor), LedgerTestSupport.keys().otherVerifier()),
          TransportErrorCode.AUDIT_ANCHOR_INVALID, "does not verify");
    }
  }
}
