package dev.mlat.transport.conformance;

import static dev.mlat.crypto.testing.ConformancePki.FR_MOJ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.crypto.testing.ConformancePki;
import dev.mlat.transport.pkg.VerifiedPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two OpenSSL-only scripts of the conformance kit, {@code conformance/open-package.sh} and
 * {@code conformance/make-package.sh} (openssl, sha256sum, zip / unzip and jq, plus base POSIX
 * tools), against the committed PKI at the fixed instant: the script opens and checks committed
 * package vectors that mlat wrote, refuses invalid ones, and produces packages that mlat opens.
 *
 * <p>make-package.sh takes its signing-time from the machine clock (openssl has no option to set
 * it); a signing-time after the authorities' certificates end (2028-10-31) is refused, so this test
 * needs a machine clock before then, or a regenerated PKI.
 */
class ConformanceScriptsTest {
  private static final String AT = ConformancePki.VERIFICATION_TIME.toString();
  private static ConformancePki pki;

  @TempDir
  Path dir;

  @BeforeAll
  static void toolsArePresent() throws Exception {
    // the build machine has them (like the crypto module's OpenSSL interop tests): a missing tool fails, never skips
    for (String tool : List.of("openssl", "zip", "unzip", "jq", "sha256sum")) {
      Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
      assertThat(p.waitFor()).as(tool + " must be installed for the conformance script test").isZero();
    }
    pki = ConformancePki.load(PackageVectors.root().resolve("pki"));
  }

  /** The tools the scripts may use: openssl, zip / unzip, sha256sum, jq, and base POSIX tools (docs/CONFORMANCE.md). */
  static final List<String> TOOLS = List.of("openssl", "unzip", "zip", "sha256sum", "jq", "head", "tail", "od", "tr", "cut", "wc", "split",
      "basename", "sed", "grep", "date", "mktemp", "cat", "cp", "mv", "rm", "mkdir");

  private record Run(int exit, String output) {}

  /** A folder holding links to {@link #TOOLS} only: the scripts run with it as their whole PATH, so any other tool fails. */
  private Path restrictedPath() throws IOException, InterruptedException {
    Path bin = dir.resolve("bin");
    if (!Files.isDirectory(bin)) {
      Files.createDirectories(bin);
      for (String tool : TOOLS) {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
        String where = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(tool).isZero();
        Files.createSymbolicLink(bin.resolve(tool), Path.of(where));
      }
    }
    return bin;
  }

