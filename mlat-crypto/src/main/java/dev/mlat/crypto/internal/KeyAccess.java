package dev.mlat.crypto.internal;

import java.security.PrivateKey;
import java.security.Provider;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way code inside mlat-crypto reaches the private key of a {@code KeyIdentity}: the
 * identity type keeps its key out of the public API, and registers an accessor here when its
 * class initialises.
 */
public final class KeyAccess {
  /** What the keys package exposes to the CMS engine. */
  public interface Accessor {
    /** The private key handle (a token key is a non-extractable handle). */
    PrivateKey privateKey(Object identity);

    /** The provider that must perform operations with the key, or empty for software keys. */
    Optional<Provider> provider(Object identity);
  }

  private static volatile Accessor accessor;

  private KeyAccess() {}

  /** Called once by the keys package. */
  public static void register(Accessor a) {
    accessor = Objects.requireNonNull(a, "accessor");
  }

  /** The private key of {@code identity}. */
  public static PrivateKey privateKey(Object identity) {
    return accessor().privateKey(identity);
  }

  /** The token provider of {@code identity}, empty for a software key. */
  public static Optional<Provider> provider(Object identity) {
    return accessor().provider(identity);
  }

  private static Accessor accessor() {
    Accessor a = accessor;
    if (a == null) {
      throw new IllegalStateException("dev.mlat.crypto.keys.KeyIdentity is not initialised");
    }
    return a;
  }
}
