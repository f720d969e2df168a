package dev.mlat.crypto.segment;

import dev.mlat.crypto.CryptoErrorCode;
import java.util.Objects;

/**
 * What the signed message says about one segmented attachment; the package layer puts it in the
 * signed, encrypted message beside the {@link AttachmentKey}, and hands it back to
 * {@link SegmentedDecryptor} only after that message's signature verified.
 *
 * <p>What binds what (docs/SEGMENTS.md): every segment's content key is wrapped under the
 * per-sealing {@link AttachmentKey} named by {@code keyId} (another attachment or another sealing
 * has another key); {@code segmentTags} lists every segment's GCM tag in order, so the signature
 * covers an authenticator of every segment and of its position (a segment is accepted at position
 * {@code i} only with tag {@code i}), whoever produced the segments (OpenSSL chooses its own
 * nonces); {@code plaintextSha256} (one pass over the plaintext) binds the content against anyone,
 * including a recipient, who knows the attachment key and could forge GCM tags. The count and
 * every segment's length follow from {@code plaintextLength} and {@code segmentSize}: all segments
 * carry {@code segmentSize} bytes of plaintext except the last, which carries the rest (an empty
 * attachment is one empty segment).
 *
 * @param keyId the attachment key's identifier (lower-case hex)
 * @param segmentSize the plaintext bytes of every segment but the last
 * @param segmentCount the number of segments, {@code max(1, ceil(plaintextLength / segmentSize))}
 * @param plaintextLength the attachment's length in bytes
 * @param plaintextSha256 the SHA-256 of the whole plaintext (64 lower-case hex digits)
 * @param segmentTags the segments' GCM tags in order, one per segment
 */
public record SegmentManifest(String keyId, int segmentSize, long segmentCount, long plaintextLength, String plaintextSha256,
    SegmentTags segmentTags) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a field is malformed or the count does not follow from the
   *     length and the segment size; use {@link #of} for values read from the wire
   */
  public SegmentManifest {
    AttachmentKey.checkId(keyId);
    checkSha256(plaintextSha256, "plaintextSha256");
    Objects.requireNonNull(segmentTags, "segmentTags");
    if (segmentSize <= 0) {
      throw new IllegalArgumentException("segmentSize must be positive, not " + segmentSize);
    }
    if (plaintextLength < 0) {
      throw new IllegalArgumentException("plaintextLength must not be negative, not " + plaintextLength);
    }
    long expected = expectedCount(plaintextLength, segmentSize);
    if (segmentCount != expected) {
      throw new IllegalArgumentException("segmentCount " + segmentCount + " does not follow from plaintextLength "
          + plaintextLength + " and segmentSize " + segmentSize + " (expected " + expected + ")");
    }
    if (segmentTags.count() != segmentCount) {
      throw new IllegalArgumentException(segmentTags.count() + " segment tags for " + segmentCount + " segments");
    }
  }

  /**
   * The manifest read from a verified message, with a checked failure for bad values;
   * {@code segmentTags} is the concatenation of the 16-byte tags.
   *
   * @throws SegmentException {@code SEGMENT_MANIFEST_INVALID} if a field is malformed or
   *     inconsistent
   */
  public static SegmentManifest of(String keyId, int segmentSize, long segmentCount, long plaintextLength,
      String plaintextSha256, byte[] segmentTags) throws SegmentException {
    try {
      return new SegmentManifest(keyId, segmentSize, segmentCount, plaintextLength, plaintextSha256, SegmentTags.of(segmentTags));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new SegmentException(CryptoErrorCode.SEGMENT_MANIFEST_INVALID, "segment manifest invalid: " + e.getMessage());
    }
  }

  /** The number of segments of an attachment of {@code plaintextLength} bytes. */
  public static long expectedCount(long plaintextLength, int segmentSize) {
    if (plaintextLength == 0) {
      return 1;
    }
    return (plaintextLength - 1) / segmentSize + 1;
  }

  /** The plaintext length of the segment at {@code index}. */
  public int plaintextLengthOf(long index) {
    Objects.checkIndex(index, segmentCount);
    if (index < segmentCount - 1) {
      return segmentSize;
    }
    return (int) (plaintextLength - (segmentCount - 1) * (long) segmentSize);
  }

  private static void checkSha256(String hex, String name) {
    Objects.requireNonNull(hex, name);
    if (hex.length() != 64 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new IllegalArgumentException(name + " must be 64 lower-case hex digits (SHA-256), not '" + hex + "'");
    }
  }
}
