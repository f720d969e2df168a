package dev.mlat.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlat.crypto.testing.ConformancePki;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.pkg.OpenResult;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.pkg.PipelineStage;
import dev.mlat.transport.pkg.ReceivedAttachment;
import dev.mlat.transport.pkg.Resend;
import dev.mlat.transport.pkg.VerifiedHeader;
import dev.mlat.transport.pkg.VerifiedPackage;
import dev.mlat.transport.receipt.VerifiedReceipt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every committed package-layer conformance vector ({@code conformance/vectors/package/<name>/},
 * docs/CONFORMANCE.md "Package vectors") the way a partner must: as the vector's reader, with its
 * key, at the vector's verification time, offline, with the committed PKI; and checks the outcome
 * (accept with the expected message and attachments, a resend, or a rejection with the expected
 * code and stage). The vectors are not regenerated here ({@link PackageConformanceVectorsGenerator}).
 */
class PackageConformanceVectorsTest {
  private static ConformancePki pki;

  @BeforeAll
  static void load() throws Exception {
    pki = ConformancePki.load(PackageVectors.root().resolve("pki"));
  }

  static Stream<String> vectors() {
    return PackageVectors.names("package").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyVectorHasTheExpectedOutcome(String name, @TempDir Path temp) throws Exception {
    Path dir = PackageVectors.packageVectors().resolve(name);
    JsonNode v = PackageVectors.read(dir);
    assertThat(v.get("name").asText()).isEqualTo(name);
    assertThat(v.get("layer").asText()).isEqualTo("package");
    assertThat(Instant.parse(v.get("verificationTime").asText())).isEqualTo(ConformancePki.VERIFICATION_TIME);
    assertThat(dir.resolve(v.get("pki").asText()).resolve("pki.json")).exists();
    assertThat(v.get("description").asText()).isNotBlank();
    assertThat(v.get("changed").asText()).isNotBlank();
    JsonNode expected = v.get("expected");
    String result = expected.get("result").asText();
    assertThat(result).isIn("accept", "reject", "resend");
    assertThat(name).startsWith(result.equals("reject") ? "reject-" : "valid-");
    String kind = v.get("kind").asText();
    if (kind.equals("receipt")) {
      runReceipt(v, dir, expected);
    } else {
      assertThat(kind).isEqualTo("package");
      runPackage(v, dir, expected, temp);
    }
  }

  private static void runPackage(JsonNode v, Path dir, JsonNode expected, Path temp) throws Exception {
    Path file = dir.resolve(v.get("input").get("package").asText());
    String result = expected.get("result").asText();
    if (result.equals("reject")) {
      var code = TransportErrorCode.valueOf(expected.get("errorCode").asText());
      int stage = expected.get("stage").asInt();
      assertThatThrownBy(() -> PackageVectors.open(pki, dir, v, file, temp)).isInstanceOfSatisfying(PackageRejectedException.class, e -> {
        assertThat(e.errorCode()).as("error code (%s)", e.getMessage()).isEqualTo(code);
        assertThat(e.stage().number()).as("stage (%s)", e.getMessage()).isEqualTo(stage);
        assertThat(PackageVectors.stageName(e.stage())).isEqualTo(expected.get("stageName").asText());
        if (expected.has("detail")) {
          assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d.code()).isEqualTo(expected.get("detail").asText()));
        }
      });
      // nothing released: no message folder in any output folder, quarantine empty
      try (var files = Files.walk(temp)) {
        assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
      }
      // a gateway (stages 1 and 2 and the entries' sizes, CRC-32 and message digest, no key) stops at the same place for those,
      // and passes the others
      if (stage <= 2 || code == TransportErrorCode.PACKAGE_ENTRY_MISMATCH) {
        assertThatThrownBy(() -> PackageVectors.gateway(pki).verifyHeader(file)).isInstanceOfSatisfying(PackageRejectedException.class,
            e -> assertThat(e.errorCode()).isEqualTo(code));
      } else {
        VerifiedHeader header = PackageVectors.gateway(pki).verifyHeader(file);
        assertThat(header.headerSha256()).isEqualTo(PackageVectors.headerSha256(file));
      }
      return;
    }
    OpenResult opened = PackageVectors.open(pki, dir, v, file, temp);
    if (result.equals("resend")) {
      assertThat(opened).isInstanceOf(Resend.class);
      Resend resend = (Resend) opened;
      assertThat(resend.header().messageId().toString()).isEqualTo(expected.get("messageId").asText());
      assertThat(resend.receipt()).isEqualTo(Files.readAllBytes(dir.resolve(expected.get("receipt").asText())));
      return;
    }
    assertThat(opened).isInstanceOf(VerifiedPackage.class);
    VerifiedPackage p = (VerifiedPackage) opened;
    assertThat(p.header().messageId().toString()).isEqualTo(expected.get("messageId").asText());
    assertThat(p.header().messageType().wireName()).isEqualTo(expected.get("messageType").asText());
    assertThat(p.message().messageType().wireName()).isEqualTo(expected.get("messageType").asText());
    assertThat(p.header().requestId().toString()).isEqualTo(expected.get("requestId").asText());
    assertThat(p.header().sender().toString()).isEqualTo(expected.get("sender").asText());
    assertThat(p.header().recipient().toString()).isEqualTo(expected.get("recipient").asText());
    assertThat(p.header().originalSender().map(Object::toString).orElse(null))
        .isEqualTo(expected.has("originalSender") ? expected.get("originalSender").asText() : null);
    assertThat(p.report().relayed()).isEqualTo(expected.has("originalSender"));
    assertThat(p.report().headerSigner().authority().map(Object::toString)).hasValue(expected.get("headerSigner").asText());
    assertThat(p.report().issuerSigners()).allSatisfy(s -> {
      assertThat(s.trust().authority().map(Object::toString)).hasValue(expected.get("issuer").asText());
      assertThat(s.trust().softFail()).isFalse();
      assertThat(s.timestamp().isPresent()).isEqualTo(expected.get("signatureTimestamp").asBoolean());
      // a timestamped signer is validated at the token's genTime, any other at the verification time
      assertThat(s.trust().validationTime())
          .isEqualTo(s.timestamp().isPresent() ? s.timestamp().get().genTime() : ConformancePki.VERIFICATION_TIME);
    });
    byte[] message = Files.readAllBytes(p.folder().resolve("message.json"));
    assertThat(message).isEqualTo(Files.readAllBytes(dir.resolve(expected.get("message").asText())));
    assertThat(PackageVectors.sha256(message)).isEqualTo(expected.get("messageSha256").asText());
    List<String> got = new ArrayList<>();
    for (ReceivedAttachment a : p.attachments()) {
      got.add(a.id() + " " + a.name() + " " + a.mediaType() + " " + a.size() + " " + PackageVectors.sha256(Files.readAllBytes(a.file())));
      assertThat(Files.size(a.file())).isEqualTo(a.size());
    }
    List<String> want = new ArrayList<>();
    for (JsonNode a : expected.get("attachments")) {
      want.add(a.get("id").asText() + " " + a.get("name").asText() + " " + a.get("mediaType").asText() + " " + a.get("size").asLong() + " "
          + a.get("sha256").asText());
    }
    assertThat(got).containsExactlyElementsOf(want);
  }

  private static void runReceipt(JsonNode v, Path dir, JsonNode expected) throws Exception {
    byte[] receipt = Files.readAllBytes(dir.resolve(v.get("input").get("receipt").asText()));
    JsonNode ack = v.get("acknowledges");
    Path acknowledged = dir.resolve(ack.get("package").asText());
    assertThat(PackageVectors.headerSha256(acknowledged)).isEqualTo(ack.get("headerSha256").asText());
    if (expected.get("result").asText().equals("reject")) {
      var code = TransportErrorCode.valueOf(expected.get("errorCode").asText());
      assertThatThrownBy(() -> PackageVectors.checkReceipt(pki, v, receipt)).isInstanceOfSatisfying(MlatTransportException.class,
          e -> assertThat(e.errorCode()).as("error code (%s)", e.getMessage()).isEqualTo(code));
      return;
    }
    VerifiedReceipt verified = PackageVectors.checkReceipt(pki, v, receipt);
    var r = verified.receipt();
    assertThat(r.status().name().toLowerCase(Locale.ROOT)).isEqualTo(expected.get("status").asText());
    assertThat(verified.accepted()).isEqualTo(expected.get("status").asText().equals("accepted"));
    assertThat(r.receiver().toString()).isEqualTo(expected.get("receiver").asText());
    assertThat(r.messageId().map(Object::toString).orElse(null)).isEqualTo(expected.get("messageId").asText(null));
    assertThat(r.headerSha256()).isEqualTo(expected.get("headerSha256").asText());
    assertThat(r.errorCode().orElse(null)).isEqualTo(expected.has("errorCode") ? expected.get("errorCode").asText() : null);
    assertThat(r.stage().orElse(null)).isEqualTo(expected.has("stage") ? expected.get("stage").asInt() : null);
    assertThat(verified.signer().authority().map(Object::toString)).hasValue(expected.get("receiver").asText());
  }

  /**
   * Codes a reader of packages and receipts can raise that no vector covers, with the reason.
   * IO_FAILURE: the operating system failed to read or write (no package content causes it).
   */
  private static final Map<TransportErrorCode, String> NOT_COVERED = Map.of(
      TransportErrorCode.IO_FAILURE, "an operating-system failure, not a property of the package bytes");

  /**
   * One invalid vector per rejection rule: every PACKAGE_ and RECEIPT_ code of mlat-transport
   * appears in a vector, except the justified {@link #NOT_COVERED}; and every pipeline stage has one.
   */
  @Test
  void theInvalidVectorsCoverEveryReaderCode() throws Exception {
    Set<TransportErrorCode> covered = EnumSet.noneOf(TransportErrorCode.class);
    Set<Integer> stages = new java.util.TreeSet<>();
    for (String name : PackageVectors.names("package")) {
      JsonNode expected = PackageVectors.read(PackageVectors.packageVectors().resolve(name)).get("expected");
      if (expected.get("result").asText().equals("reject")) {
        covered.add(TransportErrorCode.valueOf(expected.get("errorCode").asText()));
        if (expected.has("stage")) {
          stages.add(expected.get("stage").asInt());
        }
      }
    }
    var required = EnumSet.noneOf(TransportErrorCode.class);
    for (TransportErrorCode c : TransportErrorCode.values()) {
      if (c.name().startsWith("PACKAGE_") || c.name().startsWith("RECEIPT_")) {
        required.add(c);
      }
    }
    required.removeAll(NOT_COVERED.keySet());
    assertThat(covered).containsAll(required);
    assertThat(stages).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(PipelineStage.values()).hasSize(6);
  }

  @Test
  void theValidVectorsCoverEveryMessageFlowAndAlgorithmFamily() {
    assertThat(PackageVectors.names("package")).contains("valid-request", "valid-response-segmented", "valid-refusal",
        "valid-receipt-accepted", "valid-receipt-rejected", "valid-relayed-request", "valid-post-quantum", "valid-composite-kem",
        "valid-hybrid-signed", "valid-timestamped", "valid-resend");
  }

  @Test
  void theKitStaysSmall() throws Exception {
    long total = 0;
    try (var files = Files.walk(PackageVectors.root())) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        assertThat(Files.size(f)).as(f.toString()).isLessThan(1 << 20);
        total += Files.size(f);
      }
    }
    assertThat(total).as("conformance/ in bytes").isLessThan(4L << 20);
  }
}
