package dev.mlat.crypto.timestamp.internal;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.AlgorithmRefusedException;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.DigestAlgorithm;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.timestamp.TimestampException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.Accuracy;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Parses an RFC 3161 token from untrusted bytes and checks everything that needs no trust
 * directory: structure, algorithms under the policy, the signing-certificate binding and the CMS
 * signature. The caller adds the imprint comparison, the time and policy checks and the TSA's trust.
 */
public final class TimestampTokens {
  private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
  private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";

  private TimestampTokens() {}

  /**
   * What a token says, after its signature and signing-certificate binding were verified.
   *
   * @param der the token (ContentInfo) as DER
   * @param tsaCertificate the certificate the token's SignerInfo names and was verified with
   * @param otherCertificates the other certificates the token carries (candidate intermediates)
   */
  public record CheckedToken(
      byte[] der, Instant genTime, Optional<Duration> accuracy, String policyOid, BigInteger serialNumber,
      DigestAlgorithm imprintAlgorithm, byte[] messageImprint, Optional<BigInteger> nonce, SignatureAlgorithm signatureAlgorithm,
      X509Certificate tsaCertificate, List<X509Certificate> otherCertificates) {
    /** Copies. */
    public CheckedToken {
      der = der.clone();
      messageImprint = messageImprint.clone();
      otherCertificates = List.copyOf(otherCertificates);
    }

    @Override
    public byte[] der() {
      return der.clone();
    }

    @Override
    public byte[] messageImprint() {
      return messageImprint.clone();
    }
  }

  /**
   * Parses a DER ContentInfo into a BouncyCastle token; bounded by the array's own length.
   *
   * @throws TimestampException TIMESTAMP_TOKEN_MALFORMED, TIMESTAMP_TOKEN_INVALID (no signing-certificate attribute)
   */
  public static TimeStampToken parse(byte[] der) throws TimestampException {
    ContentInfo contentInfo;
    try {
      // fromByteArray bounds every length by the array's size and refuses trailing bytes.
      contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | RuntimeException e) {
      throw malformed("the token is not a DER ContentInfo: " + e.getMessage(), e);
    }
    if (contentInfo == null || !PKCSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
      throw malformed("the token's ContentInfo is not a SignedData", null);
    }
    try {
      return new TimeStampToken(contentInfo);
    } catch (TSPValidationException e) {
      if (e.getMessage() != null && e.getMessage().contains("signing certificate")) {
        throw new TimestampException(CryptoErrorCode.TIMESTAMP_TOKEN_INVALID,
            "the token has no signing-certificate-v2 (or signing-certificate) signed attribute identifying the TSA certificate", null, e);
      }
      throw malformed("the token is not a timestamp token: " + e.getMessage(), e);
    } catch (TSPException | IOException | RuntimeException e) {
      throw malformed("the token is not a SignedData over a TSTInfo with one signer and signed attributes: " + e.getMessage(), e);
    }
  }

  /**
   * Parses and checks {@code der}: structure, the policy on the imprint digest, the signer's digest
   * and signature algorithm and the signing-certificate hash, the binding of that attribute to the
   * TSA certificate, and the CMS signature.
   *
   * @throws TimestampException TIMESTAMP_TOO_LARGE, TIMESTAMP_TOKEN_MALFORMED, TIMESTAMP_TOKEN_INVALID, TIMESTAMP_SIGNATURE_INVALID
   * @throws AlgorithmRefusedException when the policy refuses an algorithm of the token
   */
  public static CheckedToken check(byte[] der, int maxTokenBytes, AlgorithmPolicy policy, Jurisdiction jurisdiction)
      throws TimestampException, AlgorithmRefusedException {
    if (der.length > maxTokenBytes) {
      throw new TimestampException(CryptoErrorCode.TIMESTAMP_TOO_LARGE,
          "the token has " + der.length + " bytes, more than maxTokenBytes " + maxTokenBytes, null, null);
    }
    TimeStampToken token = parse(der);
    try {
      return check(der, token, policy, jurisdiction);
    } catch (RuntimeException e) {
      // BouncyCastle parses parts of the structure lazily (certificates, attributes) and signals
      // bad encodings with runtime exceptions.
      throw malformed("the token's structure cannot be read: " + e.getMessage(), e);
    }
  }

