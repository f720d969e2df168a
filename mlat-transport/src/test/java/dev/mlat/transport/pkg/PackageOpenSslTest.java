package dev.mlat.transport.pkg;

import static dev.mlat.transport.pkg.PackageFixture.bytes;
import static dev.mlat.transport.pkg.PackageFixture.opener;
import static dev.mlat.transport.pkg.PackageFixture.party;
import static dev.mlat.transport.pkg.PackageFixture.sealer;
import static dev.mlat.transport.pkg.PackageFixture.withAttachments;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.testing.ErrorCatalogue;
import dev.mlat.core.testing.SampleMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenSSL-only command sequences of docs/FORMAT.md, as the scripts conformance/open-package.sh
 * and conformance/make-package.sh run them: OpenSSL opens what mlat sealed, mlat opens what OpenSSL made.
 */
class PackageOpenSslTest {
  static final PartyId FR_MOJ = party("FR:FR-MOJ-BEPI");
  static final PartyId DE_BFJ = party("DE:DE-BFJ");

  @TempDir
  Path dir;

  @BeforeAll
  static void toolsArePresent() throws Exception {
    // the build machine has them (like the crypto module's OpenSSL interop tests): a missing tool fails, never skips
    for (String tool : List.of("openssl", "zip", "unzip", "jq", "sha256sum")) {
      Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
      assertThat(p.waitFor()).as(tool + " must be installed for the OpenSSL conformance test").isZero();
    }
  }

  private static Path script(String name) {
    return ErrorCatalogue.docsFolder().getParent().resolve("conformance").resolve(name);
  }

