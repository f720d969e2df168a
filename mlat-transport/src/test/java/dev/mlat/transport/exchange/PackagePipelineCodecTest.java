package dev.mlat.transport.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.PartyId;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.SeenMessageStore;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.pkg.PackageFixture;
import dev.mlat.transport.pkg.PipelineStage;
import dev.mlat.transport.receipt.ReceiptVerifier;
import dev.mlat.transport.receipt.VerifiedReceipt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production codec's behaviour in the exchange (FR → US through a drop box, real package
 * pipeline): a resend is answered with the stored receipt and not delivered twice; the same id with
 * other bytes gets a negative receipt and changes nothing; a tampered package gets a negative
 * receipt naming the code and stage; a transient failure gives no receipt and does not consume the
 * message id.
 */
class PackagePipelineCodecTest {
  static final PartyId FR = PipelineFixture.FR;
  static final PartyId US = PipelineFixture.US;

  @TempDir Path dir;
  Clock clock;
  PipelineNode fr;
  PipelineNode us;

  @BeforeEach
  void nodes() throws Exception {
    clock = PipelineFixture.clock();
    fr = PipelineNode.dropBox(FR, US, dir, clock);
    us = PipelineNode.dropBox(US, FR, dir, clock);
  }

  @AfterEach
  void close() {
    fr.close();
    us.close();
  }

  private Path inbox(PartyId of, PartyId from) {
    return dir.resolve("box").resolve(from.identifier() + "-to-" + of.identifier());
  }

  private PackageFixture.Sample request(String attachment) {
    return PackageFixture.withAttachments(PipelineFixture.request(FR, US, UUID.randomUUID(), UUID.randomUUID()),
        List.of(attachment.getBytes(StandardCharsets.UTF_8)));
  }

  private SendTicket sendAndSettle(PackageFixture.Sample sample) throws Exception {
    SendTicket ticket = fr.service.send(sample.message(), sample.sources(), US);
    PipelineExchangeTest.exchange(() -> PipelineExchangeTest.settled(fr, ticket.messageId()), fr, us);
    return ticket;
  }

  /** What US wrote back for {@code messageId}, checked as FR's receipt for a package of {@code sha256}. */
  private VerifiedReceipt answerFromUs(String messageId, String sha256) throws Exception {
    byte[] receipt = Files.readAllBytes(inbox(FR, US).resolve(messageId + ".receipt"));
    return new ReceiptVerifier(PipelineFixture.trust(clock), clock).check(receipt, US, UUID.fromString(messageId), sha256);
  }

  @Test
  void aResendIsAnsweredWithTheStoredReceiptAndNotDeliveredTwice() throws Exception {
    SendTicket ticket = sendAndSettle(request("court order"));
    assertThat(us.delivered).hasSize(1);
    byte[] stored = us.ledger.seenMessages().find(ticket.messageId()).orElseThrow().receipt();

    Files.copy(fr.ledger.blobs().verifiedFile(ticket.packageSha256()), inbox(US, FR).resolve(ticket.messageId() + ".mlat"));
    us.service.runOnce();

    assertThat(Files.readAllBytes(inbox(FR, US).resolve(ticket.messageId() + ".receipt"))).isEqualTo(stored);
    assertThat(us.delivered).hasSize(1);
    assertThat(us.service.status(ticket.requestId()).incoming()).hasSize(1);
    assertThat(answerFromUs(ticket.messageId(), ticket.headerSha256()).accepted()).isTrue();
  }

  @Test
  void theSameIdWithOtherBytesGetsANegativeReceiptAndChangesNothing() throws Exception {
    PackageFixture.Sample first = request("court order");
    SendTicket ticket = sendAndSettle(first);
    String inboxDigest = us.ledger.inboxEntry(ticket.messageId()).orElseThrow().packageSha256();

    // the same message id sealed again: new attachment keys and signatures, so other bytes
    Path other = Files.createDirectories(dir.resolve("other"));
    SealedPackage again = fr.codec.seal(first.message(), first.sources(), US, other);
    assertThat(again.headerSha256()).isNotEqualTo(ticket.headerSha256());
    Files.copy(again.file(), inbox(US, FR).resolve(ticket.messageId() + ".mlat"));
    us.service.runOnce();

    VerifiedReceipt answer = answerFromUs(ticket.messageId(), again.headerSha256());
    assertThat(answer.accepted()).isFalse();
    assertThat(answer.receipt().errorCode()).contains(TransportErrorCode.PACKAGE_RESEND_CONFLICT.code());
    assertThat(answer.receipt().stage()).contains(PipelineStage.ENTRIES.number());
    assertThat(us.delivered).hasSize(1);
    assertThat(us.ledger.inboxEntry(ticket.messageId()).orElseThrow().packageSha256()).isEqualTo(inboxDigest);
    assertThat(us.ledger.seenMessages().find(ticket.messageId()).orElseThrow().sameBytes(ticket.headerSha256())).isTrue();
  }

