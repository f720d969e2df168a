package dev.mlat.crypto;

import dev.mlat.crypto.internal.AlgorithmIdentifiers;
import java.util.Optional;

/**
 * A signature algorithm, as identified on the wire by its AlgorithmIdentifier (OID and, for
 * RSASSA-PSS, parameters). The closed set of algorithms this library can name: whether one is
 * accepted is decided by an {@link AlgorithmPolicy}, never by this enum.
 *
 * <p>ECDSA identifiers do not name the curve: the curve is a property of the key, checked by the
 * policy (P-256, P-384, P-521 by default). Algorithms marked {@linkplain #forbidden() forbidden}
 * (MD5, DSA) can never be allowed, not even by a legacy policy.
 *
 * <pre>{@code
 * SignatureAlgorithm alg = SignatureAlgorithm.ECDSA_SHA256;
 * ContentSigner signer = new JcaContentSignerBuilder(alg.jcaName())...; // inside mlat-crypto
 * }</pre>
 */
public enum SignatureAlgorithm {
  /** ECDSA with SHA-256 (RFC 5758). */
  ECDSA_SHA256("1.2.840.10045.4.3.2", "SHA256withECDSA", KeyFamily.EC, DigestAlgorithm.SHA256, false),
  /** ECDSA with SHA-384. */
  ECDSA_SHA384("1.2.840.10045.4.3.3", "SHA384withECDSA", KeyFamily.EC, DigestAlgorithm.SHA384, false),
  /** ECDSA with SHA-512. */
  ECDSA_SHA512("1.2.840.10045.4.3.4", "SHA512withECDSA", KeyFamily.EC, DigestAlgorithm.SHA512, false),
  /** RSASSA-PSS, SHA-256, MGF1 with SHA-256, 32-byte salt (RFC 4055). */
  RSA_PSS_SHA256("1.2.840.113549.1.1.10", "SHA256withRSAandMGF1", KeyFamily.RSA, DigestAlgorithm.SHA256, false),
  /** RSASSA-PSS, SHA-384, MGF1 with SHA-384, 48-byte salt. */
  RSA_PSS_SHA384("1.2.840.113549.1.1.10", "SHA384withRSAandMGF1", KeyFamily.RSA, DigestAlgorithm.SHA384, false),
  /** RSASSA-PSS, SHA-512, MGF1 with SHA-512, 64-byte salt. */
  RSA_PSS_SHA512("1.2.840.113549.1.1.10", "SHA512withRSAandMGF1", KeyFamily.RSA, DigestAlgorithm.SHA512, false),
  /** RSA PKCS#1 v1.5 with SHA-256. */
  RSA_PKCS1_SHA256("1.2.840.113549.1.1.11", "SHA256withRSA", KeyFamily.RSA, DigestAlgorithm.SHA256, false),
  /** RSA PKCS#1 v1.5 with SHA-384. */
  RSA_PKCS1_SHA384("1.2.840.113549.1.1.12", "SHA384withRSA", KeyFamily.RSA, DigestAlgorithm.SHA384, false),
  /** RSA PKCS#1 v1.5 with SHA-512. */
  RSA_PKCS1_SHA512("1.2.840.113549.1.1.13", "SHA512withRSA", KeyFamily.RSA, DigestAlgorithm.SHA512, false),
  /** Ed25519 (RFC 8410); pure EdDSA, no separate digest. */
  ED25519("1.3.101.112", "Ed25519", KeyFamily.ED25519, null, false),
  /** ML-DSA-44 (FIPS 204); known, not allowed by the default policy. */
  ML_DSA_44("2.16.840.1.101.3.4.3.17", "ML-DSA-44", KeyFamily.ML_DSA_44, null, false),
  /** ML-DSA-65 (FIPS 204, RFC 9881), pure mode. */
  ML_DSA_65("2.16.840.1.101.3.4.3.18", "ML-DSA-65", KeyFamily.ML_DSA_65, null, false),
  /** ML-DSA-87 (FIPS 204, RFC 9881), pure mode. */
  ML_DSA_87("2.16.840.1.101.3.4.3.19", "ML-DSA-87", KeyFamily.ML_DSA_87, null, false),
  /** Composite ML-DSA-65 + ECDSA P-256 with SHA-512 (both signatures must verify). */
  MLDSA65_ECDSA_P256_SHA512("1.3.6.1.5.5.7.6.45", "MLDSA65-ECDSA-P256-SHA512", KeyFamily.MLDSA65_ECDSA_P256, null, false),
  /** Composite ML-DSA-65 + ECDSA P-384 with SHA-512. */
  MLDSA65_ECDSA_P384_SHA512("1.3.6.1.5.5.7.6.46", "MLDSA65-ECDSA-P384-SHA512", KeyFamily.MLDSA65_ECDSA_P384, null, false),
  /** Composite ML-DSA-87 + ECDSA P-384 with SHA-512. */
  MLDSA87_ECDSA_P384_SHA512("1.3.6.1.5.5.7.6.49", "MLDSA87-ECDSA-P384-SHA512", KeyFamily.MLDSA87_ECDSA_P384, null, false),
  /** Composite ML-DSA-87 + ECDSA P-521 with SHA-512. */
  MLDSA87_ECDSA_P521_SHA512("1.3.6.1.5.5.7.6.54", "MLDSA87-ECDSA-P521-SHA512", KeyFamily.MLDSA87_ECDSA_P521, null, false),
  /** RSA PKCS#1 v1.5 with SHA-1: refused unless a legacy policy allows it. */
  RSA_PKCS1_SHA1("1.2.840.113549.1.1.5", "SHA1withRSA", KeyFamily.RSA, DigestAlgorithm.SHA1, false),
  /** ECDSA with SHA-1: refused unless a legacy policy allows it. */
  ECDSA_SHA1("1.2.840.10045.4.1", "SHA1withECDSA", KeyFamily.EC, DigestAlgorithm.SHA1, false),
  /** RSA PKCS#1 v1.5 with MD5: forbidden. */
  RSA_PKCS1_MD5("1.2.840.113549.1.1.4", "MD5withRSA", KeyFamily.RSA, DigestAlgorithm.MD5, true),
  /** DSA with SHA-1: forbidden. */
  DSA_SHA1("1.2.840.10040.4.3", "SHA1withDSA", KeyFamily.DSA, DigestAlgorithm.SHA1, true),
  /** DSA with SHA-256: forbidden. */
  DSA_SHA256("2.16.840.1.101.3.4.3.2", "SHA256withDSA", KeyFamily.DSA, DigestAlgorithm.SHA256, true);

