package dev.mlat.crypto;

import dev.mlat.crypto.internal.AlgorithmIdentifiers;
import java.util.Optional;

/**
 * How a recipient obtains the content-encryption key: key transport, key agreement, key
 * encapsulation (RFC 9629) or key wrap under a pre-shared key-encryption key. The closed set of
 * algorithms this library can name; an {@link AlgorithmPolicy} decides which are accepted.
 */
public enum KeyEstablishmentAlgorithm {
  /** RSAES-OAEP with SHA-256 and MGF1-SHA-256 (RFC 8017, RFC 4055). */
  RSA_OAEP_SHA256("1.2.840.113549.1.1.7", Kind.KEY_TRANSPORT, KeyFamily.RSA),
  /** RSAES-OAEP with SHA-384 and MGF1-SHA-384. */
  RSA_OAEP_SHA384("1.2.840.113549.1.1.7", Kind.KEY_TRANSPORT, KeyFamily.RSA),
  /** RSAES-OAEP with SHA-512 and MGF1-SHA-512. */
  RSA_OAEP_SHA512("1.2.840.113549.1.1.7", Kind.KEY_TRANSPORT, KeyFamily.RSA),
  /** RSAES-OAEP with the default SHA-1 parameters: refused unless a legacy policy allows it. */
  RSA_OAEP_SHA1("1.2.840.113549.1.1.7", Kind.KEY_TRANSPORT, KeyFamily.RSA),
  /** RSA PKCS#1 v1.5 key transport (rsaEncryption): refused unless a legacy policy allows it. */
  RSA_PKCS1_V15("1.2.840.113549.1.1.1", Kind.KEY_TRANSPORT, KeyFamily.RSA),
  /** Ephemeral-static ECDH with the X9.63 KDF on SHA-256 (dhSinglePass-stdDH-sha256kdf-scheme, RFC 5753). */
  ECDH_SHA256_KDF("1.3.132.1.11.1", Kind.KEY_AGREEMENT, KeyFamily.EC),
  /** ECDH with the X9.63 KDF on SHA-384 (dhSinglePass-stdDH-sha384kdf-scheme). */
  ECDH_SHA384_KDF("1.3.132.1.11.2", Kind.KEY_AGREEMENT, KeyFamily.EC),
  /** ECDH with the X9.63 KDF on SHA-512 (dhSinglePass-stdDH-sha512kdf-scheme). */
  ECDH_SHA512_KDF("1.3.132.1.11.3", Kind.KEY_AGREEMENT, KeyFamily.EC),
  /** ECDH with the KDF on SHA-1 (OpenSSL's default): refused unless a legacy policy allows it. */
  ECDH_SHA1_KDF("1.3.133.16.840.63.0.2", Kind.KEY_AGREEMENT, KeyFamily.EC),
  /** ML-KEM-512; known, not in the default policy. */
  ML_KEM_512("2.16.840.1.101.3.4.4.1", Kind.KEY_ENCAPSULATION, KeyFamily.ML_KEM_512),
  /** ML-KEM-768 (FIPS 203) in a KEMRecipientInfo (RFC 9629, RFC 9936). */
  ML_KEM_768("2.16.840.1.101.3.4.4.2", Kind.KEY_ENCAPSULATION, KeyFamily.ML_KEM_768),
  /** ML-KEM-1024. */
  ML_KEM_1024("2.16.840.1.101.3.4.4.3", Kind.KEY_ENCAPSULATION, KeyFamily.ML_KEM_1024),
  /** Composite ML-KEM-768 + ECDH P-256 with SHA3-256 combiner. */
  MLKEM768_ECDH_P256_SHA3_256("1.3.6.1.5.5.7.6.59", Kind.KEY_ENCAPSULATION, KeyFamily.MLKEM768_ECDH_P256),
  /** Composite ML-KEM-768 + ECDH P-384. */
  MLKEM768_ECDH_P384_SHA3_256("1.3.6.1.5.5.7.6.60", Kind.KEY_ENCAPSULATION, KeyFamily.MLKEM768_ECDH_P384),
  /** Composite ML-KEM-1024 + ECDH P-384. */
  MLKEM1024_ECDH_P384_SHA3_256("1.3.6.1.5.5.7.6.63", Kind.KEY_ENCAPSULATION, KeyFamily.MLKEM1024_ECDH_P384),
  /** Composite ML-KEM-1024 + ECDH P-521. */
  MLKEM1024_ECDH_P521_SHA3_256("1.3.6.1.5.5.7.6.66", Kind.KEY_ENCAPSULATION, KeyFamily.MLKEM1024_ECDH_P521),
  /** AES-256 key wrap (RFC 3394) under a pre-shared key-encryption key (KEKRecipientInfo). */
  AES_256_WRAP("2.16.840.1.101.3.4.1.45", Kind.KEY_WRAP, null),
  /** AES-128 key wrap; known, not in the default policy. */
  AES_128_WRAP("2.16.840.1.101.3.4.1.5", Kind.KEY_WRAP, null);

  /** The four ways CMS establishes a content-encryption key. */
  public enum Kind {
    /** KeyTransRecipientInfo. */
    KEY_TRANSPORT,
    /** KeyAgreeRecipientInfo. */
    KEY_AGREEMENT,
    /** KEMRecipientInfo (RFC 9629). */
    KEY_ENCAPSULATION,
    /** KEKRecipientInfo. */
    KEY_WRAP
  }

  private final String oid;
  private final Kind kind;
  private final KeyFamily keyFamily;

  KeyEstablishmentAlgorithm(String oid, Kind kind, KeyFamily keyFamily) {
    this.oid = oid;
    this.kind = kind;
    this.keyFamily = keyFamily;
  }

  /** The OID, dotted (the RSA-OAEP variants share one OID and differ by parameters). */
  public String oid() {
    return oid;
  }

  /** Transport, agreement, encapsulation or wrap. */
  public Kind kind() {
    return kind;
  }

  /** The recipient key family; empty for key wrap (a symmetric key). */
  public Optional<KeyFamily> keyFamily() {
    return Optional.ofNullable(keyFamily);
  }

  /** True for ML-KEM and the composite KEMs. */
  public boolean postQuantum() {
    return keyFamily != null && keyFamily.name().startsWith("ML");
  }

  /**
   * The algorithm for a wire AlgorithmIdentifier.
   *
   * @param oid the dotted OID
   * @param encodedParameters DER parameters or {@code null}; read for RSA-OAEP (absent means the
   *     SHA-1 defaults)
   * @return the algorithm, or empty when unknown
   */
  public static Optional<KeyEstablishmentAlgorithm> fromOid(String oid, byte[] encodedParameters) {
    return AlgorithmIdentifiers.keyEstablishment(oid, encodedParameters);
  }
}
