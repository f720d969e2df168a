package dev.mlat.crypto.attack;

import static dev.mlat.crypto.attack.AttackFixture.CLOCK;
import static dev.mlat.crypto.attack.AttackFixture.FORGED_FR;
import static dev.mlat.crypto.attack.AttackFixture.FR;
import static dev.mlat.crypto.attack.AttackFixture.TRUST;
import static dev.mlat.crypto.attack.AttackFixture.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.testing.TestTimestampAuthority;
import dev.mlat.crypto.timestamp.TimestampVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on RFC 3161 timestamps, which move the time at which a signer is judged (CAdES B-T): a
 * token of other data, a token from a timestamping authority nobody registered, a token whose
 * signature is not the TSA's, a token dated in the future (docs/SECURITY.md, threats T1 to T5).
 */
class TimestampAttackTest {
  private static final byte[] DATA = "the signature value being timestamped".getBytes(StandardCharsets.US_ASCII);
  private static final TimestampVerifier VERIFIER = TimestampVerifier.builder(TRUST).clock(CLOCK).build();
  private static TestTimestampAuthority genuine;
  private static TestTimestampAuthority forged;

  @BeforeAll
  static void start() throws Exception {
    genuine = TestTimestampAuthority.start(FR);
    forged = TestTimestampAuthority.start(FORGED_FR);
  }

  @AfterAll
  static void stop() {
    genuine.close();
    forged.close();
  }

  private static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

  @Test
  void theGenuineTokenVerifies() throws Exception {
    assertThat(VERIFIER.verify(genuine.issueToken(DigestAlgorithm.SHA256, sha256(DATA)), DATA, FR.jurisdiction()).genTime())
        .isEqualTo(CLOCK.instant());
  }

  @Test
  void aTokenOverOtherDataIsRefused() throws Exception {
    byte[] token = genuine.issueToken(DigestAlgorithm.SHA256, sha256("another signature".getBytes(StandardCharsets.US_ASCII)));
    assertCode(() -> VERIFIER.verify(token, DATA, FR.jurisdiction()), CryptoErrorCode.TIMESTAMP_IMPRINT_MISMATCH);
  }

  @Test
  void aTokenOfAnUnregisteredTimestampingAuthorityIsRefused() throws Exception {
    byte[] token = forged.issueToken(DigestAlgorithm.SHA256, sha256(DATA));
    assertCode(() -> VERIFIER.verify(token, DATA, FR.jurisdiction()), CryptoErrorCode.TIMESTAMP_AUTHORITY_UNTRUSTED);
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    genuine.behaviour(TestTimestampAuthority.Behaviour.BAD_SIGNATURE);
    try {
      byte[] token = genuine.issueToken(DigestAlgorithm.SHA256, sha256(DATA));
      assertCode(() -> VERIFIER.verify(token, DATA, FR.jurisdiction()), CryptoErrorCode.TIMESTAMP_SIGNATURE_INVALID);
    } finally {
      genuine.behaviour(TestTimestampAuthority.Behaviour.GRANT);
    }
  }

  @Test
  void aTokenDatedInTheFutureIsRefused() throws Exception {
    genuine.clock(Clock.offset(CLOCK, Duration.ofHours(1)));
    try {
      byte[] token = genuine.issueToken(DigestAlgorithm.SHA256, sha256(DATA));
      assertCode(() -> VERIFIER.verify(token, DATA, FR.jurisdiction()), CryptoErrorCode.TIMESTAMP_TOKEN_INVALID);
    } finally {
      genuine.clock(CLOCK);
    }
  }
}
