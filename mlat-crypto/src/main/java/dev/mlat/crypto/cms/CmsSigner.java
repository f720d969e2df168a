package dev.mlat.crypto.cms;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.KeyFamily;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.internal.AlgorithmIdentifiers;
import dev.mlat.crypto.internal.KeyAccess;
import dev.mlat.crypto.internal.MemoryOutput;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.internal.SignedAttributes;
import dev.mlat.crypto.internal.TokenContentSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.timestamp.TimestampClient;
import dev.mlat.crypto.timestamp.internal.SignatureTimestamps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs content as CMS SignedData (RFC 5652) with exactly the signed attributes content-type,
 * message-digest, signing-time and signing-certificate-v2 (CAdES baseline B), encapsulated or
 * detached, streamed. The certificate set holds each signer's chain up to, not including, the
 * anchor (self-signed certificates are left out). Algorithms: ECDSA P-256/P-384/P-521, RSA-PSS and
 * RSA PKCS#1 v1.5 (3072 bits and more under the default policy), Ed25519, ML-DSA-65/87 and the
 * composite ML-DSA + ECDSA algorithms; a hybrid signature is two signers (classical + ML-DSA) or
 * one composite. The content digest runs on the JDK provider; software keys sign with
 * BouncyCastle's provider, token keys on the token.
 *
 * <pre>{@code
 * CmsSigner signer = CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), clock)
 *     .signer(Jurisdiction.of("FR"), signingIdentity, SignatureAlgorithm.ECDSA_SHA256)
 *     .build();
 * signer.sign(in, out, Encapsulation.ENCAPSULATED);
 * }</pre>
 *
 * <p>With {@link Builder#timestamps(TimestampClient)} every signature is timestamped (CAdES B-T,
 * docs/TIMESTAMPS.md).
 *
 * <p>Immutable and thread-safe (signing-time comes from the injected clock).
 */
public final class CmsSigner {
  private final List<Entry> signers;
  private final CmsContentType contentType;
  private final Clock clock;
  private final TimestampClient timestamps;

  private static final class Entry {
    final Jurisdiction jurisdiction;
    final KeyIdentity identity;
    final SignatureAlgorithm algorithm;
    /**
     * For a software ECDSA key: the key as BouncyCastle's parameters on the curve's shared domain,
     * built once (with the key object it came from). Through the JCA, BouncyCastle rebuilds the
     * curve's generator point for every signature and with it the table of precomputed multiples,
     * about two thirds of the signature's cost.
     */
    private volatile EcKey ecKey;

    /** The signer's certificate as BouncyCastle's holder and its signed-attribute generator, built once. */
    final X509CertificateHolder holder;
    final SignedAttributes attributes;
    /** For ECDSA, the signature and digest AlgorithmIdentifiers of {@link #algorithm}, looked up once (immutable); otherwise null. */
    final AlgorithmIdentifier signatureAlgorithm;
    final AlgorithmIdentifier digestAlgorithm;

    Entry(Jurisdiction jurisdiction, KeyIdentity identity, SignatureAlgorithm algorithm, Clock clock) {
      this.jurisdiction = jurisdiction;
      this.identity = identity;
      this.algorithm = algorithm;
      try {
        this.holder = new X509CertificateHolder(identity.certificate().getEncoded());
      } catch (CertificateEncodingException | IOException e) {
        throw new IllegalArgumentException("the signer's certificate cannot be encoded: " + e.getMessage(), e);
      }
      this.attributes = new SignedAttributes(identity.certificate(), clock);
      if (algorithm.keyFamily() == KeyFamily.EC) {
        this.signatureAlgorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm.jcaName());
        this.digestAlgorithm = new DefaultDigestAlgorithmIdentifierFinder().find(signatureAlgorithm);
      } else {
        this.signatureAlgorithm = null;
        this.digestAlgorithm = null;
      }
    }

