package dev.mlat.crypto.cms;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.KeyEstablishmentAlgorithm;
import dev.mlat.crypto.internal.AlgorithmIdentifiers;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Who a message is sealed for and how they obtain the content key.
 *
 * <p>{@link #of(Jurisdiction, X509Certificate)} picks the profile's algorithm from the certificate's
 * key: RSA-OAEP with SHA-256 for RSA; ECDH with the SHA-256/384/512 KDF for P-256/P-384/P-521;
 * ML-KEM-768/1024 and the composite ML-KEM + ECDH KEMs for their keys.
 *
 * @param jurisdiction the recipient's jurisdiction (the algorithm policy may differ per jurisdiction)
 * @param certificate the recipient's encryption certificate (validated by the caller's trust directory)
 * @param algorithm the key establishment; must be a key transport, agreement or encapsulation
 */
public record EncryptionRecipient(Jurisdiction jurisdiction, X509Certificate certificate, KeyEstablishmentAlgorithm algorithm) {

  /** Validates. */
  public EncryptionRecipient {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(algorithm, "algorithm");
    if (algorithm.kind() == KeyEstablishmentAlgorithm.Kind.KEY_WRAP) {
      throw new IllegalArgumentException("a certificate recipient needs key transport, agreement or encapsulation, not " + algorithm);
    }
  }

  /**
   * A recipient with the profile's algorithm for its certificate's key.
   *
   * @throws IllegalArgumentException for a key type the profile has no algorithm for
   */
  public static EncryptionRecipient of(Jurisdiction jurisdiction, X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    var d = AlgorithmIdentifiers.describe(certificate.getPublicKey());
    if (d.family() == null) {
      throw new IllegalArgumentException("no encryption algorithm for a " + d.describe());
    }
    KeyEstablishmentAlgorithm a;
    switch (d.family()) {
      case RSA:
        a = KeyEstablishmentAlgorithm.RSA_OAEP_SHA256;
        break;
      case EC:
        if (AlgorithmIdentifiers.P384.equals(d.curveOid())) {
          a = KeyEstablishmentAlgorithm.ECDH_SHA384_KDF;
        } else if (AlgorithmIdentifiers.P521.equals(d.curveOid())) {
          a = KeyEstablishmentAlgorithm.ECDH_SHA512_KDF;
        } else {
          a = KeyEstablishmentAlgorithm.ECDH_SHA256_KDF;
        }
        break;
      case ML_KEM_768:
        a = KeyEstablishmentAlgorithm.ML_KEM_768;
        break;
      case ML_KEM_1024:
        a = KeyEstablishmentAlgorithm.ML_KEM_1024;
        break;
      case MLKEM768_ECDH_P256:
        a = KeyEstablishmentAlgorithm.MLKEM768_ECDH_P256_SHA3_256;
        break;
      case MLKEM768_ECDH_P384:
        a = KeyEstablishmentAlgorithm.MLKEM768_ECDH_P384_SHA3_256;
        break;
      case MLKEM1024_ECDH_P384:
        a = KeyEstablishmentAlgorithm.MLKEM1024_ECDH_P384_SHA3_256;
        break;
      case MLKEM1024_ECDH_P521:
        a = KeyEstablishmentAlgorithm.MLKEM1024_ECDH_P521_SHA3_256;
        break;
      default:
        throw new IllegalArgumentException("no encryption algorithm for a " + d.describe());
    }
    return new EncryptionRecipient(jurisdiction, certificate, a);
  }
}