  private static String run(Path dir, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    // make-package.sh dates the header now unless told: give it the fixture's fixed time, so that a
    // slow test run (more than the allowed clock skew after the fixture was loaded) cannot make the
    // package look created in the opener's future
    builder.environment().put("MLAT_CREATED", PackageFixture.CLOCK.instant().toString());
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void openSslOpensWhatMlatSealed() throws Exception {
    List<byte[]> contents = List.of(bytes(600_000, 1), bytes(10, 2));
    var s = withAttachments(SampleMessages.request(), contents);
    Path file = dir.resolve("p.mlat");
    sealer(FR_MOJ).seal(s.message(), s.sources(), file);
    PackageFixture.FR.root().writeCertificatePem(dir.resolve("fr-root.pem"));
    var de = PackageFixture.DE.authority("DE-BFJ").encryption();
    de.writeCertificatePem(dir.resolve("de-cert.pem"));
    de.writePrivateKeyPem(dir.resolve("de-key.pem"));
    String output = run(dir, "sh", script("open-package.sh").toString(), file.toString(), "fr-root.pem", "de-cert.pem", "de-key.pem",
        dir.resolve("out").toString());
    assertThat(output).contains("open-package: OK Request");
    for (int i = 0; i < contents.size(); i++) {
      assertThat(Files.readAllBytes(dir.resolve("out/attachments/A" + (i + 1)))).isEqualTo(contents.get(i));
    }
  }

  @Test
  void openSslRefusesATamperedPackageToo() throws Exception {
    var s = withAttachments(SampleMessages.request(), List.of(bytes(1000, 1)));
    Path file = dir.resolve("p.mlat");
    sealer(FR_MOJ).seal(s.message(), s.sources(), file);
    PackageFixture.FR.root().writeCertificatePem(dir.resolve("fr-root.pem"));
    var de = PackageFixture.DE.authority("DE-BFJ").encryption();
    de.writeCertificatePem(dir.resolve("de-cert.pem"));
    de.writePrivateKeyPem(dir.resolve("de-key.pem"));
    // damaged in place: the ZIP CRC-32 no longer matches
    Path damaged = PackageSurgery.damage(file, dir.resolve("damaged.mlat"), "attachments/1", 200);
    assertThat(openWithScript(damaged, "out-damaged")).contains("attachments/1: bytes do not match the entry's CRC-32");
    // altered with the CRC made right: the segment's GCM tag refuses it
    Path altered = PackageSurgery.replace(file, dir.resolve("altered.mlat"), "attachments/1", b -> PackageSurgery.flip(b, 200));
    assertThat(openWithScript(altered, "out-altered")).contains("A1: segment 0 does not decrypt");
    assertThat(dir.resolve("out-altered").resolve("attachments")).satisfiesAnyOf(
        a -> assertThat(a).doesNotExist(), a -> assertThat(a).isEmptyDirectory());
  }

  /** Runs open-package.sh as DE-BFJ on {@code pkg}; asserts it fails and returns its output. */
  private String openWithScript(Path pkg, String out) throws Exception {
    Process p = new ProcessBuilder("sh", script("open-package.sh").toString(), pkg.toString(), "fr-root.pem", "de-cert.pem",
        "de-key.pem", dir.resolve(out).toString()).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isNotZero();
    return output;
  }

  @Test
  void mlatOpensWhatOpenSslMade() throws Exception {
    List<byte[]> contents = List.of(bytes(300_000, 3), bytes(524_288, 4));
    var s = withAttachments(SampleMessages.request(), contents);
    Files.write(dir.resolve("message.json"), MlatJson.strict().writeMessage(s.message()));
    List<String> command = new ArrayList<>(List.of("sh", script("make-package.sh").toString(), "message.json", "signer.pem", "signer-key.pem",
        "chain.pem", "recipient.pem", dir.resolve("made.mlat").toString()));
    for (int i = 0; i < contents.size(); i++) {
      String name = "doc" + (i + 1) + ".bin";
      Files.write(dir.resolve(name), contents.get(i));
      command.add(s.sources().get(i).id() + "=" + name + "=" + s.sources().get(i).mediaType());
    }
    var fr = PackageFixture.FR.authority("FR-MOJ-BEPI").signing();
    fr.writeCertificatePem(dir.resolve("signer.pem"));
    fr.writePrivateKeyPem(dir.resolve("signer-key.pem"));
    PackageFixture.FR.intermediate().writeCertificatePem(dir.resolve("chain.pem"));
    PackageFixture.DE.authority("DE-BFJ").encryption().writeCertificatePem(dir.resolve("recipient.pem"));
    run(dir, command.toArray(String[]::new));

    var opened = (VerifiedPackage) opener(DE_BFJ, dir.resolve("q")).open(dir.resolve("made.mlat"), Files.createDirectory(dir.resolve("o")));
    assertThat(opened.message()).isEqualTo(s.message());
    for (int i = 0; i < contents.size(); i++) {
      assertThat(Files.readAllBytes(opened.attachments().get(i).file())).isEqualTo(contents.get(i));
    }
  }

  @Test
  void aPackageWhoseAttachmentsDifferFromTheRequestsReferencesIsRefusedAtStage6() throws Exception {
    var s = withAttachments(SampleMessages.request(), List.of(bytes(1000, 3)));
    Files.write(dir.resolve("message.json"), MlatJson.strict().writeMessage(s.message()));
    Files.write(dir.resolve("other.bin"), bytes(1000, 4)); // not the bytes the request refers to
    var fr = PackageFixture.FR.authority("FR-MOJ-BEPI").signing();
    fr.writeCertificatePem(dir.resolve("signer.pem"));
    fr.writePrivateKeyPem(dir.resolve("signer-key.pem"));
    PackageFixture.FR.intermediate().writeCertificatePem(dir.resolve("chain.pem"));
    PackageFixture.DE.authority("DE-BFJ").encryption().writeCertificatePem(dir.resolve("recipient.pem"));
    run(dir, "sh", script("make-package.sh").toString(), "message.json", "signer.pem", "signer-key.pem", "chain.pem", "recipient.pem",
        dir.resolve("made.mlat").toString(), "A1=other.bin=application/pdf");
    Path out = Files.createDirectory(dir.resolve("o"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> opener(DE_BFJ, dir.resolve("q")).open(dir.resolve("made.mlat"), out))
        .isInstanceOfSatisfying(PackageRejectedException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(dev.mlat.transport.TransportErrorCode.PACKAGE_ATTACHMENT_MISMATCH);
          assertThat(e.stage()).isEqualTo(PipelineStage.CONTENT);
        });
    assertThat(Files.list(out)).isEmpty();
  }
}
