package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.AuthorityRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives seal, verify, open, receipt issue / check and relay in-process, through the real command
 * line, on test PKIs made by {@code mlat pki init}: the round trip and the failure paths (tampered
 * package, wrong key, untrusted signer, wrong recipient, attachments that do not match, passwords).
 */
class PackageCommandsTest {

  private static final Map<String, String> PASSWORD = Map.of(CliContext.PASSWORD_VARIABLE, "demo-secret");

  @TempDir
  static Path shared;

  static Path trust;
  static Path usOnlyTrust;
  static Path request;
  static Path order;
  static Path sealed;

  @TempDir
  Path dir;

  static CliRun.Result mlat(String... args) {
    return CliRun.run(CliRun.context(PASSWORD), args);
  }

  static String p(Path path) {
    return path.toString();
  }

  @BeforeAll
  static void twoJurisdictionsAndARequest() throws Exception {
    for (String[] a : new String[][] {{"FR", "FR-MOJ"}, {"US", "US-DOJ"}, {"DE", "DE-BFJ"}}) {
      var r = mlat("pki", "init", "--country", a[0], "--authority", a[1], "--out", p(shared.resolve(a[0].toLowerCase())));
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    trust = shared.resolve("trust");
    usOnlyTrust = shared.resolve("trust-us");
    for (String cc : new String[] {"fr", "us", "de"}) {
      copyTree(shared.resolve(cc).resolve("trust"), trust);
    }
    copyTree(shared.resolve("us/trust"), usOnlyTrust);

    order = shared.resolve(DemoCase.COURT_ORDER_NAME);
    Files.write(order, DemoCase.courtOrder());
    request = shared.resolve("request.json");
    Files.write(request, MlatJson.strict().writeRequest(DemoCase.request(UUID.randomUUID(), PartyId.parse("FR:FR-MOJ"),
        PartyId.parse("US:US-DOJ"), CliRun.NOW)));
    sealed = shared.resolve("request.mlat");
    var s = mlat("seal", p(request), "--attach", p(order), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")),
        "--to", "US:US-DOJ", "--trust", p(trust), "--out", p(sealed));
    assertThat(s.exitCode()).as(s.err()).isZero();
    assertThat(s.out()).startsWith("Sealed Request ").contains("from FR:FR-MOJ to US:US-DOJ (1 attachment");
    assertThat(s.err()).isEmpty();
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path f : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  @Test
  void verifyShowsTheRoutingWithoutAKey() {
    var r = mlat("verify", p(sealed), "--trust", p(trust));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("header signed by FR:FR-MOJ, trusted for FR", "Request ", "from FR:FR-MOJ to US:US-DOJ", "header digest ");
  }

  @Test
  void openWritesTheMessageTheAttachmentAndWhatWasVerifiedAndSummarises() throws Exception {
    Path out = dir.resolve("opened");
    var r = mlat("open", p(sealed), "--key", p(shared.resolve("us/US-DOJ-encryption.p12")), "--trust", p(trust), "--out", p(out));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("passed every check", "Signed by FR:FR-MOJ", "trusted for FR", "Asks for: preservation, data production under budapest convention Art. 29, Art. 31",
        "By: " + CliRun.NOW.plusSeconds(5 * 86400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), "urgency urgent",
        "Attachment A1: " + DemoCase.COURT_ORDER_NAME);
    assertThat(out.resolve("attachments/A1")).hasBinaryContent(DemoCase.courtOrder());
    assertThat(Files.readString(out.resolve("message.json"))).contains("\"format\" : \"mlat-message\"", "\"sender\" : \"FR:FR-MOJ\"",
        "2001:db8:4f2a::17");
    assertThat(out.resolve("message.p7s")).isRegularFile();
    String verification = Files.readString(out.resolve("verification.json"));
    assertThat(verification).contains("\"format\" : \"mlat-verification\"", "\"authority\" : \"FR:FR-MOJ\"", "\"jurisdiction\" : \"FR\"",
        "\"sha256\" : \"" + DemoCase.sha256(DemoCase.courtOrder()) + "\"");

    var again = mlat("open", p(sealed), "--key", p(shared.resolve("us/US-DOJ-encryption.p12")), "--trust", p(trust), "--out", p(out));
    assertThat(again.exitCode()).isEqualTo(4);
    assertThat(again.err()).startsWith("mlat: OUTPUT_EXISTS: ");
  }

  @Test
  void aReceiptIsIssuedByTheRecipientAndCheckedByTheSender() {
    Path receipt = dir.resolve("receipt.p7s");
    var issue = mlat("receipt", "issue", p(sealed), "--key", p(shared.resolve("us/US-DOJ-encryption.p12")),
        "--signer", p(shared.resolve("us/US-DOJ-signing.p12")), "--trust", p(trust), "--out", p(receipt));
    assertThat(issue.exitCode()).as(issue.err()).isZero();
    assertThat(issue.out()).startsWith("Accepted: signed receipt for Request ");
    var check = mlat("receipt", "check", p(receipt), "--sent", p(sealed), "--trust", p(trust));
    assertThat(check.exitCode()).as(check.err()).isZero();
    assertThat(check.out()).startsWith("OK: ").contains("US:US-DOJ signed that it accepted Request ");
  }

  @Test
  void aReceiptForOtherBytesIsNoProofOfDelivery() throws Exception {
    Path receipt = dir.resolve("receipt.p7s");
    assertThat(mlat("receipt", "issue", p(sealed), "--key", p(shared.resolve("us/US-DOJ-encryption.p12")),
        "--signer", p(shared.resolve("us/US-DOJ-signing.p12")), "--trust", p(trust), "--out", p(receipt)).exitCode()).isZero();
    Path other = dir.resolve("other.mlat");
    assertThat(mlat("seal", p(request), "--attach", p(order), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")),
        "--to", "US:US-DOJ", "--trust", p(trust), "--out", p(other)).exitCode()).isZero();
    var check = mlat("receipt", "check", p(receipt), "--sent", p(other), "--trust", p(trust));
    assertThat(check.exitCode()).isEqualTo(5);
    assertThat(check.err()).startsWith("mlat: RECEIPT_MISMATCH: ").hasLineCount(1);
  }

  @Test
  void aTamperedPackageIsRefusedAndGetsASignedNegativeReceipt() throws Exception {
    Path tampered = dir.resolve("tampered.mlat");
    byte[] bytes = Files.readAllBytes(sealed);
    int name = indexOf(bytes, "attachments/1".getBytes(StandardCharsets.US_ASCII));
    int header = name - 30;
    int extra = (bytes[header + 28] & 0xff) | (bytes[header + 29] & 0xff) << 8;
    bytes[name + 13 + extra + 20] ^= 1;
    Files.write(tampered, bytes);

    // the gateway check (no key) finds it too: the entry is not the one the signed header lists
    var verify = mlat("verify", p(tampered), "--trust", p(trust));
    assertThat(verify.exitCode()).isEqualTo(5);
    assertThat(verify.err()).startsWith("mlat: PACKAGE_ENTRY_MISMATCH: stage 3: ").hasLineCount(1);

    var open = mlat("open", p(tampered), "--key", p(shared.resolve("us/US-DOJ-encryption.p12")), "--trust", p(trust),
        "--out", p(dir.resolve("opened")));
    assertThat(open.exitCode()).isEqualTo(5);
    assertThat(open.err()).startsWith("mlat: PACKAGE_ENTRY_MISMATCH: stage 3: ").hasLineCount(1);
    assertThat(dir.resolve("opened")).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left.map(f -> f.getFileName().toString())).containsExactly("tampered.mlat");
    }

    Path receipt = dir.resolve("negative.p7s");
    var issue = mlat("receipt", "issue", p(tampered), "--key", p(shared.resolve("us/US-DOJ-encryption.p12")),
        "--signer", p(shared.resolve("us/US-DOJ-signing.p12")), "--trust", p(trust), "--out", p(receipt));
    assertThat(issue.exitCode()).isEqualTo(5);
    assertThat(issue.out()).startsWith("Refused: signed negative receipt (PACKAGE_ENTRY_MISMATCH, stage 3)");
    assertThat(issue.err()).startsWith("mlat: PACKAGE_ENTRY_MISMATCH: ");
    var check = mlat("receipt", "check", p(receipt), "--sent", p(tampered), "--trust", p(trust));
    assertThat(check.exitCode()).isEqualTo(5);
    assertThat(check.err()).startsWith("mlat: PACKAGE_REFUSED_BY_RECEIVER: ").contains("US:US-DOJ signed that it refused",
        "PACKAGE_ENTRY_MISMATCH at stage 3");
  }

