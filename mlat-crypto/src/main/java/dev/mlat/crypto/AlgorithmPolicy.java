package dev.mlat.crypto;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.internal.AlgorithmIdentifiers;
import dev.mlat.crypto.internal.AlgorithmIdentifiers.KeyDescription;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which algorithms and keys are accepted, in general and per jurisdiction. It applies to
 * signatures, to every certificate and CRL of a certification path, to OCSP responses, and to
 * encryption (content encryption and how each recipient obtains the key).
 *
 * <p>Rules that hold under every policy: RSA keys below 2048 bits, MD5 and DSA are always refused;
 * EC keys must be on P-256, P-384 or P-521 (named curves).
 *
 * <p>Presets: {@link #defaultPolicy()}, {@link #postQuantumPolicy()}, {@link #legacyPolicy()}.
 * Per-jurisdiction overrides through {@link #newBuilder()} or the with-ers:
 *
 * <pre>{@code
 * AlgorithmPolicy policy = AlgorithmPolicy.defaultPolicy()
 *     .withMinimumRsaBits(Jurisdiction.of("XK"), 2048);   // XK still issues RSA-2048
 * policy.checkCertificate(Jurisdiction.of("XK"), certificate, issuerKey);  // throws if refused
 * }</pre>
 *
 * <p>Immutable and thread-safe. Every {@code check} method returns normally or throws an
 * {@link AlgorithmRefusedException} with a specific {@link CryptoErrorCode}.
 */
public final class AlgorithmPolicy {
  /** The absolute floor for RSA keys; no policy goes below it. */
  public static final int ABSOLUTE_MINIMUM_RSA_BITS = 2048;

  private static final Set<String> CURVES =
      Set.of(AlgorithmIdentifiers.P256, AlgorithmIdentifiers.P384, AlgorithmIdentifiers.P521);

  private static final AlgorithmPolicy DEFAULT =
      builder("default")
          .allowSignatures(
              SignatureAlgorithm.ECDSA_SHA256, SignatureAlgorithm.ECDSA_SHA384, SignatureAlgorithm.ECDSA_SHA512,
              SignatureAlgorithm.RSA_PSS_SHA256, SignatureAlgorithm.RSA_PSS_SHA384, SignatureAlgorithm.RSA_PSS_SHA512,
              SignatureAlgorithm.RSA_PKCS1_SHA256, SignatureAlgorithm.RSA_PKCS1_SHA384, SignatureAlgorithm.RSA_PKCS1_SHA512,
              SignatureAlgorithm.ED25519, SignatureAlgorithm.ML_DSA_65, SignatureAlgorithm.ML_DSA_87,
              SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512, SignatureAlgorithm.MLDSA65_ECDSA_P384_SHA512,
              SignatureAlgorithm.MLDSA87_ECDSA_P384_SHA512, SignatureAlgorithm.MLDSA87_ECDSA_P521_SHA512)
          .allowDigests(DigestAlgorithm.SHA256, DigestAlgorithm.SHA384, DigestAlgorithm.SHA512)
          .allowContentEncryption(ContentEncryptionAlgorithm.AES_256_GCM)
          .allowKeyEstablishment(
              KeyEstablishmentAlgorithm.RSA_OAEP_SHA256, KeyEstablishmentAlgorithm.RSA_OAEP_SHA384,
              KeyEstablishmentAlgorithm.RSA_OAEP_SHA512, KeyEstablishmentAlgorithm.ECDH_SHA256_KDF,
              KeyEstablishmentAlgorithm.ECDH_SHA384_KDF, KeyEstablishmentAlgorithm.ECDH_SHA512_KDF,
              KeyEstablishmentAlgorithm.ML_KEM_768, KeyEstablishmentAlgorithm.ML_KEM_1024,
              KeyEstablishmentAlgorithm.MLKEM768_ECDH_P256_SHA3_256, KeyEstablishmentAlgorithm.MLKEM768_ECDH_P384_SHA3_256,
              KeyEstablishmentAlgorithm.MLKEM1024_ECDH_P384_SHA3_256, KeyEstablishmentAlgorithm.MLKEM1024_ECDH_P521_SHA3_256,
              KeyEstablishmentAlgorithm.AES_256_WRAP)
          .minimumRsaBits(3072)
          .build();

  private static final AlgorithmPolicy POST_QUANTUM =
      builder("post-quantum")
          .allowSignatures(
              SignatureAlgorithm.ML_DSA_65, SignatureAlgorithm.ML_DSA_87,
              SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512, SignatureAlgorithm.MLDSA65_ECDSA_P384_SHA512,
              SignatureAlgorithm.MLDSA87_ECDSA_P384_SHA512, SignatureAlgorithm.MLDSA87_ECDSA_P521_SHA512)
          .allowDigests(DigestAlgorithm.SHA256, DigestAlgorithm.SHA384, DigestAlgorithm.SHA512)
          .allowContentEncryption(ContentEncryptionAlgorithm.AES_256_GCM)
          .allowKeyEstablishment(
              KeyEstablishmentAlgorithm.ML_KEM_768, KeyEstablishmentAlgorithm.ML_KEM_1024,
              KeyEstablishmentAlgorithm.MLKEM768_ECDH_P256_SHA3_256, KeyEstablishmentAlgorithm.MLKEM768_ECDH_P384_SHA3_256,
              KeyEstablishmentAlgorithm.MLKEM1024_ECDH_P384_SHA3_256, KeyEstablishmentAlgorithm.MLKEM1024_ECDH_P521_SHA3_256,
              KeyEstablishmentAlgorithm.AES_256_WRAP)
          .minimumRsaBits(3072)
          .build();

  private static final AlgorithmPolicy LEGACY =
      DEFAULT.newBuilder()
          .name("legacy")
          .allowSignatures(SignatureAlgorithm.RSA_PKCS1_SHA1, SignatureAlgorithm.ECDSA_SHA1)
          .allowDigests(DigestAlgorithm.SHA1)
          .allowContentEncryption(ContentEncryptionAlgorithm.AES_128_GCM, ContentEncryptionAlgorithm.AES_256_CBC)
          .allowKeyEstablishment(
              KeyEstablishmentAlgorithm.RSA_PKCS1_V15, KeyEstablishmentAlgorithm.RSA_OAEP_SHA1,
              KeyEstablishmentAlgorithm.ECDH_SHA1_KDF)
          .minimumRsaBits(2048)
          .build();

  private final String name;
  private final Set<SignatureAlgorithm> signatures;
  private final Map<Jurisdiction, Set<SignatureAlgorithm>> signaturesByJurisdiction;
  private final Set<DigestAlgorithm> digests;
  private final Set<ContentEncryptionAlgorithm> contentEncryption;
  private final Set<KeyEstablishmentAlgorithm> keyEstablishment;
  private final Map<Jurisdiction, Set<KeyEstablishmentAlgorithm>> keyEstablishmentByJurisdiction;
  private final int minimumRsaBits;
  private final Map<Jurisdiction, Integer> minimumRsaBitsByJurisdiction;

  private AlgorithmPolicy(Builder b) {
    this.name = b.name;
    this.signatures = Collections.unmodifiableSet(EnumSet.copyOf(b.signatures));
    this.signaturesByJurisdiction = freeze(b.signaturesByJurisdiction);
    this.digests = Collections.unmodifiableSet(EnumSet.copyOf(b.digests));
    this.contentEncryption = Collections.unmodifiableSet(EnumSet.copyOf(b.contentEncryption));
    this.keyEstablishment = Collections.unmodifiableSet(EnumSet.copyOf(b.keyEstablishment));
    this.keyEstablishmentByJurisdiction = freeze(b.keyEstablishmentByJurisdiction);
    this.minimumRsaBits = b.minimumRsaBits;
    this.minimumRsaBitsByJurisdiction = Collections.unmodifiableMap(new TreeMap<>(b.minimumRsaBitsByJurisdiction));
  }

  private static <E extends Enum<E>> Map<Jurisdiction, Set<E>> freeze(Map<Jurisdiction, EnumSet<E>> in) {
    var out = new TreeMap<Jurisdiction, Set<E>>();
    in.forEach((j, s) -> out.put(j, Collections.unmodifiableSet(EnumSet.copyOf(s))));
    return Collections.unmodifiableMap(out);
  }

  /**
   * The default policy: ECDSA P-256/P-384/P-521, RSA-PSS and RSA PKCS#1 v1.5 signatures with SHA-2
   * and RSA keys of 3072 bits or more, Ed25519, ML-DSA-65/87 and the composite ML-DSA + ECDSA
   * signatures; SHA-256/384/512; AES-256-GCM; RSA-OAEP (SHA-2), ECDH with a SHA-2 KDF, ML-KEM-768/1024,
   * the composite ML-KEM + ECDH KEMs, AES-256 key wrap. Refuses SHA-1, MD5, DSA, RSA PKCS#1 v1.5
   * key transport, unauthenticated encryption.
   */
  public static AlgorithmPolicy defaultPolicy() {
    return DEFAULT;
  }

  /** Only ML-DSA-65/87 and composite signatures, only ML-KEM and composite KEM recipients (plus AES-256 key wrap). */
  public static AlgorithmPolicy postQuantumPolicy() {
    return POST_QUANTUM;
  }

  /**
   * The default policy plus what old partner stacks still produce: RSA-2048 everywhere, SHA-1
   * signatures and digests, RSA PKCS#1 v1.5 key transport, RSA-OAEP with SHA-1, ECDH with the SHA-1
   * KDF, AES-128-GCM and AES-256-CBC. Still refuses MD5, DSA and RSA below 2048 bits. Use only for
   * reading old material, never to produce.
   */
  public static AlgorithmPolicy legacyPolicy() {
    return LEGACY;
  }

  /** An empty builder (nothing allowed, RSA minimum 3072) for a policy named {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder starting from this policy's settings. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** A copy of this policy with RSA keys down to {@code bits} accepted for {@code jurisdiction}. */
  public AlgorithmPolicy withMinimumRsaBits(Jurisdiction jurisdiction, int bits) {
    return newBuilder().minimumRsaBits(jurisdiction, bits).build();
  }

  /** A copy of this policy that also accepts {@code algorithm} for {@code jurisdiction}. */
  public AlgorithmPolicy withSignatureAllowed(Jurisdiction jurisdiction, SignatureAlgorithm algorithm) {
    return newBuilder().allowSignature(jurisdiction, algorithm).build();
  }

  /** The policy's name, shown in reports and errors. */
  public String name() {
    return name;
  }

  /** The minimum RSA key size for {@code jurisdiction}. */
  public int minimumRsaBits(Jurisdiction jurisdiction) {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    return minimumRsaBitsByJurisdiction.getOrDefault(jurisdiction, minimumRsaBits);
  }

  /** True when {@code algorithm} is accepted for {@code jurisdiction} (keys are checked separately). */
  public boolean allows(Jurisdiction jurisdiction, SignatureAlgorithm algorithm) {
    return signatures.contains(algorithm)
        || signaturesByJurisdiction.getOrDefault(jurisdiction, Set.of()).contains(algorithm);
  }

  /** True when {@code algorithm} is accepted for {@code jurisdiction} (keys are checked separately). */
  public boolean allows(Jurisdiction jurisdiction, KeyEstablishmentAlgorithm algorithm) {
    return keyEstablishment.contains(algorithm)
        || keyEstablishmentByJurisdiction.getOrDefault(jurisdiction, Set.of()).contains(algorithm);
  }

  /** True when the digest is accepted. */
  public boolean allows(DigestAlgorithm digest) {
    return digests.contains(digest);
  }

  /** True when the content-encryption algorithm is accepted. */
  public boolean allows(ContentEncryptionAlgorithm algorithm) {
    return contentEncryption.contains(algorithm);
  }

  /**
   * Checks a signature algorithm and the signer's public key for {@code jurisdiction}.
   *
   * @throws AlgorithmRefusedException ALGORITHM_REFUSED, KEY_TOO_SMALL or KEY_REFUSED
   */
  public SignatureAlgorithm checkSignature(Jurisdiction jurisdiction, SignatureAlgorithm algorithm, PublicKey signerKey)
      throws AlgorithmRefusedException {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(signerKey, "signerKey");
    if (!allows(jurisdiction, algorithm)) {
      throw refused(CryptoErrorCode.ALGORITHM_REFUSED, "signature algorithm " + algorithm + " is not allowed", jurisdiction);
    }
    checkKeyFits(jurisdiction, algorithm.keyFamily(), "signature algorithm " + algorithm, signerKey);
    return algorithm;
  }

  /**
   * Checks a wire signature AlgorithmIdentifier and the signer's key.
   *
   * @param oid dotted OID
   * @param encodedParameters DER parameters or {@code null}
   * @throws AlgorithmRefusedException ALGORITHM_UNKNOWN, ALGORITHM_REFUSED, KEY_TOO_SMALL or KEY_REFUSED
   */
  public SignatureAlgorithm checkSignature(Jurisdiction jurisdiction, String oid, byte[] encodedParameters, PublicKey signerKey)
      throws AlgorithmRefusedException {
    Objects.requireNonNull(oid, "oid");
    var algorithm = SignatureAlgorithm.fromOid(oid, encodedParameters);
    if (algorithm.isEmpty()) {
      throw refused(CryptoErrorCode.ALGORITHM_UNKNOWN, "signature algorithm " + oid + " (with these parameters) is not known", jurisdiction);
    }
    return checkSignature(jurisdiction, algorithm.get(), signerKey);
  }

  /**
   * Checks one certificate of a path: the algorithm its issuer signed it with (against the issuer's
   * key) and its own subject public key.
   *
   * @param issuerKey the public key of the certificate's issuer (its own key when self-signed)
   * @throws AlgorithmRefusedException with the code of the first rule broken
   */
  public void checkCertificate(Jurisdiction jurisdiction, X509Certificate certificate, PublicKey issuerKey)
      throws AlgorithmRefusedException {
    Objects.requireNonNull(certificate, "certificate");
    checkSignature(jurisdiction, certificate.getSigAlgOID(), certificate.getSigAlgParams(), issuerKey);
    checkPublicKey(jurisdiction, certificate.getPublicKey());
  }

  /**
   * Checks the algorithm a CRL is signed with against its issuer's key.
   *
   * @throws AlgorithmRefusedException with the code of the first rule broken
   */
  public void checkCrl(Jurisdiction jurisdiction, X509CRL crl, PublicKey issuerKey) throws AlgorithmRefusedException {
    Objects.requireNonNull(crl, "crl");
    checkSignature(jurisdiction, crl.getSigAlgOID(), crl.getSigAlgParams(), issuerKey);
  }

  /**
   * Checks a public key on its own: RSA size, EC curve, and that some algorithm this policy allows
   * for {@code jurisdiction} uses keys of its family.
   *
   * @throws AlgorithmRefusedException ALGORITHM_REFUSED, KEY_TOO_SMALL or KEY_REFUSED
   */
  public void checkPublicKey(Jurisdiction jurisdiction, PublicKey key) throws AlgorithmRefusedException {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(key, "key");
    KeyDescription d = AlgorithmIdentifiers.describe(key);
    if (d.family() == null) {
      throw refused(CryptoErrorCode.KEY_REFUSED, "public " + d.describe() + " is not known", jurisdiction);
    }
    if (d.family() == KeyFamily.DSA) {
      throw refused(CryptoErrorCode.ALGORITHM_REFUSED, "DSA keys are never accepted", jurisdiction);
    }
    if (d.family() == KeyFamily.RSA) {
      int minimum = minimumRsaBits(jurisdiction);
      if (d.bits() < minimum) {
        throw refused(
            CryptoErrorCode.KEY_TOO_SMALL,
            "RSA key of " + d.bits() + " bits is below the minimum of " + minimum + " bits", jurisdiction);
      }
    }
    if (d.family() == KeyFamily.EC && !CURVES.contains(d.curveOid())) {
      throw refused(
          CryptoErrorCode.KEY_REFUSED,
          "EC key on " + AlgorithmIdentifiers.curveName(d.curveOid()) + " is not allowed: use P-256, P-384 or P-521",
          jurisdiction);
    }
    if (!familyInUse(jurisdiction, d.family())) {
      throw refused(
          CryptoErrorCode.ALGORITHM_REFUSED,
          d.describe() + ": no algorithm allowed by the policy uses keys of this type", jurisdiction);
    }
  }

  /**
   * Checks a message digest algorithm.
   *
   * @throws AlgorithmRefusedException ALGORITHM_REFUSED
   */
  public DigestAlgorithm checkDigest(DigestAlgorithm digest) throws AlgorithmRefusedException {
    Objects.requireNonNull(digest, "digest");
    if (!digests.contains(digest)) {
      throw refused(CryptoErrorCode.ALGORITHM_REFUSED, "digest " + digest + " is not allowed", null);
    }
    return digest;
  }

  /**
   * Checks a wire digest OID.
   *
   * @throws AlgorithmRefusedException ALGORITHM_UNKNOWN or ALGORITHM_REFUSED
   */
  public DigestAlgorithm checkDigest(String oid) throws AlgorithmRefusedException {
    Objects.requireNonNull(oid, "oid");
    var digest = DigestAlgorithm.fromOid(oid);
    if (digest.isEmpty()) {
      throw refused(CryptoErrorCode.ALGORITHM_UNKNOWN, "digest algorithm " + oid + " is not known", null);
    }
    return checkDigest(digest.get());
  }

  /**
   * Checks a content-encryption algorithm.
   *
   * @throws AlgorithmRefusedException ALGORITHM_REFUSED
   */
  public ContentEncryptionAlgorithm checkContentEncryption(ContentEncryptionAlgorithm algorithm) throws AlgorithmRefusedException {
    Objects.requireNonNull(algorithm, "algorithm");
    if (!contentEncryption.contains(algorithm)) {
      throw refused(
          CryptoErrorCode.ALGORITHM_REFUSED,
          "content encryption " + algorithm + (algorithm.authenticated() ? "" : " (unauthenticated)") + " is not allowed", null);
    }
    return algorithm;
  }

  /**
   * Checks a wire content-encryption OID.
   *
   * @throws AlgorithmRefusedException ALGORITHM_UNKNOWN or ALGORITHM_REFUSED
   */
  public ContentEncryptionAlgorithm checkContentEncryption(String oid) throws AlgorithmRefusedException {
    Objects.requireNonNull(oid, "oid");
    var algorithm = ContentEncryptionAlgorithm.fromOid(oid);
    if (algorithm.isEmpty()) {
      throw refused(CryptoErrorCode.ALGORITHM_UNKNOWN, "content-encryption algorithm " + oid + " is not known", null);
    }
    return checkContentEncryption(algorithm.get());
  }

  /**
   * Checks how a recipient of {@code jurisdiction} obtains the content key, and its key.
   *
   * @param recipientKey the recipient's public key; {@code null} only for {@link KeyEstablishmentAlgorithm.Kind#KEY_WRAP}
   * @throws AlgorithmRefusedException ALGORITHM_REFUSED, KEY_TOO_SMALL or KEY_REFUSED
   */
  public KeyEstablishmentAlgorithm checkKeyEstablishment(
      Jurisdiction jurisdiction, KeyEstablishmentAlgorithm algorithm, PublicKey recipientKey) throws AlgorithmRefusedException {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(algorithm, "algorithm");
    if (!allows(jurisdiction, algorithm)) {
      throw refused(CryptoErrorCode.ALGORITHM_REFUSED, "key establishment " + algorithm + " is not allowed", jurisdiction);
    }
    if (algorithm.kind() != KeyEstablishmentAlgorithm.Kind.KEY_WRAP) {
      Objects.requireNonNull(recipientKey, "recipientKey");
      checkKeyFits(jurisdiction, algorithm.keyFamily().orElseThrow(), "key establishment " + algorithm, recipientKey);
    }
    return algorithm;
  }

  /**
   * Checks a wire key-establishment AlgorithmIdentifier and the recipient's key.
   *
   * @throws AlgorithmRefusedException ALGORITHM_UNKNOWN, ALGORITHM_REFUSED, KEY_TOO_SMALL or KEY_REFUSED
   */
  public KeyEstablishmentAlgorithm checkKeyEstablishment(
      Jurisdiction jurisdiction, String oid, byte[] encodedParameters, PublicKey recipientKey) throws AlgorithmRefusedException {
    Objects.requireNonNull(oid, "oid");
    var algorithm = KeyEstablishmentAlgorithm.fromOid(oid, encodedParameters);
    if (algorithm.isEmpty()) {
      throw refused(CryptoErrorCode.ALGORITHM_UNKNOWN, "key-establishment algorithm " + oid + " (with these parameters) is not known", jurisdiction);
    }
    return checkKeyEstablishment(jurisdiction, algorithm.get(), recipientKey);
  }

  private void checkKeyFits(Jurisdiction jurisdiction, KeyFamily needed, String what, PublicKey key)
      throws AlgorithmRefusedException {
    KeyDescription d = AlgorithmIdentifiers.describe(key);
    if (d.family() != needed) {
      throw refused(CryptoErrorCode.KEY_REFUSED, what + " needs a " + needed + " key, not a " + d.describe(), jurisdiction);
    }
    checkPublicKey(jurisdiction, key);
  }

  private boolean familyInUse(Jurisdiction jurisdiction, KeyFamily family) {
    for (var s : SignatureAlgorithm.values()) {
      if (s.keyFamily() == family && allows(jurisdiction, s)) {
        return true;
      }
    }
    for (var k : KeyEstablishmentAlgorithm.values()) {
      if (k.keyFamily().orElse(null) == family && allows(jurisdiction, k)) {
        return true;
      }
    }
    return false;
  }

  private AlgorithmRefusedException refused(CryptoErrorCode code, String message, Jurisdiction jurisdiction) {
    return new AlgorithmRefusedException(code, message, jurisdiction, name);
  }

  @Override
  public String toString() {
    return "AlgorithmPolicy[" + name + ", signatures=" + signatures + ", perJurisdiction=" + signaturesByJurisdiction
        + ", digests=" + digests + ", contentEncryption=" + contentEncryption + ", keyEstablishment=" + keyEstablishment
        + ", keyEstablishmentPerJurisdiction=" + keyEstablishmentByJurisdiction + ", minimumRsaBits=" + minimumRsaBits
        + ", minimumRsaBitsPerJurisdiction=" + minimumRsaBitsByJurisdiction + "]";
  }

  /**
   * Builds an {@link AlgorithmPolicy}. Rejects, at the moment they are set, what no policy may
   * contain: forbidden algorithms (MD5, DSA) and RSA minimums below {@value #ABSOLUTE_MINIMUM_RSA_BITS}.
   * Not thread-safe.
   */
  public static final class Builder {
    private String name;
    private final EnumSet<SignatureAlgorithm> signatures;
    private final Map<Jurisdiction, EnumSet<SignatureAlgorithm>> signaturesByJurisdiction = new HashMap<>();
    private final EnumSet<DigestAlgorithm> digests;
    private final EnumSet<ContentEncryptionAlgorithm> contentEncryption;
    private final EnumSet<KeyEstablishmentAlgorithm> keyEstablishment;
    private final Map<Jurisdiction, EnumSet<KeyEstablishmentAlgorithm>> keyEstablishmentByJurisdiction = new HashMap<>();
    private int minimumRsaBits = 3072;
    private final Map<Jurisdiction, Integer> minimumRsaBitsByJurisdiction = new HashMap<>();

    private Builder(String name) {
      name(name);
      signatures = EnumSet.noneOf(SignatureAlgorithm.class);
      digests = EnumSet.noneOf(DigestAlgorithm.class);
      contentEncryption = EnumSet.noneOf(ContentEncryptionAlgorithm.class);
      keyEstablishment = EnumSet.noneOf(KeyEstablishmentAlgorithm.class);
    }

    private Builder(AlgorithmPolicy p) {
      name = p.name;
      signatures = p.signatures.isEmpty() ? EnumSet.noneOf(SignatureAlgorithm.class) : EnumSet.copyOf(p.signatures);
      p.signaturesByJurisdiction.forEach((j, s) -> signaturesByJurisdiction.put(j, EnumSet.copyOf(s)));
      digests = p.digests.isEmpty() ? EnumSet.noneOf(DigestAlgorithm.class) : EnumSet.copyOf(p.digests);
      contentEncryption = p.contentEncryption.isEmpty() ? EnumSet.noneOf(ContentEncryptionAlgorithm.class) : EnumSet.copyOf(p.contentEncryption);
      keyEstablishment = p.keyEstablishment.isEmpty() ? EnumSet.noneOf(KeyEstablishmentAlgorithm.class) : EnumSet.copyOf(p.keyEstablishment);
      p.keyEstablishmentByJurisdiction.forEach((j, s) -> keyEstablishmentByJurisdiction.put(j, EnumSet.copyOf(s)));
      minimumRsaBits = p.minimumRsaBits;
      minimumRsaBitsByJurisdiction.putAll(p.minimumRsaBitsByJurisdiction);
    }

    /** Renames the policy (shown in errors and reports). */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("policy name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** Allows signature algorithms for every jurisdiction. */
    public Builder allowSignatures(SignatureAlgorithm... algorithms) {
      for (var a : algorithms) {
        signatures.add(notForbidden(a));
      }
      return this;
    }

    /** Allows a signature algorithm for one jurisdiction only. */
    public Builder allowSignature(Jurisdiction jurisdiction, SignatureAlgorithm algorithm) {
      Objects.requireNonNull(jurisdiction, "jurisdiction");
      signaturesByJurisdiction.computeIfAbsent(jurisdiction, j -> EnumSet.noneOf(SignatureAlgorithm.class)).add(notForbidden(algorithm));
      return this;
    }

    /** Stops allowing signature algorithms (globally and for every jurisdiction). */
    public Builder refuseSignatures(SignatureAlgorithm... algorithms) {
      for (var a : algorithms) {
        signatures.remove(a);
        signaturesByJurisdiction.values().forEach(s -> s.remove(a));
      }
      return this;
    }

    /** Allows digests. */
    public Builder allowDigests(DigestAlgorithm... algorithms) {
      for (var a : algorithms) {
        if (a.forbidden()) {
          throw new IllegalArgumentException(a + " is forbidden under every policy");
        }
        digests.add(a);
      }
      return this;
    }

    /** Stops allowing digests. */
    public Builder refuseDigests(DigestAlgorithm... algorithms) {
      for (var a : algorithms) {
        digests.remove(a);
      }
      return this;
    }

    /** Allows content-encryption algorithms. */
    public Builder allowContentEncryption(ContentEncryptionAlgorithm... algorithms) {
      for (var a : algorithms) {
        contentEncryption.add(Objects.requireNonNull(a, "algorithm"));
      }
      return this;
    }

    /** Stops allowing content-encryption algorithms. */
    public Builder refuseContentEncryption(ContentEncryptionAlgorithm... algorithms) {
      for (var a : algorithms) {
        contentEncryption.remove(a);
      }
      return this;
    }

    /** Allows key-establishment algorithms for every jurisdiction. */
    public Builder allowKeyEstablishment(KeyEstablishmentAlgorithm... algorithms) {
      for (var a : algorithms) {
        keyEstablishment.add(Objects.requireNonNull(a, "algorithm"));
      }
      return this;
    }

    /** Allows a key-establishment algorithm for one jurisdiction only. */
    public Builder allowKeyEstablishment(Jurisdiction jurisdiction, KeyEstablishmentAlgorithm algorithm) {
      Objects.requireNonNull(jurisdiction, "jurisdiction");
      keyEstablishmentByJurisdiction
          .computeIfAbsent(jurisdiction, j -> EnumSet.noneOf(KeyEstablishmentAlgorithm.class))
          .add(Objects.requireNonNull(algorithm, "algorithm"));
      return this;
    }

    /** Stops allowing key-establishment algorithms (globally and for every jurisdiction). */
    public Builder refuseKeyEstablishment(KeyEstablishmentAlgorithm... algorithms) {
      for (var a : algorithms) {
        keyEstablishment.remove(a);
        keyEstablishmentByJurisdiction.values().forEach(s -> s.remove(a));
      }
      return this;
    }

    /** The minimum RSA key size for every jurisdiction without an override. */
    public Builder minimumRsaBits(int bits) {
      minimumRsaBits = checkedBits(bits);
      return this;
    }

    /** The minimum RSA key size for one jurisdiction, for example 2048 for a partner that cannot yet issue 3072. */
    public Builder minimumRsaBits(Jurisdiction jurisdiction, int bits) {
      Objects.requireNonNull(jurisdiction, "jurisdiction");
      minimumRsaBitsByJurisdiction.put(jurisdiction, checkedBits(bits));
      return this;
    }

    /** The immutable policy. */
    public AlgorithmPolicy build() {
      return new AlgorithmPolicy(this);
    }

    private static int checkedBits(int bits) {
      if (bits < ABSOLUTE_MINIMUM_RSA_BITS) {
        throw new IllegalArgumentException(
            "RSA minimum of " + bits + " bits is below the absolute floor of " + ABSOLUTE_MINIMUM_RSA_BITS + " bits");
      }
      return bits;
    }

    private static SignatureAlgorithm notForbidden(SignatureAlgorithm a) {
      Objects.requireNonNull(a, "algorithm");
      if (a.forbidden()) {
        throw new IllegalArgumentException(a + " (MD5 or DSA) is forbidden under every policy");
      }
      return a;
    }
  }
}
