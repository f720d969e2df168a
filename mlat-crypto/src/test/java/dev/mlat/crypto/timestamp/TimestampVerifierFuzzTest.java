package dev.mlat.crypto.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.testing.PkiAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Fuzzes token verification with arbitrary bytes: every input must be refused with a coded
 * {@link MlatCryptoException} ({@code TIMESTAMP_*}, {@code ALGORITHM_*}, {@code KEY_*}); any other
 * exception, an error or a hang is a finding. (No input can verify: the fixture's keys are fresh.)
 *
 * <p>In the normal build this replays {@code src/test/resources/dev/mlat/crypto/timestamp/TimestampVerifierFuzzTestInputs/}
 * (a token from an OpenSSL TSA with a self-signed certificate, and a truncated one); to fuzz, see
 * {@code docs/FUZZING.md}.
 */
class TimestampVerifierFuzzTest {
  private static final byte[] DATA = "signature value bytes".getBytes(StandardCharsets.UTF_8);
  private static final TimestampFixture FIXTURE = fixture();

  private static TimestampFixture fixture() {
    try {
      var folder = Files.createTempDirectory("mlat-ts-fuzz");
      folder.toFile().deleteOnExit();
      return new TimestampFixture(folder, PkiAlgorithm.ECDSA_P256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void verifierAcceptsOrRejectsCleanly(byte[] input) {
    try {
      FIXTURE.verifier.verify(input, DATA, TimestampFixture.FR);
      throw new AssertionError("a token verified against a fresh test PKI");
    } catch (MlatCryptoException expected) {
      assertThat(expected.errorCode().name()).matches("TIMESTAMP_.*|ALGORITHM_.*|KEY_.*");
    }
  }
}
