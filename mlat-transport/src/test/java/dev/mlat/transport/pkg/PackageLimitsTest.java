package dev.mlat.transport.pkg;

import static dev.mlat.transport.pkg.PackageFixture.CLOCK;
import static dev.mlat.transport.pkg.PackageFixture.bytes;
import static dev.mlat.transport.pkg.PackageFixture.party;
import static dev.mlat.transport.pkg.PackageFixture.sealer;
import static dev.mlat.transport.pkg.PackageFixture.signer;
import static dev.mlat.transport.pkg.PackageFixture.withAttachments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.PartyId;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.core.validation.Level;
import dev.mlat.transport.TransportErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@link PackageLimits} setting holds (docs/LIMITS.md, "Packages"). */
class PackageLimitsTest {
  static final PartyId FR = party("FR:FR-MOJ-BEPI");
  static final PartyId DE = party("DE:DE-BFJ");

  @TempDir
  Path dir;

  private Path sealed() throws Exception {
    Path file = dir.resolve("p.mlat");
    if (!Files.exists(file)) {
      // the fourth sample (an additional information) with three attachments
      var s = withAttachments(SampleMessages.oneOfEach().get(4), List.of(bytes(100, 1), bytes(200, 2), bytes(300, 3)));
      sealer(FR).seal(s.message(), s.sources(), file);
    }
    return file;
  }

  private void assertLimit(UnaryOperator<PackageLimits> change, Clock clock, TransportErrorCode code, PipelineStage stage)
      throws Exception {
    var opener = PackageOpener.builder(DE, PackageFixture.keyRing(DE), PackageFixture.TRUST, new InMemorySeenMessageStore())
        .clock(clock).quarantine(dir.resolve("q")).requestLevel(Level.DRAFT).limits(change.apply(PackageLimits.defaults())).build();
    Path out = Files.createDirectory(dir.resolve("out-" + UUID.randomUUID()));
    assertThatThrownBy(() -> opener.open(sealed(), out)).isInstanceOfSatisfying(PackageRejectedException.class, e -> {
      assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
      assertThat(e.stage()).isEqualTo(stage);
    });
    // and the defaults accept the same package
    var defaults = PackageOpener.builder(DE, PackageFixture.keyRing(DE), PackageFixture.TRUST, new InMemorySeenMessageStore())
        .clock(CLOCK).quarantine(dir.resolve("q2")).requestLevel(Level.DRAFT).build();
    assertThat(defaults.open(sealed(), Files.createDirectory(dir.resolve("ok-" + UUID.randomUUID())))).isInstanceOf(VerifiedPackage.class);
  }

  @Test
  void maxPackageBytes() throws Exception {
    assertLimit(l -> l.withMaxPackageBytes(1000), CLOCK, TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, PipelineStage.STRUCTURE);
  }

  @Test
  void maxEntries() throws Exception {
    assertLimit(l -> l.withMaxEntries(6), CLOCK, TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, PipelineStage.STRUCTURE);
  }

  @Test
  void maxAttachments() throws Exception {
    assertLimit(l -> l.withMaxAttachments(2), CLOCK, TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, PipelineStage.STRUCTURE);
  }

  /**
   * The defaults fit together: a package with the most attachments the defaults allow has a
   * header.json (about 142 bytes per entry) within the default maxHeaderBytes, so what a default
   * sealer writes a default opener accepts (64 KiB was too small for 1,000 attachments).
   */
  @Test
  void aPackageWithTheMostAttachmentsTheDefaultsAllowOpensUnderTheDefaults() throws Exception {
    int count = PackageLimits.defaults().maxAttachments();
    List<byte[]> contents = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      contents.add(bytes(1 + i % 7, i));
    }
    var s = withAttachments(SampleMessages.oneOfEach().get(4), contents);
    Path file = dir.resolve("many.mlat");
    sealer(FR).seal(s.message(), s.sources(), file);
    var opener = PackageOpener.builder(DE, PackageFixture.keyRing(DE), PackageFixture.TRUST, new InMemorySeenMessageStore())
        .clock(CLOCK).quarantine(dir.resolve("q3")).requestLevel(Level.DRAFT).build();
    var result = opener.open(file, Files.createDirectory(dir.resolve("many-out")));
    assertThat(result).isInstanceOf(VerifiedPackage.class);
    assertThat(((VerifiedPackage) result).attachments()).hasSize(count);
  }

  @Test
  void maxHeaderBytes() throws Exception {
    assertLimit(l -> l.withMaxHeaderBytes(200), CLOCK, TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, PipelineStage.STRUCTURE);
  }

  @Test
  void maxHeaderSignatureBytes() throws Exception {
    assertLimit(l -> l.withMaxHeaderSignatureBytes(200), CLOCK, TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, PipelineStage.STRUCTURE);
  }

  @Test
  void maxMessageBytes() throws Exception {
    assertLimit(l -> l.withMaxMessageBytes(1000), CLOCK, TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, PipelineStage.STRUCTURE);
  }

  @Test
  void maxAttachmentEntryBytes() throws Exception {
    assertLimit(l -> l.withMaxAttachmentEntryBytes(200), CLOCK, TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, PipelineStage.STRUCTURE);
  }

  @Test
  void maxClockSkewSeconds() throws Exception {
    var earlier = Clock.fixed(CLOCK.instant().minus(Duration.ofSeconds(120)), ZoneOffset.UTC);
    assertLimit(l -> l.withMaxClockSkewSeconds(60), earlier, TransportErrorCode.PACKAGE_NOT_YET_VALID, PipelineStage.ENTRIES);
  }

  @Test
  void limitsRejectNonsense() {
    assertThatThrownBy(() -> PackageLimits.defaults().withMaxEntries(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PackageLimits.defaults().withMaxClockSkewSeconds(7200)).isInstanceOf(IllegalArgumentException.class);
  }
}