  private final String oid;
  private final String jcaName;
  private final KeyFamily keyFamily;
  private final DigestAlgorithm digest;
  private final boolean forbidden;

  SignatureAlgorithm(String oid, String jcaName, KeyFamily keyFamily, DigestAlgorithm digest, boolean forbidden) {
    this.oid = oid;
    this.jcaName = jcaName;
    this.keyFamily = keyFamily;
    this.digest = digest;
    this.forbidden = forbidden;
  }

  /** The AlgorithmIdentifier OID, dotted (RSASSA-PSS variants share {@code 1.2.840.113549.1.1.10}). */
  public String oid() {
    return oid;
  }

  /** The JCA / BouncyCastle name, for {@code Signature.getInstance} and {@code JcaContentSignerBuilder}. */
  public String jcaName() {
    return jcaName;
  }

  /** The key family the algorithm needs. */
  public KeyFamily keyFamily() {
    return keyFamily;
  }

  /** The message digest used by the algorithm; empty for pure EdDSA, ML-DSA and composites. */
  public Optional<DigestAlgorithm> digest() {
    return Optional.ofNullable(digest);
  }

  /** True for algorithms no policy may allow (MD5, DSA). */
  public boolean forbidden() {
    return forbidden;
  }

  /** True for the algorithms that resist a quantum attacker (ML-DSA and the composites). */
  public boolean postQuantum() {
    return keyFamily.name().startsWith("ML");
  }

  /**
   * The algorithm for a wire AlgorithmIdentifier.
   *
   * @param oid the dotted OID
   * @param encodedParameters the DER of the parameters, or {@code null} when absent; needed for
   *     RSASSA-PSS, ignored (apart from being NULL or absent) for the others
   * @return the algorithm, or empty when the OID or the PSS parameters are not known
   */
  public static Optional<SignatureAlgorithm> fromOid(String oid, byte[] encodedParameters) {
    return AlgorithmIdentifiers.signature(oid, encodedParameters);
  }
}
