package dev.mlat.crypto.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.cms.OpenSsl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands docs/CONFORMANCE.md gives a partner run on the committed vectors with OpenSSL 3.0
 * alone: open a valid sealed message, verify its signature offline at the fixed instant against
 * the jurisdiction's anchors and stored CRLs (and see it fail later, when the CRLs are stale), and
 * open a segmented attachment segment by segment. OpenSSL 3.0 has no ML-KEM / ML-DSA, so the
 * post-quantum vectors are run by {@link ConformanceVectorsTest} only.
 */
class ConformanceOpenSslTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path vectorDir(String name) {
    return ConformanceFolder.root().resolve("vectors/cms").resolve(name);
  }

  private static String epoch(String instant) {
    return Long.toString(Instant.parse(instant).getEpochSecond());
  }

  /** The CAfile a partner builds for a jurisdiction: its anchors followed by its stored CRLs (PEM). */
  private static Path bundle(Path temp, String jurisdiction) throws IOException {
    Path bundle = temp.resolve(jurisdiction + "-anchors-and-crls.pem");
    var out = new ByteArrayOutputStream();
    Path dir = ConformanceFolder.pki().resolve("trust").resolve(jurisdiction);
    for (String sub : List.of("anchors", "crls")) {
      try (Stream<Path> files = Files.list(dir.resolve(sub))) {
        for (Path p : (Iterable<Path>) files.sorted()::iterator) {
          out.writeBytes(Files.readAllBytes(p));
        }
      }
    }
    Files.write(bundle, out.toByteArray());
    return bundle;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"valid-ecdsa-p256-ecdh", "valid-rsa-oaep", "valid-rsa-pkcs1-signature", "valid-timestamped-b-t"})
  void aPartnerOpensAndVerifiesTheClassicalVectorsWithOpenSsl(String name, @TempDir Path temp) throws Exception {
    OpenSsl.require();
    Path dir = vectorDir(name);
    JsonNode v = JSON.readTree(dir.resolve("vector.json").toFile());
    Path pki = ConformanceFolder.pki();
    JsonNode recipient = v.get("recipient");
    OpenSsl.ok(temp, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", dir.resolve("message.p7m").toString(),
        "-recip", pki.resolve(recipient.get("certificate").asText()).toString(),
        "-inkey", pki.resolve(recipient.get("privateKey").asText()).toString(), "-out", "signed.p7s");
    Path bundle = bundle(temp, v.get("expectation").get("senderJurisdiction").asText());
    OpenSsl.ok(temp, "cms", "-verify", "-binary", "-inform", "DER", "-in", "signed.p7s", "-CAfile", bundle.toString(),
        "-crl_check_all", "-attime", epoch(v.get("verificationTime").asText()), "-out", "content.der");

    JsonNode expected = v.get("expected");
    String[] sender = expected.get("sender").asText().split(":", 2);
    String[] to = expected.get("recipient").asText().split(":", 2);
    byte[] sealedContent = ConformanceVectorsGenerator.sealedContent(
        new PartyId(Jurisdiction.of(sender[0]), sender[1]), new PartyId(Jurisdiction.of(to[0]), to[1]),
        UUID.fromString(expected.get("messageId").asText()), Files.readAllBytes(dir.resolve(expected.get("payload").asText())));
    assertThat(Files.readAllBytes(temp.resolve("content.der"))).isEqualTo(sealedContent);

    // the same command after the stored CRLs' nextUpdate fails: the fixed instant matters to OpenSSL too
    var late = OpenSsl.run(temp, "cms", "-verify", "-binary", "-inform", "DER", "-in", "signed.p7s", "-CAfile", bundle.toString(),
        "-crl_check_all", "-attime", epoch("2028-06-01T00:00:00Z"), "-out", "late.der");
    assertThat(late.exitCode()).isNotZero();
    assertThat(late.output()).contains("CRL has expired");
  }

  @Test
  void aPartnerOpensTheSegmentedAttachmentSegmentBySegment(@TempDir Path temp) throws Exception {
    OpenSsl.require();
    Path dir = vectorDir("valid-segmented-attachment");
    JsonNode m = JSON.readTree(dir.resolve("vector.json").toFile()).get("manifest");
    var plaintext = new ByteArrayOutputStream();
    int i = 0;
    for (byte[] segment : ConformanceVectorsGenerator.split(Files.readAllBytes(dir.resolve("attachment.seg")))) {
      Path in = Files.write(temp.resolve("segment-" + i + ".der"), segment);
      OpenSsl.ok(temp, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", in.toString(),
          "-secretkey", m.get("key").asText(), "-secretkeyid", m.get("keyId").asText(), "-out", "segment-" + i + ".bin");
      plaintext.writeBytes(Files.readAllBytes(temp.resolve("segment-" + i + ".bin")));
      i++;
    }
    assertThat(i).isEqualTo(m.get("segmentCount").asInt());
    assertThat(plaintext.toByteArray()).isEqualTo(Files.readAllBytes(dir.resolve("plaintext.bin")));
    assertThat(ConformanceVectorsGenerator.sha256(plaintext.toByteArray())).isEqualTo(m.get("plaintextSha256").asText());
  }
}
