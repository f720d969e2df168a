package dev.mlat.transport.exchange;

import dev.mlat.core.PartyId;
import dev.mlat.transport.ledger.AuditHeadSigner;
import dev.mlat.transport.ledger.AuditHeadVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * THE ONE PLACE where the crash test's child processes get their package codec and audit-head
 * signer. Today: the test-only codec and Ed25519 heads; when the package format is merged, return
 * its {@link PackageCodec} adapter (and a {@code CmsAuditHeadSigner}) here and the crash test runs
 * on the real pipeline unchanged.
 */
public final class CrashTestSetup {
  private CrashTestSetup() {}

  /** The codec of the node acting for {@code self}; {@code home} is the node's own directory. */
  public static PackageCodec codec(PartyId self, Path home, Clock clock) {
    return new TestPackageCodec(self, clock, Duration.ofDays(1));
  }

  /** The node's audit-head signer (its key kept in {@code home}). */
  public static AuditHeadSigner headSigner(Path home, String name) throws Exception {
    return TestAuditHeads.signer(home.resolve("keys"), name);
  }

  /** The verifier of the heads {@link #headSigner} signs. */
  public static AuditHeadVerifier headVerifier(Path home) throws Exception {
    return TestAuditHeads.verifier(home.resolve("keys"));
  }
}
