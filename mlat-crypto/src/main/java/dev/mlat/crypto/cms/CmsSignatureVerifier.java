package dev.mlat.crypto.cms;

import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.KeyFamily;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.internal.Asn1Limits;
import dev.mlat.crypto.internal.Asn1Times;
import dev.mlat.crypto.internal.BoundedInputStream;
import dev.mlat.crypto.internal.CallerIo;
import dev.mlat.crypto.internal.ContentInfoPeek;
import dev.mlat.crypto.internal.MemoryInput;
import dev.mlat.crypto.internal.MemoryOutput;
import dev.mlat.crypto.internal.NewFiles;
import dev.mlat.crypto.internal.ParsedCertificates;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.internal.SignedAttributes;
import dev.mlat.crypto.timestamp.TimestampVerifier;
import dev.mlat.crypto.timestamp.VerifiedTimestamp;
import dev.mlat.crypto.timestamp.internal.SignatureTimestamps;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfoParser;
import org.bouncycastle.asn1.cms.SignedDataParser;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jcajce.io.OutputStreamFactory;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Verifies CMS SignedData against what the caller expects ({@link SignatureExpectation}):
 * <ul>
 *   <li>exactly the expected signers ({@link SignerRequirement}); zero, extra or stripped SignerInfos fail;
 *   <li>eContentType and each signed content-type attribute equal the expected content type;
 *   <li>signed attributes are exactly content-type, message-digest, signing-time and
 *       signing-certificate-v2, each once with one value; no unsigned attributes, except, when the verifier
 *       was given a {@link TimestampVerifier}, one id-aa-signatureTimeStampToken (CAdES B-T) whose token
 *       must verify and whose genTime becomes the time the signer's trust is validated at;
 *   <li>signing-certificate-v2 identifies the signer certificate (hash, and issuer and serial when present);
 *   <li>digest and signature algorithms and the signer key are allowed by the policy for the jurisdiction;
 *   <li>each signature verifies, and the {@link SignerTrust} accepts each signer for the jurisdiction.
 * </ul>
 * Content is released only after all of that: as bytes ({@link #verify(byte[], SignatureExpectation)})
 * or as a file moved into place after the checks ({@link #verify(InputStream, SignatureExpectation, Path)}).
 *
 * <pre>{@code
 * var verifier = new CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), trustDirectory, clock, CmsLimits.defaults());
 * VerifiedContent v = verifier.verify(signedData, SignatureExpectation.oneSigner(Jurisdiction.of("FR")));
 * }</pre>
 *
 * <p>Immutable and thread-safe when the {@link SignerTrust} is.
 */
public final class CmsSignatureVerifier {
  private static final ASN1ObjectIdentifier SIGNING_CERTIFICATE_V2 = PKCSObjectIdentifiers.id_aa_signingCertificateV2;
  // Stateless after construction (read-only tables; a new MessageDigest per digest calculator): shared.
  private static final DefaultCMSSignatureAlgorithmNameGenerator SIGNATURE_NAMES = new DefaultCMSSignatureAlgorithmNameGenerator();
  private static final DefaultSignatureAlgorithmIdentifierFinder SIGNATURE_IDENTIFIERS = new DefaultSignatureAlgorithmIdentifierFinder();
  private static final DigestCalculatorProvider DIGEST_CALCULATORS = digestCalculators();

  private final AlgorithmPolicy policy;
  private final SignerTrust trust;
  private final Clock clock;
  private final CmsLimits limits;
  private final TimestampVerifier timestamps;

  private static DigestCalculatorProvider digestCalculators() {
    try {
      return new JcaDigestCalculatorProviderBuilder().build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("no digest calculator provider", e);
    }
  }

  /** A verifier without signature timestamps: a SignerInfo carrying any unsigned attribute is refused. */
  public CmsSignatureVerifier(AlgorithmPolicy policy, SignerTrust trust, Clock clock, CmsLimits limits) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.trust = Objects.requireNonNull(trust, "trust");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.timestamps = null;
    Asn1Limits.ensureInstalled();
  }

  /**
   * A verifier that also accepts CAdES B-T signatures: a SignerInfo may carry exactly one unsigned
   * attribute id-aa-signatureTimeStampToken with one token, verified with {@code timestamps} for the
   * expected jurisdiction after the signature itself; the signer's trust is then validated at the
   * token's genTime instead of now. A token that does not verify fails the verification
   * (TIMESTAMP_* codes); a signature without a token is validated now.
   */
  public CmsSignatureVerifier(AlgorithmPolicy policy, SignerTrust trust, Clock clock, CmsLimits limits, TimestampVerifier timestamps) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.trust = Objects.requireNonNull(trust, "trust");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
    Asn1Limits.ensureInstalled();
  }

  /**
   * Verifies an encapsulated SignedData held in memory and returns its content.
   *
   * @throws MlatCryptoException CMS_MALFORMED, CMS_LIMIT_EXCEEDED, CMS_CONTENT_TYPE_MISMATCH, CMS_SIGNER_COUNT,
   *     CMS_SIGNER_CERTIFICATE_MISSING, CMS_UNEXPECTED_ATTRIBUTE, CMS_SIGNING_CERTIFICATE_MISMATCH,
   *     CMS_SIGNATURE_INVALID, the policy's codes, the TIMESTAMP_* codes of a signature timestamp, and the
   *     {@link SignerTrust}'s codes
   */
  public VerifiedContent verify(byte[] signedData, SignatureExpectation expected) throws MlatCryptoException {
    Objects.requireNonNull(signedData, "signedData");
    Objects.requireNonNull(expected, "expected");
    var out = new MemoryOutput(signedData.length);
    try {
      byte[][] content = new byte[1][];
      var result = runInMemory(signedData, null, expected, out, content);
      return new VerifiedContent(content[0] != null ? content[0] : out.toByteArray(), result.signers());
    } catch (IOException e) {
      throw new IllegalStateException("in-memory verification failed", e);
    }
  }

  /**
   * Verifies a streamed encapsulated SignedData; the content goes to a temporary file beside
   * {@code target}, moved to {@code target} only after every check passed, deleted otherwise.
   *
   * @throws MlatCryptoException as {@link #verify(byte[], SignatureExpectation)}
   * @throws IOException when reading or writing fails
   */
  public VerifiedSignature verify(InputStream signedData, SignatureExpectation expected, Path target)
      throws MlatCryptoException, IOException {
    Objects.requireNonNull(signedData, "signedData");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(target, "target");
    NewFiles.Created created = NewFiles.createIn(target.toAbsolutePath().getParent(), ".mlat-quarantine-", ".part");
    Path temp = created.path();
    boolean done = false;
    try {
      VerifiedSignature result;
      try (OutputStream out = created.out()) {
        result = run(signedData, null, expected, out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      return result;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Verifies a detached SignedData over {@code content}. The signature (at most
   * {@link CmsLimits#maxMessageBytes()}) is read into memory; the content is streamed. A SignedData
   * that encapsulates content is refused here (CMS_MALFORMED) rather than checked against other bytes.
   *
   * @throws MlatCryptoException as {@link #verify(byte[], SignatureExpectation)}
   * @throws IOException when reading fails
   */
  public VerifiedSignature verifyDetached(InputStream signature, InputStream content, SignatureExpectation expected)
      throws MlatCryptoException, IOException {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(expected, "expected");
    // A detached signature is small: read it (bounded) so that an encapsulated one can be refused
    // before its own eContent is silently ignored in favour of the supplied content.
    byte[] bytes;
    try {
      bytes = new BoundedInputStream(signature, limits.maxMessageBytes(), "SignedData").readAllBytes();
    } catch (BoundedInputStream.LimitExceededException e) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED, e.getMessage());
    }
    if (encapsulatesContent(bytes)) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_MALFORMED,
          "SignedData encapsulates its content; verify it as an encapsulated signature, not against separate content");
    }
    return runInMemory(bytes, content, expected, OutputStream.nullOutputStream(), new byte[1][]);
  }

  /**
   * {@link #verifyDetached} through BouncyCastle's streaming parser only (as it always verified
   * before the in-memory reading): for the tests that show both give the same outcome.
   */
  VerifiedSignature verifyDetachedStreamed(byte[] signature, InputStream content, SignatureExpectation expected)
      throws MlatCryptoException, IOException {
    if (encapsulatesContent(signature)) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_MALFORMED,
          "SignedData encapsulates its content; verify it as an encapsulated signature, not against separate content");
    }
    return run(new ByteArrayInputStream(signature), content, expected, OutputStream.nullOutputStream());
  }

  /**
   * Whether a SignedData carries eContent, read as BouncyCastle's CMSSignedDataParser reads it
   * (ContentInfo, then SignedData's version, digestAlgorithms and encapContentInfo, whose content
   * is an OCTET STRING), with BouncyCastle's streaming ASN.1 parsers but without the parser's
   * digest calculators for each digest algorithm. Anything unreadable is "no" here: the full
   * verification then reports what is wrong with it.
   */
  static boolean encapsulatesContent(byte[] signedData) {
    try {
      var contentInfo = new ContentInfoParser((ASN1SequenceParser) new ASN1StreamParser(signedData).readObject());
      var signed = SignedDataParser.getInstance(contentInfo.getContent(BERTags.SEQUENCE));
      signed.getVersion();
      signed.getDigestAlgorithms().toASN1Primitive();
      return signed.getEncapContentInfo().getContent(BERTags.OCTET_STRING) != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The streaming verification: the SignedData is read once, through BouncyCastle's
   * {@link CMSSignedDataParser}, the content copied to {@code sink} while it is digested.
   */
  private VerifiedSignature run(InputStream raw, InputStream detachedContent, SignatureExpectation expected, OutputStream sink)
      throws MlatCryptoException, IOException {
    var in = new BufferedInputStream(new BoundedInputStream(CallerIo.source(raw), limits.maxMessageBytes(), "SignedData"), 64 * 1024);
    sink = CallerIo.sink(sink);
    if (detachedContent != null) {
      detachedContent = CallerIo.source(detachedContent);
    }
    try {
      String type = ContentInfoPeek.contentType(in).orElseThrow(
          () -> new MlatCryptoException(CryptoErrorCode.CMS_MALFORMED, "input is not a CMS ContentInfo"));
      return check(new StreamedSignedData(in, detachedContent, type, COPY_BUFFER_BYTES), expected, sink);
    } catch (BoundedInputStream.LimitExceededException e) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED, e.getMessage());
    } catch (IOException e) {
      IOException callers = CallerIo.callerFailure(e);
      if (callers != null) {
        throw callers;
      }
      // Everything else is BouncyCastle reading the structure (its parse errors are IOExceptions).
      throw parseFailure(e);
    }
  }

  /**
   * The same verification for a SignedData held in memory: the bytes are read without the
   * stream's buffer and bounds (their size is checked first) and, when the SignedData
   * encapsulates its content, parsed with BouncyCastle's ASN.1 classes
   * ({@link InMemorySignedData}) rather than its streaming parser. Whatever that parse does not
   * take (anything BouncyCastle's ASN.1 classes refuse, detached or non-OCTET STRING content, no
   * usable digest algorithm) is verified by the streaming parser over the same bytes, so it
   * gets exactly the streaming verification's result.
   */
  private VerifiedSignature runInMemory(byte[] bytes, InputStream detachedContent, SignatureExpectation expected, OutputStream sink,
      byte[][] content) throws MlatCryptoException, IOException {
    if (bytes.length > limits.maxMessageBytes()) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED,
          "SignedData is larger than the limit of " + limits.maxMessageBytes() + " bytes");
    }
    String type = ContentInfoPeek.contentType(bytes).orElseThrow(
        () -> new MlatCryptoException(CryptoErrorCode.CMS_MALFORMED, "input is not a CMS ContentInfo"));
    sink = CallerIo.sink(sink);
    if (detachedContent != null) {
      detachedContent = CallerIo.source(detachedContent);
    }
    try {
      if (type.equals(CMSObjectIdentifiers.signedData.getId())) {
        InMemorySignedData parsed = InMemorySignedData.parse(bytes, detachedContent);
        if (parsed != null) {
          VerifiedSignature result = check(parsed, expected, detachedContent == null ? OutputStream.nullOutputStream() : sink);
          content[0] = parsed.content;
          return result;
        }
      }
      int buffer = detachedContent != null ? COPY_BUFFER_BYTES : (int) Math.min(COPY_BUFFER_BYTES, Math.max(bytes.length, 1));
      return check(new StreamedSignedData(new MemoryInput(bytes), detachedContent, type, buffer), expected, sink);
    } catch (IOException e) {
      IOException callers = CallerIo.callerFailure(e);
      if (callers != null) {
        throw callers;
      }
      throw parseFailure(e);
    }
  }

  private static MlatCryptoException parseFailure(Exception e) {
    return new MlatCryptoException(Asn1Limits.isLimitFailure(e) ? CryptoErrorCode.CMS_LIMIT_EXCEEDED : CryptoErrorCode.CMS_MALFORMED,
        "SignedData cannot be parsed: " + Asn1Limits.describe(e), e);
  }

  /** The largest piece in which streamed content is copied. */
  private static final int COPY_BUFFER_BYTES = 64 * 1024;

  /**
   * A SignedData as the checks read it, in the order they read it (a streamed one is parsed as
   * they go): its contentType, eContentType, digestAlgorithms, content, certificates and SignerInfos.
   */
  private interface SignedDataSource {
    /** The ContentInfo's contentType. */
    String outerType();

    String contentType() throws CMSException;

    java.util.Set<AlgorithmIdentifier> digestAlgorithms() throws CMSException;

    boolean hasContent() throws CMSException;

    /** Copies the content to {@code sink} (at most {@code limit} bytes, else CMS_LIMIT_EXCEEDED) and returns its length. */
    long copyContent(OutputStream sink, long limit) throws IOException, MlatCryptoException, CMSException;

    /** The certificates SET, or null when absent. */
    org.bouncycastle.asn1.ASN1Set certificateSet() throws CMSException;

    List<SignerInformation> signerInfos() throws CMSException;
  }

  /** Through BouncyCastle's streaming parser (any SignedData, content encapsulated or detached). */
  private static final class StreamedSignedData implements SignedDataSource {
    private final InputStream in;
    private final InputStream detachedContent;
    private final String outerType;
    private final int bufferBytes;
    private CMSSignedDataParser parser;

    StreamedSignedData(InputStream in, InputStream detachedContent, String outerType, int bufferBytes) {
      this.in = in;
      this.detachedContent = detachedContent;
      this.outerType = outerType;
      this.bufferBytes = bufferBytes;
    }

    @Override
    public String outerType() {
      return outerType;
    }

    private CMSSignedDataParser parser() throws CMSException {
      if (parser == null) {
        parser = detachedContent == null
            ? new CMSSignedDataParser(DIGEST_CALCULATORS, in)
            : new CMSSignedDataParser(DIGEST_CALCULATORS, new CMSTypedStream(detachedContent), in);
      }
      return parser;
    }

    @Override
    public String contentType() throws CMSException {
      return parser().getSignedContentTypeOID();
    }

    @Override
    public java.util.Set<AlgorithmIdentifier> digestAlgorithms() throws CMSException {
      return parser().getDigestAlgorithmIDs();
    }

    @Override
    public boolean hasContent() throws CMSException {
      return parser().getSignedContent() != null;
    }

    @Override
    public long copyContent(OutputStream sink, long limit) throws IOException, MlatCryptoException, CMSException {
      InputStream content = parser().getSignedContent().getContentStream();
      byte[] buffer = new byte[bufferBytes];
      long total = 0;
      int n;
      while ((n = content.read(buffer)) > 0) {
        total += n;
        if (total > limit) {
          throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED, "signed content is larger than the limit of " + limit + " bytes");
        }
        sink.write(buffer, 0, n);
      }
      return total;
    }

    @Override
    public org.bouncycastle.asn1.ASN1Set certificateSet() throws CMSException {
      return parser().getCertificateSet();
    }

    @Override
    public List<SignerInformation> signerInfos() throws CMSException {
      return new ArrayList<>(parser().getSignerInfos().getSigners());
    }
  }

  /**
   * A SignedData held in memory, read by BouncyCastle's ASN.1 classes ({@code ASN1InputStream}
   * bounded by the input's length, {@code ContentInfo}, {@code SignedData}) as one value, its
   * content either encapsulated (an OCTET STRING) or streamed from the caller (detached). The
   * SignerInfos are BouncyCastle's {@link SignerInformation} (through {@link CMSSignedData}) with
   * the content's digests computed exactly as the streaming parser computes them: one per
   * algorithm of digestAlgorithms that the digest calculator provider offers, by algorithm OID,
   * none for a SignerInfo whose algorithm is not among them (which then fails as it fails
   * streamed, on the message-digest attribute). As the streaming parser, a detached signature is
   * verified against content of type id-data.
   */
  static final class InMemorySignedData implements SignedDataSource {
    private final org.bouncycastle.asn1.cms.ContentInfo contentInfo;
    private final String contentType;
    private final java.util.Set<AlgorithmIdentifier> digestAlgorithms;
    /** The encapsulated content; null while a detached content has not been read. */
    private byte[] content;
    private final InputStream detachedContent;
    private final java.util.Map<ASN1ObjectIdentifier, org.bouncycastle.operator.DigestCalculator> calculators;
    private final org.bouncycastle.asn1.ASN1Set certificates;
    private java.util.Map<ASN1ObjectIdentifier, byte[]> digests;

    private InMemorySignedData(org.bouncycastle.asn1.cms.ContentInfo contentInfo, String contentType,
        java.util.Set<AlgorithmIdentifier> digestAlgorithms, byte[] content, InputStream detachedContent,
        java.util.Map<ASN1ObjectIdentifier, org.bouncycastle.operator.DigestCalculator> calculators,
        org.bouncycastle.asn1.ASN1Set certificates) {
      this.contentInfo = contentInfo;
      this.contentType = contentType;
      this.digestAlgorithms = digestAlgorithms;
      this.content = content;
      this.detachedContent = detachedContent;
      this.calculators = calculators;
      this.certificates = certificates;
    }

    /**
     * The parsed SignedData, or null when this in-memory reading does not take it (the caller
     * then verifies it streamed): not parseable by BouncyCastle's ASN.1 classes; with
     * {@code detachedContent} null, no encapsulated OCTET STRING content; with it, encapsulated
     * content or an eContentType other than id-data; or no digest the provider computes.
     */
    static InMemorySignedData parse(byte[] bytes, InputStream detachedContent) {
      try {
        ASN1Primitive value;
        try (var asn1 = new ASN1InputStream(new MemoryInput(bytes), bytes.length)) {
          value = asn1.readObject();
        }
        var contentInfo = org.bouncycastle.asn1.cms.ContentInfo.getInstance(value);
        var signed = org.bouncycastle.asn1.cms.SignedData.getInstance(contentInfo.getContent());
        var encapsulated = signed.getEncapContentInfo();
        byte[] content = null;
        if (detachedContent == null) {
          if (!(encapsulated.getContent() instanceof ASN1OctetString)) {
            return null;
          }
          content = ((ASN1OctetString) encapsulated.getContent()).getOctets();
        } else if (encapsulated.getContent() != null || !CMSObjectIdentifiers.data.equals(encapsulated.getContentType())) {
          return null;
        }
        // As CMSSignedDataParser: every digestAlgorithms element is an AlgorithmIdentifier; one
        // calculator per algorithm the provider offers (others ignored), by algorithm OID.
        var algorithms = new java.util.HashSet<AlgorithmIdentifier>();
        var calculators = new java.util.HashMap<ASN1ObjectIdentifier, org.bouncycastle.operator.DigestCalculator>();
        for (var element : signed.getDigestAlgorithms()) {
          AlgorithmIdentifier algorithm = AlgorithmIdentifier.getInstance(element.toASN1Primitive());
          algorithms.add(algorithm);
          try {
            var calculator = DIGEST_CALCULATORS.get(algorithm);
            if (calculator != null) {
              calculators.put(algorithm.getAlgorithm(), calculator);
            }
          } catch (OperatorCreationException e) {
            // ignored, as the streaming parser ignores it
          }
        }
        if (calculators.isEmpty()) {
          return null;
        }
        return new InMemorySignedData(contentInfo, encapsulated.getContentType().getId(), java.util.Collections.unmodifiableSet(algorithms),
            content, detachedContent, calculators, signed.getCertificates());
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    @Override
    public String outerType() {
      return contentInfo.getContentType().getId();
    }

    @Override
    public String contentType() {
      return contentType;
    }

    @Override
    public java.util.Set<AlgorithmIdentifier> digestAlgorithms() {
      return digestAlgorithms;
    }

    @Override
    public boolean hasContent() {
      return true;
    }

    @Override
    public long copyContent(OutputStream sink, long limit) throws IOException, MlatCryptoException {
      var outputs = new ArrayList<OutputStream>();
      for (var calculator : calculators.values()) {
        outputs.add(calculator.getOutputStream());
      }
      long length;
      if (detachedContent == null) {
        if (content.length > limit) {
          throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED, "signed content is larger than the limit of " + limit + " bytes");
        }
        for (var out : outputs) {
          out.write(content);
        }
        sink.write(content);
        length = content.length;
      } else {
        byte[] buffer = new byte[COPY_BUFFER_BYTES];
        length = 0;
        int n;
        while ((n = detachedContent.read(buffer)) > 0) {
          length += n;
          if (length > limit) {
            throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED, "signed content is larger than the limit of " + limit + " bytes");
          }
          for (var out : outputs) {
            out.write(buffer, 0, n);
          }
          sink.write(buffer, 0, n);
        }
      }
      var computed = new java.util.HashMap<ASN1ObjectIdentifier, byte[]>();
      for (var entry : calculators.entrySet()) {
        computed.put(entry.getKey(), entry.getValue().getDigest());
      }
      digests = computed;
      return length;
    }

    @Override
    public org.bouncycastle.asn1.ASN1Set certificateSet() {
      return certificates;
    }

    @Override
    public List<SignerInformation> signerInfos() throws CMSException {
      if (digests == null) {
        throw new IllegalStateException("the content is read before the SignerInfos");
      }
      return new ArrayList<>(new CMSSignedData(digests, contentInfo).getSignerInfos().getSigners());
    }
  }

  /** Every check, in the order the streaming verification has always made them. */
  private VerifiedSignature check(SignedDataSource source, SignatureExpectation expected, OutputStream sink)
      throws MlatCryptoException, IOException {
    try {
      String type = source.outerType();
      if (!type.equals(CMSObjectIdentifiers.signedData.getId())) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_MALFORMED, "expected SignedData, found content type " + type);
      }
      String eContentType = source.contentType();
      if (!expected.contentType().oid().equals(eContentType)) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_CONTENT_TYPE_MISMATCH,
            "eContentType is " + eContentType + ", expected " + expected.contentType().oid());
      }
      for (var digest : source.digestAlgorithms()) {
        policy.checkDigest(digest.getAlgorithm().getId());
      }
      if (!source.hasContent()) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_MALFORMED,
            source instanceof StreamedSignedData && ((StreamedSignedData) source).detachedContent != null
                ? "no content to verify against"
                : "SignedData is detached (no eContent); verify it with its content");
      }
      long length = source.copyContent(sink, limits.maxContentBytes());
      // As BouncyCastle's CMSSignedHelper.getCertificates: the SEQUENCE elements, each a Certificate.
      var parsed = new ArrayList<ParsedCertificates.Parsed>();
      var certificateHolders = new ArrayList<X509CertificateHolder>();
      var certificateSet = source.certificateSet();
      if (certificateSet != null) {
        for (var element : certificateSet) {
          ASN1Primitive value = element.toASN1Primitive();
          if (value instanceof ASN1Sequence) {
            var known = ParsedCertificates.known((ASN1Sequence) value);
            parsed.add(known);
            certificateHolders.add(known != null ? known.holder()
                : new X509CertificateHolder(org.bouncycastle.asn1.x509.Certificate.getInstance(value)));
          }
        }
      }
      if (certificateHolders.size() > limits.maxCertificates()) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED,
            "SignedData carries more than " + limits.maxCertificates() + " certificates");
      }
      var signerInfos = source.signerInfos();
      if (signerInfos.size() > limits.maxSignerInfos()) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED,
            "SignedData carries " + signerInfos.size() + " SignerInfos, more than the limit of " + limits.maxSignerInfos());
      }
      var certificates = new ArrayList<X509Certificate>();
      for (int i = 0; i < certificateHolders.size(); i++) {
        if (parsed.get(i) == null) {
          parsed.set(i, ParsedCertificates.parse(certificateHolders.get(i)));
        }
        certificates.add(parsed.get(i).certificate());
      }
      var verified = new ArrayList<CryptographicallyVerified>();
      var algorithms = new ArrayList<SignatureAlgorithm>();
      for (var signer : signerInfos) {
        int index = signerCertificate(signer, certificateHolders, certificates);
        var v = verifySigner(signer, parsed.get(index), certificates, expected, eContentType);
        verified.add(v);
        algorithms.add(v.algorithm());
      }
      checkRequirement(expected.requirement(), algorithms);
      if (expected.requirement() == SignerRequirement.CLASSICAL_AND_POST_QUANTUM && verified.size() == 2) {
        checkSameAuthority(verified.get(0).certificate(), verified.get(1).certificate());
      }
      Instant now = clock.instant();
      var trusted = new ArrayList<VerifiedSigner>();
      for (var v : verified) {
        Instant at = v.timestamp().map(VerifiedTimestamp::genTime).orElse(now);
        var report = trust.verify(v.certificate(), v.intermediates(), expected.jurisdiction(), at);
        if (report == null || !report.certificate().equals(v.certificate())
            || !report.jurisdiction().equals(expected.jurisdiction())) {
          throw new IllegalStateException("the SignerTrust returned a report about another certificate or jurisdiction");
        }
        trusted.add(new VerifiedSigner(v.certificate(), v.intermediates(), v.algorithm(), v.digest(), v.signingTime(), report,
            v.timestamp()));
      }
      return new VerifiedSignature(length, trusted);
    } catch (BoundedInputStream.LimitExceededException e) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED, e.getMessage());
    } catch (CMSException | OperatorCreationException | CertificateException e) {
      throw parseFailure(e);
    } catch (RuntimeException e) {
      // BouncyCastle's parsers signal some malformed encodings with unchecked exceptions.
      throw parseFailure(e);
    }
  }

  /** The index of the signer's certificate in {@code holders} (and {@code certificates}). */
  private static int signerCertificate(SignerInformation signer, List<X509CertificateHolder> holders,
      List<X509Certificate> certificates) throws MlatCryptoException {
    int found = -1;
    for (int i = 0; i < holders.size(); i++) {
      if (signer.getSID().match(holders.get(i))) {
        if (found >= 0 && !certificates.get(found).equals(certificates.get(i))) {
          throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNER_CERTIFICATE_MISSING,
              "two different certificates match the signer identifier");
        }
        if (found < 0) {
          found = i;
        }
      }
    }
    if (found < 0) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNER_CERTIFICATE_MISSING,
          "the signer's certificate (" + describe(signer) + ") is not in the SignedData's certificates");
    }
    return found;
  }

  private static String describe(SignerInformation signer) {
    var sid = signer.getSID();
    if (sid.getSerialNumber() != null) {
      return "issuer " + sid.getIssuer() + ", serial " + sid.getSerialNumber().toString(16);
    }
    return "subject key identifier " + (sid.getSubjectKeyIdentifier() == null ? "?" : java.util.HexFormat.of().formatHex(sid.getSubjectKeyIdentifier()));
  }

  private CryptographicallyVerified verifySigner(SignerInformation signer, ParsedCertificates.Parsed parsed,
      List<X509Certificate> certificates,
      SignatureExpectation expected, String eContentType) throws MlatCryptoException, OperatorCreationException, IOException {
    X509CertificateHolder holder = parsed.holder();
    X509Certificate cert = parsed.certificate();
    DigestAlgorithm digest = policy.checkDigest(signer.getDigestAlgOID());
    SignatureAlgorithm algorithm = policy.checkSignature(expected.jurisdiction(), signatureOid(signer, digest),
        signer.getEncryptionAlgParams(), cert.getPublicKey());
    if (algorithm.digest().isPresent() && algorithm.digest().get() != digest) {
      throw new MlatCryptoException(CryptoErrorCode.ALGORITHM_REFUSED,
          "signature algorithm " + algorithm + " over a " + digest + " digest: the two hash functions must agree");
    }
    boolean timestamped = checkUnsignedAttributes(signer);
    if (signer.getSignedAttributes() == null) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE,
          "SignerInfo has no signed attributes; content-type, message-digest, signing-time and signing-certificate-v2 are required");
    }
    var vector = signer.getSignedAttributes().toASN1EncodableVector();
    var seen = new HashSet<ASN1ObjectIdentifier>();
    for (int i = 0; i < vector.size(); i++) {
      var attribute = Attribute.getInstance(vector.get(i));
      var attrType = attribute.getAttrType();
      if (!SignedAttributes.PROFILE.contains(attrType)) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE,
            "unexpected signed attribute " + attrType + "; accepted: content-type, message-digest, signing-time, signing-certificate-v2");
      }
      if (!seen.add(attrType) || attribute.getAttrValues().size() != 1) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE,
            "signed attribute " + attrType + " appears more than once or with more than one value");
      }
    }
    if (!seen.containsAll(SignedAttributes.PROFILE)) {
      var missing = new HashSet<>(SignedAttributes.PROFILE);
      missing.removeAll(seen);
      throw new MlatCryptoException(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE, "required signed attributes missing: " + missing);
    }
    var table = signer.getSignedAttributes();
    var contentType = ASN1ObjectIdentifier.getInstance(table.get(CMSAttributes.contentType).getAttrValues().getObjectAt(0));
    if (!contentType.getId().equals(eContentType) || !contentType.getId().equals(expected.contentType().oid())) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_CONTENT_TYPE_MISMATCH,
          "signed content-type attribute is " + contentType + ", eContentType " + eContentType + ", expected " + expected.contentType().oid());
    }
    checkSigningCertificate(table.get(SIGNING_CERTIFICATE_V2), parsed);
    Instant signingTime = SignedAttributes.instant(Time.getInstance(table.get(CMSAttributes.signingTime).getAttrValues().getObjectAt(0)));
    // BouncyCastle refuses a certificate that is not valid at the claimed signing time as a failed
    // signature; it is a certificate problem, and the operator must be told which one.
    // The dates from the holder of the same certificate (the same DER): BouncyCastle's certificate
    // object re-reads them through SimpleDateFormat at every call.
    Instant notAfter = Asn1Times.notAfter(holder);
    if (signingTime.isAfter(notAfter)) {
      throw new MlatCryptoException(CryptoErrorCode.CERTIFICATE_EXPIRED, "the certificate of " + describe(signer)
          + " expired at " + notAfter + ", before the signing time " + signingTime + " the signature claims");
    }
    Instant notBefore = Asn1Times.notBefore(holder);
    if (signingTime.isBefore(notBefore)) {
      throw new MlatCryptoException(CryptoErrorCode.CERTIFICATE_NOT_YET_VALID, "the certificate of " + describe(signer)
          + " is valid from " + notBefore + ", after the signing time " + signingTime + " the signature claims");
    }
    boolean valid;
    try {
      valid = signer.verify(signerVerifier(holder, cert, algorithm));
    } catch (CMSSignerDigestMismatchException e) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNATURE_INVALID,
          "the message-digest attribute of " + describe(signer) + " does not match the content", e);
    } catch (CMSException e) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNATURE_INVALID,
          "the signature of " + describe(signer) + " does not verify: " + e.getMessage(), e);
    }
    if (!valid) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNATURE_INVALID, "the signature of " + describe(signer) + " does not verify");
    }
    var intermediates = new ArrayList<X509Certificate>();
    for (var c : certificates) {
      if (!c.equals(cert)) {
        intermediates.add(c);
      }
    }
    Optional<VerifiedTimestamp> timestamp = timestamped
        ? SignatureTimestamps.verify(signer, timestamps, expected.jurisdiction())
        : Optional.empty();
    return new CryptographicallyVerified(cert, intermediates, algorithm, digest, signingTime, timestamp);
  }

  /**
   * The verifier of one SignerInfo. For ECDSA, a verifier of our own: BouncyCastle's JCA verifier
   * ({@code JcaContentVerifierProviderBuilder}'s raw-capable verifier) runs, after the real
   * verification, a second, discarded one on a raw NONEwithECDSA signature to release PKCS#11
   * sessions, which doubled the cost of verifying an ECDSA signature (BouncyCastle 1.87). This one
   * verifies once, with the same provider, algorithm and key; the checks around it
   * ({@link SignerInformation#verify}: message digest, content type) are BouncyCastle's as before,
   * and the signing time against the certificate's validity is verifySigner's own check (made
   * before, with specific codes; see {@link SingleSignatureVerifierProvider#hasAssociatedCertificate}).
   * Other algorithms keep BouncyCastle's verifier.
   */
  private static SignerInformationVerifier signerVerifier(X509CertificateHolder holder, X509Certificate cert,
      SignatureAlgorithm algorithm) throws OperatorCreationException {
    if (algorithm.keyFamily() != KeyFamily.EC) {
      return new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.bouncyCastle()).build(cert);
    }
    return new SignerInformationVerifier(SIGNATURE_NAMES, SIGNATURE_IDENTIFIERS,
        new SingleSignatureVerifierProvider(cert.getPublicKey(), algorithm), DIGEST_CALCULATORS);
  }

  /** Verifies signatures of one algorithm with one public key on BouncyCastle's provider, once each. */
  private static final class SingleSignatureVerifierProvider implements ContentVerifierProvider {
    private final PublicKey key;
    private final SignatureAlgorithm algorithm;

    SingleSignatureVerifierProvider(PublicKey key, SignatureAlgorithm algorithm) {
      this.key = key;
      this.algorithm = algorithm;
    }

    /**
     * None: with an associated certificate BouncyCastle re-checks that it was valid at the
     * signing time, parsing three dates through SimpleDateFormat per signature. verifySigner made
     * exactly that check (signing time neither before notBefore nor after notAfter) on the same
     * certificate just before, with specific error codes, and the profile requires the signing-time
     * attribute, so nothing is lost.
     */
    @Override
    public boolean hasAssociatedCertificate() {
      return false;
    }

    @Override
    public X509CertificateHolder getAssociatedCertificate() {
      return null;
    }

    @Override
    public ContentVerifier get(AlgorithmIdentifier identifier) throws OperatorCreationException {
      if (!identifier.getAlgorithm().getId().equals(algorithm.oid())) {
        throw new OperatorCreationException("signature algorithm " + identifier.getAlgorithm() + " is not the checked " + algorithm);
      }
      Signature signature;
      try {
        signature = Verifiers.take(algorithm);
        signature.initVerify(key);
      } catch (GeneralSecurityException e) {
        throw new OperatorCreationException("cannot verify " + algorithm + " with the signer's key: " + e.getMessage(), e);
      }
      OutputStream stream = OutputStreamFactory.createStream(signature);
      return new ContentVerifier() {
        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
          return identifier;
        }

        @Override
        public OutputStream getOutputStream() {
          return stream;
        }

        @Override
        public boolean verify(byte[] expected) {
          try {
            boolean valid = signature.verify(expected);
            Verifiers.giveBack(algorithm, signature);
            return valid;
          } catch (SignatureException e) {
            throw new RuntimeOperatorException("exception obtaining signature: " + e.getMessage(), e);
          }
        }
      };
    }
  }

  /**
   * The ECDSA {@link Signature} objects each thread reuses, by algorithm: looking one up on the
   * provider per signature was about 1% of a small package's opening. A signature object is taken
   * out while in use (so two verifications never share one) and given back only after a verify
   * that completed, which resets it; {@code initVerify} with the next key starts afresh anyway.
   */
  static final class Verifiers {
    private static final ThreadLocal<java.util.EnumMap<SignatureAlgorithm, Signature>> FREE =
        ThreadLocal.withInitial(() -> new java.util.EnumMap<>(SignatureAlgorithm.class));

    private Verifiers() {}

    static Signature take(SignatureAlgorithm algorithm) throws GeneralSecurityException {
      Signature free = FREE.get().remove(algorithm);
      return free != null ? free : Signature.getInstance(algorithm.jcaName(), Providers.bouncyCastle());
    }

    static void giveBack(SignatureAlgorithm algorithm, Signature signature) {
      FREE.get().put(algorithm, signature);
    }

    /** For tests: whether this thread holds a free signature object for {@code algorithm}. */
    static boolean holds(SignatureAlgorithm algorithm) {
      return FREE.get().containsKey(algorithm);
    }
  }

  /**
   * Without a timestamp verifier: no unsigned attribute. With one: at most the one attribute
   * id-aa-signatureTimeStampToken with one value. Returns whether that attribute is present.
   */
  private boolean checkUnsignedAttributes(SignerInformation signer) throws MlatCryptoException {
    var unsigned = signer.getUnsignedAttributes();
    if (unsigned == null || unsigned.size() == 0) {
      return false;
    }
    var vector = unsigned.toASN1EncodableVector();
    if (timestamps == null) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE,
          "SignerInfo carries unsigned attributes " + types(vector) + "; this verifier accepts none (no timestamp verifier configured)");
    }
    if (vector.size() != 1) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE,
          "SignerInfo carries unsigned attributes " + types(vector) + "; the profile allows only one id-aa-signatureTimeStampToken");
    }
    var attribute = Attribute.getInstance(vector.get(0));
    if (!attribute.getAttrType().getId().equals(SignatureTimestamps.ATTRIBUTE_OID)) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE,
          "unexpected unsigned attribute " + attribute.getAttrType() + "; accepted: id-aa-signatureTimeStampToken");
    }
    if (attribute.getAttrValues().size() != 1) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE,
          "the id-aa-signatureTimeStampToken attribute carries " + attribute.getAttrValues().size() + " tokens; the profile allows one");
    }
    return true;
  }

  /** OpenSSL names RSA PKCS#1 v1.5 signatures by rsaEncryption and some stacks ECDSA by the key OID: resolve with the digest. */
  private static String signatureOid(SignerInformation signer, DigestAlgorithm digest) {
    String oid = signer.getEncryptionAlgOID();
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption.getId())) {
      switch (digest) {
        case SHA256:
          return SignatureAlgorithm.RSA_PKCS1_SHA256.oid();
        case SHA384:
          return SignatureAlgorithm.RSA_PKCS1_SHA384.oid();
        case SHA512:
          return SignatureAlgorithm.RSA_PKCS1_SHA512.oid();
        case SHA1:
          return SignatureAlgorithm.RSA_PKCS1_SHA1.oid();
        default:
          return oid;
      }
    }
    if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey.getId())) {
      switch (digest) {
        case SHA256:
          return SignatureAlgorithm.ECDSA_SHA256.oid();
        case SHA384:
          return SignatureAlgorithm.ECDSA_SHA384.oid();
        case SHA512:
          return SignatureAlgorithm.ECDSA_SHA512.oid();
        default:
          return oid;
      }
    }
    return oid;
  }

  private void checkSigningCertificate(Attribute attribute, ParsedCertificates.Parsed parsed) throws MlatCryptoException {
    X509Certificate cert = parsed.certificate();
    try {
      var scv2 = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
      var ids = scv2.getCerts();
      if (ids.length == 0) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNING_CERTIFICATE_MISMATCH, "signing-certificate-v2 names no certificate");
      }
      var id = ids[0];
      DigestAlgorithm hash = policy.checkDigest(id.getHashAlgorithm().getAlgorithm().getId());
      // The digest of the certificate's encoding, computed once per certificate and algorithm.
      byte[] actual = parsed.digest(hash.jcaName());
      if (!MessageDigest.isEqual(actual, id.getCertHash())) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNING_CERTIFICATE_MISMATCH,
            "signing-certificate-v2 does not identify the signer certificate " + cert.getSubjectX500Principal().getName());
      }
      var issuerSerial = id.getIssuerSerial();
      if (issuerSerial != null) {
        boolean serialOk = issuerSerial.getSerial().getValue().equals(cert.getSerialNumber());
        // The issuer of the same DER as the certificate's, already read by the holder.
        X500Name certIssuer = parsed.holder().getIssuer();
        boolean issuerOk = Arrays.stream(issuerSerial.getIssuer().getNames())
            .anyMatch(n -> n.getTagNo() == GeneralName.directoryName && X500Name.getInstance(n.getName()).equals(certIssuer));
        if (!serialOk || !issuerOk) {
          throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNING_CERTIFICATE_MISMATCH,
              "signing-certificate-v2 names another issuer or serial number than the signer certificate's");
        }
      }
    } catch (java.security.GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNING_CERTIFICATE_MISMATCH,
          "signing-certificate-v2 cannot be read: " + e.getMessage(), e);
    }
  }

  private static void checkRequirement(SignerRequirement requirement, List<SignatureAlgorithm> algorithms) throws MlatCryptoException {
    switch (requirement) {
      case ONE_SIGNER:
        if (algorithms.size() != 1) {
          throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNER_COUNT,
              "expected exactly one signer, found " + algorithms.size() + " SignerInfos");
        }
        return;
      case CLASSICAL_AND_POST_QUANTUM:
        if (algorithms.size() == 1 && isComposite(algorithms.get(0))) {
          return;
        }
        if (algorithms.size() == 2) {
          long pure = algorithms.stream().filter(a -> a.postQuantum() && !isComposite(a)).count();
          long classical = algorithms.stream().filter(a -> !a.postQuantum()).count();
          if (pure == 1 && classical == 1) {
            return;
          }
        }
        throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNER_COUNT,
            "expected a hybrid signature (one composite SignerInfo, or one classical and one ML-DSA SignerInfo), found " + algorithms);
      default:
        throw new IllegalStateException("unknown requirement " + requirement);
    }
  }

  /**
   * The two halves of a hybrid signature must come from one authority: when both certificates name
   * an authority (subject organizationIdentifier, docs/TRUST.md), the names must be equal.
   */
  private static void checkSameAuthority(X509Certificate a, X509Certificate b) throws MlatCryptoException {
    var first = organizationIdentifier(a);
    var second = organizationIdentifier(b);
    if (first != null && second != null && !first.equals(second)) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_SIGNER_COUNT,
          "the classical and the ML-DSA signature of a hybrid signature come from different authorities (" + first + ", " + second + ")");
    }
  }

  private static String organizationIdentifier(X509Certificate certificate) {
    var name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    var rdns = name.getRDNs(new ASN1ObjectIdentifier("2.5.4.97"));
    if (rdns.length != 1) {
      return null;
    }
    return org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }

  private static boolean isComposite(SignatureAlgorithm a) {
    return a.name().startsWith("MLDSA");
  }

  private static String types(org.bouncycastle.asn1.ASN1EncodableVector v) {
    var out = new ArrayList<String>();
    for (int i = 0; i < v.size(); i++) {
      out.add(Attribute.getInstance(v.get(i)).getAttrType().getId());
    }
    return out.toString();
  }


  /** A signature that verified cryptographically and against the profile, before the signer's trust is known. */
  private record CryptographicallyVerified(X509Certificate certificate, List<X509Certificate> intermediates,
      SignatureAlgorithm algorithm, DigestAlgorithm digest, Instant signingTime, Optional<VerifiedTimestamp> timestamp) {}
}
