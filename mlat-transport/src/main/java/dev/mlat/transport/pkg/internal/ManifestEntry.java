package dev.mlat.transport.pkg.internal;

import dev.mlat.crypto.segment.AttachmentKey;
import dev.mlat.crypto.segment.SegmentManifest;
import java.util.Objects;

/**
 * One attachment as the signed message.json lists it. Holds the attachment key: never logged, not a
 * record (its {@code toString} leaves the key out).
 */
public final class ManifestEntry {
  private final String id;
  private final String entry;
  private final String name;
  private final String mediaType;
  private final SegmentManifest segments;
  private final AttachmentKey key;

  /** An entry; {@code segments} carries size and SHA-256 of the plaintext. */
  public ManifestEntry(String id, String entry, String name, String mediaType, SegmentManifest segments, AttachmentKey key) {
    this.id = Objects.requireNonNull(id, "id");
    this.entry = Objects.requireNonNull(entry, "entry");
    this.name = Objects.requireNonNull(name, "name");
    this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    this.segments = Objects.requireNonNull(segments, "segments");
    this.key = Objects.requireNonNull(key, "key");
  }

  public String id() {
    return id;
  }

  public String entry() {
    return entry;
  }

  public String name() {
    return name;
  }

  public String mediaType() {
    return mediaType;
  }

  public long size() {
    return segments.plaintextLength();
  }

  public String sha256() {
    return segments.plaintextSha256();
  }

  public SegmentManifest segments() {
    return segments;
  }

  public AttachmentKey key() {
    return key;
  }

  @Override
  public String toString() {
    return "ManifestEntry[" + id + ", " + entry + ", " + mediaType + ", " + size() + " bytes]";
  }
}
