package dev.mlat.transport.pkg.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipUtil;

/**
 * Writes a package held in memory as a ZIP file: exactly the bytes {@link PackageWriter} writes
 * through Commons Compress into a seekable channel (stored entries, sizes and CRC in the local
 * headers, each local header with the ZIP64 extra field Commons Compress reserves for an entry of
 * unknown size and fills in with the real sizes, no data descriptors, a central directory without
 * extra fields, no ZIP64 records), without the per-entry objects and channel rewrites of the
 * general writer (PackageWriterTest compares both byte for byte).
 *
 * <p>For what fits in memory only: fewer than 65,535 entries and less than 2 GiB in all, and a
 * time {@link #supports(Instant) in the DOS range} (1980 to 2107), which needs no extra time field.
 * Not thread-safe.
 */
final class SmallZipWriter {
  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int END_SIGNATURE = 0x06054b50;
  /** Version needed to extract a stored entry (1.0). */
  private static final int VERSION_NEEDED = 10;
  /** Version made by: MS-DOS (0) and 2.0, as Commons Compress writes it when it used no ZIP64 record. */
  private static final int VERSION_MADE_BY = 20;
  private static final int ZIP64_EXTRA_ID = 0x0001;
  private static final int ZIP64_EXTRA_LENGTH = 16;
  private static final int LOCAL_HEADER = 30;
  private static final int CENTRAL_HEADER = 46;
  private static final int MAX_ENTRIES = 0xFFFE;

  /** One entry written: what its central directory record repeats. */
  private record Written(byte[] name, long offset, long size, long crc) {}

  /** The DOS time and date of every entry, as Commons Compress converts the writer's time (in the default time zone). */
  private final byte[] dosTime = new byte[4];
  private final List<Written> written = new ArrayList<>();
  private byte[] buffer = new byte[16 << 10];
  private int length;
  private boolean finished;

  /** Whether {@code time} can be written by this writer: in the DOS date range, where no extra time field is needed. */
  static boolean supports(Instant time) {
    return ZipUtil.isDosTime(time.toEpochMilli());
  }

  SmallZipWriter(Instant time) {
    this(time, supports(time));
  }

  private SmallZipWriter(Instant time, boolean supported) {
    if (!supported) {
      throw new IllegalArgumentException("the time " + time + " is outside the DOS date range");
    }
    // the conversion Commons Compress applies to an entry's time (ZipArchiveEntry.setTime keeps a
    // time of the DOS range as it is), once for all entries
    ZipUtil.toDosTime(time.toEpochMilli(), dosTime, 0);
  }

  /** A writer for {@code time}, or null when {@link #supports} says no (one conversion fewer than both calls). */
  static SmallZipWriter forTime(Instant time) {
    return supports(time) ? new SmallZipWriter(time, true) : null;
  }

  /** Writes a stored entry whose bytes {@code body} produces; returns its size. */
  long entry(String name, PackageWriter.Body body) throws IOException {
    if (finished) {
      throw new IllegalStateException("the ZIP file is finished");
    }
    if (written.size() >= MAX_ENTRIES) {
      throw new IllegalStateException("more entries than a ZIP file without ZIP64 records holds");
    }
    byte[] rawName = name.getBytes(StandardCharsets.UTF_8);
    long offset = length;
    int header = length;
    ensure(LOCAL_HEADER + rawName.length + 4 + ZIP64_EXTRA_LENGTH);
    length += LOCAL_HEADER; // filled in below, once CRC and size are known
    put(rawName);
    short16(ZIP64_EXTRA_ID);
    short16(ZIP64_EXTRA_LENGTH);
    int zip64Sizes = length;
    length += ZIP64_EXTRA_LENGTH;
    int dataStart = length;
    CRC32 crc = new CRC32();
    body.writeTo(new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        if (finished) {
          throw new IllegalStateException("the ZIP file is finished");
        }
        ensure(len);
        System.arraycopy(b, off, buffer, length, len);
        length += len;
        crc.update(b, off, len);
      }
    });
    long size = length - dataStart;
    int end = length;
    length = header;
    int32(LOCAL_SIGNATURE);
    short16(VERSION_NEEDED);
    short16(0); // flags: no data descriptor, no language encoding flag (names are ASCII)
    short16(0); // method: stored
    put(dosTime);
    int32(crc.getValue());
    int32(size);
    int32(size);
    short16(rawName.length);
    short16(4 + ZIP64_EXTRA_LENGTH);
    length = zip64Sizes;
    int64(size);
    int64(size);
    length = end;
    written.add(new Written(rawName, offset, size, crc.getValue()));
    return size;
  }

  /** Writes the central directory and its end record. */
  void finish() {
    if (finished) {
      return;
    }
    long centralStart = length;
    for (Written w : written) {
      ensure(CENTRAL_HEADER + w.name().length);
      int32(CENTRAL_SIGNATURE);
      short16(VERSION_MADE_BY);
      short16(VERSION_NEEDED);
      short16(0); // flags
      short16(0); // stored
      put(dosTime);
      int32(w.crc());
      int32(w.size());
      int32(w.size());
      short16(w.name().length);
      short16(0); // no extra field
      short16(0); // no comment
      short16(0); // disk number
      short16(0); // internal attributes
      int32(0); // external attributes
      int32(w.offset());
      put(w.name());
    }
    long centralSize = length - centralStart;
    ensure(22);
    int32(END_SIGNATURE);
    short16(0); // this disk
    short16(0); // the central directory's disk
    short16(written.size());
    short16(written.size());
    int32(centralSize);
    int32(centralStart);
    short16(0); // no comment
    finished = true;
  }

  /** The ZIP file, after {@link #finish()}. */
  byte[] bytes() {
    if (!finished) {
      throw new IllegalStateException("the ZIP file is not finished");
    }
    return Arrays.copyOf(buffer, length);
  }

  private void ensure(int more) {
    long needed = (long) length + more;
    if (needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a package held in memory must stay under 2 GiB");
    }
    if (needed > buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buffer.length)));
    }
  }

  private void put(byte[] bytes) {
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void short16(int v) {
    buffer[length++] = (byte) v;
    buffer[length++] = (byte) (v >>> 8);
  }

  private void int32(long v) {
    short16((int) v & 0xFFFF);
    short16((int) (v >>> 16) & 0xFFFF);
  }

  private void int64(long v) {
    int32(v & 0xFFFFFFFFL);
    int32(v >>> 32);
  }
}
