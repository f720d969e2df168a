package dev.mlat.crypto.internal;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle provider instance the module uses.
 *
 * <p>It is installed with {@code Security.addProvider}, which appends it at the lowest priority:
 * the JDK's providers keep precedence for every algorithm they implement (hashing, AES-GCM, TLS),
 * and BouncyCastle only answers where it is asked for explicitly or is the only implementation.
 * Installing it is needed because parts of BouncyCastle 1.87 look the provider up by name: the
 * composite ML-DSA + ECDSA and ML-KEM + ECDH key-pair generators call
 * {@code KeyPairGenerator.getInstance(..., "BC")} for their components and fail with "no such
 * provider: BC" otherwise. If the application installed a BouncyCastle provider already, that
 * instance is used.
 */
public final class Providers {
  private static final Provider BOUNCY_CASTLE = install();

  private Providers() {}

  private static synchronized Provider install() {
    Provider installed = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
    if (installed != null) {
      return installed;
    }
    Provider provider = new BouncyCastleProvider();
    Security.addProvider(provider);
    return provider;
  }

  /** The shared BouncyCastle provider (thread-safe). */
  public static Provider bouncyCastle() {
    return BOUNCY_CASTLE;
  }
}
