package dev.mlat.transport.pkg.internal;

import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.pkg.PipelineStage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Stage 1 of the reader: the package's ZIP structure, checked on top of Commons Compress's reading
 * of the central directory (docs/FORMAT.md, "ZIP profile"): stored entries only, no encryption, no
 * data descriptors, no archive comment, no bytes before, between or after the entries, every local
 * header equal to its central directory record, names within the profile, no duplicates, only the
 * entries the format defines, in its order, each within its size limit.
 *
 * <p>A package of at most {@link #IN_MEMORY_MAX_BYTES} bytes (a message without attachments, or
 * with small ones) is read into memory with one open and one read, and every check and every
 * entry read works on those bytes: the same checks, in the same order, with the same outcomes as on
 * the file, without the file opened once per entry. A larger package is read from the file.
 */
public final class ZipStructure {
  /** The content of the first entry. */
  public static final String MIMETYPE = "application/vnd.mlat.package+zip";
  public static final String MIMETYPE_ENTRY = "mimetype";
  public static final String MESSAGE_ENTRY = dev.mlat.transport.pkg.HeaderEntry.MESSAGE_ENTRY;
  public static final String HEADER_ENTRY = "header.json";
  public static final String SIGNATURE_ENTRY = "header.p7s";

  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int END_SIGNATURE = 0x06054b50;

  /**
   * The size up to which a package is read into memory whole (1 MiB): the memory an open holds for
   * it, bounded, against the system calls of reading it piecewise (docs/LIMITS.md, "Packages").
   */
  public static final long IN_MEMORY_MAX_BYTES = 1 << 20;

  /** One entry, where its data lies in the file. */
  public record Entry(String name, long dataOffset, long size, long crc) {}

  private final Path file;
  private final long fileSize;
  /** The whole package when it was read into memory, else null. */
  private final byte[] content;
  private final List<Entry> entries;
  /** The CRC-32 of the bytes {@link #readSmall} read, by entry. */
  private final java.util.Map<Entry, Long> readCrcs = new java.util.concurrent.ConcurrentHashMap<>();

  private ZipStructure(Path file, long fileSize, byte[] content, List<Entry> entries) {
    this.file = file;
    this.fileSize = fileSize;
    this.content = content;
    this.entries = List.copyOf(entries);
  }

  public Path file() {
    return file;
  }

  public long fileSize() {
    return fileSize;
  }

  /** Every entry, in file order. */
  public List<Entry> entries() {
    return entries;
  }

  /** Whether the package was read into memory (at most {@link #IN_MEMORY_MAX_BYTES}): entries are read from there. */
  public boolean inMemory() {
    return content != null;
  }

