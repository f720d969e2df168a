package dev.mlat.crypto.segment;

import java.util.Arrays;
import java.util.Objects;

/**
 * The 16-byte AES-GCM tags of an attachment's segments, in stream order: the signed manifest's
 * authenticator of every segment and of its position. A segment is accepted at position {@code i}
 * only if its tag (verified under its own content key) equals {@link #tag(int) tag(i)}.
 *
 * <p>Immutable (copies in and out); 16 bytes per segment, so a 1 GiB attachment in 1 MiB segments
 * has 16 KiB of tags. For JSON, {@link #bytes()} concatenates them (base64 or hex).
 */
public final class SegmentTags {
  /** Bytes of one tag. */
  public static final int TAG_BYTES = 16;
  private final byte[] tags;

  private SegmentTags(byte[] tags) {
    this.tags = tags;
  }

  /**
   * The tags from their concatenation.
   *
   * @throws IllegalArgumentException if the length is not a positive multiple of 16
   */
  public static SegmentTags of(byte[] concatenated) {
    Objects.requireNonNull(concatenated, "concatenated");
    if (concatenated.length == 0 || concatenated.length % TAG_BYTES != 0) {
      throw new IllegalArgumentException("segment tags are a positive multiple of " + TAG_BYTES + " bytes, not "
          + concatenated.length);
    }
    return new SegmentTags(concatenated.clone());
  }

  /** The number of tags (segments). */
  public int count() {
    return tags.length / TAG_BYTES;
  }

  /** A copy of the tag of the segment at {@code index}. */
  public byte[] tag(int index) {
    Objects.checkIndex(index, count());
    return Arrays.copyOfRange(tags, index * TAG_BYTES, (index + 1) * TAG_BYTES);
  }

  /** Whether the tag at {@code index} equals {@code tag} (constant time in the tag's bytes). */
  public boolean matches(int index, byte[] tag) {
    Objects.checkIndex(index, count());
    if (tag.length != TAG_BYTES) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < TAG_BYTES; i++) {
      difference |= tags[index * TAG_BYTES + i] ^ tag[i];
    }
    return difference == 0;
  }

  /** The first index whose tag equals {@code tag}, or -1. */
  public int indexOf(byte[] tag) {
    for (int i = 0; i < count(); i++) {
      if (matches(i, tag)) {
        return i;
      }
    }
    return -1;
  }

  /** A copy of the concatenated tags. */
  public byte[] bytes() {
    return tags.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SegmentTags && Arrays.equals(tags, ((SegmentTags) other).tags);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tags);
  }

  @Override
  public String toString() {
    return "SegmentTags[" + count() + "]";
  }
}
