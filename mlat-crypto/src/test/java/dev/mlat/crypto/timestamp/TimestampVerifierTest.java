package dev.mlat.crypto.timestamp;

import static dev.mlat.crypto.timestamp.TimestampFixture.CLOCK;
import static dev.mlat.crypto.timestamp.TimestampFixture.FR;
import static dev.mlat.crypto.timestamp.TimestampFixture.NOW;
import static dev.mlat.crypto.timestamp.TimestampFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestTimestampAuthority;
import dev.mlat.crypto.testing.TestTimestampAuthority.Behaviour;
import dev.mlat.crypto.trust.TrustVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Token verification from untrusted bytes: the accepted profile and every rejection with its code. */
class TimestampVerifierTest {
  static final byte[] DATA = "signature value bytes".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path folder;
  @TempDir Path scratch;
  static TimestampFixture fixture;
  static TestTimestampAuthority tsa;

  @BeforeAll
  static void start() throws Exception {
    fixture = new TimestampFixture(folder, PkiAlgorithm.ECDSA_P256);
    tsa = TestTimestampAuthority.start(fixture.pki);
  }

  @AfterAll
  static void stop() {
    tsa.close();
  }

  @BeforeEach
  void reset() {
    tsa.behaviour(Behaviour.GRANT);
    tsa.clock(CLOCK);
  }

  static byte[] token(DigestAlgorithm algorithm, byte[] data) throws Exception {
    return tsa.issueToken(algorithm, MessageDigest.getInstance(algorithm.jcaName()).digest(data));
  }

  @Test
  void aGoodTokenVerifiesWithEveryField() throws Exception {
    VerifiedTimestamp ts = fixture.verifier.verify(token(DigestAlgorithm.SHA384, DATA), DATA, FR);
    assertThat(ts.genTime()).isEqualTo(NOW);
    assertThat(ts.imprintAlgorithm()).isEqualTo(DigestAlgorithm.SHA384);
    assertThat(ts.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.ECDSA_SHA256);
    assertThat(ts.nonce()).isEmpty();
    assertThat(ts.policyOid()).isEqualTo(TestTimestampAuthority.POLICY_OID);
    assertThat(ts.tsaTrust().revocation()).isNotEmpty();
    assertThat(ts.toString()).contains("genTime=2026-11-25T10:00:00Z");
    var digest = MessageDigest.getInstance("SHA-384").digest(DATA);
    assertThat(fixture.verifier.verifyDigest(ts.token(), DigestAlgorithm.SHA384, digest, FR)).isEqualTo(ts);
  }

  @ParameterizedTest
  @EnumSource(value = PkiAlgorithm.class, names = {"RSA_3072", "ML_DSA_65"})
  void otherAlgorithmFamiliesVerify(PkiAlgorithm algorithm) throws Exception {
    var f = new TimestampFixture(scratch, algorithm);
    try (var authority = TestTimestampAuthority.start(f.pki)) {
      byte[] token = authority.issueToken(DigestAlgorithm.SHA256, MessageDigest.getInstance("SHA-256").digest(DATA));
      var ts = f.verifier.verify(token, DATA, FR);
      assertThat(ts.signatureAlgorithm()).isEqualTo(algorithm.signatureAlgorithm());
    }
  }

