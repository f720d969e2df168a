package dev.mlat.crypto.cms;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jcajce.io.CipherOutputStream;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.MacCaptureStream;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JceGenericKey;

/**
 * The AES-256-GCM content encryptor of one AuthEnvelopedData (RFC 5084: a fresh 256-bit key, a
 * fresh 12-byte nonce, a 16-byte tag), as BouncyCastle's {@code JceCMSContentEncryptorBuilder}
 * builds it (the same AlgorithmIdentifier, the ciphertext through BouncyCastle's
 * {@code CipherOutputStream} with the tag captured by its {@code MacCaptureStream}), but on a
 * {@link Cipher} each thread keeps: creating a JDK cipher (a provider lookup and a reflective
 * instantiation), a key generator and the parameters' round trip through {@code AlgorithmParameters}
 * was a few percent of a small package's seal. Re-initialising the JDK's GCM cipher with a new
 * key and nonce starts a new, independent encryption.
 *
 * <p>One instance per AuthEnvelopedData, used by one thread; {@link #close()} hands the cipher back.
 */
final class GcmContentEncryptor implements OutputAEADEncryptor, AutoCloseable {
  static final int TAG_BYTES = 16;
  static final int NONCE_BYTES = 12;

  /** The cipher each thread reuses, absent while one of its encryptions holds it (so a nested one makes its own). */
  private static final ThreadLocal<Cipher> CIPHERS = new ThreadLocal<>();

  private final AlgorithmIdentifier algorithm;
  private final SecretKey key;
  private Cipher cipher;
  private MacCaptureStream macOut;

  private GcmContentEncryptor(AlgorithmIdentifier algorithm, SecretKey key, Cipher cipher) {
    this.algorithm = algorithm;
    this.key = key;
    this.cipher = cipher;
  }

  /** A fresh key and nonce from {@code random}; the cipher is {@code provider}'s "AES/GCM/NoPadding". */
  static GcmContentEncryptor create(SecureRandom random, Provider provider) throws GeneralSecurityException {
    byte[] keyBytes = new byte[32];
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(keyBytes);
    random.nextBytes(nonce);
    SecretKey key = new SecretKeySpec(keyBytes, "AES");
    Arrays.fill(keyBytes, (byte) 0);
    Cipher cipher = CIPHERS.get();
    if (cipher != null && cipher.getProvider() == provider) {
      CIPHERS.remove();
    } else {
      cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
    }
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
    var algorithm = new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, TAG_BYTES));
    return new GcmContentEncryptor(algorithm, key, cipher);
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return algorithm;
  }

  @Override
  public OutputStream getOutputStream(OutputStream out) {
    macOut = new MacCaptureStream(out, TAG_BYTES);
    return new CipherOutputStream(macOut, cipher);
  }

  @Override
  public GenericKey getKey() {
    return new JceGenericKey(algorithm, key);
  }

  /** Additional authenticated data (authenticated attributes; this library sends none). */
  @Override
  public OutputStream getAADStream() {
    return dev.mlat.crypto.internal.AadStream.of(cipher);
  }

  @Override
  public byte[] getMAC() {
    if (macOut == null) {
      throw new IllegalStateException("no content was encrypted");
    }
    return macOut.getMac();
  }

  /**
   * Hands the cipher back to this thread for its next encryption. Whether this one completed or
   * failed half-way, the next {@code init} (with a new key and nonce) resets the cipher entirely.
   */
  @Override
  public void close() {
    if (cipher != null) {
      CIPHERS.set(cipher);
      cipher = null;
    }
  }

  /** For tests: whether this thread holds a cipher to reuse. */
  static boolean threadHoldsCipher() {
    return CIPHERS.get() != null;
  }

}