  private static CheckedToken check(byte[] der, TimeStampToken token, AlgorithmPolicy policy, Jurisdiction jurisdiction)
      throws TimestampException, AlgorithmRefusedException {
    TSTInfo info = token.getTimeStampInfo().toASN1Structure();
    if (info.getVersion() == null || !BigInteger.ONE.equals(info.getVersion().getValue())) {
      throw invalid("TSTInfo version must be 1, got " + info.getVersion(), null);
    }
    if (info.getExtensions() != null && info.getExtensions().getCriticalExtensionOIDs().length > 0) {
      throw invalid("TSTInfo carries critical extensions this library does not process", null);
    }
    Instant genTime;
    try {
      genTime = info.getGenTime().getDate().toInstant();
    } catch (ParseException | RuntimeException e) {
      throw malformed("TSTInfo genTime cannot be read: " + e.getMessage(), e);
    }

    // message imprint: an allowed digest, absent or NULL parameters, the digest's length
    AlgorithmIdentifier imprintId = info.getMessageImprint().getHashAlgorithm();
    if (!absentOrNull(imprintId.getParameters())) {
      throw invalid("the message imprint's hash algorithm has parameters", null);
    }
    DigestAlgorithm imprintAlgorithm = policy.checkDigest(imprintId.getAlgorithm().getId());
    byte[] imprint = info.getMessageImprint().getHashedMessage();
    if (imprint.length != imprintAlgorithm.length()) {
      throw invalid("the message imprint has " + imprint.length + " bytes, " + imprintAlgorithm + " gives " + imprintAlgorithm.length(), null);
    }

    // the TSA certificate named by the SignerInfo, and the other certificates carried
    X509CertificateHolder tsaHolder = null;
    var others = new ArrayList<X509Certificate>();
    for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
      if (tsaHolder == null && token.getSID().match(holder)) {
        tsaHolder = holder;
      } else {
        others.add(convert(holder));
      }
    }
    if (tsaHolder == null) {
      throw invalid("the token does not include the TSA certificate its SignerInfo names; request tokens with certReq=true", null);
    }
    X509Certificate tsaCertificate = convert(tsaHolder);

    // algorithms of the SignerInfo
    SignerInformation signer = token.toCMSSignedData().getSignerInfos().getSigners().iterator().next();
    DigestAlgorithm signerDigest = policy.checkDigest(signer.getDigestAlgOID());
    SignatureAlgorithm signatureAlgorithm = signatureAlgorithm(signer, signerDigest, policy, jurisdiction, tsaCertificate);

    checkSigningCertificate(signer, tsaCertificate, policy);

