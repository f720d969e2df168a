package dev.mlat.crypto.segment;

import dev.mlat.crypto.CryptoErrorCode;
import java.util.Objects;

/**
 * What the signed message says about one segmented attachment; the package layer puts it in the
 * signed, encrypted message beside the {@link AttachmentKey}, and hands it back to
 * {@link SegmentedDecryptor} only after that message's signature verified.
 *
 * <p>What binds what (docs/SEGMENTS.md): every segment's GCM nonce carries its index and whether
 * it is the last one, and is authenticated by its tag; its content key is wrapped under the
 * per-sealing {@link AttachmentKey} named by {@code keyId}; {@code segmentTagsSha256} is the
 * SHA-256 of the concatenated 16-byte GCM tags of all segments in order, so the signature covers
 * an authenticator of every segment without a per-segment list; {@code plaintextSha256} (one pass
 * over the plaintext) binds the content against anyone, including a recipient, who knows the
 * attachment key and could forge GCM tags. The count and every segment's length follow from
 * {@code plaintextLength} and {@code segmentSize}: all segments carry {@code segmentSize} bytes of
 * plaintext except the last, which carries the rest (an empty attachment is one empty segment).
 *
 * @param keyId the attachment key's identifier (lower-case hex)
 * @param segmentSize the plaintext bytes of every segment but the last
 * @param segmentCount the number of segments, {@code max(1, ceil(plaintextLength / segmentSize))}
 * @param plaintextLength the attachment's length in bytes
 * @param plaintextSha256 the SHA-256 of the whole plaintext (64 lower-case hex digits)
 * @param segmentTagsSha256 the SHA-256 of the segments' GCM tags in order (64 lower-case hex digits)
 */
public record SegmentManifest(String keyId, int segmentSize, long segmentCount, long plaintextLength, String plaintextSha256,
    String segmentTagsSha256) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a field is malformed or the count does not follow from the
   *     length and the segment size; use {@link #of} for values read from the wire
   */
  public SegmentManifest {
    AttachmentKey.checkId(keyId);
    checkSha256(plaintextSha256, "plaintextSha256");
    checkSha256(segmentTagsSha256, "segmentTagsSha256");
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
  }

  /**
   * The manifest read from a verified message, with a checked failure for bad values.
   *
   * @throws SegmentException {@code SEGMENT_MANIFEST_INVALID} if a field is malformed or
   *     inconsistent
   */
  public static SegmentManifest of(String keyId, int segmentSize, long segmentCount, long plaintextLength,
      String plaintextSha256, String segmentTagsSha256) throws SegmentException {
    try {
      return new SegmentManifest(keyId, segmentSize, segmentCount, plaintextLength, plaintextSha256, segmentTagsSha256);
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