    /** The parameters of {@code key} on a named curve BouncyCastle knows, or null (then the JCA signs). */
    ECPrivateKeyParameters ecParameters(PrivateKey key) {
      EcKey cached = ecKey;
      if (cached != null && cached.source == key) {
        return cached.parameters;
      }
      if (algorithm.keyFamily() != KeyFamily.EC || !(key instanceof ECPrivateKey)) {
        return null;
      }
      String curve = AlgorithmIdentifiers.describe(identity.certificate().getPublicKey()).curveOid();
      if (curve == null) {
        return null;
      }
      ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(curve);
      X9ECParameters x9 = CustomNamedCurves.getByOID(oid);
      x9 = x9 == null ? ECNamedCurveTable.getByOID(oid) : x9;
      BigInteger s = ((ECPrivateKey) key).getS();
      if (x9 == null || s == null) {
        return null;
      }
      ECPrivateKeyParameters parameters = new ECPrivateKeyParameters(s, new ECNamedDomainParameters(oid, x9));
      ecKey = new EcKey(key, parameters);
      return parameters;
    }
  }

  private static final class EcKey {
    final PrivateKey source;
    final ECPrivateKeyParameters parameters;

    EcKey(PrivateKey source, ECPrivateKeyParameters parameters) {
      this.source = source;
      this.parameters = parameters;
    }
  }

  /** The certificates every SignedData carries (the signers' chains without self-signed ones), converted once. */
  private final JcaCertStore certificates;
  private final DigestCalculatorProvider digests;

  private CmsSigner(Builder b) {
    this.signers = List.copyOf(b.signers);
    this.contentType = b.contentType;
    this.clock = b.clock;
    this.timestamps = b.timestamps;
    var chain = new LinkedHashSet<X509Certificate>();
    for (var e : signers) {
      for (var c : e.identity.chain()) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
          chain.add(c);
        }
      }
    }
    try {
      this.certificates = new JcaCertStore(chain);
      this.digests = new JcaDigestCalculatorProviderBuilder().build();
    } catch (CertificateEncodingException | OperatorCreationException e) {
      throw new IllegalArgumentException("a signer's certificate chain cannot be encoded: " + e.getMessage(), e);
    }
  }

  /** A builder under {@code policy}, with signing-time from {@code clock}. */
  public static Builder builder(AlgorithmPolicy policy, Clock clock) {
    return new Builder(policy, clock);
  }

  /**
   * Signs everything {@code content} yields into {@code out} (neither stream is closed).
   *
   * @throws MlatCryptoException KEY_OPERATION_UNSUPPORTED when a key cannot sign with its algorithm where it lives;
   *     with {@link Builder#timestamps(TimestampClient)} the client's TIMESTAMP_* codes
   * @throws IOException when reading or writing fails
   */
  public void sign(InputStream content, OutputStream out, Encapsulation encapsulation) throws MlatCryptoException, IOException {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(encapsulation, "encapsulation");
    if (timestamps == null) {
      signTo(content, out, encapsulation);
      return;
    }
    var signed = new ByteArrayOutputStream();
    signTo(content, signed, encapsulation);
    out.write(timestamped(signed.toByteArray()));
  }

  /** Adds a signature timestamp to every SignerInfo of {@code signedData} (CAdES B-T). */
  private byte[] timestamped(byte[] signedData) throws MlatCryptoException, IOException {
    try {
      var parsed = new CMSSignedData(signedData);
      var replaced = new ArrayList<SignerInformation>();
      for (SignerInformation info : parsed.getSignerInfos().getSigners()) {
        Entry entry = null;
        for (var e : signers) {
          if (info.getSID().match(new X509CertificateHolder(e.identity.certificate().getEncoded()))) {
            entry = e;
          }
        }
        if (entry == null) {
          throw new IllegalStateException("a SignerInfo of our own SignedData matches none of our signers");
        }
        byte[] token = timestamps.timestamp(SignatureTimestamps.timestampedBytes(info), entry.jurisdiction).token();
        replaced.add(SignatureTimestamps.attach(info, token));
      }
      return CMSSignedData.replaceSigners(parsed, new SignerInformationStore(replaced)).getEncoded();
    } catch (CMSException | CertificateEncodingException e) {
      throw new IOException("cannot rewrite our own SignedData with its timestamps: " + e.getMessage(), e);
    }
  }

  private void signTo(InputStream content, OutputStream out, Encapsulation encapsulation) throws MlatCryptoException, IOException {
    try {
      var generator = new CMSSignedDataStreamGenerator();
      for (var e : signers) {
        ContentSigner contentSigner = contentSigner(e);
        SignerInfoGenerator info = new JcaSignerInfoGeneratorBuilder(digests)
            .setSignedAttributeGenerator(e.attributes)
            .build(contentSigner, e.holder);
        generator.addSignerInfoGenerator(info);
      }
      generator.addCertificates(certificates);
      try (OutputStream signing = generator.open(new ASN1ObjectIdentifier(contentType.oid()), new NonClosing(out),
          encapsulation == Encapsulation.ENCAPSULATED)) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = content.read(buffer)) > 0) {
          signing.write(buffer, 0, n);
        }
      }
    } catch (OperatorCreationException | org.bouncycastle.operator.RuntimeOperatorException e) {
      throw new MlatCryptoException(CryptoErrorCode.KEY_OPERATION_UNSUPPORTED, "a signer's key cannot sign: " + e.getMessage(), e);
    } catch (CMSException e) {
      throw new IOException("cannot build SignedData: " + e.getMessage(), e);
    }
  }

  /** The content type this signer announces (eContentType and the signed content-type attribute). */
  public CmsContentType contentType() {
    return contentType;
  }

  /** Signs a small content held in memory. */
  public byte[] sign(byte[] content, Encapsulation encapsulation) throws MlatCryptoException {
    Objects.requireNonNull(content, "content");
    // An unsynchronized buffer: BouncyCastle's encoder writes identifiers and lengths byte by byte.
    var out = new MemoryOutput(encapsulation == Encapsulation.ENCAPSULATED ? content.length + 4096 : 4096);
    try {
      sign(new ByteArrayInputStream(content), out, encapsulation);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory signing failed", e);
    }
    return out.toByteArray();
  }

  private static ContentSigner contentSigner(Entry e) throws MlatCryptoException, OperatorCreationException {
    var key = KeyAccess.privateKey(e.identity);
    var token = KeyAccess.provider(e.identity);
    if (token.isPresent()) {
      try {
        return new TokenContentSigner(e.algorithm, key, token.get());
      } catch (GeneralSecurityException ex) {
        throw new MlatCryptoException(CryptoErrorCode.KEY_OPERATION_UNSUPPORTED,
            e.identity + " cannot sign with " + e.algorithm + " on its token: " + ex.getMessage(), ex);
      }
    }
    ECPrivateKeyParameters ec = e.ecParameters(key);
    if (ec != null) {
      // the same ECDSA as BouncyCastle's provider (random k, DER signature value), on the cached domain
      return new BcECContentSignerBuilder(e.signatureAlgorithm, e.digestAlgorithm).build(ec);
    }
    return new JcaContentSignerBuilder(e.algorithm.jcaName()).setProvider(Providers.bouncyCastle()).build(key);
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
   * Configures a {@link CmsSigner}; each signer is checked against the policy when added. Not
   * thread-safe.
   */
  public static final class Builder {
    private final AlgorithmPolicy policy;
    private final Clock clock;
    private final List<Entry> signers = new ArrayList<>();
    private CmsContentType contentType = CmsContentType.DATA;
    private TimestampClient timestamps;

    private Builder(AlgorithmPolicy policy, Clock clock) {
      this.policy = Objects.requireNonNull(policy, "policy");
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds a signer: its algorithm and key are checked against the policy for {@code jurisdiction},
     * and its certificate's key usage must allow digitalSignature or nonRepudiation.
     *
     * @throws MlatCryptoException ALGORITHM_REFUSED, KEY_TOO_SMALL, KEY_REFUSED, CERTIFICATE_KEY_USAGE
     */
    public Builder signer(Jurisdiction jurisdiction, KeyIdentity identity, SignatureAlgorithm algorithm) throws MlatCryptoException {
      Objects.requireNonNull(jurisdiction, "jurisdiction");
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(algorithm, "algorithm");
      policy.checkSignature(jurisdiction, algorithm, identity.certificate().getPublicKey());
      if (algorithm.digest().isPresent()) {
        policy.checkDigest(algorithm.digest().get());
      }
      boolean[] usage = identity.certificate().getKeyUsage();
      if (usage != null && !(usage[0] || (usage.length > 1 && usage[1]))) {
        throw new MlatCryptoException(CryptoErrorCode.CERTIFICATE_KEY_USAGE,
            "certificate " + identity.certificate().getSubjectX500Principal().getName()
                + " allows neither digitalSignature nor nonRepudiation");
      }
      signers.add(new Entry(jurisdiction, identity, algorithm, clock));
      return this;
    }

    /** The content type announced in eContentType and the content-type attribute (default id-data). */
    public Builder contentType(CmsContentType contentType) {
      this.contentType = Objects.requireNonNull(contentType, "contentType");
      return this;
    }

    /**
     * Timestamps every signature through {@code client} (CAdES B-T, docs/TIMESTAMPS.md): after
     * signing, each SignerInfo's signature value is timestamped for the signer's jurisdiction and
     * the token attached as the unsigned attribute id-aa-signatureTimeStampToken. The SignedData is
     * then rewritten in memory, so a timestamped encapsulated signature holds its content in memory
     * once (a detached one only its signatures).
     */
    public Builder timestamps(TimestampClient client) {
      this.timestamps = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The signer.
     *
     * @throws IllegalStateException without a signer
     */
    public CmsSigner build() {
      if (signers.isEmpty()) {
        throw new IllegalStateException("add at least one signer");
      }
      return new CmsSigner(this);
    }
  }
}
