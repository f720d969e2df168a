package dev.mlat.crypto.seal;

import static dev.mlat.crypto.seal.SealFixture.AT;
import static dev.mlat.crypto.seal.SealFixture.DE;
import static dev.mlat.crypto.seal.SealFixture.FR;
import static dev.mlat.crypto.seal.SealFixture.encryptorFor;
import static dev.mlat.crypto.seal.SealFixture.opener;
import static dev.mlat.crypto.seal.SealFixture.party;
import static dev.mlat.crypto.seal.SealFixture.sealer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mlat.crypto.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sealed message is two plain OpenSSL steps for a partner: {@code openssl cms -decrypt} yields the
 * SignedData, {@code openssl cms -verify} the signed SealedContent; and what a partner seals that
 * way with OpenSSL, we open. Under CI (MLAT_REQUIRE_SERVICES=true) a missing OpenSSL 3 fails.
 */
class SealOpenSslInteropTest {
  private static final byte[] PAYLOAD = "{\"messageType\":\"Request\"}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  static Stream<Arguments> recipients() {
    return Stream.of(Arguments.of(DE, "DE-BMJ"), Arguments.of(AT, "AT-BMJ"));
  }

  @ParameterizedTest(name = "for {1}")
  @MethodSource("recipients")
  void openSslDecryptsThenVerifiesWhatWeSeal(TestPki to, String recipient) throws Exception {
    var binding = new SealBinding(party(FR, "FR-MOJ"), party(to, recipient), UUID.randomUUID());
    var sealed = sealer(FR, "FR-MOJ").seal(binding, PAYLOAD, encryptorFor(to, recipient));
    Files.write(dir.resolve("sealed.der"), sealed.bytes());
    to.authority(recipient).encryption().writeCertificatePem(dir.resolve("cert.pem"));
    to.authority(recipient).encryption().writePrivateKeyPem(dir.resolve("key.pem"));
    FR.root().writeCertificatePem(dir.resolve("root.pem"));

    ok("cms", "-decrypt", "-binary", "-inform", "DER", "-in", "sealed.der", "-recip", "cert.pem", "-inkey", "key.pem",
        "-out", "signed.der");
    ok("cms", "-verify", "-binary", "-inform", "DER", "-in", "signed.der", "-CAfile", "root.pem", "-out", "content.der");

    assertThat(Files.readAllBytes(dir.resolve("content.der"))).isEqualTo(SealedContent.encode(binding, PAYLOAD));
    String parsed = ok("asn1parse", "-inform", "DER", "-in", "content.der");
    assertThat(parsed).contains("FR:FR-MOJ", binding.recipient().toString(), binding.messageId().toString());
  }

  @Test
  void weOpenWhatAPartnerSealsWithOpenSsl() throws Exception {
    var binding = new SealBinding(party(FR, "FR-MOJ"), party(DE, "DE-BMJ"), UUID.randomUUID());
    Files.write(dir.resolve("content.der"), SealedContent.encode(binding, PAYLOAD));
    var signing = FR.authority("FR-MOJ").signing();
    signing.writeCertificatePem(dir.resolve("signer.pem"));
    signing.writePrivateKeyPem(dir.resolve("signer-key.pem"));
    FR.intermediate().writeCertificatePem(dir.resolve("intermediate.pem"));
    DE.authority("DE-BMJ").encryption().writeCertificatePem(dir.resolve("recipient.pem"));

    ok("cms", "-sign", "-cades", "-nosmimecap", "-md", "sha256", "-binary", "-nodetach", "-in", "content.der",
        "-signer", "signer.pem", "-inkey", "signer-key.pem", "-certfile", "intermediate.pem", "-outform", "DER", "-out", "signed.der");
    ok("cms", "-encrypt", "-aes-256-gcm", "-binary", "-in", "signed.der", "-outform", "DER", "-out", "sealed.der",
        "-recip", "recipient.pem", "-keyopt", "ecdh_kdf_md:sha256");

    var opened = opener(DE, "DE-BMJ").open(Files.readAllBytes(dir.resolve("sealed.der")),
        OpenExpectation.from(FR.jurisdiction()).withMessageId(binding.messageId()));
    assertThat(opened.binding()).isEqualTo(binding);
    assertThat(opened.payload()).isEqualTo(PAYLOAD);
  }

  private String ok(String... args) throws IOException, InterruptedException {
    dev.mlat.crypto.cms.OpenSsl.require();
    var command = new ArrayList<String>();
    command.add("openssl");
    command.addAll(List.of(args));
    var p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("openssl " + String.join(" ", args) + " timed out");
    }
    if (p.exitValue() != 0) {
      fail("openssl " + String.join(" ", args) + " failed (" + p.exitValue() + "):\n" + out);
    }
    return out;
  }
}
