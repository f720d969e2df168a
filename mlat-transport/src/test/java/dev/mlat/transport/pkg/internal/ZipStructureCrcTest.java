package dev.mlat.transport.pkg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.PartyId;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.transport.pkg.PackageFixture;
import dev.mlat.transport.pkg.PackageLimits;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRC-32 of a package's entries: from a pass over the file, one entry, or the bytes a reader read. */
class ZipStructureCrcTest {
  static final PartyId FR_MOJ = PackageFixture.party("FR:FR-MOJ-BEPI");

  @TempDir
  Path dir;

  ZipStructure structure;

  @BeforeEach
  void seal() throws Exception {
    byte[] large = new byte[700_000];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) (i * 31 + 7);
    }
    var s = PackageFixture.withAttachments(SampleMessages.request(), List.of(large, new byte[] {1, 2, 3}));
    Path file = dir.resolve("p.mlat");
    PackageFixture.sealer(FR_MOJ).seal(s.message(), s.sources(), file);
    structure = ZipStructure.read(file, PackageLimits.defaults());
  }

  @Test
  void thePassAndEachEntryGiveTheRecordedCrcs() throws Exception {
    var all = structure.crcs().crcs();
    assertThat(all).hasSize(structure.entries().size());
    for (ZipStructure.Entry e : structure.entries()) {
      assertThat(all.get(e.name())).as(e.name()).isEqualTo(e.crc());
      assertThat(structure.crcOf(e)).as(e.name()).isEqualTo(e.crc());
    }
  }

  @Test
  void aCheckedStreamKnowsItsCrcOnlyOnceEveryByteWasRead() throws Exception {
    ZipStructure.Entry e = structure.attachmentEntries().get(0);
    CRC32 expected = new CRC32();
    try (ZipStructure.CheckedEntryStream in = structure.openChecked(e)) {
      byte[] buffer = new byte[4096];
      int first = in.read();
      expected.update(first);
      assertThat(in.crc()).as("after one byte").isEmpty();
      long skipped = in.skip(10_000); // skipped bytes count too
      assertThat(skipped).isEqualTo(10_000);
      assertThat(in.crc()).as("after the skip").isEmpty();
      while (in.read(buffer, 0, buffer.length) > 0) {
        // read to the end
      }
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.crc()).hasValue(e.crc());
    }
    try (InputStream plain = structure.open(e)) {
      byte[] all = plain.readAllBytes();
      expected.reset();
      expected.update(all);
      assertThat(expected.getValue()).isEqualTo(e.crc());
    }
  }

  @Test
  void aStreamReadOnlyInPartHasNoCrc() throws Exception {
    ZipStructure.Entry e = structure.attachmentEntries().get(0);
    try (ZipStructure.CheckedEntryStream in = structure.openChecked(e)) {
      in.readNBytes((int) e.size() - 1);
      assertThat(in.crc()).isEmpty();
      assertThat(in.read()).isNotEqualTo(-1);
      assertThat(in.crc()).hasValue(e.crc());
    }
  }

  @Test
  void anEntryReadWholeKeepsTheCrcOfTheBytesRead() throws Exception {
    ZipStructure.Entry e = structure.entry(ZipStructure.SIGNATURE_ENTRY);
    byte[] read = structure.readSmall(e);
    CRC32 crc = new CRC32();
    crc.update(read);
    assertThat(crc.getValue()).isEqualTo(e.crc());
    // the file changes afterwards: the CRC-32 is the one of the bytes that were read (and verified)
    try (var channel = java.nio.channels.FileChannel.open(structure.file(), java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) (read[10] ^ 1)}), e.dataOffset() + 10);
    }
    assertThat(structure.crcOf(e)).isEqualTo(e.crc());
    assertThat(ZipStructure.read(structure.file(), PackageLimits.defaults()).crcOf(e)).as("read again").isNotEqualTo(e.crc());
  }
}
