package dev.mlat.transport.pkg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.PartyId;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.transport.pkg.PackageFixture;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.pkg.PackageRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small package is read into memory and checked there: the same outcome (entries, or the same
 * refusal with the same code and reason) as reading it from the file, for valid and for damaged
 * ZIP files.
 */
class ZipStructureTest {
  static final PartyId FR_MOJ = PackageFixture.party("FR:FR-MOJ-BEPI");

  @TempDir
  Path dir;

  byte[] withAttachments;
  byte[] withoutAttachments;

  @BeforeEach
  void seal() throws Exception {
    var s = PackageFixture.withAttachments(SampleMessages.request(), List.of(PackageFixture.bytes(3000, 1), new byte[] {1, 2, 3}));
    Path file = dir.resolve("a.mlat");
    PackageFixture.sealer(FR_MOJ).seal(s.message(), s.sources(), file);
    withAttachments = Files.readAllBytes(file);
    var none = PackageFixture.withAttachments(SampleMessages.request(), List.of());
    Path other = dir.resolve("b.mlat");
    PackageFixture.sealer(FR_MOJ).seal(none.message(), none.sources(), other);
    withoutAttachments = Files.readAllBytes(other);
  }

  /** What reading gives: the entries, or the refusal's code and reason, or the failure's class. */
  private String outcome(Path file, long inMemoryMaxBytes) {
    try {
      ZipStructure s = ZipStructure.read(file, PackageLimits.defaults(), inMemoryMaxBytes);
      assertThat(s.inMemory()).isEqualTo(Files.size(file) <= inMemoryMaxBytes);
      StringBuilder b = new StringBuilder("read " + s.fileSize() + " " + s.entries());
      for (ZipStructure.Entry e : s.entries()) {
        try (InputStream in = s.open(e)) {
          b.append(' ').append(Arrays.hashCode(in.readAllBytes()));
        }
        b.append(' ').append(s.crcOf(e));
        if (e.size() <= 1 << 20) {
          // the small entries' reader, and the CRC-32 it keeps
          b.append(' ').append(Arrays.hashCode(s.readSmall(e))).append(' ').append(s.crcOf(e));
        }
      }
      b.append(' ').append(s.crcs().crcs());
      s.checkMimetype();
      return b.toString();
    } catch (PackageRejectedException e) {
      // Commons Compress names the channel it read in some of its messages
      return "refused " + e.errorCode().code() + " " + e.stage() + " "
          + e.getMessage().replace("SeekableInMemoryByteChannel", "<channel>").replace("FileChannelImpl", "<channel>");
    } catch (IOException | RuntimeException e) {
      return "failed " + e.getClass().getName();
    }
  }

  private void assertSameBothWays(byte[] bytes, String what) throws IOException {
    Path file = Files.write(dir.resolve("p.mlat"), bytes);
    String fromFile = outcome(file, 0);
    String inMemory = outcome(file, Long.MAX_VALUE);
    assertThat(inMemory).as(what).isEqualTo(fromFile);
  }

  @Test
  void validPackagesReadTheSameFromMemoryAndFromTheFile() throws Exception {
    for (byte[] p : List.of(withAttachments, withoutAttachments)) {
      Path file = Files.write(dir.resolve("p.mlat"), p);
      assertThat(outcome(file, Long.MAX_VALUE)).startsWith("read ").isEqualTo(outcome(file, 0));
      assertThat(ZipStructure.read(file, PackageLimits.defaults()).inMemory()).isTrue();
    }
  }

  @Test
  void aPackageOverTheThresholdIsReadFromTheFile() throws Exception {
    Path file = Files.write(dir.resolve("p.mlat"), withoutAttachments);
    assertThat(ZipStructure.read(file, PackageLimits.defaults(), withoutAttachments.length - 1).inMemory()).isFalse();
    assertThat(ZipStructure.read(file, PackageLimits.defaults(), withoutAttachments.length).inMemory()).isTrue();
    assertThat(ZipStructure.IN_MEMORY_MAX_BYTES).isEqualTo(1 << 20);
  }

  /** Every byte of the ZIP records (not the entries' data) changed in two ways, both readers say the same. */
  @Test
  void damagedRecordsAreRefusedTheSameWayFromMemoryAndFromTheFile() throws Exception {
    for (byte[] p : List.of(withAttachments, withoutAttachments)) {
      Path file = Files.write(dir.resolve("p.mlat"), p);
      List<ZipStructure.Entry> entries = ZipStructure.read(file, PackageLimits.defaults(), 0).entries();
      int refused = 0;
      for (int i = 0; i < p.length; i++) {
        if (insideData(entries, i)) {
          continue;
        }
        for (int mask : new int[] {0x01, 0x80}) {
          byte[] bad = p.clone();
          bad[i] ^= (byte) mask;
          Path badFile = Files.write(dir.resolve("p.mlat"), bad);
          String fromFile = outcome(badFile, 0);
          assertThat(outcome(badFile, Long.MAX_VALUE)).as("byte %d ^ %d", i, mask).isEqualTo(fromFile);
          refused += fromFile.startsWith("refused") ? 1 : 0;
        }
      }
      assertThat(refused).as("most changes are refused").isGreaterThan(100);
    }
  }

  private static boolean insideData(List<ZipStructure.Entry> entries, long offset) {
    for (ZipStructure.Entry e : entries) {
      if (offset >= e.dataOffset() && offset < e.dataOffset() + e.size()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void cutExtendedAndShiftedFilesAreRefusedTheSameWay() throws Exception {
    List<byte[]> variants = new ArrayList<>();
    byte[] p = withAttachments;
    for (int cut : new int[] {0, 1, 21, 22, 23, 100, p.length / 2, p.length - 23, p.length - 22, p.length - 1}) {
      variants.add(Arrays.copyOf(p, cut));
    }
    variants.add(Arrays.copyOf(p, p.length + 1)); // a byte after the end record
    byte[] comment = Arrays.copyOf(p, p.length + 5);
    comment[p.length - 2] = 5; // an archive comment
    variants.add(comment);
    byte[] prefixed = new byte[p.length + 7];
    System.arraycopy(p, 0, prefixed, 7, p.length);
    variants.add(prefixed);
    Random random = new Random(12);
    for (int i = 0; i < 40; i++) {
      byte[] bad = p.clone();
      int at = random.nextInt(p.length - 64);
      byte[] noise = new byte[1 + random.nextInt(64)];
      random.nextBytes(noise);
      System.arraycopy(noise, 0, bad, at, noise.length);
      variants.add(bad);
    }
    byte[] garbage = new byte[500];
    random.nextBytes(garbage);
    variants.add(garbage);
    for (int i = 0; i < variants.size(); i++) {
      assertSameBothWays(variants.get(i), "variant " + i);
    }
  }
}
