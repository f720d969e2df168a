package dev.mlat.crypto.cms;

import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.ContentEncryptionAlgorithm;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.KeyEstablishmentAlgorithm;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.internal.AlgorithmIdentifiers;
import dev.mlat.crypto.internal.MemoryOutput;
import dev.mlat.crypto.internal.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.InvalidAlgorithmParameterException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKEMRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;

/**
 * Seals content as CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM (RFC 5084: 12-byte nonce,
 * 16-byte tag), inner content type id-data, for one or more recipients: RSA-OAEP key transport,
 * ECDH key agreement (RFC 5753, SHA-2 KDF, AES-256 key wrap), ML-KEM and composite ML-KEM + ECDH
 * key encapsulation (RFC 9629, HKDF-SHA256, AES-256 key wrap). The content is streamed: the bulk
 * AES-GCM runs on the JDK's provider in 16 KiB calls (its fast path); BouncyCastle writes the CMS
 * structure.
 *
 * <p>All recipients share one content key, so one classical RecipientInfo would expose the content
 * to a future quantum attacker even when the others are post-quantum: a classical recipient beside a
 * post-quantum one is refused (CMS_CLASSICAL_BESIDE_POST_QUANTUM) unless the builder was told
 * {@link Builder#allowClassicalBesidePostQuantum()}.
 *
 * <pre>{@code
 * CmsEncryptor encryptor = CmsEncryptor.builder(AlgorithmPolicy.defaultPolicy())
 *     .recipient(EncryptionRecipient.of(Jurisdiction.of("DE"), deCertificate))
 *     .build();
 * try (InputStream in = Files.newInputStream(evidence); OutputStream out = Files.newOutputStream(sealed)) {
 *   encryptor.encrypt(in, out);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; every call uses a fresh content key, nonce and ephemeral keys.
 */
public final class CmsEncryptor {
  /** The size of each {@code Cipher.update} call: small enough for the JDK's accelerated GCM path. */
  static final int CHUNK = 16 * 1024;

  /** The default randomness, shared: the JDK's SecureRandom is thread-safe, and creating one per builder costs a seeding. */
  private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();
  /** Named-curve parameters by OID, built once (see {@link #curve}). */
  private static final Map<String, AlgorithmParameterSpec> CURVES = new ConcurrentHashMap<>();

  private final AlgorithmPolicy policy;
  private final List<EncryptionRecipient> recipients;
  private final SecureRandom random;

  private CmsEncryptor(Builder b) {
    this.policy = b.policy;
    this.recipients = List.copyOf(b.recipients);
    this.random = b.random;
  }

  /** A builder under {@code policy}. */
  public static Builder builder(AlgorithmPolicy policy) {
    return new Builder(policy);
  }

  /** The recipients, in RecipientInfo order. */
  public List<EncryptionRecipient> recipients() {
    return recipients;
  }

  /**
   * Seals everything {@code plaintext} yields into {@code out} (neither stream is closed).
   *
   * @throws MlatCryptoException ALGORITHM_REFUSED / KEY_TOO_SMALL / KEY_REFUSED when the policy refuses a recipient
   * @throws IOException when reading or writing fails
   */
  public void encrypt(InputStream plaintext, OutputStream out) throws MlatCryptoException, IOException {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(out, "out");
    var generator = new CMSAuthEnvelopedDataStreamGenerator();
    for (var r : recipients) {
      generator.addRecipientInfoGenerator(recipientInfoGenerator(r));
    }
    try (GcmContentEncryptor encryptor = GcmContentEncryptor.create(random, JDK_CIPHERS)) {
      try (OutputStream sealed = generator.open(new NonClosing(out), encryptor)) {
        byte[] buffer = new byte[CHUNK];
        int n;
        while ((n = plaintext.read(buffer)) > 0) {
          sealed.write(buffer, 0, n);
        }
      }
    } catch (CMSException | GeneralSecurityException e) {
      throw new IOException("cannot build AuthEnvelopedData: " + e.getMessage(), e);
    }
  }

  /** Seals a small content held in memory. */
  public byte[] encrypt(byte[] plaintext) throws MlatCryptoException {
    Objects.requireNonNull(plaintext, "plaintext");
    // An unsynchronized buffer: BouncyCastle's encoder writes identifiers and lengths byte by byte.
    var out = new MemoryOutput(plaintext.length + plaintext.length / 128 + 1024);
    try {
      encrypt(new java.io.ByteArrayInputStream(plaintext), out);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory encryption failed", e);
    }
    return out.toByteArray();
  }

  /** The provider of the content cipher, found once. */
  private static final Provider JDK_CIPHERS = jdkCipherProvider();

