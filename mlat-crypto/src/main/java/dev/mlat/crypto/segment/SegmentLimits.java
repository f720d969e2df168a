package dev.mlat.crypto.segment;

/**
 * Bounds applied by {@link SegmentedDecryptor} to a manifest and segments it did not produce. A
 * verified signature says who sent an attachment, not that its sizes are reasonable. Each is a
 * named setting with a safe default, listed in docs/LIMITS.md.
 *
 * @param maxSegmentSize the largest segment size accepted from a manifest (bytes of plaintext per
 *     segment); memory while opening is about {@code (6 * threads + 1) * segmentSize}
 * @param maxSegmentCount the most segments accepted in one attachment
 * @param maxAttachmentBytes the largest plaintext length accepted in one attachment
 */
public record SegmentLimits(int maxSegmentSize, long maxSegmentCount, long maxAttachmentBytes) {
  /** 4 MiB. */
  public static final int DEFAULT_MAX_SEGMENT_SIZE = 4 << 20;
  /** 2^20 segments (16 MiB of tags in the manifest; 64 GiB in 64 KiB segments, 1 TiB in 1 MiB ones). */
  public static final long DEFAULT_MAX_SEGMENT_COUNT = 1L << 20;
  /** 64 GiB. */
  public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 64L << 30;

  /** Validates. */
  public SegmentLimits {
    if (maxSegmentSize <= 0 || maxSegmentSize > SegmentedEncryptor.MAX_SEGMENT_SIZE || maxSegmentCount <= 0 || maxAttachmentBytes < 0) {
      throw new IllegalArgumentException("segment limits must be positive (segment size at most "
          + SegmentedEncryptor.MAX_SEGMENT_SIZE + "): " + maxSegmentSize + ", " + maxSegmentCount + ", " + maxAttachmentBytes);
    }
  }

  /** The defaults. */
  public static SegmentLimits defaults() {
    return new SegmentLimits(DEFAULT_MAX_SEGMENT_SIZE, DEFAULT_MAX_SEGMENT_COUNT, DEFAULT_MAX_ATTACHMENT_BYTES);
  }

  /** A copy with another segment size limit. */
  public SegmentLimits withMaxSegmentSize(int bytes) {
    return new SegmentLimits(bytes, maxSegmentCount, maxAttachmentBytes);
  }

  /** A copy with another segment count limit. */
  public SegmentLimits withMaxSegmentCount(long count) {
    return new SegmentLimits(maxSegmentSize, count, maxAttachmentBytes);
  }

  /** A copy with another attachment size limit. */
  public SegmentLimits withMaxAttachmentBytes(long bytes) {
    return new SegmentLimits(maxSegmentSize, maxSegmentCount, bytes);
  }
}
