package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.transport.ledger.CmsAuditHeadSigner;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.LedgerSettings;
import dev.mlat.transport.ledger.OutgoingRecord;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerVerifyCommandTest {

  @TempDir
  Path dir;

  @Test
  void anIntactTrailVerifiesAndAnEditedEntryIsFound() throws Exception {
    Clock clock = Clock.fixed(CliRun.NOW, ZoneOffset.UTC);
    TestPki fr = TestPki.builder(Jurisdiction.of("FR")).authority("FR-MOJ").clock(clock).build();
    Path trust = dir.resolve("trust");
    fr.writeTo(trust);
    var credential = fr.authority("FR-MOJ").signing();
    CmsSigner cms = CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), clock)
        .signer(Jurisdiction.of("FR"), KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain()), SignatureAlgorithm.ECDSA_SHA256)
        .build();
    Path db = dir.resolve("ledger.db");
    try (Ledger ledger = Ledger.open(LedgerSettings.sqlite(db, dir.resolve("blobs")), clock,
        new CmsAuditHeadSigner(cms, credential.certificate().getSubjectX500Principal().getName()))) {
      for (int i = 0; i < 3; i++) {
        ledger.recordOutgoing(new OutgoingRecord("m-" + i, UUID.randomUUID(), "US:US-DOJ", "STATUS_UPDATE", "0".repeat(63) + i, "1".repeat(63) + i,
            clock.instant().plusSeconds(3600), Optional.empty()));
      }
      ledger.signAuditHead();
    }

    var ok = CliRun.run("ledger", "verify", db.toString(), "--trust", trust.toString(), "--jurisdiction", "FR");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("OK: " + db + ": audit trail of ").contains("1 signed heads verified", "0 entries after the last signed head");

    var chainOnly = CliRun.run("ledger", "verify", db.toString());
    assertThat(chainOnly.exitCode()).as(chainOnly.err()).isZero();
    assertThat(chainOnly.out()).contains("give --trust and --jurisdiction");

    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_entries SET subject = 'm-9' WHERE sequence = 2");
    }
    var broken = CliRun.run("ledger", "verify", db.toString());
    assertThat(broken.exitCode()).isEqualTo(5);
    assertThat(broken.err()).startsWith("mlat: AUDIT_CHAIN_BROKEN: ").hasLineCount(1);

    var missing = CliRun.run("ledger", "verify", dir.resolve("none.db").toString());
    assertThat(missing.exitCode()).isEqualTo(4);
  }
}
