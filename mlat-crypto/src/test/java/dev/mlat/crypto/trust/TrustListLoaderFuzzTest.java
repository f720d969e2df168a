package dev.mlat.crypto.trust;

import static dev.mlat.crypto.trust.TrustListFixture.loader;
import static dev.mlat.crypto.trust.TrustListFixture.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlat.crypto.MlatCryptoException;

/**
 * Fuzz targets of the trust-list loader ({@link TrustListLoader#load(byte[])}): every input either
 * loads or fails with a {@link MlatCryptoException}; any other exception, an error, a hang or memory
 * exhaustion is a finding. Each load uses a fresh in-memory state, so rollback does not hide later
 * checks.
 *
 * <ul>
 *   <li>{@code loadArbitraryBytes}: the file as it arrives (size, CMS parsing, publisher trust);
 *   <li>{@code loadSignedArbitraryJson}: the bytes as the JSON content the genuine publisher signed,
 *       which drives the strict JSON reader, the certificate and CRL decoding, the limits, and the
 *       freshness checks.
 * </ul>
 *
 * Corpus: {@code src/test/resources/dev/mlat/crypto/trust/TrustListLoaderFuzzTestInputs/<method>/};
 * to fuzz, see {@code docs/FUZZING.md}.
 */
class TrustListLoaderFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void loadArbitraryBytes(byte[] input) {
    try {
      loader(TrustListState.inMemory()).load(input);
    } catch (MlatCryptoException expected) {
      assertThat(expected.errorCode()).isNotNull();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void loadSignedArbitraryJson(byte[] json) throws MlatCryptoException {
    byte[] list = signed(json);
    try {
      var loaded = loader(TrustListState.inMemory()).load(list);
      assertThat(loaded.directory()).isNotNull();
    } catch (MlatCryptoException expected) {
      assertThat(expected.errorCode()).isNotNull();
    }
  }
}
