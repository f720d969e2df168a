package dev.mlat.crypto.segment;

import dev.mlat.crypto.segment.internal.SegmentCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test helpers: sealing byte arrays, splitting and joining segment streams, recording sinks. */
final class Segments {
  static final SecureRandom RANDOM = new SecureRandom();
  static final int SIZE = SegmentedEncryptor.MIN_SEGMENT_SIZE;

  private Segments() {}

  /** A sealed attachment held in memory. */
  record Sealed(SegmentManifest manifest, AttachmentKey key, byte[] stream) {
    List<byte[]> segments() throws IOException {
      return split(stream);
    }
  }

  static byte[] plaintext(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static Sealed seal(byte[] plaintext, int segmentSize) throws IOException {
    var encryptor = SegmentedEncryptor.builder().segmentSize(segmentSize).threads(2).build();
    AttachmentKey key = AttachmentKey.generate(RANDOM);
    var out = new ByteArrayOutputStream();
    SegmentManifest manifest = encryptor.seal(key, new ByteArrayInputStream(plaintext), out);
    return new Sealed(manifest, key, out.toByteArray());
  }

  static List<byte[]> split(byte[] stream) throws IOException {
    List<byte[]> segments = new ArrayList<>();
    InputStream in = new ByteArrayInputStream(stream);
    try {
      for (long i = 0; ; i++) {
        byte[] segment = SegmentCodec.readFramed(in, Integer.MAX_VALUE, i);
        if (segment == null) {
          return segments;
        }
        segments.add(segment);
      }
    } catch (SegmentException e) {
      throw new IOException(e);
    }
  }

  static byte[] join(List<byte[]> segments) {
    var out = new ByteArrayOutputStream();
    segments.forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** A sink that records what it was given and which of commit and abort was called. */
  static final class RecordingSink implements PlaintextSink {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    /** The distinct arrays the decryptor wrote from (by identity). */
    final java.util.Set<byte[]> arrays = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    int commits;
    int aborts;

    @Override
    public void write(byte[] bytes, int offset, int length) {
      arrays.add(bytes);
      written.write(bytes, offset, length);
    }

    @Override
    public void commit() {
      commits++;
    }

    @Override
    public void abort() {
      aborts++;
    }

    byte[] released() {
      return commits == 1 ? written.toByteArray() : new byte[0];
    }
  }
}
