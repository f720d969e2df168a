package dev.mlat.crypto.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.InputStreamWithMAC;
import org.bouncycastle.jcajce.io.CipherInputStream;
import org.bouncycastle.operator.InputAEADDecryptor;

/**
 * The AES-256-GCM content decryptor of one AuthEnvelopedData, as BouncyCastle's
 * {@code CMSInputAEADDecryptor} (BouncyCastle's {@code CipherInputStream} over the JDK's cipher:
 * nothing is released before the tag verified; the tag from an {@link InputStreamWithMAC}), on a
 * cipher each thread reuses. The cipher is taken out while a message uses it and handed back only
 * when its stream reached the end (the tag verified), so two decryptions never share one; one
 * abandoned half-way is simply not reused. The next {@code init} with the next message's key and
 * nonce resets it entirely.
 */
final class GcmContentDecryptor implements InputAEADDecryptor {
  static final int TAG_BYTES = 16;
  static final int NONCE_BYTES = 12;

  private static final ThreadLocal<Cipher> FREE = new ThreadLocal<>();
  /** The provider BouncyCastle's default lookup found for this cipher before (the JDK's), found once. */
  private static final Provider PROVIDER = provider();

  private final AlgorithmIdentifier algorithm;
  private final Cipher cipher;
  private InputStream input;

  private GcmContentDecryptor(AlgorithmIdentifier algorithm, Cipher cipher) {
    this.algorithm = algorithm;
    this.cipher = cipher;
  }

  private static Provider provider() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding").getProvider();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no AES/GCM/NoPadding", e);
    }
  }

  static GcmContentDecryptor create(AlgorithmIdentifier algorithm, GCMParameters parameters, Key key) throws CMSException {
    Cipher cipher = FREE.get();
    try {
      if (cipher != null) {
        FREE.remove();
      } else {
        cipher = Cipher.getInstance("AES/GCM/NoPadding", PROVIDER);
      }
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(parameters.getIcvLen() * 8, parameters.getNonce()));
    } catch (GeneralSecurityException e) {
      throw new CMSException("cannot create the content cipher: " + e.getMessage(), e);
    }
    return new GcmContentDecryptor(algorithm, cipher);
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return algorithm;
  }

  @Override
  public InputStream getInputStream(InputStream in) {
    this.input = in;
    return new FilterInputStream(new CipherInputStream(in, cipher)) {
      private boolean ended;

      @Override
      public int read() throws IOException {
        return ended(super.read());
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return ended(super.read(b, off, len));
      }

      private int ended(int n) {
        if (n < 0 && !ended) {
          ended = true;
          FREE.set(cipher); // doFinal ran and the tag verified: the cipher's encryption is over
        }
        return n;
      }
    };
  }

  /** Authenticated attributes (the profile has none; the JDK's cipher refuses AAD after data, as before). */
  @Override
  public OutputStream getAADStream() {
    return AadStream.of(cipher);
  }

  @Override
  public byte[] getMAC() {
    return input instanceof InputStreamWithMAC ? ((InputStreamWithMAC) input).getMAC() : null;
  }

  /** For tests: whether this thread holds a cipher to reuse. */
  static boolean threadHoldsCipher() {
    return FREE.get() != null;
  }

  /** For tests: forget this thread's cipher. */
  static void forget() {
    FREE.remove();
  }
}
