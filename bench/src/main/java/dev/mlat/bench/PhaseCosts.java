package dev.mlat.bench;

import dev.mlat.crypto.segment.internal.SegmentCodec;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the time goes: one thread, per GiB of 'segment'-sized segments, the CPU seconds of sealing
 * one segment (key wrap, AES-GCM, DER), parsing one (BouncyCastle), opening one (unwrap, AES-CTR,
 * GCM tag check) and the SHA-256 of its plaintext, round after round (round 0 includes warm-up).
 *
 * <pre>java -cp ... dev.mlat.bench.PhaseCosts [segmentBytes] [rounds]</pre>
 */
public final class PhaseCosts {
  private PhaseCosts() {}

  public static void main(String[] args) throws Exception {
    int segment = args.length > 0 ? Integer.parseInt(args[0]) : 262144;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    SecureRandom random = new SecureRandom();
    byte[] kekBytes = new byte[32];
    random.nextBytes(kekBytes);
    SecretKey kek = new SecretKeySpec(kekBytes, "AES");
    byte[] kekId = new byte[16];
    byte[] plaintext = new byte[segment];
    random.nextBytes(plaintext);
    int perGib = (int) ((1L << 30) / segment);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    for (int round = 0; round < rounds; round++) {
      long seal = 0;
      long parse = 0;
      long open = 0;
      long digest = 0;
      for (int i = 0; i < perGib; i++) {
        byte[] cek = new byte[32];
        random.nextBytes(cek);
        long t0 = System.nanoTime();
        var sealed = SegmentCodec.seal(kek, kekId, i, false, plaintext, 0, segment, cek);
        long t1 = System.nanoTime();
        var parsed = SegmentCodec.parse(sealed.encoded(), i);
        long t2 = System.nanoTime();
        byte[] opened = SegmentCodec.open(kek, parsed, i);
        long t3 = System.nanoTime();
        sha256.update(opened);
        long t4 = System.nanoTime();
        seal += t1 - t0;
        parse += t2 - t1;
        open += t3 - t2;
        digest += t4 - t3;
      }
      System.out.printf(Locale.ROOT, "segment=%d round=%d load=%s seconds per GiB: seal %.3f parse %.3f open %.3f sha256 %.3f%n",
          segment, round, loadAverage(), seal / 1e9, parse / 1e9, open / 1e9, digest / 1e9);
    }
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