  @Test
  void imprintOfOtherDataIsRefused() throws Exception {
    byte[] token = token(DigestAlgorithm.SHA256, DATA);
    var e = failure(() -> fixture.verifier.verify(token, "other".getBytes(StandardCharsets.UTF_8), FR));
    assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_IMPRINT_MISMATCH);
    var digest = MessageDigest.getInstance("SHA-512").digest(DATA);
    assertThat(failure(() -> fixture.verifier.verifyDigest(token, DigestAlgorithm.SHA512, digest, FR)).errorCode())
        .isEqualTo(CryptoErrorCode.TIMESTAMP_IMPRINT_MISMATCH);
  }

  @Test
  void tokenBehaviourRejections() throws Exception {
    tsa.behaviour(Behaviour.BAD_SIGNATURE);
    byte[] forged = token(DigestAlgorithm.SHA256, DATA);
    assertThat(failure(() -> fixture.verifier.verify(forged, DATA, FR)).errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_SIGNATURE_INVALID);
    tsa.behaviour(Behaviour.NO_CERTIFICATES);
    byte[] bare = token(DigestAlgorithm.SHA256, DATA);
    assertThat(failure(() -> fixture.verifier.verify(bare, DATA, FR)).errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_TOKEN_INVALID);
    tsa.behaviour(Behaviour.SIGNING_CERTIFICATE_V1);
    byte[] v1 = token(DigestAlgorithm.SHA256, DATA);
    var refused = failure(() -> fixture.verifier.verify(v1, DATA, FR));
    assertThat(refused.errorCode()).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
    assertThat(refused.getMessage()).contains("signing-certificate-v2");
    // a legacy policy that allows SHA-1 accepts the SHA-1 ESSCertID binding
    var legacy = TimestampVerifier.builder(TrustVerifier.builder(fixture.directory).clock(CLOCK)
        .algorithmPolicy(AlgorithmPolicy.legacyPolicy()).build()).clock(CLOCK).build();
    assertThat(legacy.verify(v1, DATA, FR).genTime()).isEqualTo(NOW);
  }

  @Test
  void imprintDigestUnderThePolicy() throws Exception {
    byte[] sha1 = token(DigestAlgorithm.SHA1, DATA);
    assertThat(failure(() -> fixture.verifier.verify(sha1, DATA, FR)).errorCode()).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void acceptedPoliciesAreEnforced() throws Exception {
    var strict = TimestampVerifier.builder(fixture.trust).clock(CLOCK).acceptPolicy(TestTimestampAuthority.OTHER_POLICY_OID).build();
    byte[] token = token(DigestAlgorithm.SHA256, DATA);
    assertThat(failure(() -> strict.verify(token, DATA, FR)).errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_POLICY_MISMATCH);
    tsa.behaviour(Behaviour.WRONG_POLICY);
    assertThat(strict.verify(token(DigestAlgorithm.SHA256, DATA), DATA, FR).policyOid()).isEqualTo(TestTimestampAuthority.OTHER_POLICY_OID);
  }

  @Test
  void genTimeAfterNowPlusSkewIsRefused() throws Exception {
    tsa.clock(Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
    byte[] future = token(DigestAlgorithm.SHA256, DATA);
    var e = failure(() -> fixture.verifier.verify(future, DATA, FR));
    assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_TOKEN_INVALID);
    assertThat(e.getMessage()).contains("clock skew");
    tsa.clock(Clock.fixed(NOW.plus(Duration.ofMinutes(4)), ZoneOffset.UTC));
    assertThat(fixture.verifier.verify(token(DigestAlgorithm.SHA256, DATA), DATA, FR).genTime()).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
  }

  @Test
  void tsaCertificateMustBeValidAtGenTime() throws Exception {
    // the TSA certificate's validity starts an hour before the PKI's clock
    tsa.clock(Clock.fixed(NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC));
    byte[] early = token(DigestAlgorithm.SHA256, DATA);
    var e = failure(() -> fixture.verifier.verify(early, DATA, FR));
    assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_AUTHORITY_UNTRUSTED);
    assertThat(((MlatCryptoException) e.getCause()).errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_NOT_YET_VALID);
  }

  @Test
  void malformedInputs() throws Exception {
    assertThat(failure(() -> fixture.verifier.verify(new byte[] {1, 2, 3}, DATA, FR)).errorCode())
        .isEqualTo(CryptoErrorCode.TIMESTAMP_TOKEN_MALFORMED);
    assertThat(failure(() -> fixture.verifier.verify(new byte[0], DATA, FR)).errorCode())
        .isEqualTo(CryptoErrorCode.TIMESTAMP_TOKEN_MALFORMED);
    // a certificate is DER but not a ContentInfo of SignedData
    byte[] certificate = fixture.pki.root().certificate().getEncoded();
    assertThat(failure(() -> fixture.verifier.verify(certificate, DATA, FR)).errorCode())
        .isEqualTo(CryptoErrorCode.TIMESTAMP_TOKEN_MALFORMED);
    byte[] good = token(DigestAlgorithm.SHA256, DATA);
    byte[] trailing = Arrays.copyOf(good, good.length + 1);
    assertThat(failure(() -> fixture.verifier.verify(trailing, DATA, FR)).errorCode())
        .isEqualTo(CryptoErrorCode.TIMESTAMP_TOKEN_MALFORMED);
    byte[] truncated = Arrays.copyOf(good, good.length - 10);
    assertThat(failure(() -> fixture.verifier.verify(truncated, DATA, FR)).errorCode())
        .isEqualTo(CryptoErrorCode.TIMESTAMP_TOKEN_MALFORMED);
  }

  @Test
  void maxTokenBytesHolds() throws Exception {
    byte[] good = token(DigestAlgorithm.SHA256, DATA);
    var small = TimestampVerifier.builder(fixture.trust).clock(CLOCK)
        .limits(TimestampLimits.defaults().withMaxTokenBytes(good.length - 1)).build();
    assertThat(failure(() -> small.verify(good, DATA, FR)).errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_TOO_LARGE);
    var exact = TimestampVerifier.builder(fixture.trust).clock(CLOCK)
        .limits(TimestampLimits.defaults().withMaxTokenBytes(good.length)).build();
    assertThat(exact.verify(good, DATA, FR).genTime()).isEqualTo(NOW);
  }
}
