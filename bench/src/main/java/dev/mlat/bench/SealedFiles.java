package dev.mlat.bench;

import dev.mlat.crypto.segment.AttachmentKey;
import dev.mlat.crypto.segment.PlaintextSink;
import dev.mlat.crypto.segment.SegmentException;
import dev.mlat.crypto.segment.SegmentManifest;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Benchmark plumbing: the manifest and attachment key of a sealed benchmark file, kept in a
 * properties file beside it (benchmark data only: in a package they travel inside the signed,
 * encrypted message), and a sink that discards plaintext.
 */
final class SealedFiles {
  private SealedFiles() {}

  /** A manifest with its key. */
  record Sealed(SegmentManifest manifest, AttachmentKey key) {}

  static Path manifestFile(Path sealed) {
    return sealed.resolveSibling(sealed.getFileName() + ".manifest");
  }

  static void write(Path sealed, SegmentManifest manifest, AttachmentKey key) throws IOException {
    Properties p = new Properties();
    p.setProperty("keyId", manifest.keyId());
    p.setProperty("key", key.keyHex());
    p.setProperty("segmentSize", Integer.toString(manifest.segmentSize()));
    p.setProperty("segmentCount", Long.toString(manifest.segmentCount()));
    p.setProperty("plaintextLength", Long.toString(manifest.plaintextLength()));
    p.setProperty("plaintextSha256", manifest.plaintextSha256());
    p.setProperty("segmentTags", HexFormat.of().formatHex(manifest.segmentTags().bytes()));
    try (Writer w = Files.newBufferedWriter(manifestFile(sealed))) {
      p.store(w, "benchmark data only");
    }
  }

  static Sealed read(Path sealed) throws IOException, SegmentException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(manifestFile(sealed))) {
      p.load(r);
    }
    SegmentManifest manifest = SegmentManifest.of(p.getProperty("keyId"), Integer.parseInt(p.getProperty("segmentSize")),
        Long.parseLong(p.getProperty("segmentCount")), Long.parseLong(p.getProperty("plaintextLength")),
        p.getProperty("plaintextSha256"), HexFormat.of().parseHex(p.getProperty("segmentTags")));
    return new Sealed(manifest, AttachmentKey.of(p.getProperty("keyId"), HexFormat.of().parseHex(p.getProperty("key"))));
  }

  /** Discards plaintext (measures the engine without the disk). */
  static final class Discard implements PlaintextSink {
    long bytes;

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }

    @Override
    public void commit() {}

    @Override
    public void abort() {}
  }
}
