package dev.mlat.crypto.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.testing.TestTimestampAuthority;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.timestamp.internal.SignatureTimestamps;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner with only OpenSSL verifies our tokens ({@code openssl ts -verify}, the command of
 * docs/TIMESTAMPS.md), both a token the test TSA issued directly and one the client fetched over
 * HTTP; and our verifier accepts a token OpenSSL's own TSA ({@code openssl ts -reply}) issued with
 * the TSA credential; and OpenSSL verifies a CAdES B-T signature whose token we attached. On the system clock, because {@code openssl ts -verify} checks the chain now.
 * Under CI ({@code MLAT_REQUIRE_SERVICES=true}) a missing openssl fails instead of skipping.
 */
class TimestampOpensslInteropTest {
  static final Jurisdiction FR = Jurisdiction.of("FR");

  record Result(int exit, String output) {}

  @BeforeAll
  static void opensslIsHere() throws Exception {
    boolean present;
    try {
      present = run(Path.of("."), "version").exit() == 0;
    } catch (IOException e) {
      present = false;
    }
    if (!present) {
      if ("true".equals(System.getenv("MLAT_REQUIRE_SERVICES"))) {
        throw new AssertionError("openssl is required (MLAT_REQUIRE_SERVICES=true) but cannot be run");
      }
      Assumptions.abort("openssl is not installed");
    }
  }

  static Result run(Path dir, String... args) throws Exception {
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
  void opensslAndOurVerifierAgree(PkiAlgorithm algorithm, @TempDir Path dir) throws Exception {
    var pki = TestPki.builder(FR).algorithm(algorithm).clock(Clock.systemUTC()).build();
    pki.writeTo(dir);
    var trust = TrustVerifier.builder(TrustDirectory.load(dir)).build();
    var verifier = TimestampVerifier.builder(trust).build();
    byte[] data = "evidence manifest".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("data.bin"), data);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);

    try (var tsa = TestTimestampAuthority.start(pki)) {
      // 1. a token issued directly, verified against the data
      Files.write(dir.resolve("direct.tst"), tsa.issueToken(DigestAlgorithm.SHA256, digest));
      var direct = run(dir, "ts", "-verify", "-token_in", "-in", "direct.tst", "-data", "data.bin",
          "-CAfile", "FR/anchors/root-ca.pem", "-untrusted", "FR/intermediates/issuing-ca.pem");
      assertThat(direct.exit()).as(direct.output()).isZero();
      assertThat(direct.output()).contains("Verification: OK");

      // 2. CAdES B-T: a CMS signature made with BouncyCastle, its signature value timestamped by the
      //    client over HTTP, the token attached; OpenSSL verifies the token by digest and the signature
      var signer = pki.authority("FR-MOJ").signing();
      var generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
              new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bouncyCastle()).build())
          .build(new JcaContentSignerBuilder(algorithm.signatureAlgorithm().jcaName()).setProvider(Providers.bouncyCastle())
              .build(signer.keyPair().getPrivate()), signer.certificate()));
      generator.addCertificates(new JcaCertStore(signer.chain().subList(0, 2)));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(data), false);
      SignerInformation signerInfo = signed.getSignerInfos().getSigners().iterator().next();
      byte[] signatureValue = SignatureTimestamps.timestampedBytes(signerInfo);
      VerifiedTimestamp fetched = TimestampClient.builder(tsa.uri(), verifier).build().timestamp(signatureValue, FR);
      Files.write(dir.resolve("fetched.tst"), fetched.token());
      CMSSignedData stamped = CMSSignedData.replaceSigners(signed,
          new SignerInformationStore(SignatureTimestamps.attach(signerInfo, fetched.token())));
      Files.write(dir.resolve("signed.p7s"), stamped.getEncoded());

      String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signatureValue));
      var ok = run(dir, "ts", "-verify", "-token_in", "-in", "fetched.tst", "-digest", hex,
          "-CAfile", "FR/anchors/root-ca.pem", "-untrusted", "FR/intermediates/issuing-ca.pem");
      assertThat(ok.exit()).as(ok.output()).isZero();
      assertThat(ok.output()).contains("Verification: OK");
      var wrong = run(dir, "ts", "-verify", "-token_in", "-in", "fetched.tst", "-data", "data.bin",
          "-CAfile", "FR/anchors/root-ca.pem", "-untrusted", "FR/intermediates/issuing-ca.pem");
      assertThat(wrong.exit()).as(wrong.output()).isNotZero();
      var print = run(dir, "cms", "-cmsout", "-print", "-inform", "DER", "-in", "signed.p7s");
      assertThat(print.exit()).as(print.output()).isZero();
      assertThat(print.output()).contains("id-smime-aa-timeStampToken");
      var cms = run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "signed.p7s", "-content", "data.bin",
          "-CAfile", "FR/anchors/root-ca.pem", "-out", "verified.bin");
      assertThat(cms.exit()).as(cms.output()).isZero();
      // and our side reads the attribute back and verifies it against the signature value
      var back = new CMSSignedData(new CMSProcessableByteArray(data), Files.readAllBytes(dir.resolve("signed.p7s")));
      var read = back.getSignerInfos().getSigners().iterator().next();
      assertThat(SignatureTimestamps.verify(read, verifier, FR).orElseThrow().serialNumber()).isEqualTo(fetched.serialNumber());
    }

    // 3. OpenSSL as the TSA: a query and a reply made by openssl, with the same TSA credential
    var credential = pki.timestampAuthority();
    credential.writeCertificatePem(dir.resolve("tsa.pem"));
    credential.writePrivateKeyPem(dir.resolve("tsa.key"));
    Files.writeString(dir.resolve("serial"), "01\n");
    Files.writeString(dir.resolve("tsa.cnf"), String.join("\n",
        "[ tsa ]",
        "default_tsa = mlat_test",
        "[ mlat_test ]",
        "serial = ./serial",
        "signer_cert = ./tsa.pem",
        "certs = ./FR/intermediates/issuing-ca.pem",
        "signer_key = ./tsa.key",
        "signer_digest = sha256",
        "default_policy = " + TestTimestampAuthority.POLICY_OID,
        "digests = sha256, sha384, sha512",
        "accuracy = secs:1",
        "ordering = no",
        "tsa_name = yes",
        "ess_cert_id_chain = no",
        "ess_cert_id_alg = sha256",
        ""));
    var query = run(dir, "ts", "-query", "-data", "data.bin", "-sha256", "-cert", "-out", "query.tsq");
    assertThat(query.exit()).as(query.output()).isZero();
    var reply = run(dir, "ts", "-reply", "-config", "tsa.cnf", "-queryfile", "query.tsq", "-token_out", "-out", "openssl.tst");
    assertThat(reply.exit()).as(reply.output()).isZero();
    byte[] opensslToken = Files.readAllBytes(dir.resolve("openssl.tst"));
    VerifiedTimestamp theirs = verifier.verify(opensslToken, data, FR);
    assertThat(theirs.tsaCertificate()).isEqualTo(credential.certificate());
    assertThat(theirs.policyOid()).isEqualTo(TestTimestampAuthority.POLICY_OID);
    try {
      verifier.verify(opensslToken, "other data".getBytes(StandardCharsets.UTF_8), FR);
      throw new AssertionError("a token over other data verified");
    } catch (MlatCryptoException e) {
      assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.TIMESTAMP_IMPRINT_MISMATCH);
    }
  }
}
