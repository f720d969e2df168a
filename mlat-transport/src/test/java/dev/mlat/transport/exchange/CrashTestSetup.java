package dev.mlat.transport.exchange;

import dev.mlat.core.PartyId;
import dev.mlat.crypto.testing.ConformancePki;
import dev.mlat.transport.ledger.AuditHeadSigner;
import dev.mlat.transport.ledger.AuditHeadVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * THE ONE PLACE where the crash test's processes get their parties, clock, package codec and
 * audit-head signer: the production codec ({@link PackagePipelineCodec}) over the committed
 * conformance PKI (the same keys in every process), FR-MOJ sending to DE-BFJ, CMS-signed heads.
 */
public final class CrashTestSetup {
  /** The sending node's party. */
  public static final PartyId SENDER = PipelineFixture.FR;
  /** The receiving node's party. */
  public static final PartyId RECEIVER = PipelineFixture.DE;
  /** The system property carrying the clock offset the parent chose, so every process shares one time line. */
  static final String CLOCK_OFFSET = "mlat.crashtest.clockOffsetMillis";

  private CrashTestSetup() {}

  /**
   * The clock of every process of one run: system time shifted so the run starts at the conformance
   * PKI's verification time (its CRLs current), by one offset the parent chooses and hands to its
   * children.
   */
  public static Clock clock() {
    String offset = System.getProperty(CLOCK_OFFSET);
    if (offset == null) {
      offset = Long.toString(Duration.between(Instant.now(), ConformancePki.VERIFICATION_TIME).toMillis());
      System.setProperty(CLOCK_OFFSET, offset);
    }
    return Clock.offset(Clock.systemUTC(), Duration.ofMillis(Long.parseLong(offset)));
  }

  /** The codec of the node acting for {@code self}; {@code home} is the node's own directory. */
  public static PackageCodec codec(PartyId self, Path home, Clock clock) throws Exception {
    return PipelineFixture.codec(self, home, clock);
  }

  /** The node's audit-head signer (its ledger key). */
  public static AuditHeadSigner headSigner(PartyId self, Clock clock) throws Exception {
    return PipelineFixture.headSigner(self, clock);
  }

  /** The verifier of the heads {@link #headSigner} signs for {@code self}. */
  public static AuditHeadVerifier headVerifier(PartyId self, Clock clock) throws Exception {
    return PipelineFixture.headVerifier(self, clock);
  }

  /** A request with the court order it refers to (a small attachment, so attachments cross the crashes too). */
  public static PipelineFixture.Outgoing request(UUID requestId, UUID messageId) {
    return PipelineFixture.withCourtOrder(PipelineFixture.request(SENDER, RECEIVER, requestId, messageId),
        ("court order of request " + requestId).getBytes(StandardCharsets.UTF_8));
  }
}