  private Run run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().put("PATH", restrictedPath().toString());
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), output);
  }

  /** A jurisdiction's anchors (every family) and their stored CRLs, in one PEM file: what the script's -CAfile gets. */
  private Path anchorsAndCrls(String jurisdiction) throws IOException {
    Path file = dir.resolve(jurisdiction + "-anchors-and-crls.pem");
    if (!Files.exists(file)) {
      var pem = new StringBuilder();
      for (String sub : List.of("anchors", "crls")) {
        try (var files = Files.list(pki.trustFolder().resolve(jurisdiction).resolve(sub))) {
          for (Path f : files.sorted().toList()) {
            pem.append(Files.readString(f, StandardCharsets.US_ASCII));
          }
        }
      }
      Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }
    return file;
  }

  private Run openWithScript(String vector) throws Exception {
    Path v = PackageVectors.packageVectors().resolve(vector);
    JsonNode json = PackageVectors.read(v);
    String sender = "FR:FR-MOJ"; // a package whose header cannot be read (reject-truncated): the roots do not matter
    String issuer = sender;
    try {
      JsonNode header = PackageVectors.JSON.readTree(headerJson(v.resolve("package.mlat")));
      sender = header.get("sender").asText();
      issuer = header.has("originalSender") ? header.get("originalSender").asText() : sender;
    } catch (java.util.zip.ZipException unreadable) {
      assertThat(vector).isEqualTo("reject-truncated");
    }
    JsonNode r = json.get("recipient");
    return run(Map.of("MLAT_VERIFY_AT", AT, "MLAT_TRUST_DIR", pki.trustFolder().toString()),
        "/bin/sh", script("open-package.sh"), v.resolve("package.mlat").toString(),
        anchorsAndCrls(sender.substring(0, 2)).toString(), pki.folder().resolve(r.get("certificate").asText()).toString(),
        pki.folder().resolve(r.get("privateKey").asText()).toString(), dir.resolve("out-" + vector).toString(),
        anchorsAndCrls(issuer.substring(0, 2)).toString());
  }

  private byte[] headerJson(Path pkg) throws Exception {
    return PackageConformanceVectorsGenerator.entries(pkg).stream().filter(i -> i.name().equals("header.json")).findFirst().orElseThrow()
        .bytes();
  }

  private static String script(String name) {
    return PackageVectors.root().resolve(name).toString();
  }

  /** The classical valid vectors (OpenSSL 3.0 has no ML-KEM / ML-DSA / composite): opened, checked, and the same content as mlat's. */
  @ParameterizedTest
  @ValueSource(strings = {"valid-request", "valid-response-segmented", "valid-refusal", "valid-relayed-request", "valid-timestamped"})
  void theScriptOpensTheCommittedVectorsAsMlatDoes(String vector) throws Exception {
    Run result = openWithScript(vector);
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).contains("open-package: OK");
    Path v = PackageVectors.packageVectors().resolve(vector);
    JsonNode expected = PackageVectors.read(v).get("expected");
    Path out = dir.resolve("out-" + vector);
    assertThat(Files.readAllBytes(out.resolve("message.json"))).isEqualTo(Files.readAllBytes(v.resolve("message.json")));
    for (JsonNode a : expected.get("attachments")) {
      assertThat(PackageVectors.sha256(Files.readAllBytes(out.resolve("attachments").resolve(a.get("id").asText()))))
          .isEqualTo(a.get("sha256").asText());
    }
  }

  /** What the script checks of the invalid vectors, in its own words (it checks less than a full reader: see docs/CONFORMANCE.md). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "reject-truncated | not a ZIP file",
      "reject-mimetype | wrong mimetype",
      "reject-header-signature-invalid | header.p7s does not verify",
      "reject-sender-untrusted | header.p7s does not verify",
      "reject-relay-not-registered | FR:FR-MOJ is not registered as a relay",
      "reject-entry-mismatch | attachments/1: bytes do not match the entry's CRC-32",
      "reject-attachment-altered | A1: segment 0 does not decrypt",
      "reject-expired | expired at",
      "reject-not-yet-valid | created 2026-12-01T00:10:00Z, in the future",
      "reject-decryption-failed | message.p7m does not decrypt",
      "reject-inner-signature-invalid | the issuing authority's signature does not verify",
      "reject-inner-signer-other-jurisdiction | the issuing authority's signature does not verify",
      "reject-inner-signer-revoked | the issuing authority's signature does not verify",
      "reject-forwarded | signed recipient US:US-DOJ is not DE:DE-BFJ",
      "reject-header-request-id | message.json's request id differs",
      "reject-attachment-foreign-segments | A1: segment 0 is not the one the manifest lists there"})
  void theScriptRefusesTheInvalidVectors(String vector, String why) throws Exception {
    Run result = openWithScript(vector);
    assertThat(result.exit()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("open-package: " + why.trim());
    assertThat(dir.resolve("out-" + vector).resolve("attachments")).satisfiesAnyOf(
        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }

  /** make-package.sh for an RSA recipient (US-DOJ, RSA-OAEP) and an EC one (DE-BFJ, ECDH): mlat opens both at the fixed instant. */
  @ParameterizedTest
  @CsvSource({"US:US-DOJ, rsa-3072", "DE:DE-BFJ, ecdsa-p256"})
  void mlatOpensWhatTheScriptMade(String recipientText, String family) throws Exception {
    PartyId recipient = PackageVectors.party(recipientText);
    List<byte[]> contents = List.of(bytes(300_000, 5), bytes(10, 6));
    var references = List.of(PackageConformanceVectorsGenerator.reference("A1", contents.get(0)),
        PackageConformanceVectorsGenerator.reference("A2", contents.get(1)));
    RequestMessage request = PackageConformanceVectorsGenerator.request(UUID.randomUUID(), FR_MOJ, recipient, references, true);
    Files.write(dir.resolve("message.json"), MlatJson.strict().writeMessage(request));
    Path recipientCertificate = pki.folder().resolve("trust/" + recipient.jurisdiction().code() + "/authorities/" + recipient.identifier()
        + "-" + family + "-encryption.pem");
    List<String> command = new ArrayList<>(List.of("/bin/sh", script("make-package.sh"), "message.json",
        pki.folder().resolve("trust/FR/authorities/FR-MOJ-ecdsa-p256-signing.pem").toString(),
        pki.folder().resolve("keys/FR-MOJ-ecdsa-p256-signing.key.pem").toString(),
        pki.folder().resolve("trust/FR/intermediates/ecdsa-p256-issuing-ca.pem").toString(),
        recipientCertificate.toString(),
        dir.resolve("made.mlat").toString()));
    for (int i = 0; i < contents.size(); i++) {
      Files.write(dir.resolve("doc" + i + ".pdf"), contents.get(i));
      command.add("A" + (i + 1) + "=doc" + i + ".pdf=application/pdf");
    }
    Run made = run(Map.of("MLAT_CREATED", "2026-11-30T23:00:00Z"), command.toArray(String[]::new));
    assertThat(made.exit()).as(made.output()).isZero();

    var vector = PackageVectors.JSON.createObjectNode();
    vector.putObject("recipient").put("party", recipient.toString()).put("keyFile", "keys/" + recipient.identifier() + "-" + family + ".p12");
    var opened = (VerifiedPackage) PackageVectors.open(pki, dir, vector, dir.resolve("made.mlat"), dir.resolve("work"));
    assertThat(opened.message()).isEqualTo(request);
    assertThat(opened.header().created()).isEqualTo(java.time.Instant.parse("2026-11-30T23:00:00Z"));
    for (int i = 0; i < contents.size(); i++) {
      assertThat(Files.readAllBytes(opened.attachments().get(i).file())).isEqualTo(contents.get(i));
    }
    // and the script opens its own package back, as a partner's round trip
    Run back = run(Map.of("MLAT_VERIFY_AT", AT, "MLAT_TRUST_DIR", pki.trustFolder().toString()), "/bin/sh", script("open-package.sh"),
        dir.resolve("made.mlat").toString(), anchorsAndCrls("FR").toString(), recipientCertificate.toString(),
        pki.folder().resolve("keys/" + recipient.identifier() + "-" + family + "-encryption.key.pem").toString(), dir.resolve("back").toString());
    assertThat(back.exit()).as(back.output()).isZero();
  }

  @Test
  void aToolOutsideTheListIsNotFound() throws Exception {
    // the restricted PATH is real: the tests above pass with nothing else, and another tool is missing
    Run result = run(Map.of(), "/bin/sh", "-c", "xxd -v || python3 -V || awk 1 /dev/null || perl -v");
    assertThat(result.exit()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("not found");
  }

  private static byte[] bytes(int length, long seed) {
    byte[] b = new byte[length];
    new Random(seed).nextBytes(b);
    return b;
  }
}