  /** The entry named {@code name}. */
  public Entry entry(String name) {
    // the named entries are the last ones: search from the end
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).name().equals(name)) {
        return entries.get(i);
      }
    }
    throw new IllegalStateException("no entry " + name);
  }

  /** The attachment entries, in order. */
  public List<Entry> attachmentEntries() {
    return entries.subList(1, entries.size() - 3);
  }

  /**
   * The bytes of an entry whose size is already bounded. Their CRC-32 is kept, so that
   * {@link #crcOf} answers for this entry from the bytes read here, without reading it again.
   */
  public byte[] readSmall(Entry e) throws IOException {
    if (content != null) {
      // the package is in memory: a copy of the entry's range, its CRC-32 in one call (no stream
      // and no growing buffers for a few KiB)
      int from = Math.toIntExact(e.dataOffset());
      byte[] bytes = Arrays.copyOfRange(content, from, Math.addExact(from, Math.toIntExact(e.size())));
      readCrcs.put(e, crc32(bytes, 0, bytes.length));
      return bytes;
    }
    try (CheckedEntryStream in = openChecked(e)) {
      byte[] bytes = in.readAllBytes();
      java.util.OptionalLong crc = in.crc();
      if (crc.isPresent()) {
        readCrcs.put(e, crc.getAsLong());
      }
      return bytes;
    }
  }

  /** A stream of the entry's bytes (stored, so the bytes as written). */
  public InputStream open(Entry e) throws IOException {
    if (content != null) {
      return new java.io.ByteArrayInputStream(content, Math.toIntExact(e.dataOffset()), Math.toIntExact(e.size()));
    }
    return new SliceInputStream(FileChannel.open(file, StandardOpenOption.READ), e.dataOffset(), e.size());
  }

  private static PackageRejectedException reject(TransportErrorCode code, String message) {
    return new PackageRejectedException(code, PipelineStage.STRUCTURE, message);
  }

  /**
   * Checks the structure of {@code file}; a package of at most {@link #IN_MEMORY_MAX_BYTES} is read
   * into memory first.
   */
  public static ZipStructure read(Path file, PackageLimits limits) throws PackageRejectedException, IOException {
    return read(file, limits, IN_MEMORY_MAX_BYTES);
  }

  /**
   * {@link #read(Path, PackageLimits)} with another in-memory threshold: 0 reads every package from
   * the file (the tests compare both ways on the same inputs).
   */
  static ZipStructure read(Path file, PackageLimits limits, long inMemoryMaxBytes) throws PackageRejectedException, IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      if (fileSize > limits.maxPackageBytes()) {
        throw reject(TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, "the package has " + fileSize + " bytes, more than maxPackageBytes "
            + limits.maxPackageBytes());
      }
      if (fileSize > inMemoryMaxBytes) {
        return read(file, channel, fileSize, null, limits);
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) fileSize);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // until the size read first, or the end if the file shrank meanwhile
      }
      byte[] content = buffer.position() == fileSize ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
      return read(file, new SeekableInMemoryByteChannel(content), content.length, content, limits);
    }
  }

  /**
   * The checks, on {@code channel} (the file's, or one over {@code content}, the whole file when
   * it was read into memory). Commons Compress closes the channel it reads; a file channel is
   * reopened for the second part, an in-memory one is made again.
   */
  private static ZipStructure read(Path file, SeekableByteChannel channel, long fileSize, byte[] content, PackageLimits limits)
      throws PackageRejectedException, IOException {
    List<ZipArchiveEntry> central;
    checkEnd(channel, fileSize);
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).setIgnoreLocalFileHeader(false).get()) {
      central = Collections.list(zip.getEntries());
    } catch (IOException | RuntimeException e) {
      throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID, "not a readable ZIP file: " + e.getMessage());
    }
    if (central.size() > limits.maxEntries()) {
      throw reject(TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, "the package has " + central.size()
          + " entries, more than maxEntries " + limits.maxEntries());
    }
    Set<String> names = new HashSet<>();
    for (ZipArchiveEntry e : central) {
      String name = checkName(e.getRawName());
      if (!names.add(name)) {
        throw reject(TransportErrorCode.PACKAGE_ENTRY_DUPLICATE, "the entry " + name + " appears twice");
      }
    }
    List<Entry> entries = new ArrayList<>();
    try (SeekableByteChannel again = content != null ? new SeekableInMemoryByteChannel(content)
        : FileChannel.open(file, StandardOpenOption.READ)) {
      long expectedOffset = 0;
      for (ZipArchiveEntry e : central) {
        String name = new String(e.getRawName(), StandardCharsets.US_ASCII);
        if (e.getMethod() != ZipArchiveEntry.STORED) {
          throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID, "the entry " + name + " is compressed (method "
              + e.getMethod() + "); only stored entries are allowed");
        }
        if (e.getGeneralPurposeBit().usesEncryption() || e.getGeneralPurposeBit().usesStrongEncryption()) {
          throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID, "the entry " + name + " is ZIP-encrypted");
        }
        if (e.getGeneralPurposeBit().usesDataDescriptor()) {
          throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID, "the entry " + name + " uses a data descriptor");
        }
        if (e.getSize() != e.getCompressedSize() || e.getSize() < 0) {
          throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID, "the stored entry " + name + " has different sizes");
        }
        if (e.getLocalHeaderOffset() != expectedOffset) {
          throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID, "the entry " + name + " starts at " + e.getLocalHeaderOffset()
              + ", expected " + expectedOffset + " (bytes before or between entries, or entries out of order)");
        }
        long dataOffset = checkLocalHeader(again, e, name, fileSize);
        if (e.getSize() > fileSize - dataOffset) {
          throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID, "the entry " + name + " claims more bytes than the file holds");
        }
        entries.add(new Entry(name, dataOffset, e.getSize(), e.getCrc()));
        expectedOffset = dataOffset + e.getSize();
      }
      if (read(again, expectedOffset, 4).getInt() != CENTRAL_SIGNATURE) {
        throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID, "bytes between the last entry and the central directory");
      }
    }
    checkLayout(entries, limits);
    return new ZipStructure(file, fileSize, content, entries);
  }

  private static void checkEnd(SeekableByteChannel channel, long fileSize) throws PackageRejectedException, IOException {
    if (fileSize < 22) {
      throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID, "not a ZIP file (too short)");
    }
    ByteBuffer end = read(channel, fileSize - 22, 22);
    if (end.getInt(0) != END_SIGNATURE || end.getShort(20) != 0) {
      throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID,
          "not a ZIP file of the profile: no end-of-central-directory record at the end (an archive comment is not allowed)");
    }
  }

  private static long checkLocalHeader(SeekableByteChannel channel, ZipArchiveEntry e, String name, long fileSize)
      throws PackageRejectedException, IOException {
    long offset = e.getLocalHeaderOffset();
    if (offset + 30 > fileSize) {
      throw reject(TransportErrorCode.PACKAGE_LOCAL_CENTRAL_MISMATCH, "the local header of " + name + " lies outside the file");
    }
    ByteBuffer h = read(channel, offset, 30);
    if (h.getInt(0) != LOCAL_SIGNATURE) {
      throw reject(TransportErrorCode.PACKAGE_LOCAL_CENTRAL_MISMATCH, "no local header where the central directory puts " + name);
    }
    int flags = Short.toUnsignedInt(h.getShort(6));
    int method = Short.toUnsignedInt(h.getShort(8));
    long crc = Integer.toUnsignedLong(h.getInt(14));
    long compressed = Integer.toUnsignedLong(h.getInt(18));
    long size = Integer.toUnsignedLong(h.getInt(22));
    int nameLength = Short.toUnsignedInt(h.getShort(26));
    int extraLength = Short.toUnsignedInt(h.getShort(28));
    if (offset + 30 + nameLength + extraLength > fileSize) {
      throw reject(TransportErrorCode.PACKAGE_LOCAL_CENTRAL_MISMATCH, "the local header of " + name + " lies outside the file");
    }
    byte[] localName = new byte[nameLength];
    read(channel, offset + 30, nameLength).get(localName);
    ByteBuffer extra = read(channel, offset + 30 + nameLength, extraLength);
    if (!Arrays.equals(localName, e.getRawName())) {
      throw reject(TransportErrorCode.PACKAGE_LOCAL_CENTRAL_MISMATCH, "the local header names another entry than the central directory's " + name);
    }
    if (flags != e.getRawFlag() || method != e.getMethod() || crc != e.getCrc()) {
      throw reject(TransportErrorCode.PACKAGE_LOCAL_CENTRAL_MISMATCH, "the local header of " + name
          + " differs from the central directory in flags, method or CRC");
    }
    if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL) {
      long[] zip64 = zip64Sizes(extra);
      if (zip64 == null) {
        throw reject(TransportErrorCode.PACKAGE_LOCAL_CENTRAL_MISMATCH, "the local header of " + name + " announces ZIP64 sizes without a ZIP64 field");
      }
      size = zip64[0];
      compressed = zip64[1];
    }
    if (size != e.getSize() || compressed != e.getCompressedSize()) {
      throw reject(TransportErrorCode.PACKAGE_LOCAL_CENTRAL_MISMATCH, "the local header of " + name + " states other sizes ("
          + size + ") than the central directory (" + e.getSize() + ")");
    }
    long dataOffset = offset + 30 + nameLength + extraLength;
    if (e.getDataOffset() != dataOffset) {
      throw reject(TransportErrorCode.PACKAGE_LOCAL_CENTRAL_MISMATCH, "the data of " + name + " is not where its local header ends");
    }
    return dataOffset;
  }

  private static long[] zip64Sizes(ByteBuffer extra) {
    while (extra.remaining() >= 4) {
      int id = Short.toUnsignedInt(extra.getShort());
      int length = Short.toUnsignedInt(extra.getShort());
      if (length > extra.remaining()) {
        return null;
      }
      if (id == 0x0001 && length >= 16) {
        return new long[] {extra.getLong(), extra.getLong()};
      }
      extra.position(extra.position() + length);
    }
    return null;
  }

  private static ByteBuffer read(SeekableByteChannel channel, long position, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      long at = position + b.position();
      int n;
      if (channel instanceof FileChannel file) {
        n = file.read(b, at);
      } else {
        n = at >= channel.size() ? -1 : channel.position(at).read(b); // in memory: never past the end
      }
      if (n < 0) {
        break;
      }
    }
    b.flip();
    if (b.remaining() < length) {
      ByteBuffer padded = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
      padded.put(b).flip();
      return padded;
    }
    return b;
  }

  /** The entry name rules (docs/FORMAT.md): printable ASCII, relative, no backslash, no empty, "." or ".." segment. */
  static String checkName(byte[] raw) throws PackageRejectedException {
    if (raw.length == 0 || raw.length > 255) {
      throw reject(TransportErrorCode.PACKAGE_ENTRY_NAME_INVALID, "an entry name is empty or longer than 255 bytes");
    }
    for (byte b : raw) {
      if (b < 0x21 || b > 0x7e || b == '\\') {
        throw reject(TransportErrorCode.PACKAGE_ENTRY_NAME_INVALID, "an entry name contains a control, non-ASCII, space or backslash byte (0x"
            + Integer.toHexString(b & 0xff) + ")");
      }
    }
    String name = new String(raw, StandardCharsets.US_ASCII);
    if (name.startsWith("/") || (raw.length >= 2 && raw[1] == ':' && isAsciiLetter(raw[0]))) {
      throw reject(TransportErrorCode.PACKAGE_ENTRY_NAME_INVALID, "the entry name " + name + " is absolute");
    }
    for (String segment : name.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw reject(TransportErrorCode.PACKAGE_ENTRY_NAME_INVALID, "the entry name " + name + " has an empty, . or .. segment");
      }
    }
    return name;
  }

  private static boolean isAsciiLetter(byte b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
  }

  private static void checkLayout(List<Entry> entries, PackageLimits limits) throws PackageRejectedException {
    int n = entries.size();
    if (n < 4) {
      throw reject(TransportErrorCode.PACKAGE_ENTRY_UNEXPECTED, "the package has " + n
          + " entries; it needs at least mimetype, message.p7m, header.json and header.p7s");
    }
    List<String> expected = new ArrayList<>();
    expected.add(MIMETYPE_ENTRY);
    for (int i = 0; i < n - 4; i++) {
      expected.add(MessageDocument.entryName(i));
    }
    expected.addAll(List.of(MESSAGE_ENTRY, HEADER_ENTRY, SIGNATURE_ENTRY));
    for (int i = 0; i < n; i++) {
      if (!entries.get(i).name().equals(expected.get(i))) {
        throw reject(TransportErrorCode.PACKAGE_ENTRY_UNEXPECTED, "entry " + (i + 1) + " is " + entries.get(i).name()
            + ", the format expects " + expected.get(i) + " there (docs/FORMAT.md, entries)");
      }
    }
    if (n - 4 > limits.maxAttachments()) {
      throw reject(TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, (n - 4) + " attachments, more than maxAttachments " + limits.maxAttachments());
    }
    Entry mimetype = entries.get(0);
    if (mimetype.size() != MIMETYPE.length()) {
      throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID, "the mimetype entry is not \"" + MIMETYPE + "\"");
    }
    limit(entries.get(n - 3), limits.maxMessageBytes(), "maxMessageBytes");
    limit(entries.get(n - 2), limits.maxHeaderBytes(), "maxHeaderBytes");
    limit(entries.get(n - 1), limits.maxHeaderSignatureBytes(), "maxHeaderSignatureBytes");
    for (int i = 1; i < n - 3; i++) {
      limit(entries.get(i), limits.maxAttachmentEntryBytes(), "maxAttachmentEntryBytes");
    }
  }

  private static void limit(Entry e, long max, String setting) throws PackageRejectedException {
    if (e.size() > max) {
      throw reject(TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, "the entry " + e.name() + " has " + e.size() + " bytes, more than "
          + setting + " " + max);
    }
  }

  /** Every entry's CRC-32, computed over its bytes, by entry name. */
  public record Crcs(java.util.Map<String, Long> crcs) {
    /** Copies. */
    public Crcs {
      crcs = java.util.Map.copyOf(crcs);
    }
  }

  /**
   * Every entry's CRC-32 from one sequential pass over the whole file, on the calling thread.
   * Format version 2 hashes neither the file nor the attachment entries: the attachments are bound
   * by the signed manifest's segment tags, message.p7m by the SHA-256 its reader takes of the bytes
   * it reads (docs/FORMAT.md). The CRC-32 catches damage a gateway can see without a key, at a
   * small fraction of a SHA-256 pass. (The opener of a package that opens takes its entries' CRC-32
   * from the bytes it reads anyway: {@link #openChecked}, {@link #crcOf}.)
   *
   * @throws java.io.InterruptedIOException if the thread is interrupted
   */
  public Crcs crcs() throws IOException {
    java.util.zip.CRC32[] crcs = new java.util.zip.CRC32[entries.size()];
    for (int i = 0; i < crcs.length; i++) {
      crcs[i] = new java.util.zip.CRC32();
    }
    byte[] buffer = new byte[(int) Math.min(1 << 20, Math.max(fileSize, 1))];
    long position = 0;
    int current = 0;
    try (InputStream in = content != null ? new java.io.ByteArrayInputStream(content) : Files.newInputStream(file)) {
      for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; position += n) {
        if (Thread.currentThread().isInterrupted()) {
          throw new java.io.InterruptedIOException("the pass over the package was interrupted");
        }
        current = feedEntries(buffer, position, n, current, crcs);
      }
    }
    java.util.Map<String, Long> map = new java.util.HashMap<>();
    for (int i = 0; i < crcs.length; i++) {
      map.put(entries.get(i).name(), crcs[i].getValue());
    }
    return new Crcs(map);
  }

  /**
   * The CRC-32 of one entry's bytes: of the bytes {@link #readSmall} read, if it read this entry,
   * else read from the file now (for the small entries).
   */
  public long crcOf(Entry e) throws IOException {
    Long read = readCrcs.get(e);
    if (read != null) {
      return read;
    }
    if (content != null) {
      return crc32(content, Math.toIntExact(e.dataOffset()), Math.toIntExact(e.size()));
    }
    try (CheckedEntryStream in = openChecked(e)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return in.crc().orElseThrow(() -> new IOException("the entry " + e.name() + " ended early"));
    }
  }

  private static long crc32(byte[] bytes, int offset, int length) {
    var crc = new java.util.zip.CRC32();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  /**
   * A stream of the entry's bytes, like {@link #open}, that takes the CRC-32 of the bytes as they
   * are read: once the reader has read the entry to its end, {@link CheckedEntryStream#crc()} is
   * the CRC-32 of exactly the bytes it was given, with no second read of the file.
   */
  public CheckedEntryStream openChecked(Entry e) throws IOException {
    return new CheckedEntryStream(open(e), e.size());
  }

  /** See {@link #openChecked}. Not thread-safe. */
  public static final class CheckedEntryStream extends java.io.FilterInputStream {
    private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    private final long size;
    private long count;

    private CheckedEntryStream(InputStream in, long size) {
      super(in);
      this.size = size;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        crc.update(b);
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        crc.update(b, off, n);
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // every byte must pass through the CRC
      byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
      long skipped = 0;
      while (skipped < n) {
        int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** The CRC-32 of the entry once every one of its bytes was read; empty before. */
    public java.util.OptionalLong crc() {
      return count == size ? java.util.OptionalLong.of(crc.getValue()) : java.util.OptionalLong.empty();
    }
  }

  /**
   * Feeds the bytes {@code buffer[0..n)}, which sit at {@code position} in the file, to the CRCs of
   * the entries they belong to, from entry {@code current} on; returns the entry the next bytes
   * start in.
   */
  private int feedEntries(byte[] buffer, long position, int n, int current, java.util.zip.CRC32[] crcs) {
    long end = position + n;
    while (current < entries.size()) {
      Entry e = entries.get(current);
      long from = Math.max(position, e.dataOffset());
      long to = Math.min(end, e.dataOffset() + e.size());
      if (from < to) {
        crcs[current].update(buffer, (int) (from - position), (int) (to - from));
      }
      if (e.dataOffset() + e.size() > end) {
        break;
      }
      current++;
    }
    return current;
  }

  /** Checks the mimetype entry's content. */
  public void checkMimetype() throws PackageRejectedException, IOException {
    byte[] content = readSmall(entries.get(0));
    if (!Arrays.equals(content, MIMETYPE.getBytes(StandardCharsets.US_ASCII))) {
      throw reject(TransportErrorCode.PACKAGE_STRUCTURE_INVALID, "the mimetype entry is not \"" + MIMETYPE + "\"");
    }
  }

  private static final class SliceInputStream extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    SliceInputStream(FileChannel channel, long offset, long length) {
      this.channel = channel;
      this.position = offset;
      this.end = offset + length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (position >= end) {
        return -1;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
      if (n < 0) {
        return -1;
      }
      position += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
