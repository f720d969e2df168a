package dev.mlat.crypto.cms;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.KeyEstablishmentAlgorithm;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.internal.Asn1Limits;
import dev.mlat.crypto.internal.BoundedInputStream;
import dev.mlat.crypto.internal.CallerIo;
import dev.mlat.crypto.internal.ContentInfoPeek;
import dev.mlat.crypto.internal.KeyAccess;
import dev.mlat.crypto.internal.MemoryInput;
import dev.mlat.crypto.internal.MemoryOutput;
import dev.mlat.crypto.internal.NewFiles;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.internal.RawEcdhRecipient;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.keys.KeySource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.KEMRecipientInformation;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.PKIXRecipientId;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKEMAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;

/**
 * Opens CMS AuthEnvelopedData sealed for one of the identities of a {@link KeyRing}.
 *
 * <p>What it guarantees: only the policy's content-encryption algorithms (AES-256-GCM by default)
 * with a 128-bit tag and a 96-bit nonce; the RecipientInfo used is addressed to an identity of the
 * ring (issuer and serial number or subject key identifier; after a key rotation the old identity
 * is found too) and its key establishment is allowed by the policy for the sender's jurisdiction
 * (RSA PKCS#1 v1.5 key transport and ECDH with the SHA-1 KDF are refused under the default
 * policy); no authenticated or unauthenticated attributes; and <b>no plaintext is released before
 * the tag verified</b>: {@link #decrypt(byte[], Jurisdiction)} returns bytes only after the tag
 * passed, {@link #decrypt(InputStream, Jurisdiction, Path)} writes to a temporary file beside the
 * target and moves it into place only after the tag passed (deleting it otherwise).
 * RecipientInfos for other recipients are not authenticated by AES-GCM and do not change the
 * result.
 *
 * <pre>{@code
 * CmsDecryptor decryptor = new CmsDecryptor(AlgorithmPolicy.defaultPolicy(), keyRing, CmsLimits.defaults());
 * DecryptedContent opened = decryptor.decrypt(message, Jurisdiction.of("FR"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CmsDecryptor {
  private static final int GCM_TAG_BYTES = 16;
  /** HKDF-SHA256/384/512 (RFC 8619) and BouncyCastle's default KDF2 / KDF3 (X9.44) over SHA-2. */
  private static final java.util.Set<String> KEM_KDFS = java.util.Set.of(
      "1.2.840.113549.1.9.16.3.28", "1.2.840.113549.1.9.16.3.29", "1.2.840.113549.1.9.16.3.30",
      "1.3.133.16.840.9.44.1.2", "1.3.133.16.840.9.44.1.3");
  private static final int GCM_NONCE_BYTES = 12;

  private final AlgorithmPolicy policy;
  private final KeyRing keyRing;
  private final CmsLimits limits;
  private final boolean allowClassicalBesidePostQuantum;

  /**
   * A decryptor for the identities of {@code keyRing}. A message opened with a post-quantum
   * identity (ML-KEM or a composite KEM) that also carries a classical RecipientInfo (RSA key
   * transport, ECDH key agreement, password) is refused with CMS_CLASSICAL_BESIDE_POST_QUANTUM: its
   * content key is exposed to a future quantum attacker through that RecipientInfo (see
   * {@link #allowingClassicalBesidePostQuantum()}).
   */
  public CmsDecryptor(AlgorithmPolicy policy, KeyRing keyRing, CmsLimits limits) {
    this(policy, keyRing, limits, false);
  }

  private CmsDecryptor(AlgorithmPolicy policy, KeyRing keyRing, CmsLimits limits, boolean allowClassicalBesidePostQuantum) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.allowClassicalBesidePostQuantum = allowClassicalBesidePostQuantum;
    Asn1Limits.ensureInstalled();
  }

  /**
   * A copy that opens, with a post-quantum identity, messages that also carry classical
   * RecipientInfos for other recipients: the counterpart of
   * {@code CmsEncryptor.Builder.allowClassicalBesidePostQuantum()}, for a transition in which a
   * partner still has only classical keys. Use it only when the agreement provides for it.
   */
  public CmsDecryptor allowingClassicalBesidePostQuantum() {
    return new CmsDecryptor(policy, keyRing, limits, true);
  }

  /**
   * Opens a message held in memory.
   *
   * @param sender the jurisdiction the message comes from (the policy may differ per jurisdiction)
   * @throws MlatCryptoException CMS_MALFORMED, CMS_LIMIT_EXCEEDED, ALGORITHM_UNKNOWN, ALGORITHM_REFUSED,
   *     KEY_TOO_SMALL, KEY_REFUSED, CMS_GCM_PARAMETERS_REFUSED, CMS_NO_MATCHING_RECIPIENT,
   *     KEY_OPERATION_UNSUPPORTED, CMS_UNEXPECTED_ATTRIBUTE, CMS_CONTENT_TYPE_MISMATCH, CMS_AUTHENTICATION_FAILED
   */
  public DecryptedContent decrypt(byte[] message, Jurisdiction sender) throws MlatCryptoException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sender, "sender");
    var out = new MemoryOutput(message.length);
    try {
      Opened opened = open(null, message, sender, out);
      return new DecryptedContent(out.toByteArray(), opened.identity.certificate(), opened.algorithm);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory decryption failed", e);
    }
  }

  /**
   * Opens a streamed message into {@code target}. The plaintext goes to a temporary file in the
   * target's directory, which is moved to {@code target} only after the tag verified and deleted
   * on any failure.
   *
   * @throws MlatCryptoException as {@link #decrypt(byte[], Jurisdiction)}
   * @throws IOException when reading the message or writing the file fails
   */
  public DecryptedFile decrypt(InputStream message, Jurisdiction sender, Path target) throws MlatCryptoException, IOException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(target, "target");
    Path dir = target.toAbsolutePath().getParent();
    NewFiles.Created created = NewFiles.createIn(dir, ".mlat-quarantine-", ".part");
    Path temp = created.path();
    boolean done = false;
    try {
      Opened opened;
      try (OutputStream out = created.out()) {
        opened = open(message, null, sender, out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      return new DecryptedFile(target, Files.size(target), opened.identity.certificate(), opened.algorithm);
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static final class Opened {
    final KeyIdentity identity;
    final KeyEstablishmentAlgorithm algorithm;

    Opened(KeyIdentity identity, KeyEstablishmentAlgorithm algorithm) {
      this.identity = identity;
      this.algorithm = algorithm;
    }
  }

  /**
   * Opens a message read from {@code raw}, or held in memory ({@code inMemory}, then {@code raw}
   * is null): in memory the size is checked first and the bytes are parsed without the stream's
   * 64 KiB buffer and bounds; the parse and every check are the same.
   */
  private Opened open(InputStream raw, byte[] inMemory, Jurisdiction sender, OutputStream sink) throws MlatCryptoException, IOException {
    if (inMemory != null && inMemory.length > limits.maxMessageBytes()) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED,
          "CMS message is larger than the limit of " + limits.maxMessageBytes() + " bytes");
    }
    var buffered = inMemory != null ? null
        : new BufferedInputStream(new BoundedInputStream(CallerIo.source(raw), limits.maxMessageBytes(), "CMS message"), 64 * 1024);
    InputStream in = inMemory != null ? new MemoryInput(inMemory) : buffered;
    sink = CallerIo.sink(sink);
    try {
      String type = (inMemory != null ? ContentInfoPeek.contentType(inMemory) : ContentInfoPeek.contentType(buffered)).orElseThrow(
          () -> new MlatCryptoException(CryptoErrorCode.CMS_MALFORMED, "input is not a CMS ContentInfo"));
      if (type.equals(CMSObjectIdentifiers.envelopedData.getId())) {
        throw new MlatCryptoException(CryptoErrorCode.ALGORITHM_REFUSED,
            "message is EnvelopedData (unauthenticated encryption); AuthEnvelopedData with AES-256-GCM is required (policy '"
                + policy.name() + "')");
      }
      if (!type.equals(CMSObjectIdentifiers.authEnvelopedData.getId())) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_MALFORMED, "expected AuthEnvelopedData, found content type " + type);
      }
      var parser = new CMSAuthEnvelopedDataParser(in);
      policy.checkContentEncryption(parser.getEncAlgOID());
      checkGcmParameters(parser.getEncAlgParams());
      var recipients = parser.getRecipientInfos();
      if (recipients.size() > limits.maxRecipientInfos()) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED,
            "message has " + recipients.size() + " RecipientInfos, more than the limit of " + limits.maxRecipientInfos());
      }
      RecipientInformation chosen = null;
      KeyIdentity identity = null;
      for (RecipientInformation ri : recipients.getRecipients()) {
        var match = match(ri);
        if (match != null) {
          chosen = ri;
          identity = match;
          break;
        }
      }
      if (chosen == null) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_NO_MATCHING_RECIPIENT,
            "none of the " + recipients.size() + " RecipientInfos is addressed to one of the " + keyRing.identities().size()
                + " identities of the key ring");
      }
      KeyEstablishmentAlgorithm algorithm = checkRecipient(chosen, identity, sender);
      if (algorithm.postQuantum() && !allowClassicalBesidePostQuantum) {
        for (RecipientInformation other : recipients.getRecipients()) {
          if (other != chosen && !resistsQuantumAttack(other)) {
            throw new MlatCryptoException(CryptoErrorCode.CMS_CLASSICAL_BESIDE_POST_QUANTUM,
                "the message is encrypted for this " + algorithm + " identity and also carries a classical RecipientInfo ("
                    + other.getKeyEncryptionAlgOID() + ") that exposes the same content key to a future quantum attacker;"
                    + " refused unless the decryptor allows classical recipients beside post-quantum ones");
          }
        }
      }
      Recipient recipient = recipientFor(chosen, identity, algorithm);
      CMSTypedStream content;
      try {
        content = chosen.getContentStream(recipient);
      } catch (CMSException e) {
        if (hasCause(e, java.security.ProviderException.class)) {
          throw new MlatCryptoException(CryptoErrorCode.KEY_OPERATION_UNSUPPORTED,
              "the provider of " + identity + " refused the key operation: " + e.getMessage(), e);
        }
        throw new MlatCryptoException(CryptoErrorCode.CMS_AUTHENTICATION_FAILED,
            "the content key cannot be recovered with " + identity + " (" + algorithm + ")", e);
      }
      if (!content.getContentType().equals(CMSObjectIdentifiers.data)) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_CONTENT_TYPE_MISMATCH,
            "encrypted content type is " + content.getContentType() + ", expected id-data");
      }
      // a message in memory cannot hold more plaintext than its own length: no larger buffer
      copyBounded(content.getContentStream(), sink,
          inMemory != null ? (int) Math.min(CmsEncryptor.CHUNK, Math.max(inMemory.length, 1)) : CmsEncryptor.CHUNK);
      if (parser.getAuthAttrs() != null || parser.getUnauthAttrs() != null) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE,
            "AuthEnvelopedData carries " + (parser.getAuthAttrs() != null ? "authenticated" : "unauthenticated")
                + " attributes; the profile has none");
      }
      return new Opened(identity, algorithm);
    } catch (BoundedInputStream.LimitExceededException e) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED, e.getMessage());
    } catch (CMSException e) {
      throw new MlatCryptoException(Asn1Limits.isLimitFailure(e) ? CryptoErrorCode.CMS_LIMIT_EXCEEDED : CryptoErrorCode.CMS_MALFORMED,
          "AuthEnvelopedData cannot be parsed: " + Asn1Limits.describe(e), e);
    } catch (IOException e) {
      IOException callers = CallerIo.callerFailure(e);
      if (callers != null) {
        throw callers;
      }
      if (isAuthenticationFailure(e)) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_AUTHENTICATION_FAILED,
            "the AES-GCM tag does not verify: the message was altered; no content released", e);
      }
      // Everything else is BouncyCastle reading the structure (its parse errors are IOExceptions).
      throw new MlatCryptoException(Asn1Limits.isLimitFailure(e) ? CryptoErrorCode.CMS_LIMIT_EXCEEDED : CryptoErrorCode.CMS_MALFORMED,
          "AuthEnvelopedData cannot be parsed: " + Asn1Limits.describe(e), e);
    } catch (IllegalStateException e) {
      // BouncyCastle feeds authenticated attributes to the cipher as AAD after the content, which
      // the JDK's GCM refuses; the profile has no authenticated attributes anyway.
      if (String.valueOf(e.getMessage()).contains("AAD")) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE,
            "AuthEnvelopedData carries authenticated attributes; the profile has none; no content released", e);
      }
      throw new MlatCryptoException(CryptoErrorCode.CMS_MALFORMED, "AuthEnvelopedData cannot be parsed: " + Asn1Limits.describe(e), e);
    } catch (RuntimeException e) {
      // BouncyCastle's parsers signal some malformed encodings with unchecked exceptions.
      throw new MlatCryptoException(Asn1Limits.isLimitFailure(e) ? CryptoErrorCode.CMS_LIMIT_EXCEEDED : CryptoErrorCode.CMS_MALFORMED,
          "AuthEnvelopedData cannot be parsed: " + Asn1Limits.describe(e), e);
    }
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAuthenticationFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AEADBadTagException || t.getClass().getSimpleName().equals("InvalidCipherTextIOException")
          || t.getClass().getSimpleName().equals("InvalidCipherTextException")) {
        return true;
      }
    }
    return false;
  }

  private void copyBounded(InputStream content, OutputStream sink, int bufferBytes) throws IOException, MlatCryptoException {
    byte[] buffer = new byte[bufferBytes];
    long total = 0;
    int n;
    // With the JDK's AES-GCM, nothing comes out of the stream before the tag verified; the sink is
    // a quarantine (memory or a temporary file) either way.
    while ((n = content.read(buffer)) > 0) {
      total += n;
      if (total > limits.maxContentBytes()) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_LIMIT_EXCEEDED,
            "decrypted content is larger than the limit of " + limits.maxContentBytes() + " bytes");
      }
      sink.write(buffer, 0, n);
    }
  }

  private void checkGcmParameters(byte[] encoded) throws MlatCryptoException {
    try {
      if (encoded == null) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_GCM_PARAMETERS_REFUSED, "AES-GCM parameters are missing");
      }
      var p = GCMParameters.getInstance(ASN1Primitive.fromByteArray(encoded));
      if (p.getIcvLen() != GCM_TAG_BYTES || p.getNonce().length != GCM_NONCE_BYTES) {
        throw new MlatCryptoException(CryptoErrorCode.CMS_GCM_PARAMETERS_REFUSED,
            "AES-GCM with a " + (p.getIcvLen() * 8) + "-bit tag and a " + (p.getNonce().length * 8)
                + "-bit nonce; the profile requires a 128-bit tag and a 96-bit nonce");
      }
    } catch (IOException | RuntimeException e) {
      throw new MlatCryptoException(CryptoErrorCode.CMS_MALFORMED, "AES-GCM parameters cannot be parsed", e);
    }
  }

  /** KEM RecipientInfos of a post-quantum KEM and symmetric key-encryption keys resist; anything else is classical. */
  private static boolean resistsQuantumAttack(RecipientInformation ri) {
    if (ri instanceof KEMRecipientInformation) {
      return KeyEstablishmentAlgorithm.fromOid(ri.getKeyEncryptionAlgOID(), ri.getKeyEncryptionAlgParams())
          .map(KeyEstablishmentAlgorithm::postQuantum).orElse(false);
    }
    return ri instanceof org.bouncycastle.cms.KEKRecipientInformation;
  }

  private KeyIdentity match(RecipientInformation ri) {
    if (!(ri.getRID() instanceof PKIXRecipientId)) {
      return null;
    }
    var rid = (PKIXRecipientId) ri.getRID();
    if (rid.getSubjectKeyIdentifier() != null) {
      var byKeyId = keyRing.bySubjectKeyIdentifier(rid.getSubjectKeyIdentifier());
      if (byKeyId.isPresent()) {
        return byKeyId.get();
      }
    }
    if (rid.getIssuer() != null && rid.getSerialNumber() != null) {
      try {
        var issuer = new X500Principal(rid.getIssuer().getEncoded());
        return keyRing.byIssuerAndSerial(issuer, rid.getSerialNumber()).orElse(null);
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  private KeyEstablishmentAlgorithm checkRecipient(RecipientInformation ri, KeyIdentity identity, Jurisdiction sender)
      throws MlatCryptoException {
    X509Certificate cert = identity.certificate();
    if (ri instanceof KeyTransRecipientInformation) {
      return policy.checkKeyEstablishment(sender, ri.getKeyEncryptionAlgOID(), ri.getKeyEncryptionAlgParams(), cert.getPublicKey());
    }
    if (ri instanceof KEMRecipientInformation) {
      var algorithm = policy.checkKeyEstablishment(sender, ri.getKeyEncryptionAlgOID(), ri.getKeyEncryptionAlgParams(), cert.getPublicKey());
      String kdf = ((KEMRecipientInformation) ri).getKdfAlgorithm().getAlgorithm().getId();
      if (!KEM_KDFS.contains(kdf)) {
        throw new MlatCryptoException(CryptoErrorCode.ALGORITHM_REFUSED,
            "KEMRecipientInfo key-derivation function " + kdf + " is not HKDF with SHA-256/384/512 or KDF2/KDF3 with a SHA-2 hash");
      }
      return algorithm;
    }
    if (ri instanceof KeyAgreeRecipientInformation) {
      var algorithm = policy.checkKeyEstablishment(sender, ri.getKeyEncryptionAlgOID(), ri.getKeyEncryptionAlgParams(), cert.getPublicKey());
      var wrap = AlgorithmIdentifier.getInstance(ri.getKeyEncryptionAlgorithm().getParameters());
      policy.checkKeyEstablishment(sender, wrap.getAlgorithm().getId(), null, null);
      if (!wrap.getAlgorithm().getId().equals(KeyEstablishmentAlgorithm.AES_256_WRAP.oid())) {
        throw new MlatCryptoException(CryptoErrorCode.ALGORITHM_REFUSED,
            "key wrap " + wrap.getAlgorithm() + " cannot carry an AES-256 content key; AES-256 key wrap is required");
      }
      return algorithm;
    }
    throw new MlatCryptoException(CryptoErrorCode.ALGORITHM_REFUSED,
        "RecipientInfo type " + ri.getClass().getSimpleName() + " is not used by this profile");
  }

  private Recipient recipientFor(RecipientInformation ri, KeyIdentity identity, KeyEstablishmentAlgorithm algorithm)
      throws MlatCryptoException {
    PrivateKey key = KeyAccess.privateKey(identity);
    var tokenProvider = KeyAccess.provider(identity);
    switch (algorithm.kind()) {
      case KEY_AGREEMENT:
        return new RawEcdhRecipient(key, identity.certificate().getPublicKey(), tokenProvider.orElse(Providers.bouncyCastle()));
      case KEY_TRANSPORT:
        if (identity.source() == KeySource.PKCS11) {
          throw new MlatCryptoException(CryptoErrorCode.KEY_OPERATION_UNSUPPORTED,
              identity + " is on a PKCS#11 token, where SunPKCS11 offers no RSA-OAEP; use an EC decryption key on the token"
                  + " (PKCS#1 v1.5 is never used instead)");
        }
        return new JceKeyTransAuthEnvelopedRecipient(key).setProvider(Providers.bouncyCastle()).setContentProvider((String) null);
      case KEY_ENCAPSULATION:
        if (identity.source() == KeySource.PKCS11) {
          throw new MlatCryptoException(CryptoErrorCode.KEY_OPERATION_UNSUPPORTED,
              identity + " is on a PKCS#11 token, where SunPKCS11 offers no ML-KEM decapsulation");
        }
        return new JceKEMAuthEnvelopedRecipient(key).setProvider(Providers.bouncyCastle()).setContentProvider((String) null);
      default:
        throw new MlatCryptoException(CryptoErrorCode.ALGORITHM_REFUSED, "key establishment " + algorithm + " is not used by this profile");
    }
  }
}
