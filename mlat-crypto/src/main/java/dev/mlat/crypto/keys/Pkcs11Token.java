package dev.mlat.crypto.keys;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import java.io.IOException;
import java.nio.file.Files;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;

/**
 * Identities on a PKCS#11 token (HSM), used through the JDK's SunPKCS11 provider. Private keys stay
 * on the token: signing runs on the token; decryption runs raw ECDH on the token and the key
 * derivation and key unwrap in software (SunPKCS11 has no RSA-OAEP and no ECDH with the CMS KDF).
 * RSA keys on a token can sign but not decrypt: that is refused with KEY_OPERATION_UNSUPPORTED,
 * never done with RSA PKCS#1 v1.5.
 *
 * <pre>{@code
 * var settings = Pkcs11Settings.slot("hsm", Path.of("/usr/lib/softhsm/libsofthsm2.so"), slotId);
 * try (Pkcs11Token token = Pkcs11Token.open(settings, pin)) {   // pin is wiped
 *   KeyRing ring = token.keyRing();
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} logs out of the token.
 */
public final class Pkcs11Token implements AutoCloseable {
  private final Provider provider;
  private final KeyRing keyRing;

  private Pkcs11Token(Provider provider, KeyRing keyRing) {
    this.provider = provider;
    this.keyRing = keyRing;
  }

  /**
   * Loads the module, logs in with {@code pin} and reads every private key that has a certificate.
   *
   * @param pin the user PIN; zeroed before return
   * @throws MlatCryptoException HSM_UNAVAILABLE, HSM_LOGIN_FAILED
   */
  public static Pkcs11Token open(Pkcs11Settings settings, char[] pin) throws MlatCryptoException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(pin, "pin");
    try {
      if (!Files.isReadable(settings.library())) {
        throw new MlatCryptoException(CryptoErrorCode.HSM_UNAVAILABLE, "PKCS#11 module " + settings.library() + " not found");
      }
      Provider base = Security.getProvider("SunPKCS11");
      if (base == null) {
        throw new MlatCryptoException(CryptoErrorCode.HSM_UNAVAILABLE, "the JDK has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
      }
      Provider provider;
      try {
        provider = base.configure("--" + settings.sunPkcs11Configuration());
      } catch (RuntimeException e) {
        throw new MlatCryptoException(CryptoErrorCode.HSM_UNAVAILABLE,
            "cannot use PKCS#11 token (" + settings.name() + "): " + rootMessage(e), e);
      }
      KeyStore store = KeyStore.getInstance("PKCS11", provider);
      try {
        store.load(null, pin);
      } catch (IOException e) {
        if (isLoginFailure(e)) {
          throw new MlatCryptoException(CryptoErrorCode.HSM_LOGIN_FAILED,
              "login to PKCS#11 token (" + settings.name() + ") failed: " + rootMessage(e));
        }
        throw new MlatCryptoException(CryptoErrorCode.HSM_UNAVAILABLE,
            "cannot open PKCS#11 token (" + settings.name() + "): " + rootMessage(e));
      }
      var identities = new ArrayList<KeyIdentity>();
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        Certificate[] chain = store.getCertificateChain(alias);
        var key = store.getKey(alias, null);
        if (!(key instanceof PrivateKey) || chain == null || chain.length == 0) {
          continue;
        }
        var certificates = new ArrayList<X509Certificate>();
        for (Certificate c : chain) {
          certificates.add((X509Certificate) c);
        }
        identities.add(new KeyIdentity(alias, (PrivateKey) key, provider, KeySource.PKCS11, certificates));
      }
      return new Pkcs11Token(provider, KeyRing.of(identities));
    } catch (GeneralSecurityException e) {
      throw new MlatCryptoException(CryptoErrorCode.HSM_UNAVAILABLE,
          "cannot read PKCS#11 token (" + settings.name() + "): " + rootMessage(e));
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  private static boolean isLoginFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (t instanceof FailedLoginException || m.contains("CKR_PIN_INCORRECT") || m.contains("CKR_PIN_LOCKED")
          || m.contains("CKR_PIN_INVALID") || m.contains("CKR_PIN_LEN_RANGE")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /** The identities on the token (key entries with a certificate chain). */
  public KeyRing keyRing() {
    return keyRing;
  }

  /** The configured SunPKCS11 provider instance (for importing keys through its KeyStore in set-up code). */
  public Provider provider() {
    return provider;
  }

  /** Logs out of the token. */
  @Override
  public void close() {
    if (provider instanceof AuthProvider) {
      try {
        ((AuthProvider) provider).logout();
      } catch (LoginException e) {
        // Logging out of a token that already closed its session leaves nothing to release.
      }
    }
  }

  @Override
  public String toString() {
    return "Pkcs11Token[" + provider.getName() + ", " + keyRing.identities().size() + " identities]";
  }
}