    try {
      // Built from the key alone: with a certificate, BouncyCastle would also judge the certificate's
      // validity at the signing-time attribute; validity is the trust verifier's job, at genTime.
      var verifier = new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.bouncyCastle()).build(tsaCertificate.getPublicKey());
      if (!signer.verify(verifier)) {
        throw signatureInvalid("the token's CMS signature does not verify with the TSA certificate's key", null);
      }
    } catch (CMSException | OperatorCreationException | RuntimeException e) {
      throw signatureInvalid("the token's CMS signature does not verify: " + e.getMessage(), e);
    }

    Accuracy accuracy = info.getAccuracy();
    Optional<Duration> accuracyDuration = Optional.empty();
    if (accuracy != null) {
      accuracyDuration = Optional.of(Duration.ofSeconds(value(accuracy.getSeconds()))
          .plusMillis(value(accuracy.getMillis())).plusNanos(value(accuracy.getMicros()) * 1000L));
    }
    return new CheckedToken(der, genTime, accuracyDuration, info.getPolicy().getId(), info.getSerialNumber().getValue(),
        imprintAlgorithm, imprint, Optional.ofNullable(info.getNonce()).map(n -> n.getValue()), signatureAlgorithm,
        tsaCertificate, others);
  }

  /** The digest of {@code data} with {@code algorithm}, on the JDK provider (hardware SHA). */
  public static byte[] digest(DigestAlgorithm algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm.jcaName()).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  private static SignatureAlgorithm signatureAlgorithm(
      SignerInformation signer, DigestAlgorithm digest, AlgorithmPolicy policy, Jurisdiction jurisdiction, X509Certificate tsa)
      throws AlgorithmRefusedException {
    String oid = signer.getEncryptionAlgOID();
    byte[] params = signer.getEncryptionAlgParams();
    // CMS allows the bare key algorithm as signatureAlgorithm (RFC 5754 3.2, RFC 5753): the digest completes it.
    if (RSA_ENCRYPTION.equals(oid) || EC_PUBLIC_KEY.equals(oid)) {
      boolean rsa = RSA_ENCRYPTION.equals(oid);
      SignatureAlgorithm algorithm;
      switch (digest) {
        case SHA256:
          algorithm = rsa ? SignatureAlgorithm.RSA_PKCS1_SHA256 : SignatureAlgorithm.ECDSA_SHA256;
          break;
        case SHA384:
          algorithm = rsa ? SignatureAlgorithm.RSA_PKCS1_SHA384 : SignatureAlgorithm.ECDSA_SHA384;
          break;
        case SHA512:
          algorithm = rsa ? SignatureAlgorithm.RSA_PKCS1_SHA512 : SignatureAlgorithm.ECDSA_SHA512;
          break;
        case SHA1:
          algorithm = rsa ? SignatureAlgorithm.RSA_PKCS1_SHA1 : SignatureAlgorithm.ECDSA_SHA1;
          break;
        default:
          algorithm = SignatureAlgorithm.RSA_PKCS1_MD5;
      }
      return policy.checkSignature(jurisdiction, algorithm, tsa.getPublicKey());
    }
    return policy.checkSignature(jurisdiction, oid, params, tsa.getPublicKey());
  }

  private static void checkSigningCertificate(SignerInformation signer, X509Certificate tsa, AlgorithmPolicy policy)
      throws TimestampException, AlgorithmRefusedException {
    var attributes = signer.getSignedAttributes();
    Attribute v2 = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    Attribute v1 = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
    if (attributes.getAll(PKCSObjectIdentifiers.id_aa_signingCertificateV2).size() > 1
        || attributes.getAll(PKCSObjectIdentifiers.id_aa_signingCertificate).size() > 1) {
      throw invalid("the token carries more than one signing-certificate attribute of a kind", null);
    }
    byte[] encoded;
    try {
      encoded = tsa.getEncoded();
    } catch (CertificateEncodingException e) {
      throw malformed("the TSA certificate cannot be encoded", e);
    }
    DigestAlgorithm hash;
    byte[] expected;
    IssuerSerial issuerSerial;
    try {
      if (v2 != null) {
        if (v2.getAttrValues().size() != 1) {
          throw invalid("signing-certificate-v2 must have exactly one value", null);
        }
        ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
        hash = policy.checkDigest(id.getHashAlgorithm().getAlgorithm().getId());
        expected = id.getCertHash();
        issuerSerial = id.getIssuerSerial();
      } else if (v1 != null) {
        if (v1.getAttrValues().size() != 1) {
          throw invalid("signing-certificate must have exactly one value", null);
        }
        // ESSCertID identifies the certificate by SHA-1: only a policy that allows SHA-1 accepts it.
        try {
          hash = policy.checkDigest(DigestAlgorithm.SHA1);
        } catch (AlgorithmRefusedException e) {
          throw new AlgorithmRefusedException(e.errorCode(), "the token identifies its TSA certificate only by a SHA-1 hash"
              + " (signing-certificate, ESSCertID); ask the TSA for signing-certificate-v2 with SHA-256 (OpenSSL: ess_cert_id_alg = sha256)",
              null, e.policyName());
        }
        ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
        expected = id.getCertHash();
        issuerSerial = id.getIssuerSerial();
      } else {
        throw invalid("the token has no signing-certificate-v2 attribute identifying the TSA certificate", null);
      }
    } catch (IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException | NullPointerException e) {
      throw malformed("the signing-certificate attribute cannot be read: " + e.getMessage(), e);
    }
    if (!MessageDigest.isEqual(expected, digest(hash, encoded))) {
      throw signatureInvalid("the signing-certificate attribute's " + hash + " hash does not identify the TSA certificate", null);
    }
    if (issuerSerial != null) {
      boolean issuerMatches = false;
      X500Name issuer = X500Name.getInstance(tsa.getIssuerX500Principal().getEncoded());
      for (GeneralName name : issuerSerial.getIssuer().getNames()) {
        if (name.getTagNo() == GeneralName.directoryName && X500Name.getInstance(name.getName()).equals(issuer)) {
          issuerMatches = true;
        }
      }
      if (!issuerMatches || !issuerSerial.getSerial().getValue().equals(tsa.getSerialNumber())) {
        throw signatureInvalid("the signing-certificate attribute's issuer and serial do not name the TSA certificate", null);
      }
    }
  }

  private static X509Certificate convert(X509CertificateHolder holder) throws TimestampException {
    try {
      return new JcaX509CertificateConverter().setProvider(Providers.bouncyCastle()).getCertificate(holder);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw malformed("a certificate in the token cannot be read: " + e.getMessage(), e);
    }
  }

  private static long value(org.bouncycastle.asn1.ASN1Integer i) {
    return i == null ? 0 : i.getValue().longValue();
  }

  private static boolean absentOrNull(ASN1Encodable parameters) {
    return parameters == null || DERNull.INSTANCE.equals(parameters);
  }

  static TimestampException malformed(String message, Throwable cause) {
    return new TimestampException(CryptoErrorCode.TIMESTAMP_TOKEN_MALFORMED, message, null, cause);
  }

  static TimestampException invalid(String message, Throwable cause) {
    return new TimestampException(CryptoErrorCode.TIMESTAMP_TOKEN_INVALID, message, null, cause);
  }

  static TimestampException signatureInvalid(String message, Throwable cause) {
    return new TimestampException(CryptoErrorCode.TIMESTAMP_SIGNATURE_INVALID, message, null, cause);
  }
}
