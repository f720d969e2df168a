package dev.mlat.crypto.internal;

import java.io.OutputStream;
import javax.crypto.Cipher;

/**
 * An {@link OutputStream} whose bytes go to a cipher's additional authenticated data
 * ({@link Cipher#updateAAD}), for the {@code getAADStream()} of BouncyCastle's AEAD operator
 * interfaces. Not thread-safe (as the cipher).
 */
public final class AadStream extends OutputStream {
  private final Cipher cipher;

  private AadStream(Cipher cipher) {
    this.cipher = cipher;
  }

  /** The AAD stream of {@code cipher}. */
  public static OutputStream of(Cipher cipher) {
    return new AadStream(cipher);
  }

  @Override
  public void write(int b) {
    cipher.updateAAD(new byte[] {(byte) b});
  }

  @Override
  public void write(byte[] b, int off, int len) {
    cipher.updateAAD(b, off, len);
  }
}
