package dev.mlat.transport.pkg;

import static dev.mlat.transport.pkg.PackageFixture.bytes;
import static dev.mlat.transport.pkg.PackageFixture.party;
import static dev.mlat.transport.pkg.PackageFixture.sealer;
import static dev.mlat.transport.pkg.PackageFixture.withAttachments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.PartyId;
import dev.mlat.core.testing.SampleMessages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageSealerTest {
  static final PartyId FR = party("FR:FR-MOJ-BEPI");
  static final PartyId DE = party("DE:DE-BFJ");

  @TempDir
  Path dir;

  @Test
  void sealsIntoAStreamAndFromFiles() throws Exception {
    Path evidence = Files.write(dir.resolve("letter.txt"), bytes(777, 7));
    var message = SampleMessages.oneOfEach().get(9); // a withdrawal: no references, any attachment
    var out = new ByteArrayOutputStream();
    SealedPackage sealed = PackageSealer.builder(PackageFixture.POLICY, PackageFixture.CLOCK).issuer(FR, PackageFixture.signer(FR))
        .trust(PackageFixture.TRUST).temporaryFolder(dir).build()
        .seal(message, List.of(AttachmentSource.ofFile("L1", evidence, "text/plain")), out);
    Path file = Files.write(dir.resolve("p.mlat"), out.toByteArray());
    assertThat(sealed.size()).isEqualTo(out.size());
    var opened = (VerifiedPackage) PackageFixture.opener(DE, dir.resolve("q")).open(file, Files.createDirectory(dir.resolve("o")));
    assertThat(opened.attachments().get(0).name()).isEqualTo("letter.txt");
    assertThat(Files.readAllBytes(opened.attachments().get(0).file())).isEqualTo(Files.readAllBytes(evidence));
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("letter.txt", "p.mlat", "q", "o");
    }
  }

  @Test
  void callerMistakesAreRefusedBeforeAnythingIsWritten() throws Exception {
    var s = withAttachments(SampleMessages.request(), List.of(bytes(10, 1)));
    assertThatThrownBy(() -> sealer(DE).seal(s.message(), s.sources(), dir.resolve("a.mlat")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("this sealer signs for");
    var twice = List.of(s.sources().get(0), s.sources().get(0));
    assertThatThrownBy(() -> sealer(FR).seal(s.message(), twice, dir.resolve("a.mlat")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
    Files.write(dir.resolve("exists.mlat"), new byte[] {1});
    assertThatThrownBy(() -> sealer(FR).seal(s.message(), s.sources(), dir.resolve("exists.mlat")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already");
    assertThatThrownBy(() -> AttachmentSource.ofStream("../x", "x", "text/plain", () -> new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AttachmentSource.ofStream("A1", "x", "Text/Plain; charset=utf-8", () -> new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PackageSealer.builder(PackageFixture.POLICY, PackageFixture.CLOCK).build())
        .isInstanceOf(IllegalStateException.class);
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("exists.mlat");
    }
  }
}
