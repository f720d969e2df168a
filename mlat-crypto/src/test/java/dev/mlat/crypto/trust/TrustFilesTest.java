package dev.mlat.crypto.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.crypto.CryptoErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever bytes a trust folder holds, loading fails with a coded exception, never anything else. */
class TrustFilesTest {
  private static final Set<CryptoErrorCode> LOADING_CODES =
      Set.of(CryptoErrorCode.TRUST_DIRECTORY_INVALID, CryptoErrorCode.CERTIFICATE_MALFORMED, CryptoErrorCode.TRUST_LIMIT_EXCEEDED);

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars("{}[]\":,FR-MOJsignreceiv 0123456789.tnulrfae").ofMaxLength(200),
        Arbitraries.of("{\"jurisdiction\":\"FR\",\"authorities\":[{\"id\":\"FR:FR-MOJ\",\"roles\":[\"sign\"]}]}")
            .map(s -> s.substring(0, s.length() / 2)));
  }

  @Property(tries = 300)
  void authoritiesJsonNeverEscapesAsAnUncheckedException(@ForAll("jsonish") String text) throws IOException {
    Path dir = Files.createTempDirectory("trust-json");
    try {
      Path file = dir.resolve("authorities.json");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      try {
        TrustDirectory.builder().addAuthoritiesJson(file);
      } catch (TrustDirectoryException e) {
        assertThat(LOADING_CODES).contains(e.errorCode());
      }
    } finally {
      Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 300)
  void certificateCrlAndOcspFilesNeverEscapeAsUncheckedExceptions(@ForAll byte[] bytes, @ForAll boolean asPem) throws IOException {
    Path dir = Files.createTempDirectory("trust-bytes");
    try {
      for (String where : new String[] {"FR/anchors/x.pem", "FR/crls/x.crl", "FR/ocsp/x.ocsp"}) {
        Path file = dir.resolve(where);
        Files.createDirectories(file.getParent());
        byte[] content = bytes;
        if (asPem) {
          String label = where.contains("crl") ? "X509 CRL" : "CERTIFICATE";
          content = ("-----BEGIN " + label + "-----\n" + java.util.Base64.getMimeEncoder().encodeToString(bytes) + "\n-----END " + label + "-----\n")
              .getBytes(StandardCharsets.US_ASCII);
        }
        Files.write(file, content);
        try {
          TrustDirectory.load(dir);
        } catch (TrustDirectoryException e) {
          assertThat(LOADING_CODES).contains(e.errorCode());
        }
        Files.delete(file);
      }
    } finally {
      Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
