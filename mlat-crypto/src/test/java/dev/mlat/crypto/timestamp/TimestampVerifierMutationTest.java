package dev.mlat.crypto.timestamp;

import static dev.mlat.crypto.timestamp.TimestampFixture.FR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestTimestampAuthority;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Changing any byte of a good token never yields a different accepted timestamp: either the
 * verifier refuses it with a coded exception (never a runtime exception), or the change was in a
 * part the TSA's signature does not cover and that is not relied on (for example the signature of
 * an intermediate certificate the trust directory also holds), and the result is the same.
 */
class TimestampVerifierMutationTest {
  static final byte[] DATA = "signature value bytes".getBytes(StandardCharsets.UTF_8);
  static Path folder;
  static TimestampFixture fixture;
  static TestTimestampAuthority tsa;
  static byte[] good;
  static VerifiedTimestamp expected;

  @BeforeContainer
  static void start() throws Exception {
    folder = Files.createTempDirectory("mlat-ts-mutation");
    fixture = new TimestampFixture(folder, PkiAlgorithm.ECDSA_P256);
    tsa = TestTimestampAuthority.start(fixture.pki);
    good = tsa.issueToken(DigestAlgorithm.SHA256, MessageDigest.getInstance("SHA-256").digest(DATA));
    expected = fixture.verifier.verify(good, DATA, FR);
  }

  @AfterContainer
  static void stop() throws Exception {
    tsa.close();
    try (var files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 200)
  void aChangedByteIsRefusedOrChangesNothingThatMatters(
      @ForAll @IntRange(min = 0, max = 1_000_000) int position, @ForAll @IntRange(min = 1, max = 255) int mask) {
    byte[] token = good.clone();
    token[position % token.length] ^= (byte) mask;
    VerifiedTimestamp result;
    try {
      result = fixture.verifier.verify(token, DATA, FR);
    } catch (MlatCryptoException e) {
      assertThat(e.errorCode().name()).matches("TIMESTAMP_.*|ALGORITHM_.*|KEY_.*");
      return;
    }
    assertThat(result.genTime()).isEqualTo(expected.genTime());
    assertThat(result.messageImprint()).isEqualTo(expected.messageImprint());
    assertThat(result.serialNumber()).isEqualTo(expected.serialNumber());
    assertThat(result.policyOid()).isEqualTo(expected.policyOid());
    assertThat(result.tsaCertificate()).isEqualTo(expected.tsaCertificate());
  }
}
