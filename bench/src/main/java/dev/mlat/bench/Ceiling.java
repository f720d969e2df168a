package dev.mlat.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ceiling on this JVM: SHA-256 and AES-256-GCM (the JDK's providers) over the bytes of a file
 * read from the page cache, one thread, round after round (round 1 includes the JIT warm-up; the
 * warm figure is the best later round). Reading alone is timed too.
 *
 * <pre>java -cp ... dev.mlat.bench.Ceiling FILE [rounds]</pre>
 * Prints {@code ceiling what=sha256 round=N MBps=...}.
 */
public final class Ceiling {
  private static Cipher warmGcm;

  private Ceiling() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    long size = Files.size(file);
    byte[] buffer = new byte[1 << 20];
    byte[] out = new byte[(1 << 14) + 16];
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[32];
    random.nextBytes(key);
    // the ceiling is the JIT-compiled path: warm it up by call count first (as JitWarmup does), untimed
    byte[] small = new byte[1024];
    byte[] smallOut = new byte[1024 + 16];
    MessageDigest warmSha = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < 40_000; i++) {
      if (i % 4000 == 0) {
        warmGcm = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        warmGcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
      }
      warmGcm.update(small, 0, small.length, smallOut, 0);
      warmSha.update(small);
    }
    for (String what : new String[] {"read", "sha256", "aes256gcm"}) {
      for (int round = 1; round <= rounds; round++) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        long sink = 0;
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
          for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0;) {
            for (int off = 0; off < n; off += 1 << 14) {
              int len = Math.min(1 << 14, n - off);
              switch (what) {
                case "sha256" -> sha.update(buffer, off, len);
                case "aes256gcm" -> sink += gcm.update(buffer, off, len, out, 0);
                default -> sink += buffer[off];
              }
            }
          }
        }
        if (what.equals("sha256")) {
          sink += sha.digest()[0];
        } else if (what.equals("aes256gcm")) {
          sink += gcm.doFinal(out, 0);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "ceiling what=%s round=%d bytes=%d seconds=%.3f MBps=%.0f (%d)%n", what, round, size, seconds,
            size / seconds / 1e6, sink & 1);
      }
    }
  }
}
