package dev.mlat.bench;

import dev.mlat.crypto.segment.AttachmentKey;
import dev.mlat.crypto.segment.OpenedAttachment;
import dev.mlat.crypto.segment.SegmentManifest;
import dev.mlat.crypto.segment.SegmentedDecryptor;
import dev.mlat.crypto.segment.SegmentedEncryptor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Times sealing or opening one file in this process, round after round: round 1 is the fresh-JVM
 * figure, later rounds show the warm-up. Used by bench/fresh.sh.
 *
 * <pre>
 * FreshRun seal FILE [--segment-size BYTES] [--threads N] [--rounds R] [--discard]
 *     seals FILE into FILE.BYTES.seg (+ .manifest); --discard seals into nothing
 * FreshRun open FILE [--segment-size BYTES] [--threads N] [--rounds R] [--discard]
 *     opens FILE.BYTES.seg into FILE.out (quarantine + atomic move); --discard opens into a
 *     discarding sink
 * </pre>
 * Prints one line per round: {@code round=1 op=seal bytes=... seconds=... MBps=... heapMaxMiB=...}.
 */
public final class FreshRun {
  private FreshRun() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    String op = args[0];
    Path file = Path.of(args[1]);
    int segmentSize = SegmentedEncryptor.DEFAULT_SEGMENT_SIZE;
    int threads = Runtime.getRuntime().availableProcessors();
    int rounds = 1;
    boolean discard = false;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--segment-size" -> segmentSize = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--discard" -> discard = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path sealed = file.resolveSibling(file.getFileName() + "." + segmentSize + ".seg");
    Path opened = file.resolveSibling(file.getFileName() + ".out");
    SecureRandom random = new SecureRandom();
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      long bytes;
      if (op.equals("seal")) {
        var encryptor = SegmentedEncryptor.builder().segmentSize(segmentSize).threads(threads).random(random).build();
        AttachmentKey key = AttachmentKey.generate(random);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
            OutputStream out = discard ? OutputStream.nullOutputStream()
                : new BufferedOutputStream(Files.newOutputStream(sealed), 1 << 20)) {
          SegmentManifest manifest = encryptor.seal(key, in, out);
          bytes = manifest.plaintextLength();
          if (!discard) {
            SealedFiles.write(sealed, manifest, key);
          }
        }
      } else if (op.equals("open")) {
        SealedFiles.Sealed s = SealedFiles.read(sealed);
        var decryptor = SegmentedDecryptor.builder().threads(threads).build();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(sealed), 1 << 20)) {
          OpenedAttachment result = discard ? decryptor.open(s.manifest(), s.key(), in, new SealedFiles.Discard())
              : decryptor.open(s.manifest(), s.key(), in, opened);
          bytes = result.plaintextLength();
        }
      } else {
        throw new IllegalArgumentException("seal or open, not " + op);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "round=%d op=%s bytes=%d seconds=%.3f MBps=%.0f sinceStart=%.3f heapMaxMiB=%d%n", round, op,
          bytes, seconds, bytes / seconds / 1e6, (System.nanoTime() - start) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
    }
  }
}
