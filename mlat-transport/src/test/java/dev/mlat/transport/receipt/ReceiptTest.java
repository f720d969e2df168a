package dev.mlat.transport.receipt;

import dev.mlat.transport.AuditHead;
import static dev.mlat.transport.pkg.PackageFixture.CLOCK;
import static dev.mlat.transport.pkg.PackageFixture.TRUST;
import static dev.mlat.transport.pkg.PackageFixture.bytes;
import static dev.mlat.transport.pkg.PackageFixture.opener;
import static dev.mlat.transport.pkg.PackageFixture.party;
import static dev.mlat.transport.pkg.PackageFixture.sealer;
import static dev.mlat.transport.pkg.PackageFixture.signer;
import static dev.mlat.transport.pkg.PackageFixture.withAttachments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.PartyId;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.pkg.InMemorySeenMessageStore;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.pkg.PipelineStage;
import dev.mlat.transport.pkg.Resend;
import dev.mlat.transport.pkg.SealedPackage;
import dev.mlat.transport.pkg.VerifiedPackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptTest {
  static final PartyId FR = party("FR:FR-MOJ-BEPI");
  static final PartyId DE = party("DE:DE-BFJ");

  @TempDir
  Path dir;

  private SealedPackage sent;
  private VerifiedPackage received;
  private InMemorySeenMessageStore store = new InMemorySeenMessageStore();

  private void deliver() throws Exception {
    var s = withAttachments(SampleMessages.request(), List.of(bytes(2000, 3)));
    Path file = dir.resolve("p.mlat");
    sent = sealer(FR).seal(s.message(), s.sources(), file);
    received = (VerifiedPackage) opener(DE, store, dir.resolve("q")).open(file, Files.createDirectory(dir.resolve("out")));
  }

  private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, TransportErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MlatTransportException.class, e -> assertThat(e.errorCode()).as(e.getMessage())
        .isEqualTo(code));
  }

  @Test
  void aPositiveReceiptVerifiesAgainstWhatWasSentAndAResendGetsTheSameOne() throws Exception {
    deliver();
    var issuer = new ReceiptIssuer(DE, signer(DE), CLOCK);
    var head = new AuditHead(41, "ab".repeat(32), new byte[] {5, 6, 7});
    byte[] receipt = issuer.accepted(received, Optional.of(head));
    assertThat(issuer.record(store, received, receipt).receipt()).isEqualTo(receipt);

    VerifiedReceipt v = new ReceiptVerifier(TRUST, CLOCK).check(receipt, sent);
    assertThat(v.accepted()).isTrue();
    assertThat(v.receipt().messageId()).contains(sent.messageId());
    assertThat(v.receipt().headerSha256()).isEqualTo(sent.headerSha256());
    assertThat(v.receipt().auditHead()).contains(head);
    assertThat(v.signer().authority()).contains(DE);

    var again = opener(DE, store, dir.resolve("q")).open(dir.resolve("p.mlat"), Files.createDirectory(dir.resolve("out2")));
    assertThat(issuer.resend((Resend) again)).isEqualTo(receipt);
  }

  @Test
  void aReceiptForOtherBytesOrAnotherMessageIsAMismatch() throws Exception {
    deliver();
    byte[] receipt = new ReceiptIssuer(DE, signer(DE), CLOCK).accepted(received, Optional.empty());
    var verifier = new ReceiptVerifier(TRUST, CLOCK);
    assertCode(() -> verifier.check(receipt, DE, sent.messageId(), "00".repeat(32)), TransportErrorCode.RECEIPT_MISMATCH);
    assertCode(() -> verifier.check(receipt, DE, UUID.randomUUID(), sent.headerSha256()), TransportErrorCode.RECEIPT_MISMATCH);
  }

  @Test
  void aReceiptSignedBySomeoneElseOrAlteredIsRefused() throws Exception {
    deliver();
    // FR-PROS signs a receipt claiming to be from DE: trust for DE fails
    byte[] forged = new ReceiptIssuer(DE, signer(party("FR:FR-PROS")), CLOCK).accepted(received, Optional.empty());
    var verifier = new ReceiptVerifier(TRUST, CLOCK);
    assertCode(() -> verifier.check(forged, sent), TransportErrorCode.RECEIPT_SIGNATURE_INVALID);
    byte[] receipt = new ReceiptIssuer(DE, signer(DE), CLOCK).accepted(received, Optional.empty());
    byte[] altered = receipt.clone();
    int at = new String(receipt, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("accepted");
    altered[at] = 'A';
    assertCode(() -> verifier.check(altered, sent), TransportErrorCode.RECEIPT_SIGNATURE_INVALID);
    assertCode(() -> verifier.check(new byte[] {0x30, 0x03, 1, 2, 3}, sent), TransportErrorCode.RECEIPT_MALFORMED);
    assertCode(() -> verifier.check(new byte[70_000], sent), TransportErrorCode.RECEIPT_MALFORMED);
  }

  @Test
  void aNegativeReceiptNamesTheCodeAndStage() throws Exception {
    var s = withAttachments(SampleMessages.request(), List.of());
    Path file = dir.resolve("p.mlat");
    sent = sealer(FR).seal(s.message(), s.sources(), file);
    var rejection = new PackageRejectedException(TransportErrorCode.PACKAGE_EXPIRED, PipelineStage.ENTRIES, "expired");
    byte[] receipt = new ReceiptIssuer(DE, signer(DE), CLOCK).rejected(rejection, Optional.of(sent.messageId()), Optional.of(FR),
        sent.headerSha256(), Optional.empty());
    VerifiedReceipt v = new ReceiptVerifier(TRUST, CLOCK).check(receipt, sent);
    assertThat(v.accepted()).isFalse();
    assertThat(v.receipt().errorCode()).contains("PACKAGE_EXPIRED");
    assertThat(v.receipt().stage()).contains(3);
  }

  @Test
  void aNegativeReceiptFromTheOpenersRejectionNamesTheVerifiedHeader() throws Exception {
    var s = withAttachments(SampleMessages.request(), List.of());
    Path file = dir.resolve("p.mlat");
    sent = sealer(FR).seal(s.message(), s.sources(), file);
    // opened by the wrong party: refused at stage 3, after the header's signature was verified
    var opener = opener(party("FR:FR-PROS"), store, dir.resolve("q"));
    PackageRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(PackageRejectedException.class,
        () -> opener.open(file, Files.createDirectory(dir.resolve("out"))));
    assertThat(e.header().map(h -> h.messageId())).contains(sent.messageId());
    assertThat(e.headerSha256()).contains(sent.headerSha256());
    byte[] receipt = new ReceiptIssuer(party("FR:FR-PROS"), signer(party("FR:FR-PROS")), CLOCK)
        .rejected(e, "ff".repeat(32), Optional.empty());
    VerifiedReceipt v = new ReceiptVerifier(TRUST, CLOCK).check(receipt, party("FR:FR-PROS"), sent.messageId(), sent.headerSha256());
    assertThat(v.receipt().errorCode()).contains("PACKAGE_WRONG_RECIPIENT");
    assertThat(v.receipt().sender()).contains(FR);
  }

  @Test
  void anAuditHeadSignatureOverItsBoundIsMalformedAndOneAtItIsRead() throws Exception {
    String template = "{\"format\":\"mlat-receipt\",\"formatVersion\":2,\"receiptId\":\"5a3c9e1d-0000-4000-8000-000000000001\","
        + "\"status\":\"rejected\",\"headerSha256\":\"" + "ab".repeat(32) + "\",\"receiver\":\"DE:DE-BFJ\","
        + "\"received\":\"2026-11-25T13:41:07Z\",\"errorCode\":\"PACKAGE_EXPIRED\",\"stage\":3,"
        + "\"auditHead\":{\"sequence\":4,\"sha256\":\"" + "cd".repeat(32) + "\",\"signature\":\"%s\"}}";
    int max = dev.mlat.transport.receipt.internal.ReceiptJson.MAX_AUDIT_HEAD_SIGNATURE_BYTES;
    String atBound = java.util.Base64.getEncoder().encodeToString(new byte[max]);
    String over = java.util.Base64.getEncoder().encodeToString(new byte[max + 1]);
    assertThat(dev.mlat.transport.receipt.internal.ReceiptJson.read(String.format(template, atBound)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).auditHead().orElseThrow().signature()).hasSize(max);
    assertThatThrownBy(() -> dev.mlat.transport.receipt.internal.ReceiptJson.read(String.format(template, over)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(dev.mlat.transport.pkg.internal.StrictJson.Bad.class).hasMessageContaining("auditHead.signature");
  }

  @Test
  void aReceiptOfFormat1IsRefused() {
    // format 1 named the package by the SHA-256 of its whole file (packageSha256)
    String v2 = "{\"format\":\"mlat-receipt\",\"formatVersion\":2,\"receiptId\":\"5a3c9e1d-0000-4000-8000-000000000001\","
        + "\"status\":\"rejected\",\"headerSha256\":\"" + "ab".repeat(32) + "\",\"receiver\":\"DE:DE-BFJ\","
        + "\"received\":\"2026-11-25T13:41:07Z\",\"errorCode\":\"PACKAGE_EXPIRED\",\"stage\":3}";
    assertThat(assertReads(v2).headerSha256()).isEqualTo("ab".repeat(32));
    for (String v1 : java.util.List.of(v2.replace("\"formatVersion\":2", "\"formatVersion\":1"),
        v2.replace("\"formatVersion\":2", "\"formatVersion\":1").replace("headerSha256", "packageSha256"),
        v2.replace("headerSha256", "packageSha256"))) {
      assertThatThrownBy(() -> dev.mlat.transport.receipt.internal.ReceiptJson.read(v1.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .as(v1).isInstanceOf(dev.mlat.transport.pkg.internal.StrictJson.Bad.class);
    }
  }

  private static Receipt assertReads(String json) {
    try {
      return dev.mlat.transport.receipt.internal.ReceiptJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (dev.mlat.transport.pkg.internal.StrictJson.Bad e) {
      throw new AssertionError(e);
    }
  }
}
