package dev.mlat.crypto.segment.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Brings the JDK's AES-GCM (encryption in pieces, decryption in one call) and SHA-256 onto their
 * compiled, hardware-accelerated paths
 * early in a fresh JVM. HotSpot substitutes the AES and GHASH intrinsics only in compiled callers,
 * and compiles a method after a number of calls, not of bytes; so a few thousand calls on 512-byte
 * inputs (cheap even on the slow path) get the callers compiled, where the same number of calls on
 * 16 KiB pieces of real data would first run a few hundred MiB through the slow Java code
 * (docs/PERFORMANCE.md). Runs once per JVM on a daemon thread, beside the first sealing or opening
 * (which meanwhile loads and verifies BouncyCastle's signed jar). Disabled with the system
 * property {@code mlat.segment.warmup=false}.
 */
public final class JitWarmup {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final int CALLS = 12_000;
  private static final int PIECE = 512;

  private JitWarmup() {}

  /** Starts the warm-up once per JVM; returns at once. */
  public static void start() {
    if ("false".equals(System.getProperty("mlat.segment.warmup")) || !STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(JitWarmup::run, "mlat-segment-jit-warmup");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  private static void run() {
    try {
      SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
      byte[] in = new byte[2 * PIECE];
      byte[] out = new byte[2 * PIECE + 16];
      byte[] nonce = new byte[12];
      byte[] back = new byte[2 * PIECE];
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
      Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256", "SUN");
      for (int i = 0; i < CALLS; i++) {
        // a fresh nonce each time: the JDK refuses to encrypt twice under one key and nonce
        nonce[0] = (byte) i;
        nonce[1] = (byte) (i >>> 8);
        nonce[2] = (byte) (i >>> 16);
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        int n = gcm.update(in, 0, PIECE, out, 0);
        n += gcm.doFinal(in, PIECE, PIECE, out, n);
        decrypt.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        decrypt.doFinal(out, 0, n, back, 0);
        sha256.update(in, 0, 2 * PIECE);
      }
      sha256.digest();
    } catch (GeneralSecurityException | RuntimeException e) {
      // Only speed is at stake: the real work runs the same code whether or not this finished.
    }
  }
}
