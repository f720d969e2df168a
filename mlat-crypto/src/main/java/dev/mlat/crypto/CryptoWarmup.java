package dev.mlat.crypto;

import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.segment.internal.JitWarmup;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Start-up help for a short-lived process (a command): begins, on background daemon threads, work
 * that the first signature, decryption or sealing would otherwise do on the caller's thread, so that
 * it runs beside the caller's own start-up (parsing arguments, reading the PKCS#12 file and the
 * trust directory). A long-running server does not need it: that work is paid once.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   CryptoWarmup.provider();      // the BouncyCastle provider, ready when the first key is used
 *   CryptoWarmup.bulkCrypto();    // AES-GCM and SHA-256 on their compiled paths, for large attachments
 *   ...
 * }
 * }</pre>
 *
 * <p>Both methods return at once and do their work once per JVM; nothing here changes a result, only
 * when the work is done. Measured effect: docs/PERFORMANCE.md, "Fresh-process start-up (session 3)".
 * Thread-safe.
 */
public final class CryptoWarmup {
  private static final AtomicBoolean PROVIDER = new AtomicBoolean();

  private CryptoWarmup() {}

  /**
   * Loads and installs the BouncyCastle provider (its class loading costs about 0.15-0.2 s of CPU in
   * a fresh JVM) on a daemon thread.
   */
  public static void provider() {
    if (!PROVIDER.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(Providers::bouncyCastle, "mlat-provider-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Starts the segment engine's JIT warm-up (AES-GCM and SHA-256 brought onto their compiled,
   * hardware-accelerated paths) now rather than when the first segmented encryptor or decryptor is
   * built. Disabled, like the engine's own, by the system property {@code mlat.segment.warmup=false}.
   */
  public static void bulkCrypto() {
    JitWarmup.start();
  }
}
