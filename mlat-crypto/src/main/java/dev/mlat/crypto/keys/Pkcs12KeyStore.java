package dev.mlat.crypto.keys;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.internal.Providers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Loads identities from a PKCS#12 file: every key entry with its certificate chain becomes a
 * {@link KeyIdentity}. Uses BouncyCastle's PKCS#12 implementation, which reads PBES2/AES key
 * bags and ML-DSA, ML-KEM and composite keys as well as RSA and EC.
 *
 * <pre>{@code
 * char[] password = console.readPassword();
 * KeyRing ring = Pkcs12KeyStore.load(Path.of("fr-moj.p12"), password);  // password now zeroed
 * }</pre>
 *
 * <p>The password array is overwritten with zeros before the method returns, whether it succeeds
 * or not; it never appears in messages. Stateless and thread-safe.
 */
public final class Pkcs12KeyStore {
  /** Default maximum size of a PKCS#12 file: 1 MiB. */
  public static final long DEFAULT_MAX_BYTES = 1L << 20;
  /** Default maximum number of entries (keys and certificates). */
  public static final int DEFAULT_MAX_ENTRIES = 64;

  private Pkcs12KeyStore() {}

  /** {@link #load(Path, char[], long, int)} with the default limits. */
  public static KeyRing load(Path file, char[] password) throws MlatCryptoException {
    return load(file, password, DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES);
  }

  /**
   * Loads every key entry of a PKCS#12 file.
   *
   * @param password the store (and key) password; zeroed before return
   * @param maxBytes the largest file accepted
   * @param maxEntries the most entries accepted
   * @throws MlatCryptoException KEYSTORE_INVALID, KEYSTORE_WRONG_PASSWORD, KEYSTORE_LIMIT_EXCEEDED
   */
  public static KeyRing load(Path file, char[] password, long maxBytes, int maxEntries) throws MlatCryptoException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(password, "password");
    try {
      if (maxBytes <= 0 || maxEntries <= 0) {
        throw new IllegalArgumentException("limits must be positive: maxBytes=" + maxBytes + ", maxEntries=" + maxEntries);
      }
      byte[] bytes = readBounded(file, maxBytes);
      KeyStore store = KeyStore.getInstance("PKCS12", Providers.bouncyCastle());
      try {
        store.load(new ByteArrayInputStream(bytes), password);
      } catch (IOException e) {
        if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
          throw new MlatCryptoException(CryptoErrorCode.KEYSTORE_WRONG_PASSWORD,
              "wrong password for PKCS#12 key store " + file.getFileName());
        }
        throw new MlatCryptoException(CryptoErrorCode.KEYSTORE_INVALID,
            "PKCS#12 key store " + file.getFileName() + " cannot be read: " + e.getMessage());
      }
      if (store.size() > maxEntries) {
        throw new MlatCryptoException(CryptoErrorCode.KEYSTORE_LIMIT_EXCEEDED,
            "PKCS#12 key store " + file.getFileName() + " holds " + store.size() + " entries, more than the limit of " + maxEntries);
      }
      var identities = new ArrayList<KeyIdentity>();
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        PrivateKey key;
        try {
          key = (PrivateKey) store.getKey(alias, password);
        } catch (UnrecoverableKeyException e) {
          throw new MlatCryptoException(CryptoErrorCode.KEYSTORE_WRONG_PASSWORD,
              "wrong password for key '" + alias + "' in " + file.getFileName());
        }
        Certificate[] chain = store.getCertificateChain(alias);
        if (key == null || chain == null || chain.length == 0) {
          continue;
        }
        identities.add(new KeyIdentity(alias, key, null, KeySource.PKCS12, x509(chain, file)));
      }
      if (identities.isEmpty()) {
        throw new MlatCryptoException(CryptoErrorCode.KEYSTORE_INVALID,
            "PKCS#12 key store " + file.getFileName() + " holds no private key with a certificate");
      }
      return KeyRing.of(identities);
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new MlatCryptoException(CryptoErrorCode.KEYSTORE_INVALID,
          "PKCS#12 key store " + file.getFileName() + " cannot be read: " + e.getClass().getSimpleName());
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static List<X509Certificate> x509(Certificate[] chain, Path file) throws MlatCryptoException {
    var out = new ArrayList<X509Certificate>();
    for (Certificate c : chain) {
      if (!(c instanceof X509Certificate)) {
        throw new MlatCryptoException(CryptoErrorCode.KEYSTORE_INVALID, "non-X.509 certificate in " + file.getFileName());
      }
      out.add((X509Certificate) c);
    }
    return out;
  }

  private static byte[] readBounded(Path file, long maxBytes) throws MlatCryptoException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new MlatCryptoException(CryptoErrorCode.KEYSTORE_LIMIT_EXCEEDED,
            "PKCS#12 key store " + file.getFileName() + " is larger than the limit of " + maxBytes + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new MlatCryptoException(CryptoErrorCode.KEYSTORE_INVALID,
          "cannot read PKCS#12 key store " + file + ": " + e.getMessage());
    }
  }
}