  @Test
  void aChangedHeaderFailsTheGatewayCheck() throws Exception {
    Path tampered = dir.resolve("tampered.mlat");
    byte[] bytes = Files.readAllBytes(sealed);
    int at = indexOf(bytes, "\"recipient\" : \"US:US-DOJ\"".getBytes(StandardCharsets.US_ASCII));
    bytes[at + 19] = 'X';
    Files.write(tampered, bytes);
    var r = mlat("verify", p(tampered), "--trust", p(trust));
    assertThat(r.exitCode()).isEqualTo(5);
    assertThat(r.err()).startsWith("mlat: PACKAGE_").hasLineCount(1);
  }

  @Test
  void aSenderTheTrustDirectoryDoesNotKnowIsRefused() {
    var r = mlat("verify", p(sealed), "--trust", p(usOnlyTrust));
    assertThat(r.exitCode()).isEqualTo(5);
    assertThat(r.err()).startsWith("mlat: PACKAGE_SENDER_UNTRUSTED: stage 2: ");
  }

  @Test
  void anotherRecipientCannotOpenIt() {
    var r = mlat("open", p(sealed), "--key", p(shared.resolve("de/DE-BFJ-encryption.p12")), "--trust", p(trust),
        "--out", p(dir.resolve("opened")));
    assertThat(r.exitCode()).isEqualTo(5);
    assertThat(r.err()).startsWith("mlat: PACKAGE_WRONG_RECIPIENT: stage 3: the package is for US:US-DOJ, this is DE:DE-BFJ");
  }

