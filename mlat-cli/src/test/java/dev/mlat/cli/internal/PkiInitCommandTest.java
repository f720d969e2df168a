package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiInitCommandTest {

  @TempDir
  Path dir;

  /** Trust verification runs at the real time, so the PKI is made at the real time too. */
  private static final Clock REAL_TIME = Clock.systemUTC();

  private static CliContext now(Map<String, String> environment) {
    return CliRun.context(environment).withClock(REAL_TIME);
  }

  @Test
  void writesTheTrustFolderTheKeyStoresTheirCertificatesAndAGeneratedPassword() throws Exception {
    Path out = dir.resolve("fr");
    var r = CliRun.run(now(Map.of()), "pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Test PKI for FR (ec-p256), authority FR:FR-MOJ");
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("mlat: warning: no password given").contains("FR-MOJ.password").contains("test use only");
    for (String name : List.of("anchors/root-ca.pem", "intermediates/issuing-ca.pem", "crls/issuing-ca.crl",
        "crls/root-ca.crl", "authorities.json", "authorities/FR-MOJ-signing.pem", "authorities/FR-MOJ-encryption.pem",
        "authorities/FR-MOJ-tls.pem")) {
      assertThat(out.resolve("trust/FR").resolve(name)).as(name).isRegularFile();
    }
    assertThat(out.resolve("trust/tsa/FR-root-ca.pem")).isRegularFile();
    assertThat(Files.readString(out.resolve("trust/FR/authorities.json"))).contains("\"FR:FR-MOJ\"");

    char[] password = Files.readString(out.resolve("FR-MOJ.password")).strip().toCharArray();
    assertThat(password).hasSize(24);
    for (String purpose : List.of("signing", "encryption", "tls")) {
      Path p12 = out.resolve("FR-MOJ-" + purpose + ".p12");
      var store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(p12)) {
        store.load(in, password);
      }
      assertThat(store.isKeyEntry(purpose)).as(purpose).isTrue();
      assertThat(store.getCertificateChain(purpose)).hasSize(3);
      assertThat(store.getCertificate(purpose).getEncoded()).isEqualTo(firstPemCertificate(out.resolve("FR-MOJ-" + purpose + ".pem")));
      assertThat(store.getCertificate(purpose).getEncoded())
          .isEqualTo(firstPemCertificate(out.resolve("trust/FR/authorities/FR-MOJ-" + purpose + ".pem")));
      if (Files.getFileStore(p12).supportsFileAttributeView("posix")) {
        assertThat(Files.getPosixFilePermissions(p12)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      }
    }
  }

  @Test
  void trustFoldersOfTwoRunsCopiedTogetherVerifyEachAuthorityForItsOwnJurisdiction() throws Exception {
    Path fr = dir.resolve("fr");
    Path us = dir.resolve("us");
    assertThat(CliRun.run(now(Map.of()), "pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--out", fr.toString())
        .exitCode()).isZero();
    assertThat(CliRun.run(now(Map.of(CliContext.PASSWORD_VARIABLE, "us secret")), "pki", "init", "--country", "US",
        "--authority", "US-DOJ", "--algorithm", "ml-dsa-65", "--out", us.toString()).exitCode()).isZero();
    assertThat(us.resolve("US-DOJ.password")).doesNotExist();

    Path shared = dir.resolve("shared-trust");
    copyTree(fr.resolve("trust"), shared);
    copyTree(us.resolve("trust"), shared);
    TrustDirectory trust = TrustDirectory.load(shared);
    assertThat(trust.jurisdictions()).containsExactlyInAnyOrder(Jurisdiction.of("FR"), Jurisdiction.of("US"));
    TrustVerifier verifier = TrustVerifier.builder(trust).clock(REAL_TIME).build();

    X509Certificate frSigning = authorityCertificate(trust, "FR:FR-MOJ", fr.resolve("FR-MOJ-signing.pem"));
    X509Certificate usSigning = authorityCertificate(trust, "US:US-DOJ", us.resolve("US-DOJ-signing.pem"));
    var frReport = verifier.verifySigner(Jurisdiction.of("FR"), frSigning, List.of());
    assertThat(frReport.authority()).contains(PartyId.parse("FR:FR-MOJ"));
    var usReport = verifier.verifySigner(Jurisdiction.of("US"), usSigning, List.of());
    assertThat(usReport.authority()).contains(PartyId.parse("US:US-DOJ"));
    assertThat(usReport.signatureAlgorithm().name()).contains("ML_DSA_65");

    // The encryption certificate in the shared folder is what lets the other side address FR-MOJ.
    assertThat(verifier.verifyRecipient(PartyId.parse("FR:FR-MOJ")).authority()).contains(PartyId.parse("FR:FR-MOJ"));

    assertThatThrownBy(() -> verifier.verifySigner(Jurisdiction.of("US"), frSigning, List.of()))
        .isInstanceOfSatisfying(MlatCryptoException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION));
  }

  @Test
  void rsaVariantAndPasswordFromAFile() throws Exception {
    Path passwordFile = Files.writeString(dir.resolve("pw.txt"), "correct horse\n");
    Path out = dir.resolve("de");
    var r = CliRun.run(now(Map.of()), "pki", "init", "--country", "DE", "--authority", "DE-BFJ", "--algorithm", "rsa-3072",
        "--password-file", passwordFile.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    var store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(out.resolve("DE-BFJ-signing.p12"))) {
      store.load(in, "correct horse".toCharArray());
    }
    assertThat(store.getCertificate("signing").getPublicKey().getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void passwordFromThePrompt() throws Exception {
    var context = new CliContext(REAL_TIME, Map.of(), prompt -> Optional.of("typed".toCharArray()), RequestChecks.STRICT_READING_ONLY);
    Path out = dir.resolve("it");
    var r = CliRun.run(context, "pki", "init", "--country", "IT", "--authority", "IT-MOJ", "--password-prompt", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    var store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(out.resolve("IT-MOJ-tls.p12"))) {
      store.load(in, "typed".toCharArray());
    }
    assertThat(store.isKeyEntry("tls")).isTrue();
  }

  @Test
  void promptWithoutConsoleOrWithDifferentEntriesWritesNothing() {
    Path out = dir.resolve("none");
    var noConsole = CliRun.run("pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--password-prompt", "--out", out.toString());
    assertThat(noConsole.exitCode()).isEqualTo(2);
    assertThat(noConsole.errLines()).singleElement().asString().startsWith("mlat: PASSWORD_UNAVAILABLE: --password-prompt needs an interactive console");

    var answers = new java.util.ArrayDeque<>(List.of("one", "two"));
    var context = new CliContext(REAL_TIME, Map.of(), prompt -> Optional.of(answers.pop().toCharArray()), RequestChecks.STRICT_READING_ONLY);
    var differ = CliRun.run(context, "pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--password-prompt", "--out", out.toString());
    assertThat(differ.exitCode()).isEqualTo(2);
    assertThat(differ.errLines()).singleElement().asString().isEqualTo("mlat: PASSWORD_UNAVAILABLE: the two passwords differ; nothing was written");
    assertThat(out).doesNotExist();
  }

  @Test
  void passwordFileAndPromptTogetherIsAUsageError() throws Exception {
    Path passwordFile = Files.writeString(dir.resolve("pw.txt"), "x\n");
    var r = CliRun.run("pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--password-file", passwordFile.toString(),
        "--password-prompt", "--out", dir.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("mlat: USAGE_INVALID: give either --password-file or --password-prompt");
  }

  @Test
  void missingPasswordFileIsExitFour() {
    var r = CliRun.run("pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--password-file", dir.resolve("nope").toString(),
        "--out", dir.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.errLines()).singleElement().asString().startsWith("mlat: FILE_NOT_FOUND: cannot read the password file ");
  }

  @Test
  void unknownCountryIsAUsageErrorWithTheCoreCode() {
    var r = CliRun.run("pki", "init", "--country", "UK", "--authority", "UK-MOJ", "--out", dir.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("mlat: JURISDICTION_UNKNOWN: --country: 'UK'");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void badAuthorityIdentifierIsAUsageErrorWithTheCoreCode() {
    var r = CliRun.run("pki", "init", "--country", "FR", "--authority", "../etc", "--out", dir.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("mlat: PARTY_ID_INVALID: --authority: ");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void unknownAlgorithmIsAUsageError() {
    var r = CliRun.run("pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--algorithm", "dsa-1024", "--out", dir.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .isEqualTo("mlat: USAGE_INVALID: --algorithm: 'dsa-1024' is not one of [ec-p256, rsa-3072, ml-dsa-65]");
  }

  @Test
  void missingRequiredOptionsAreAUsageError() {
    var r = CliRun.run("pki", "init", "--country", "FR");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("mlat: USAGE_INVALID: Missing required options: '--authority=ID', '--out=DIR'")
        .endsWith("(see 'mlat pki init --help')");
  }

  @Test
  void anExistingPkiIsKeptUnlessForceAndForceReplacesTheWholeTrustFolder() throws Exception {
    Path out = dir.resolve("fr");
    String[] args = {"pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--out", out.toString()};
    assertThat(CliRun.run(now(Map.of()), args).exitCode()).isZero();
    byte[] anchor = Files.readAllBytes(out.resolve("trust/FR/anchors/root-ca.pem"));
    Path stray = Files.writeString(out.resolve("trust/FR/authorities/OLD-signing.pem"), "stale");

    var again = CliRun.run(now(Map.of()), args);
    assertThat(again.exitCode()).isEqualTo(4);
    assertThat(again.errLines()).singleElement().asString()
        .isEqualTo("mlat: OUTPUT_EXISTS: " + out.resolve("trust/FR") + " exists already; choose another path or pass --force to replace it");
    assertThat(Files.readAllBytes(out.resolve("trust/FR/anchors/root-ca.pem"))).isEqualTo(anchor);

    String[] forced = Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--force";
    var replaced = CliRun.run(now(Map.of()), forced);
    assertThat(replaced.exitCode()).as(replaced.err()).isZero();
    assertThat(Files.readAllBytes(out.resolve("trust/FR/anchors/root-ca.pem"))).isNotEqualTo(anchor);
    assertThat(stray).doesNotExist();
    TrustDirectory.load(out.resolve("trust"));
  }

  @Test
  void forceWithAGivenPasswordRemovesAGeneratedPasswordThatNoLongerFits() throws Exception {
    Path out = dir.resolve("fr");
    assertThat(CliRun.run(now(Map.of()), "pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--out", out.toString()).exitCode()).isZero();
    assertThat(out.resolve("FR-MOJ.password")).isRegularFile();
    var r = CliRun.run(now(Map.of(CliContext.PASSWORD_VARIABLE, "chosen")), "pki", "init", "--country", "FR", "--authority", "FR-MOJ",
        "--out", out.toString(), "--force");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("FR-MOJ.password")).doesNotExist();
    var store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(out.resolve("FR-MOJ-signing.p12"))) {
      store.load(in, "chosen".toCharArray());
    }
  }

  @Test
  void aSecondAuthorityOfAnotherJurisdictionInTheSameFolderIsFine() {
    Path out = dir.resolve("both");
    assertThat(CliRun.run(now(Map.of()), "pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--out", out.toString()).exitCode()).isZero();
    var r = CliRun.run(now(Map.of()), "pki", "init", "--country", "BE", "--authority", "BE-SPF", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("trust/BE/authorities.json")).isRegularFile();
    assertThat(out.resolve("trust/FR/authorities.json")).isRegularFile();
  }

  private static X509Certificate authorityCertificate(TrustDirectory trust, String party, Path pem) throws Exception {
    byte[] der = firstPemCertificate(pem);
    return trust.authorityCertificates(PartyId.parse(party)).stream()
        .filter(c -> {
          try {
            return Arrays.equals(c.getEncoded(), der);
          } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
          }
        })
        .findFirst().orElseThrow(() -> new AssertionError(pem + " is not among the trust folder's certificates of " + party));
  }

  private static byte[] firstPemCertificate(Path pem) throws IOException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
    int end = text.indexOf("-----END CERTIFICATE-----");
    assertThat(begin).as("PEM certificate in " + pem).isGreaterThanOrEqualTo(0);
    return Base64.getMimeDecoder().decode(text.substring(begin + "-----BEGIN CERTIFICATE-----".length(), end));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }


  @Test
  void relayRegistersTheAuthorityWithTheRelayRole() throws Exception {
    Path out = dir.resolve("us");
    var r = CliRun.run(now(Map.of("MLAT_PASSWORD", "secret")), "pki", "init", "--country", "US", "--authority", "US-DOJ", "--relay",
        "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    var directory = TrustDirectory.load(out.resolve("trust"));
    assertThat(directory.roles(PartyId.parse("US:US-DOJ"))).contains(dev.mlat.crypto.trust.AuthorityRole.RELAY,
        dev.mlat.crypto.trust.AuthorityRole.SIGN, dev.mlat.crypto.trust.AuthorityRole.RECEIVE);

    Path plain = dir.resolve("fr");
    CliRun.run(now(Map.of("MLAT_PASSWORD", "secret")), "pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--out", plain.toString());
    assertThat(TrustDirectory.load(plain.resolve("trust")).roles(PartyId.parse("FR:FR-MOJ")))
        .doesNotContain(dev.mlat.crypto.trust.AuthorityRole.RELAY);
  }
}
