package dev.mlat.transport.pkg;

import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.transport.pkg.internal.HeaderJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Takes packages apart and puts them together differently, for the rule tests. */
final class PackageSurgery {
  record Item(String name, byte[] bytes) {}

  private PackageSurgery() {}

  static List<Item> read(Path file) throws IOException {
    List<Item> items = new ArrayList<>();
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        try (var in = zip.getInputStream(e)) {
          items.add(new Item(e.getName(), in.readAllBytes()));
        }
      }
    }
    return items;
  }

  static Path write(Path file, List<Item> items) throws IOException {
    Files.deleteIfExists(file);
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
      zip.setMethod(ZipArchiveEntry.STORED);
      zip.setUseLanguageEncodingFlag(false);
      for (Item i : items) {
        ZipArchiveEntry e = new ZipArchiveEntry(i.name());
        e.setMethod(ZipArchiveEntry.STORED);
        zip.putArchiveEntry(e);
        zip.write(i.bytes());
        zip.closeArchiveEntry();
      }
    }
    return file;
  }

  static Path rewrite(Path in, Path out, UnaryOperator<List<Item>> change) throws IOException {
    return write(out, change.apply(new ArrayList<>(read(in))));
  }

  /** Replaces one entry's bytes. */
  static Path replace(Path in, Path out, String name, UnaryOperator<byte[]> change) throws IOException {
    return rewrite(in, out, items -> {
      items.replaceAll(i -> i.name().equals(name) ? new Item(name, change.apply(i.bytes())) : i);
      return items;
    });
  }

  /** Changes the header and signs it again with {@code signer} (a valid signature over a changed header). */
  static Path resignHeader(Path in, Path out, UnaryOperator<PackageHeader> change, CmsSigner signer) throws Exception {
    List<Item> items = new ArrayList<>(read(in));
    byte[] headerBytes = null;
    for (Item i : items) {
      if (i.name().equals("header.json")) {
        headerBytes = HeaderJson.write(change.apply(HeaderJson.read(i.bytes(), 10_000)));
      }
    }
    byte[] header = headerBytes;
    byte[] signature = signer.sign(header, Encapsulation.DETACHED);
    items.replaceAll(i -> i.name().equals("header.json") ? new Item(i.name(), header)
        : i.name().equals("header.p7s") ? new Item(i.name(), signature) : i);
    return write(out, items);
  }

  /**
   * Damages one entry in place: flips one bit of its bytes at {@code index} in a copy of the file,
   * leaving every ZIP record (and so the recorded CRC-32) as it was: what a bad disk or a broken
   * transfer does, and what a keyless gateway can see.
   */
  static Path damage(Path in, Path out, String name, long index) throws IOException, PackageRejectedException {
    return PackageFixture.damage(in, out, name, index);
  }

  static byte[] flip(byte[] b, int index) {
    byte[] c = b.clone();
    c[index] ^= 0x01;
    return c;
  }
}