  @Test
  void aTamperedPackageGetsANegativeReceiptWithItsCodeAndStage() throws Exception {
    PackageFixture.Sample sample = request("court order");
    Path out = Files.createDirectories(dir.resolve("sealed"));
    SealedPackage sealed = fr.codec.seal(sample.message(), sample.sources(), US, out);
    byte[] bytes = Files.readAllBytes(sealed.file());
    int at = indexOf(bytes, "message.p7m".getBytes(StandardCharsets.US_ASCII)) + 200; // inside message.p7m's data
    bytes[at] ^= 0x01;
    Path tampered = inbox(US, FR).resolve(sealed.messageId() + ".mlat");
    Files.write(tampered, bytes);
    // the bit is inside message.p7m's bytes, not in the header: the receipt names the header digest
    String tamperedSha = sealed.headerSha256();

    us.service.runOnce();

    VerifiedReceipt answer = answerFromUs(sealed.messageId(), tamperedSha);
    assertThat(answer.accepted()).isFalse();
    assertThat(answer.receipt().errorCode()).contains(TransportErrorCode.PACKAGE_ENTRY_MISMATCH.code());
    assertThat(answer.receipt().stage()).contains(PipelineStage.ENTRIES.number());
    assertThat(answer.receipt().auditHead()).isPresent();
    assertThat(us.delivered).isEmpty();
    assertThat(us.ledger.inboxEntry(sealed.messageId())).isEmpty();
    assertThat(Files.exists(tampered)).isFalse();
  }

  @Test
  void openingWritesOnlyTheAttachmentsAndNothingForAMessageWithout() throws Exception {
    Path out = Files.createDirectories(dir.resolve("sealed"));
    PackageFixture.Sample withOne = request("court order");
    SealedPackage one = fr.codec.seal(withOne.message(), withOne.sources(), US, out);
    Path open = Files.createDirectories(dir.resolve("open"));
    OpenResult.Accepted accepted = (OpenResult.Accepted) us.codec.open(one.file(), open, us.ledger.seenMessages());
    assertThat(accepted.message()).isEqualTo(withOne.message());
    Path folder = open.resolve(withOne.message().header().messageId().toString());
    try (var written = Files.list(folder)) { // no message.json, no message.p7s: the service stores the message itself
      assertThat(written.map(p -> p.getFileName().toString())).containsExactly("attachments");
    }
    assertThat(accepted.attachments()).singleElement()
        .satisfies(a -> assertThat(Files.readString(a.file())).isEqualTo("court order"));

    var referring = PipelineFixture.request(FR, US, UUID.randomUUID(), UUID.randomUUID());
    var without = new dev.mlat.core.model.message.RequestMessage(referring.header(),
        referring.request().toBuilder().attachments(List.of()).build());
    SealedPackage none = fr.codec.seal(without, List.of(), US, out);
    Path empty = Files.createDirectories(dir.resolve("open-none"));
    OpenResult.Accepted bare = (OpenResult.Accepted) us.codec.open(none.file(), empty, us.ledger.seenMessages());
    assertThat(bare.message()).isEqualTo(without);
    assertThat(bare.attachments()).isEmpty();
    try (var written = Files.list(empty)) {
      assertThat(written).as("nothing written").isEmpty();
    }
  }

  @Test
  void aTransientFailureGivesNoReceiptAndDoesNotConsumeTheMessageId() throws Exception {
    PackageFixture.Sample sample = request("court order");
    Path out = Files.createDirectories(dir.resolve("sealed"));
    SealedPackage sealed = fr.codec.seal(sample.message(), sample.sources(), US, out);

    // the ledger's store cannot be reached: thrown, not a rejection
    SeenMessageStore down = new SeenMessageStore() {
      @Override
      public Optional<SeenMessage> find(String messageId) throws MlatTransportException {
        throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE, "database down");
      }

      @Override
      public SeenMessage recordIfAbsent(SeenMessage seen) throws MlatTransportException {
        throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE, "database down");
      }
    };
    Path open = Files.createDirectories(dir.resolve("open"));
    assertThatThrownBy(() -> us.codec.open(sealed.file(), open, down))
        .isInstanceOf(MlatTransportException.class)
        .isNotInstanceOf(dev.mlat.transport.pkg.PackageRejectedException.class)
        .hasFieldOrPropertyWithValue("errorCode", TransportErrorCode.LEDGER_UNAVAILABLE);

    // the same through the service: the first attempt fails transiently, the package stays, no receipt
    AtomicBoolean failOnce = new AtomicBoolean(true);
    PackageCodec flaky = new ExchangeServiceTest.DelegatingCodec(us.codec) {
      @Override
      public OpenResult open(Path file, Path directory, SeenMessageStore seen) throws MlatTransportException {
        if (failOnce.getAndSet(false)) {
          throw new MlatTransportException(TransportErrorCode.EXCHANGE_TEMPORARY_FAILURE, "HSM unreachable");
        }
        return super.open(file, directory, seen);
      }
    };
    ExchangeService service = ExchangeService.builder(us.ledger, flaky,
        dev.mlat.transport.dropbox.DropBox.builder().partner(FR, inbox(FR, US), inbox(US, FR)).build(), dir.resolve("w2"))
        .handler((d, tx) -> us.delivered.add(d)).build();
    Path file = inbox(US, FR).resolve(sealed.messageId() + ".mlat");
    Files.copy(sealed.file(), file, StandardCopyOption.REPLACE_EXISTING);
    service.runOnce();
    assertThat(Files.exists(file)).isTrue();
    assertThat(Files.exists(inbox(FR, US).resolve(sealed.messageId() + ".receipt"))).isFalse();
    assertThat(us.ledger.seenMessages().find(sealed.messageId())).isEmpty();

    service.runOnce();
    assertThat(answerFromUs(sealed.messageId(), sealed.headerSha256()).accepted()).isTrue();
    assertThat(us.delivered).hasSize(1);
    assertThat(Files.exists(file)).isFalse();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }
}