  static Provider jdkCipherProvider() {
    Provider p = Security.getProvider("SunJCE");
    return p != null ? p : Providers.bouncyCastle();
  }

  private RecipientInfoGenerator recipientInfoGenerator(EncryptionRecipient r) throws MlatCryptoException {
    var cert = r.certificate();
    Provider bc = Providers.bouncyCastle();
    try {
      switch (r.algorithm().kind()) {
        case KEY_TRANSPORT:
          return new JceKeyTransRecipientInfoGenerator(cert, oaep(r.algorithm())).setProvider(bc);
        case KEY_AGREEMENT: {
          var d = AlgorithmIdentifiers.describe(cert.getPublicKey());
          var ephemeral = EphemeralKeys.generate(d.curveOid(), random);
          return new JceKeyAgreeRecipientInfoGenerator(ecdhScheme(r.algorithm()), ephemeral.getPrivate(), ephemeral.getPublic(),
              CMSAlgorithm.AES256_WRAP).addRecipient(cert).setProvider(bc).setSecureRandom(random);
        }
        case KEY_ENCAPSULATION:
          // HKDF-SHA256 is the KDF every ML-KEM CMS implementation must support (RFC 9936); BouncyCastle defaults to KDF2.
          return new JceKEMRecipientInfoGenerator(cert, CMSAlgorithm.AES256_WRAP)
              .setKDF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_alg_hkdf_with_sha256))
              .setProvider(bc).setSecureRandom(random);
        default:
          throw new IllegalStateException("not a certificate recipient: " + r.algorithm());
      }
    } catch (GeneralSecurityException e) {
      throw new MlatCryptoException(CryptoErrorCode.KEY_REFUSED,
          "cannot seal for " + cert.getSubjectX500Principal().getName() + " with " + r.algorithm() + ": " + e.getMessage(), e);
    }
  }

  /**
   * BouncyCastle's EC key-pair generators each thread keeps, initialised for a curve and a source
   * of randomness: looking one up on the provider and initialising it with the curve for every
   * seal was a measurable share of a small package's seal. {@code generateKeyPair} on an
   * initialised generator draws a fresh key from the randomness every call; a generator is
   * re-initialised when the curve or the randomness object changes. One thread uses its own.
   */
  static final class EphemeralKeys {
    private static final ThreadLocal<EphemeralKeys> MINE = new ThreadLocal<>();

    private final KeyPairGenerator generator;
    private final String curveOid;
    private final SecureRandom random;

    private EphemeralKeys(KeyPairGenerator generator, String curveOid, SecureRandom random) {
      this.generator = generator;
      this.curveOid = curveOid;
      this.random = random;
    }

    static java.security.KeyPair generate(String curveOid, SecureRandom random) throws GeneralSecurityException {
      EphemeralKeys keys = MINE.get();
      if (keys == null || !keys.curveOid.equals(curveOid) || keys.random != random) {
        AlgorithmParameterSpec spec = curve(curveOid);
        var generator = KeyPairGenerator.getInstance("EC", Providers.bouncyCastle());
        generator.initialize(spec, random);
        keys = new EphemeralKeys(generator, curveOid, random);
        MINE.set(keys);
      }
      return keys.generator.generateKeyPair();
    }
  }

  /**
   * The parameters of a named curve for BouncyCastle's EC key-pair generator, built once per curve
   * (immutable, shared by all threads). Initialising the generator with a curve name instead
   * looks the curve up and converts its parameters at every seal; the keys are the same (a named
   * curve's, the ephemeral key's encoding in the OriginatorPublicKey is unchanged).
   *
   * @throws InvalidAlgorithmParameterException for a curve BouncyCastle does not know or an unnamed one
   */
  static AlgorithmParameterSpec curve(String curveOid) throws InvalidAlgorithmParameterException {
    if (curveOid == null) {
      throw new InvalidAlgorithmParameterException("the recipient's key has explicit curve parameters, not a named curve");
    }
    AlgorithmParameterSpec spec = CURVES.get(curveOid);
    if (spec != null) {
      return spec;
    }
    ECNamedCurveParameterSpec named = ECNamedCurveTable.getParameterSpec(curveOid);
    if (named == null) {
      throw new InvalidAlgorithmParameterException("curve " + curveOid + " is not known to BouncyCastle");
    }
    CURVES.putIfAbsent(curveOid, named);
    return CURVES.get(curveOid);
  }

  private static ASN1ObjectIdentifier ecdhScheme(KeyEstablishmentAlgorithm a) {
    switch (a) {
      case ECDH_SHA256_KDF:
        return CMSAlgorithm.ECDH_SHA256KDF;
      case ECDH_SHA384_KDF:
        return CMSAlgorithm.ECDH_SHA384KDF;
      case ECDH_SHA512_KDF:
        return CMSAlgorithm.ECDH_SHA512KDF;
      default:
        throw new IllegalArgumentException("this library produces ECDH only with a SHA-2 KDF, not " + a);
    }
  }

  private static AlgorithmIdentifier oaep(KeyEstablishmentAlgorithm a) {
    ASN1ObjectIdentifier hash;
    switch (a) {
      case RSA_OAEP_SHA256:
        hash = NISTObjectIdentifiers.id_sha256;
        break;
      case RSA_OAEP_SHA384:
        hash = NISTObjectIdentifiers.id_sha384;
        break;
      case RSA_OAEP_SHA512:
        hash = NISTObjectIdentifiers.id_sha512;
        break;
      default:
        throw new IllegalArgumentException("this library produces RSA key transport only as RSA-OAEP with SHA-2, not " + a);
    }
    var hashId = new AlgorithmIdentifier(hash, DERNull.INSTANCE);
    return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, new RSAESOAEPparams(
        hashId, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, hashId), RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));
  }

  /** Keeps the generator's close from closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /**
   * Configures a {@link CmsEncryptor}. Each recipient is checked against the policy when added.
   * Not thread-safe.
   */
  public static final class Builder {
    private final AlgorithmPolicy policy;
    private final List<EncryptionRecipient> recipients = new ArrayList<>();
    private boolean allowClassicalBesidePostQuantum;
    private SecureRandom random = DEFAULT_RANDOM;

    private Builder(AlgorithmPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Adds a recipient after checking its algorithm and key against the policy.
     *
     * @throws MlatCryptoException ALGORITHM_REFUSED, KEY_TOO_SMALL, KEY_REFUSED, CERTIFICATE_KEY_USAGE
     */
    public Builder recipient(EncryptionRecipient recipient) throws MlatCryptoException {
      Objects.requireNonNull(recipient, "recipient");
      policy.checkContentEncryption(ContentEncryptionAlgorithm.AES_256_GCM);
      policy.checkKeyEstablishment(recipient.jurisdiction(), recipient.algorithm(), recipient.certificate().getPublicKey());
      checkKeyUsage(recipient);
      for (var r : recipients) {
        if (r.certificate().equals(recipient.certificate())) {
          throw new IllegalArgumentException("recipient " + recipient.certificate().getSubjectX500Principal().getName() + " added twice");
        }
      }
      recipients.add(recipient);
      return this;
    }

    /**
     * Accepts classical RecipientInfos beside post-quantum ones (for a transition period). The
     * content is then only as safe as the weakest recipient's algorithm.
     */
    public Builder allowClassicalBesidePostQuantum() {
      this.allowClassicalBesidePostQuantum = true;
      return this;
    }

    /**
     * The randomness for content keys, nonces and ephemeral keys (default: one {@code new SecureRandom()}
     * shared by every encryptor; {@code random} must be thread-safe if the encryptor is shared).
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * The encryptor.
     *
     * @throws IllegalStateException without recipients
     * @throws MlatCryptoException CMS_CLASSICAL_BESIDE_POST_QUANTUM
     */
    public CmsEncryptor build() throws MlatCryptoException {
      if (recipients.isEmpty()) {
        throw new IllegalStateException("add at least one recipient");
      }
      boolean pq = false;
      EncryptionRecipient classical = null;
      for (var r : recipients) {
        if (r.algorithm().postQuantum()) {
          pq = true;
        } else if (classical == null) {
          classical = r;
        }
      }
      if (pq && classical != null && !allowClassicalBesidePostQuantum) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_CLASSICAL_BESIDE_POST_QUANTUM,
            "recipient " + classical.certificate().getSubjectX500Principal().getName() + " uses " + classical.algorithm()
                + " beside post-quantum recipients: the shared content key would not resist a quantum attacker;"
                + " seal for post-quantum certificates only, or call allowClassicalBesidePostQuantum()");
      }
      return new CmsEncryptor(this);
    }

    private static void checkKeyUsage(EncryptionRecipient r) throws MlatCryptoException {
      boolean[] usage = r.certificate().getKeyUsage();
      if (usage == null) {
        return;
      }
      boolean agreement = r.algorithm().kind() == KeyEstablishmentAlgorithm.Kind.KEY_AGREEMENT;
      boolean ok = agreement ? usage.length > 4 && usage[4] : usage.length > 2 && usage[2];
      if (!ok) {
        throw new MlatCryptoException(CryptoErrorCode.CERTIFICATE_KEY_USAGE,
            "certificate " + r.certificate().getSubjectX500Principal().getName() + " does not allow "
                + (agreement ? "keyAgreement" : "keyEncipherment") + ", which " + r.algorithm() + " needs");
      }
    }
  }
}
