package dev.mlat.crypto.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.internal.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A partner with only OpenSSL can use what the test PKI writes: it verifies the chains with CRL
 * checking, reads the PKCS#12 files and parses the OCSP responses.
 */
class OpensslInteropTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  record Result(int exit, String output) {}

  static Result openssl(Path dir, String... args) throws Exception {
    var command = new ArrayList<String>();
    command.add("openssl");
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  @ParameterizedTest
  @EnumSource(value = PkiAlgorithm.class, names = {"ECDSA_P256", "RSA_3072"})
  void opensslVerifiesChainsReadsPkcs12AndOcsp(PkiAlgorithm algorithm, @TempDir Path dir) throws Exception {
    var pki = TestPki.builder(Jurisdiction.of("FR")).algorithm(algorithm).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    pki.writeTo(dir);
    var revoked = pki.issueDefective("FR-MOJ", CertificateDefect.REVOKED);
    Pem.writeCertificates(dir.resolve("revoked.pem"), List.of(revoked.certificate()));
    Files.writeString(dir.resolve("crls.pem"), Pem.crl(pki.crl()) + Pem.crl(pki.rootCrl()));
    String attime = Long.toString(NOW.getEpochSecond());

    var ok = openssl(dir, "verify", "-attime", attime, "-crl_check_all", "-CAfile", "FR/anchors/root-ca.pem",
        "-untrusted", "FR/intermediates/issuing-ca.pem", "-CRLfile", "crls.pem", "FR/authorities/FR-MOJ-signing.pem");
    assertThat(ok.exit()).as(ok.output()).isZero();
    var bad = openssl(dir, "verify", "-attime", attime, "-crl_check_all", "-CAfile", "FR/anchors/root-ca.pem",
        "-untrusted", "FR/intermediates/issuing-ca.pem", "-CRLfile", "crls.pem", "revoked.pem");
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.output()).contains("revoked");
    var tls = openssl(dir, "verify", "-attime", attime, "-purpose", "sslserver", "-CAfile", "FR/anchors/root-ca.pem",
        "-untrusted", "FR/intermediates/issuing-ca.pem", "FR/authorities/FR-MOJ-tls.pem");
    assertThat(tls.exit()).as(tls.output()).isZero();

    pki.writePkcs12("FR-MOJ", dir.resolve("moj.p12"), "secret".toCharArray());
    var p12 = openssl(dir, "pkcs12", "-in", "moj.p12", "-passin", "pass:secret", "-nodes", "-info");
    assertThat(p12.exit()).as(p12.output()).isZero();
    assertThat(p12.output()).contains("PBES2").contains("AES-256-CBC").contains("friendlyName: signing").contains("BEGIN PRIVATE KEY");

    Files.write(dir.resolve("revoked.ocsp"), pki.ocspResponse(revoked.certificate()));
    var ocsp = openssl(dir, "ocsp", "-respin", "revoked.ocsp", "-resp_text", "-noverify");
    assertThat(ocsp.exit()).as(ocsp.output()).isZero();
    assertThat(ocsp.output()).contains("Cert Status: revoked");
  }
}
