package dev.mlat.crypto.timestamp;

import static dev.mlat.crypto.timestamp.TimestampFixture.FR;
import static dev.mlat.crypto.timestamp.TimestampFixture.NOW;
import static dev.mlat.crypto.timestamp.TimestampFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.testing.TestTimestampAuthority;
import dev.mlat.crypto.testing.TestTimestampAuthority.Behaviour;
import dev.mlat.crypto.trust.CertificatePurpose;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client against the test TSA: a granted token, and every bad answer with its own code. */
class TimestampClientTest {
  static final byte[] DATA = "the SignerInfo signature value".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path folder;
  static TimestampFixture fixture;
  static TestTimestampAuthority tsa;
  static TimestampClient client;

  @BeforeAll
  static void start() throws Exception {
    fixture = new TimestampFixture(folder, PkiAlgorithm.ECDSA_P256);
    tsa = TestTimestampAuthority.start(fixture.pki);
    client = TimestampClient.builder(tsa.uri(), fixture.verifier).build();
  }

  @AfterAll
  static void stop() {
    tsa.close();
  }

  @BeforeEach
  void grant() {
    tsa.behaviour(Behaviour.GRANT);
  }

  @Test
  void grantedTokenIsVerifiedAndReported() throws Exception {
    VerifiedTimestamp ts = client.timestamp(DATA, FR);
    assertThat(ts.genTime()).isEqualTo(NOW);
    assertThat(ts.policyOid()).isEqualTo(TestTimestampAuthority.POLICY_OID);
    assertThat(ts.imprintAlgorithm()).isEqualTo(DigestAlgorithm.SHA256);
    assertThat(ts.messageImprint()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(DATA));
    assertThat(ts.nonce()).isPresent();
    assertThat(ts.accuracy()).contains(Duration.ofSeconds(1));
    assertThat(ts.serialNumber()).isPositive();
    assertThat(ts.tsaCertificate()).isEqualTo(fixture.pki.timestampAuthority().certificate());
    assertThat(ts.tsaTrust().purpose()).isEqualTo(CertificatePurpose.TIMESTAMPING);
    assertThat(ts.tsaTrust().validationTime()).isEqualTo(NOW);
    assertThat(ts.tsaTrust().anchor()).isEqualTo(fixture.pki.root().certificate());
    // the token stands on its own: verified again from its bytes
    assertThat(fixture.verifier.verifySignatureTimestamp(ts.token(), DATA, FR).serialNumber()).isEqualTo(ts.serialNumber());
  }

  @Test
  void requestedPolicyAndDigestAreUsed() throws Exception {
    var other = TimestampClient.builder(tsa.uri(), fixture.verifier)
        .policy(TestTimestampAuthority.OTHER_POLICY_OID).digest(DigestAlgorithm.SHA512).build();
    var ts = other.timestamp(DATA, FR);
    assertThat(ts.policyOid()).isEqualTo(TestTimestampAuthority.OTHER_POLICY_OID);
    assertThat(ts.imprintAlgorithm()).isEqualTo(DigestAlgorithm.SHA512);
  }

  @ParameterizedTest
  @CsvSource({
      "REJECT, TIMESTAMP_REJECTED",
      "WRONG_NONCE, TIMESTAMP_NONCE_MISMATCH",
      "WRONG_IMPRINT, TIMESTAMP_IMPRINT_MISMATCH",
      "GARBAGE, TIMESTAMP_RESPONSE_MALFORMED",
      "WRONG_CONTENT_TYPE, TIMESTAMP_RESPONSE_MALFORMED",
      "HTTP_ERROR, TIMESTAMP_AUTHORITY_UNAVAILABLE",
      "OVERSIZED, TIMESTAMP_TOO_LARGE",
      "BAD_SIGNATURE, TIMESTAMP_SIGNATURE_INVALID",
      "SIGNING_CERTIFICATE_V1, ALGORITHM_REFUSED",
      "NO_CERTIFICATES, TIMESTAMP_TOKEN_INVALID",
  })
  void everyBadAnswerHasItsCode(Behaviour behaviour, CryptoErrorCode expected) {
    tsa.behaviour(behaviour);
    MlatCryptoException e = failure(() -> client.timestamp(DATA, FR));
    assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(expected);
    if (e instanceof TimestampException) {
      assertThat(((TimestampException) e).authority()).contains(tsa.uri());
    }
  }

  @Test
  void rejectionCarriesTheStatusText() {
    tsa.behaviour(Behaviour.REJECT);
    assertThat(failure(() -> client.timestamp(DATA, FR)).getMessage()).contains("rejection").contains("rejected for the test");
  }

  @Test
  void aPolicyOtherThanTheRequestedOneIsRefused() throws Exception {
    tsa.behaviour(Behaviour.WRONG_POLICY);
    var strict = TimestampClient.builder(tsa.uri(), fixture.verifier).policy(TestTimestampAuthority.POLICY_OID).build();
    assertThat(failure(() -> strict.timestamp(DATA, FR)).errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_POLICY_MISMATCH);
  }

  @Test
  void timeoutHolds() {
    tsa.behaviour(Behaviour.SLOW);
    tsa.delay(Duration.ofSeconds(5));
    var impatient = TimestampClient.builder(tsa.uri(), fixture.verifier)
        .limits(TimestampLimits.defaults().withTimeout(Duration.ofMillis(300))).build();
    MlatCryptoException e = failure(() -> impatient.timestamp(DATA, FR));
    assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_AUTHORITY_UNAVAILABLE);
    assertThat(e.getMessage()).contains("PT0.3S");
  }

  @Test
  void maxResponseBytesHolds() {
    var small = TimestampClient.builder(tsa.uri(), fixture.verifier)
        .limits(TimestampLimits.defaults().withMaxResponseBytes(200)).build();
    assertThat(failure(() -> small.timestamp(DATA, FR)).errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_TOO_LARGE);
  }

  @Test
  void unreachableTsaIsUnavailable() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var nowhere = TimestampClient.builder(URI.create("http://127.0.0.1:" + port + "/tsa"), fixture.verifier).build();
    assertThat(failure(() -> nowhere.timestamp(DATA, FR)).errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_AUTHORITY_UNAVAILABLE);
  }

  @Test
  void aTsaOutsideTheTrustDirectoryIsUntrusted() throws Exception {
    var stranger = TestPki.builder(Jurisdiction.of("DE")).clock(TimestampFixture.CLOCK).build();
    try (var foreign = TestTimestampAuthority.start(stranger)) {
      var c = TimestampClient.builder(foreign.uri(), fixture.verifier).build();
      MlatCryptoException e = failure(() -> c.timestamp(DATA, FR));
      assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_AUTHORITY_UNTRUSTED);
      assertThat(((MlatCryptoException) e.getCause()).errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_UNTRUSTED);
    }
  }

  @Test
  void builderRejectsBadSettings() {
    assertThatThrownBy(() -> TimestampClient.builder(URI.create("ftp://tsa.example/"), fixture.verifier))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
    assertThatThrownBy(() -> TimestampClient.builder(tsa.uri(), fixture.verifier).digest(DigestAlgorithm.SHA1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA1");
    assertThatThrownBy(() -> TimestampClient.builder(tsa.uri(), fixture.verifier).policy("not an oid"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.timestampDigest(new byte[5], FR)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimestampLimits.defaults().withTimeout(Duration.ofMinutes(3))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimestampLimits.defaults().withMaxResponseBytes(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