  @Test
  void aSigningKeyIsNoDecryptionKey() {
    var r = mlat("open", p(sealed), "--key", p(shared.resolve("us/US-DOJ-signing.p12")), "--trust", p(trust),
        "--out", p(dir.resolve("opened")));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).startsWith("mlat: CERTIFICATE_").contains("--key: the certificate").contains("not trusted to receive");
  }

  @Test
  void aWrongPasswordOrNoneIsAClearError() throws Exception {
    Path wrong = dir.resolve("wrong.password");
    Files.writeString(wrong, "not-it\n");
    var r = mlat("open", p(sealed), "--key", p(shared.resolve("us/US-DOJ-encryption.p12")), "--trust", p(trust),
        "--out", p(dir.resolve("o")), "--password-file", p(wrong));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).startsWith("mlat: KEYSTORE_WRONG_PASSWORD: ");

    var none = CliRun.run(CliRun.context(), "open", p(sealed), "--key", p(shared.resolve("us/US-DOJ-encryption.p12")),
        "--trust", p(trust), "--out", p(dir.resolve("o")));
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).startsWith("mlat: PASSWORD_UNAVAILABLE: the password of ").contains("--password-file FILE");
  }

  @Test
  void sealRefusesAttachmentsTheRequestDoesNotReferToAndMissingOnes() throws Exception {
    Path stray = dir.resolve("stray.txt");
    Files.writeString(stray, "not referenced");
    var extra = mlat("seal", p(request), "--attach", p(order), "--attach", p(stray), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")),
        "--to", "US:US-DOJ", "--trust", p(trust), "--out", p(dir.resolve("x.mlat")));
    assertThat(extra.exitCode()).isEqualTo(1);
    assertThat(extra.err()).startsWith("mlat: ATTACHMENT_MISMATCH: --attach " + stray);

    var missing = mlat("seal", p(request), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")),
        "--to", "US:US-DOJ", "--trust", p(trust), "--out", p(dir.resolve("x.mlat")));
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("mlat: ATTACHMENT_MISMATCH: the message refers to attachment A1");
    assertThat(dir.resolve("x.mlat")).doesNotExist();
  }

  @Test
  void sealRefusesAFileOfTheReferencedSizeButOtherContentAfterSealingIt() throws Exception {
    // paired by size without hashing first: the sealer's own check of every attachment's SHA-256 refuses it
    byte[] original = Files.readAllBytes(order);
    byte[] changed = original.clone();
    changed[changed.length / 2] ^= 1;
    Path forged = Files.write(dir.resolve("forged-order.pdf"), changed);
    var r = mlat("seal", p(request), "--attach", p(forged), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")),
        "--to", "US:US-DOJ", "--trust", p(trust), "--out", p(dir.resolve("x.mlat")));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).startsWith("mlat: ATTACHMENT_MISMATCH: ");
    assertThat(dir.resolve("x.mlat")).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("x.mlat"));
    }
  }

  @Test
  void sealNeedsARecipientAndAnIssuedRequest() throws Exception {
    var noTo = mlat("seal", p(request), "--attach", p(order), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")),
        "--trust", p(trust), "--out", p(dir.resolve("x.mlat")));
    assertThat(noTo.exitCode()).isEqualTo(2);
    assertThat(noTo.err()).startsWith("mlat: USAGE_INVALID: --to is required");

    Path draft = dir.resolve("draft.json");
    assertThat(mlat("request", "new", "--template", "preservation", "--from", "FR", "--to", "US:US-DOJ", "--out", p(draft)).exitCode()).isZero();
    var incomplete = mlat("seal", p(draft), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")), "--to", "US:US-DOJ",
        "--trust", p(trust), "--out", p(dir.resolve("x.mlat")));
    assertThat(incomplete.exitCode()).isEqualTo(1);
    assertThat(incomplete.out()).contains("PLACEHOLDER_LEFT");
    assertThat(incomplete.err()).startsWith("mlat: REQUEST_INVALID: ").contains("nothing was sealed");

    var wrongSigner = mlat("seal", p(request), "--attach", p(order), "--signer", p(shared.resolve("fr/FR-MOJ-encryption.p12")),
        "--to", "US:US-DOJ", "--trust", p(trust), "--out", p(dir.resolve("x.mlat")));
    assertThat(wrongSigner.exitCode()).isEqualTo(3);
    assertThat(wrongSigner.err()).contains("--signer: the certificate").contains("not trusted to sign");
  }

  @Test
  void sealForAnExplicitRecipientCertificate() {
    Path out = dir.resolve("x.mlat");
    var r = mlat("seal", p(request), "--attach", p(order), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")), "--to", "US:US-DOJ",
        "--to-cert", p(shared.resolve("us/trust/US/authorities/US-DOJ-encryption.pem")), "--trust", p(trust), "--out", p(out));
    assertThat(r.exitCode()).as(r.err()).isZero();
    var wrong = mlat("seal", p(request), "--attach", p(order), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")), "--to", "US:US-DOJ",
        "--to-cert", p(shared.resolve("de/trust/DE/authorities/DE-BFJ-encryption.pem")), "--trust", p(trust), "--out", p(dir.resolve("y.mlat")));
    assertThat(wrong.exitCode()).isEqualTo(3);
    assertThat(wrong.err()).startsWith("mlat: CERTIFICATE_");
  }

  @Test
  void aCentralAuthorityRelaysToAnExecutingAuthority() throws Exception {
    Clock clock = Clock.fixed(CliRun.NOW, ZoneOffset.UTC);
    TestPki us = TestPki.builder(Jurisdiction.of("US")).authority("US-DOJ", AuthorityRole.SIGN, AuthorityRole.RECEIVE, AuthorityRole.RELAY)
        .authority("US-FBI").clock(clock).build();
    Path relayTrust = dir.resolve("trust");
    copyTree(shared.resolve("fr/trust"), relayTrust);
    us.writeTo(relayTrust);
    char[] password = "demo-secret".toCharArray();
    for (String id : new String[] {"US-DOJ", "US-FBI"}) {
      var a = us.authority(id);
      TestPki.writePkcs12(dir.resolve(id + "-signing.p12"), password, Map.of("signing", a.signing()));
      TestPki.writePkcs12(dir.resolve(id + "-encryption.p12"), password, Map.of("encryption", a.encryption()));
    }
    Path toDoj = dir.resolve("to-doj.mlat");
    assertThat(mlat("seal", p(request), "--attach", p(order), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")),
        "--to", "US:US-DOJ", "--trust", p(relayTrust), "--out", p(toDoj)).exitCode()).isZero();

    Path toFbi = dir.resolve("to-fbi.mlat");
    var relay = mlat("relay", p(toDoj), "--key", p(dir.resolve("US-DOJ-encryption.p12")), "--signer", p(dir.resolve("US-DOJ-signing.p12")),
        "--to", "US:US-FBI", "--trust", p(relayTrust), "--out", p(toFbi));
    assertThat(relay.exitCode()).as(relay.err()).isZero();
    assertThat(relay.out()).contains("issued by FR:FR-MOJ from US:US-DOJ to US:US-FBI");

    var verify = mlat("verify", p(toFbi), "--trust", p(relayTrust));
    assertThat(verify.out()).contains("from US:US-DOJ to US:US-FBI (relayed; issued by FR:FR-MOJ)");
    Path out = dir.resolve("fbi");
    var open = mlat("open", p(toFbi), "--key", p(dir.resolve("US-FBI-encryption.p12")), "--trust", p(relayTrust), "--out", p(out));
    assertThat(open.exitCode()).as(open.err()).isZero();
    assertThat(open.out()).contains("from FR:FR-MOJ to US:US-DOJ (relayed by US:US-DOJ to US:US-FBI)", "Signed by FR:FR-MOJ");
    assertThat(out.resolve("attachments/A1")).hasBinaryContent(DemoCase.courtOrder());

    // The executing authority is not a relay: it cannot forward further.
    var notRelay = mlat("relay", p(toDoj), "--key", p(dir.resolve("US-FBI-encryption.p12")), "--signer", p(dir.resolve("US-FBI-signing.p12")),
        "--to", "US:US-DOJ", "--trust", p(relayTrust), "--out", p(dir.resolve("again.mlat")));
    assertThat(notRelay.exitCode()).isEqualTo(5);
    assertThat(notRelay.err()).startsWith("mlat: PACKAGE_WRONG_RECIPIENT: ");
  }

  @Test
  void postQuantumRecipientsSealAndOpen() throws Exception {
    assertThat(mlat("pki", "init", "--country", "US", "--authority", "US-DOJ", "--algorithm", "ml-dsa-65",
        "--out", p(dir.resolve("us-pq"))).exitCode()).isZero();
    Path pqTrust = dir.resolve("trust");
    copyTree(shared.resolve("fr/trust"), pqTrust);
    copyTree(dir.resolve("us-pq/trust"), pqTrust);
    Path pkg = dir.resolve("pq.mlat");
    var seal = mlat("seal", p(request), "--attach", p(order), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")),
        "--to", "US:US-DOJ", "--trust", p(pqTrust), "--out", p(pkg));
    assertThat(seal.exitCode()).as(seal.err()).isZero();
    var open = mlat("open", p(pkg), "--key", p(dir.resolve("us-pq/US-DOJ-encryption.p12")), "--trust", p(pqTrust), "--out", p(dir.resolve("o")));
    assertThat(open.exitCode()).as(open.err()).isZero();
  }

  @Test
  void theHelpListsTheNewExitCodes() {
    var r = mlat("--help");
    assertThat(r.out()).contains("seal", "verify", "open", "receipt", "relay", "  5   verification failed", "  6   transfer failed");
  }

  @Test
  void anExistingPackageIsReplacedOnlyWithForceAndOnlyByAComplete() throws Exception {
    Path out = dir.resolve("p.mlat");
    Files.writeString(out, "old");
    var refused = mlat("seal", p(request), "--attach", p(order), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")),
        "--to", "US:US-DOJ", "--trust", p(trust), "--out", p(out));
    assertThat(refused.exitCode()).isEqualTo(4);
    assertThat(refused.err()).startsWith("mlat: OUTPUT_EXISTS: ");
    var failing = mlat("seal", p(request), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")),
        "--to", "US:US-DOJ", "--trust", p(trust), "--out", p(out), "--force");
    assertThat(failing.exitCode()).isEqualTo(1);
    assertThat(out).hasContent("old");
    var replaced = mlat("seal", p(request), "--attach", p(order), "--signer", p(shared.resolve("fr/FR-MOJ-signing.p12")),
        "--to", "US:US-DOJ", "--trust", p(trust), "--out", p(out), "--force");
    assertThat(replaced.exitCode()).as(replaced.err()).isZero();
    assertThat(mlat("verify", p(out), "--trust", p(trust)).exitCode()).isZero();
    try (var left = Files.list(dir)) {
      assertThat(left.map(f -> f.getFileName().toString())).containsExactly("p.mlat");
    }
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
