package dev.mlat.transport.pkg.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Writes the entries of a package into a ZIP file on a seekable channel: stored entries whose local
 * headers are rewritten with their sizes and CRC (no data descriptors), ZIP64 where needed.
 */
public final class PackageWriter implements AutoCloseable {
  private final ZipArchiveOutputStream zip;
  private final Instant time;
  private final SeekableInMemoryByteChannel memory;

  /** A writer for {@code file} (created). */
  public PackageWriter(Path file, Instant time) throws IOException {
    this(new ZipArchiveOutputStream(file), time, null);
  }

  private PackageWriter(ZipArchiveOutputStream zip, Instant time, SeekableInMemoryByteChannel memory) {
    this.zip = zip;
    this.zip.setUseZip64(Zip64Mode.AsNeeded);
    this.zip.setMethod(ZipArchiveEntry.STORED);
    this.zip.setUseLanguageEncodingFlag(false);
    this.time = time;
    this.memory = memory;
  }

  /**
   * A writer into memory, for a package whose entries are all held in memory anyway (no
   * attachments): the same bytes as {@link #PackageWriter(Path, Instant)} writes, taken with
   * {@link #bytes()} after {@link #finish()}, so that the file is written in one call instead of
   * dozens of small writes and rewrites of local headers.
   */
  public static PackageWriter inMemory(Instant time) {
    var channel = new SeekableInMemoryByteChannel();
    return new PackageWriter(new ZipArchiveOutputStream(channel), time, channel);
  }

  /**
   * The package written by an {@linkplain #inMemory(Instant) in-memory writer}, after {@link #finish()}.
   *
   * @throws IllegalStateException for a writer into a file
   */
  public byte[] bytes() {
    if (memory == null) {
      throw new IllegalStateException("this writer writes into a file");
    }
    return Arrays.copyOf(memory.array(), Math.toIntExact(memory.size()));
  }

  /** Writes the mimetype entry. */
  public void mimetype() throws IOException {
    entry(ZipStructure.MIMETYPE_ENTRY, ZipStructure.MIMETYPE.getBytes(StandardCharsets.US_ASCII));
  }

  /** Writes an entry from bytes; returns its size. */
  public long entry(String name, byte[] bytes) throws IOException {
    return entry(name, out -> out.write(bytes));
  }

  /** Copies an entry from a stream; returns its size. */
  public long entry(String name, InputStream in) throws IOException {
    return entry(name, in::transferTo);
  }

  /** Something that writes an entry's bytes. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes an entry whose bytes {@code body} produces and returns its size. Nothing is hashed here:
   * the ZIP stream computes the CRC-32, and header.json lists only message.p7m's SHA-256, which the
   * sealer takes over the bytes it holds (docs/FORMAT.md, format version 2).
   */
  public long entry(String name, Body body) throws IOException {
    ZipArchiveEntry e = new ZipArchiveEntry(name);
    e.setMethod(ZipArchiveEntry.STORED);
    e.setTime(time.toEpochMilli());
    zip.putArchiveEntry(e);
    long[] count = {0};
    OutputStream counting = new FilterOutputStream(zip) {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        zip.write(b, off, len);
        count[0] += len;
      }

      @Override
      public void close() {
        // the ZIP stream stays open for the next entry
      }
    };
    body.writeTo(counting);
    zip.closeArchiveEntry();
    return count[0];
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /** Finishes the central directory. */
  public void finish() throws IOException {
    zip.finish();
  }
}
