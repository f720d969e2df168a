package dev.mlat.crypto.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PKCS12Attribute;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The fast reader of {@link Pkcs12KeyStore}: the JDK's PKCS12 KeyStore of provider SUN (PBKDF2 and
 * the MAC on the JDK's SHA-256; no BouncyCastle provider needed), for stores whose key entries are
 * all EC or RSA keys. It answers with every identity of the store, or with nothing, and then
 * BouncyCastle's reader reads the file and decides (so error codes and messages do not depend on
 * which reader ran first). It steps aside for:
 *
 * <ul>
 *   <li>anything the JDK refuses (wrong password, corrupt file, unknown algorithms: the JDK cannot
 *       decode an ML-DSA, ML-KEM or composite key on JDK 17);
 *   <li>a key of another family than EC and RSA (an ML-DSA key the JDK 24+ decodes, RSASSA-PSS);
 *   <li>a file that is not DER (the SUN PKCS12 type also reads JKS files, which are no PKCS#12);
 *   <li>a key entry without a friendly name (the labels of the two readers differ there), a secret
 *       key entry, a chain with a non-X.509 certificate;
 *   <li>more entries than the limit, or no key entry at all.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class JdkPkcs12 {
  private static final String FRIENDLY_NAME = "1.2.840.113549.1.9.20";

  private JdkPkcs12() {}

  /**
   * The identities of the store, when the JDK reads it completely; the password is not modified
   * (the caller wipes it).
   */
  static Optional<List<KeyIdentity>> identities(byte[] bytes, char[] password, int maxEntries) {
    if (bytes.length == 0 || bytes[0] != 0x30) {
      return Optional.empty();
    }
    Provider sun = Security.getProvider("SUN");
    if (sun == null || sun.getService("KeyStore", "PKCS12") == null) {
      return Optional.empty();
    }
    var protection = new KeyStore.PasswordProtection(password);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12", sun);
      store.load(new ByteArrayInputStream(bytes), password);
      if (store.size() > maxEntries) {
        return Optional.empty();
      }
      var identities = new ArrayList<KeyIdentity>();
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        KeyStore.Entry entry = store.getEntry(alias, protection);
        if (!(entry instanceof KeyStore.PrivateKeyEntry)) {
          return Optional.empty();
        }
        var keyEntry = (KeyStore.PrivateKeyEntry) entry;
        PrivateKey key = keyEntry.getPrivateKey();
        Optional<String> label = friendlyName(keyEntry);
        List<X509Certificate> chain = x509(keyEntry.getCertificateChain());
        if (!representable(key) || label.isEmpty() || chain.isEmpty()) {
          return Optional.empty();
        }
        identities.add(new KeyIdentity(label.get(), key, null, KeySource.PKCS12, chain));
      }
      return identities.isEmpty() ? Optional.empty() : Optional.of(identities);
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      // BouncyCastle's reader reads the file again and reports what is wrong with it
      return Optional.empty();
    } finally {
      try {
        protection.destroy();
      } catch (javax.security.auth.DestroyFailedException e) {
        // PasswordProtection.destroy only wipes its own copy; it does not fail
      }
    }
  }

  /** EC and RSA keys: what both readers represent alike, and what the CMS engine takes from either. */
  private static boolean representable(PrivateKey key) {
    return (key instanceof ECPrivateKey && "EC".equals(key.getAlgorithm()))
        || (key instanceof RSAPrivateKey && "RSA".equals(key.getAlgorithm()));
  }

  /**
   * The entry's friendly name as written (the JDK's alias is lower-cased; BouncyCastle's label is
   * not). For an entry without one the JDK makes up a number ("1", "2", ...) where BouncyCastle
   * labels the entry by its local key id: all-digit names are left to BouncyCastle.
   */
  private static Optional<String> friendlyName(KeyStore.PrivateKeyEntry entry) {
    for (KeyStore.Entry.Attribute a : entry.getAttributes()) {
      if (a instanceof PKCS12Attribute && FRIENDLY_NAME.equals(a.getName())) {
        String name = a.getValue();
        if (name == null || name.isEmpty() || name.chars().allMatch(Character::isDigit)) {
          return Optional.empty();
        }
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private static List<X509Certificate> x509(Certificate[] chain) {
    if (chain == null) {
      return List.of();
    }
    var out = new ArrayList<X509Certificate>();
    for (Certificate c : chain) {
      if (!(c instanceof X509Certificate)) {
        return List.of();
      }
      out.add((X509Certificate) c);
    }
    return out;
  }
}
