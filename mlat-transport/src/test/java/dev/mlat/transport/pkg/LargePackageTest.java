package dev.mlat.transport.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.PartyId;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.core.validation.Level;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package over 4 GiB (ZIP64 sizes and offsets) round-trips, built from a generated stream; the
 * files are deleted at the end. The slowest test of the module (about a minute on 2 shared cores).
 */
class LargePackageTest {
  private static final long SIZE = (4L << 30) + 12_345;

  @TempDir
  Path dir;

  /** A stream of {@code length} pseudo-random-looking bytes, cheap to generate. */
  static InputStream generated(long length) {
    return new InputStream() {
      private long position;
      private long state = 0x9E3779B97F4A7C15L;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= length) {
          return -1;
        }
        int n = (int) Math.min(len, length - position);
        for (int i = 0; i < n; i++) {
          if ((position & 7) == 0) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
          }
          b[off + i] = (byte) (state >>> ((position & 7) << 3));
          position++;
        }
        return n;
      }
    };
  }

  @Test
  void aPackageOverFourGibibytesUsesZip64AndRoundTrips() throws Exception {
    PartyId de = PackageFixture.party("DE:DE-BFJ"); // the status update goes from DE to FR
    PartyId fr = PackageFixture.party("FR:FR-MOJ-BEPI");
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    var message = SampleMessages.oneOfEach().get(2); // a status update: no attachment references
    var source = AttachmentSource.ofStream("E1", "disk-image.raw", "application/octet-stream",
        () -> new DigestInputStream(generated(SIZE), expected));
    Path file = dir.resolve("large.mlat");
    try {
      SealedPackage sealed = PackageFixture.sealer(de).seal(message, List.of(source), file);
      assertThat(sealed.size()).isGreaterThan(0xFFFFFFFFL);
      try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
        assertThat(zip.getEntry("attachments/1").getSize()).isGreaterThan(0xFFFFFFFFL);
      }
      var opener = PackageOpener.builder(fr, PackageFixture.keyRing(fr), PackageFixture.TRUST, new InMemorySeenMessageStore())
          .clock(PackageFixture.CLOCK).quarantine(dir.resolve("q")).requestLevel(Level.DRAFT).build();
      var opened = (VerifiedPackage) opener.open(file, Files.createDirectory(dir.resolve("out")));
      ReceivedAttachment a = opened.attachments().get(0);
      assertThat(a.size()).isEqualTo(SIZE);
      assertThat(Files.size(a.file())).isEqualTo(SIZE);
      assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
      assertThat(opened.headerSha256()).isEqualTo(sealed.headerSha256());
    } finally {
      dev.mlat.transport.pkg.internal.PackageFiles.deleteQuietly(file);
      dev.mlat.transport.pkg.internal.PackageFiles.deleteQuietly(dir.resolve("out"));
    }
  }
}
