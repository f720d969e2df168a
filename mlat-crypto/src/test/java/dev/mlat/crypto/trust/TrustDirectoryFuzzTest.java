package dev.mlat.crypto.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.testing.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz target of the trust-directory loader ({@link TrustDirectory#load(Path)}): a genuine trust
 * folder (the FR test PKI) in which one file is replaced or added with arbitrary bytes. The first
 * input byte picks the file (authorities.json, a CRL, a stored OCSP response, an anchor, an
 * intermediate, an authority certificate, a timestamping anchor); the rest is its content. Every
 * input either loads or fails with a {@link MlatCryptoException}; any other exception, an error, a
 * hang or memory exhaustion is a finding.
 *
 * <p>Corpus: {@code src/test/resources/dev/mlat/crypto/trust/TrustDirectoryFuzzTestInputs/loadFolderWithOneHostileFile/};
 * to fuzz, see {@code docs/FUZZING.md}.
 */
class TrustDirectoryFuzzTest {
  private static final List<String> TARGETS = List.of("FR/authorities.json", "FR/crls/hostile.crl", "FR/ocsp/hostile.ocsp",
      "FR/anchors/hostile.pem", "FR/intermediates/hostile.der", "FR/authorities/hostile.pem", "tsa/hostile.pem");
  private static final Path FOLDER;
  private static final byte[] AUTHORITIES_JSON;

  static {
    try {
      FOLDER = Files.createTempDirectory("mlat-trust-fuzz");
      FOLDER.toFile().deleteOnExit();
      TestPki.builder(Jurisdiction.of("FR")).authority("FR-MOJ").build().writeTo(FOLDER);
      AUTHORITIES_JSON = Files.readAllBytes(FOLDER.resolve("FR/authorities.json"));
      for (String target : TARGETS) {
        // the test PKI writes no ocsp/ folder; an empty folder is allowed
        Files.createDirectories(FOLDER.resolve(target).getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void loadFolderWithOneHostileFile(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    Path target = FOLDER.resolve(TARGETS.get(Byte.toUnsignedInt(input[0]) % TARGETS.size()));
    Files.write(target, Arrays.copyOfRange(input, 1, input.length));
    try {
      var directory = TrustDirectory.load(FOLDER);
      assertThat(directory.jurisdictions()).contains(Jurisdiction.of("FR"));
    } catch (MlatCryptoException expected) {
      assertThat(expected.errorCode()).isNotNull();
    } finally {
      if (target.endsWith("authorities.json")) {
        Files.write(target, AUTHORITIES_JSON);
      } else {
        Files.delete(target);
      }
    }
  }
}
