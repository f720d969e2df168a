package dev.mlat.transport.pkg;

import static dev.mlat.transport.pkg.PackageFixture.CLOCK;
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
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.TransportErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opener compares every entry's bytes with its ZIP CRC-32 (PackageOpener, stage 3, with the
 * CRC-32 of the attachment entries taken from the bytes the segment decryption reads at stage 6,
 * and from a pass over the file before any other refusal is reported): these tests hold that the
 * outcome is the one of the pipeline run in order (a damaged entry is refused at stage 3 whatever
 * else fails), that nothing is released before the CRC-32 matched, and that no helper thread
 * outlives a call (the opener starts none for this; the segment engine's digest lane ends with
 * each attachment).
 */
class PackageOpenerDigestPassTest {
  static final PartyId FR_MOJ = party("FR:FR-MOJ-BEPI");
  static final PartyId DE_BFJ = party("DE:DE-BFJ");
  /** Many segments, past the digest lane's inline part (1 MiB): the lane runs on its own thread. */
  static final int LARGE = (9 << 20) + 17;
  static final Set<String> DIGEST_THREADS = Set.of("mlat-package-digests", "mlat-package-digest", "mlat-entry-digest",
      "mlat-plaintext-digest");

  @TempDir
  Path dir;

  @AfterEach
  void noDigestThreadOutlivesTheCall() throws InterruptedException {
    // cancelled passes end when they see the interrupt; give them a moment, then none may be left
    for (int i = 0; i < 100 && !digestThreads().isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertThat(digestThreads()).isEmpty();
  }

  private static Set<String> digestThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(DIGEST_THREADS::contains).collect(Collectors.toSet());
  }

  private Path sealLarge(Duration validity) throws Exception {
    var s = withAttachments(SampleMessages.request(), List.of(bytes(LARGE, 7), bytes(3000, 8)));
    Path file = dir.resolve("large-" + UUID.randomUUID() + ".mlat");
    PackageSealer.builder(PackageFixture.POLICY, CLOCK).issuer(FR_MOJ, signer(FR_MOJ)).trust(PackageFixture.TRUST)
        .validity(validity).build().seal(s.message(), s.sources(), file);
    return file;
  }

  /** Damages the large attachment in the middle (its recorded CRC-32 no longer matches). */
  private static Path tamperLargeAttachment(Path file, Path out) throws Exception {
    return PackageSurgery.damage(file, out, "attachments/1", LARGE / 2);
  }

  private void assertRejected(Path file, PackageOpener opener, TransportErrorCode code) throws Exception {
    Path out = Files.createDirectory(dir.resolve("out-" + UUID.randomUUID()));
    assertThatThrownBy(() -> opener.open(file, out)).isInstanceOfSatisfying(PackageRejectedException.class, e -> {
      assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
      assertThat(e.stage()).as(e.getMessage()).isEqualTo(PipelineStage.ENTRIES);
      assertThat(e.headerSha256()).as("the rejection names the package").isPresent();
    });
    assertThat(Files.list(out)).as("nothing released").isEmpty();
    assertThat(Files.list(dir.resolve("q"))).as("no quarantine left").isEmpty();
  }

  @Test
  void aLargePackageOpensAndNamesItsHeaderDigest() throws Exception {
    Path file = sealLarge(Duration.ofDays(1));
    var sealed = PackageFixture.headerSha256(file);
    Path out = Files.createDirectory(dir.resolve("out"));
    VerifiedPackage v = (VerifiedPackage) opener(DE_BFJ, dir.resolve("q")).open(file, out);
    assertThat(v.headerSha256()).isEqualTo(sealed);
    assertThat(Files.readAllBytes(v.attachments().get(0).file())).isEqualTo(bytes(LARGE, 7));
    assertThat(new PackageGateway(PackageFixture.TRUST, CLOCK, PackageLimits.defaults()).verifyHeader(file).headerSha256())
        .isEqualTo(sealed);
  }

  @Test
  void aTamperedLargeAttachmentIsRefusedAtStage3NotAtDecryption() throws Exception {
    Path bad = tamperLargeAttachment(sealLarge(Duration.ofDays(1)), dir.resolve("bad.mlat"));
    assertRejected(bad, opener(DE_BFJ, dir.resolve("q")), TransportErrorCode.PACKAGE_ENTRY_MISMATCH);
  }

  @Test
  void anAttachmentWhoseRecordedCrcIsWrongIsRefusedAtStage3ThoughEverySegmentAuthenticates() throws Exception {
    // the bytes are the sealed ones (the segments, the manifest and the plaintext digest all pass):
    // only the CRC-32 taken from the bytes the decryption read can tell
    Path bad = PackageFixture.recordedCrcChanged(sealLarge(Duration.ofDays(1)), dir.resolve("bad.mlat"), "attachments/1");
    assertRejected(bad, opener(DE_BFJ, dir.resolve("q")), TransportErrorCode.PACKAGE_ENTRY_MISMATCH);
  }

  @Test
  void aSmallEntryWhoseRecordedCrcIsWrongIsRefusedAtStage3ThoughItsSignatureVerifies() throws Exception {
    Path file = sealLarge(Duration.ofDays(1));
    for (String name : List.of("header.p7s", "header.json", "message.p7m", "mimetype", "attachments/2")) {
      Path bad = PackageFixture.recordedCrcChanged(file, dir.resolve("bad-" + UUID.randomUUID() + ".mlat"), name);
      assertRejected(bad, opener(DE_BFJ, dir.resolve("q")), TransportErrorCode.PACKAGE_ENTRY_MISMATCH);
    }
  }

  @Test
  void anEntryThatDoesNotMatchWinsOverExpiry() throws Exception {
    Path bad = tamperLargeAttachment(sealLarge(Duration.ofMinutes(1)), dir.resolve("bad.mlat"));
    var later = Clock.fixed(CLOCK.instant().plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
    var opener = PackageOpener.builder(DE_BFJ, PackageFixture.keyRing(DE_BFJ), PackageFixture.TRUST, new InMemorySeenMessageStore())
        .clock(later).quarantine(dir.resolve("q")).requestLevel(dev.mlat.core.validation.Level.DRAFT).build();
    assertRejected(bad, opener, TransportErrorCode.PACKAGE_ENTRY_MISMATCH);
  }

  @Test
  void aTamperedCopyOfAMessageSeenBeforeIsAMismatchNotAResend() throws Exception {
    Path file = sealLarge(Duration.ofDays(1));
    var store = new InMemorySeenMessageStore();
    var opener = opener(DE_BFJ, store, dir.resolve("q"));
    var first = (VerifiedPackage) opener.open(file, Files.createDirectory(dir.resolve("o")));
    store.recordIfAbsent(new SeenMessage(first.header().messageId().toString(), first.headerSha256(), new byte[] {1}, CLOCK.instant()));
    assertThat(opener.open(file, dir.resolve("o"))).isInstanceOf(Resend.class);
    assertRejected(tamperLargeAttachment(file, dir.resolve("bad.mlat")), opener, TransportErrorCode.PACKAGE_ENTRY_MISMATCH);
    // altered with a CRC made right, under the same signed header: the same package as far as
    // the resend rule can tell (docs/FORMAT.md): answered with the stored receipt, nothing delivered
    Path altered = PackageSurgery.replace(file, dir.resolve("altered.mlat"), "attachments/1", b -> PackageSurgery.flip(b, b.length / 2));
    Path out = Files.createDirectory(dir.resolve("o2"));
    assertThat(opener.open(altered, out)).isInstanceOf(Resend.class);
    assertThat(Files.list(out)).as("nothing delivered").isEmpty();
  }
}
