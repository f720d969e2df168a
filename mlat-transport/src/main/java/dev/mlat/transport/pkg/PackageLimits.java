package dev.mlat.transport.pkg;

/**
 * Bounds the package reader applies before trusting anything (docs/LIMITS.md, "Packages"). Each
 * exceeded limit is {@code PACKAGE_LIMIT_EXCEEDED} at stage 1 (sizes and counts the ZIP central
 * directory states, checked against the file's real size) or at the stage that reads the value.
 *
 * @param maxPackageBytes the whole package file
 * @param maxEntries ZIP entries (the fixed entries plus one per attachment)
 * @param maxAttachments attachments listed in the signed manifest
 * @param maxHeaderBytes header.json
 * @param maxHeaderSignatureBytes header.p7s
 * @param maxMessageBytes message.p7m (held in memory while it is decrypted)
 * @param maxAttachmentEntryBytes one attachment entry (its segments)
 * @param maxClockSkewSeconds how far the header's creation time may lie after the reader's clock
 */
public record PackageLimits(long maxPackageBytes, int maxEntries, int maxAttachments, int maxHeaderBytes,
    int maxHeaderSignatureBytes, long maxMessageBytes, long maxAttachmentEntryBytes, long maxClockSkewSeconds) {

  /** Validates. */
  public PackageLimits {
    positive(maxPackageBytes, "maxPackageBytes");
    positive(maxEntries, "maxEntries");
    positive(maxAttachments, "maxAttachments");
    positive(maxHeaderBytes, "maxHeaderBytes");
    positive(maxHeaderSignatureBytes, "maxHeaderSignatureBytes");
    positive(maxMessageBytes, "maxMessageBytes");
    positive(maxAttachmentEntryBytes, "maxAttachmentEntryBytes");
    if (maxClockSkewSeconds < 0 || maxClockSkewSeconds > 3600) {
      throw new IllegalArgumentException("maxClockSkewSeconds must be 0 to 3600, not " + maxClockSkewSeconds);
    }
  }

  private static void positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }

  /**
   * 256 GiB per package, 1,004 entries, 1,000 attachments, 64 KiB header, 64 KiB header signature,
   * 72 MiB message.p7m, 66 GiB per attachment entry (64 GiB of plaintext in 256 KiB segments and
   * their CMS overhead), 5 minutes of clock skew.
   */
  public static PackageLimits defaults() {
    return new PackageLimits(256L << 30, 1004, 1000, 256 << 10, 64 << 10, 72L << 20, 66L << 30, 300);
  }

  /** With another {@code maxPackageBytes}. */
  public PackageLimits withMaxPackageBytes(long v) {
    return new PackageLimits(v, maxEntries, maxAttachments, maxHeaderBytes, maxHeaderSignatureBytes, maxMessageBytes,
        maxAttachmentEntryBytes, maxClockSkewSeconds);
  }

  /** With another {@code maxEntries}. */
  public PackageLimits withMaxEntries(int v) {
    return new PackageLimits(maxPackageBytes, v, maxAttachments, maxHeaderBytes, maxHeaderSignatureBytes, maxMessageBytes,
        maxAttachmentEntryBytes, maxClockSkewSeconds);
  }

  /** With another {@code maxAttachments}. */
  public PackageLimits withMaxAttachments(int v) {
    return new PackageLimits(maxPackageBytes, maxEntries, v, maxHeaderBytes, maxHeaderSignatureBytes, maxMessageBytes,
        maxAttachmentEntryBytes, maxClockSkewSeconds);
  }

  /** With another {@code maxHeaderBytes}. */
  public PackageLimits withMaxHeaderBytes(int v) {
    return new PackageLimits(maxPackageBytes, maxEntries, maxAttachments, v, maxHeaderSignatureBytes, maxMessageBytes,
        maxAttachmentEntryBytes, maxClockSkewSeconds);
  }

  /** With another {@code maxMessageBytes}. */
  public PackageLimits withMaxMessageBytes(long v) {
    return new PackageLimits(maxPackageBytes, maxEntries, maxAttachments, maxHeaderBytes, maxHeaderSignatureBytes, v,
        maxAttachmentEntryBytes, maxClockSkewSeconds);
  }

  /** With another {@code maxAttachmentEntryBytes}. */
  public PackageLimits withMaxAttachmentEntryBytes(long v) {
    return new PackageLimits(maxPackageBytes, maxEntries, maxAttachments, maxHeaderBytes, maxHeaderSignatureBytes,
        maxMessageBytes, v, maxClockSkewSeconds);
  }

  /** With another {@code maxHeaderSignatureBytes}. */
  public PackageLimits withMaxHeaderSignatureBytes(int v) {
    return new PackageLimits(maxPackageBytes, maxEntries, maxAttachments, maxHeaderBytes, v, maxMessageBytes,
        maxAttachmentEntryBytes, maxClockSkewSeconds);
  }

  /** With another {@code maxClockSkewSeconds}. */
  public PackageLimits withMaxClockSkewSeconds(long v) {
    return new PackageLimits(maxPackageBytes, maxEntries, maxAttachments, maxHeaderBytes, maxHeaderSignatureBytes,
        maxMessageBytes, maxAttachmentEntryBytes, v);
  }
}
