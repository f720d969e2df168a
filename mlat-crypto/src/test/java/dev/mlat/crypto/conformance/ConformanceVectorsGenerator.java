package dev.mlat.crypto.conformance;

import static dev.mlat.crypto.testing.ConformancePki.DE_BFJ;
import static dev.mlat.crypto.testing.ConformancePki.FR_CA;
import static dev.mlat.crypto.testing.ConformancePki.FR_MOJ;
import static dev.mlat.crypto.testing.ConformancePki.FR_PARIS;
import static dev.mlat.crypto.testing.ConformancePki.US_DOJ;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsContentType;
import dev.mlat.crypto.cms.CmsEncryptor;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.crypto.cms.EncryptionRecipient;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.segment.AttachmentKey;
import dev.mlat.crypto.segment.SegmentManifest;
import dev.mlat.crypto.segment.SegmentedEncryptor;
import dev.mlat.crypto.testing.ConformancePki;
import dev.mlat.crypto.testing.ConformancePki.Family;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.testing.TestTimestampAuthority;
import dev.mlat.crypto.timestamp.internal.SignatureTimestamps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Writes the CMS-layer conformance vectors ({@code conformance/vectors/cms/<name>/}) from the
 * committed conformance PKI: valid sealed messages (sign then encrypt, docs/CMS.md) in every
 * algorithm family, a segmented attachment, and one invalid vector per rejection rule of the CMS,
 * seal and segment engines, each with its {@code vector.json} (docs/CONFORMANCE.md). Run once
 * (keys and signatures are random) with {@code conformance/generate.sh}; the committed files are
 * what {@link ConformanceVectorsTest} runs. Some invalid vectors are produced by the
 * {@code openssl} command line (what a partner's default OpenSSL would write).
 *
 * <p>Usage: {@code ConformanceVectorsGenerator <conformance folder>}; {@code vectors/cms} must be
 * absent or empty.
 */
public final class ConformanceVectorsGenerator {
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();
  /** Signatures claim to be made one hour before the verification time. */
  static final Instant SIGNED_AT = ConformancePki.VERIFICATION_TIME.minus(Duration.ofHours(1));
  private static final Clock SIGNING_CLOCK = Clock.fixed(SIGNED_AT, ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();
  static final int SEGMENT_SIZE = SegmentedEncryptor.MIN_SEGMENT_SIZE;

  private final ConformancePki pki;
  private final Path out;
  private final Path work;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConformanceVectorsGenerator(ConformancePki pki, Path out, Path work) {
    this.pki = pki;
    this.out = out;
    this.work = work;
  }

  /** Generates into {@code <args[0]>/vectors/cms}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ConformanceVectorsGenerator <conformance folder>");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    Path out = root.resolve("vectors/cms");
    if (Files.isDirectory(out)) {
      try (var entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(out + " is not empty: remove it first");
        }
      }
    }
    Files.createDirectories(out);
    Path work = Files.createTempDirectory("mlat-conformance");
    new ConformanceVectorsGenerator(ConformancePki.load(root.resolve("pki")), out, work).run();
  }

  // ---------------------------------------------------------------- the vectors

  private void run() throws Exception {
    byte[] request = payload("Request");

    // valid: one per algorithm family and feature
    var ec = UUID.randomUUID();
    byte[] ecMessage = seal(FR_MOJ, Family.ECDSA_P256, DE_BFJ, Family.ECDSA_P256, ec, request);
    valid("valid-ecdsa-p256-ecdh", "FR-MOJ signs with ECDSA P-256 and encrypts for DE-BFJ with ECDH P-256 (SHA-256 X9.63 KDF), AES-256-GCM",
        ecMessage, DE_BFJ, Family.ECDSA_P256, FR_MOJ, ec, request, "one", false);
    var rsa = UUID.randomUUID();
    valid("valid-rsa-oaep", "FR-MOJ signs with ECDSA P-256 and encrypts for US-DOJ with RSA-OAEP SHA-256",
        seal(FR_MOJ, Family.ECDSA_P256, US_DOJ, Family.RSA_3072, rsa, request), US_DOJ, Family.RSA_3072, FR_MOJ, rsa, request, "one", false);
    var rsaSigned = UUID.randomUUID();
    byte[] response = payload("Response");
    valid("valid-rsa-pkcs1-signature", "US-DOJ signs with RSA-3072 PKCS#1 v1.5 SHA-256 and encrypts for FR-MOJ with ECDH P-256",
        seal(US_DOJ, Family.RSA_3072, FR_MOJ, Family.ECDSA_P256, rsaSigned, response), FR_MOJ, Family.ECDSA_P256, US_DOJ, rsaSigned,
        response, "one", false);
    var pq = UUID.randomUUID();
    valid("valid-ml-dsa-65-ml-kem-768", "FR-MOJ signs with ML-DSA-65 and encrypts for DE-BFJ with ML-KEM-768 (KEMRecipientInfo, RFC 9629)",
        seal(FR_MOJ, Family.ML_DSA_65, DE_BFJ, Family.ML_DSA_65, pq, request), DE_BFJ, Family.ML_DSA_65, FR_MOJ, pq, request, "one", false);
    var composite = UUID.randomUUID();
    valid("valid-composite", "FR-MOJ signs with composite ML-DSA-65 + ECDSA P-256 and encrypts for DE-BFJ with composite ML-KEM-768 + ECDH P-256;"
            + " opened requiring a classical and a post-quantum signature",
        seal(FR_MOJ, Family.COMPOSITE, DE_BFJ, Family.COMPOSITE, composite, request), DE_BFJ, Family.COMPOSITE, FR_MOJ, composite, request,
        "classical-and-post-quantum", false);
    var hybrid = UUID.randomUUID();
    byte[] hybridSigned = sign(sealedContent(FR_MOJ, DE_BFJ, hybrid, request), signer(FR_MOJ, Family.ECDSA_P256, Family.ML_DSA_65));
    valid("valid-hybrid-two-signers", "FR-MOJ signs twice, ECDSA P-256 and ML-DSA-65 (two SignerInfos), and encrypts for DE-BFJ with ML-KEM-768;"
            + " opened requiring a classical and a post-quantum signature",
        encrypt(DE_BFJ, Family.ML_DSA_65, hybridSigned), DE_BFJ, Family.ML_DSA_65, FR_MOJ, hybrid, request, "classical-and-post-quantum", false);
    var timestamped = UUID.randomUUID();
    valid("valid-timestamped-b-t", "FR-MOJ signs with ECDSA P-256 and a signature timestamp (CAdES B-T, id-aa-signatureTimeStampToken from the"
            + " conformance TSA), encrypts for DE-BFJ with ECDH P-256",
        encrypt(DE_BFJ, Family.ECDSA_P256, timestamp(sign(sealedContent(FR_MOJ, DE_BFJ, timestamped, request), signer(FR_MOJ, Family.ECDSA_P256)),
            null)), DE_BFJ, Family.ECDSA_P256, FR_MOJ, timestamped, request, "one", true);

    // stage 1: decryption
    var id = UUID.randomUUID();
    byte[] good = seal(FR_MOJ, Family.ECDSA_P256, DE_BFJ, Family.ECDSA_P256, id, request);
    reject("reject-truncated", "message.p7m cut in the middle of its ciphertext", "the last half of valid-style message.p7m removed",
        Arrays.copyOf(good, good.length / 2), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.CMS_MALFORMED, 1);
    byte[] signedOnly = sign(sealedContent(FR_MOJ, DE_BFJ, id, request), signer(FR_MOJ, Family.ECDSA_P256));
    reject("reject-not-encrypted", "the SignedData sent without its AuthEnvelopedData", "message.p7m is the signed content, not encrypted",
        signedOnly, DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.CMS_MALFORMED, 1);
    reject("reject-no-matching-recipient", "a message sealed for FR-CA opened by DE-BFJ", "encrypted for FR-CA's certificate, not DE-BFJ's",
        seal(FR_MOJ, Family.ECDSA_P256, FR_CA, Family.ECDSA_P256, id, request), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one",
        CryptoErrorCode.CMS_NO_MATCHING_RECIPIENT, 1);
    byte[] pqSigned = sign(sealedContent(FR_MOJ, DE_BFJ, id, request), signer(FR_MOJ, Family.ECDSA_P256));
    byte[] pqBesideClassical = CmsEncryptor.builder(POLICY)
        .recipient(EncryptionRecipient.of(DE_BFJ.jurisdiction(), pki.identity(DE_BFJ, Family.ML_DSA_65, "encryption").certificate()))
        .recipient(EncryptionRecipient.of(DE_BFJ.jurisdiction(), pki.identity(DE_BFJ, Family.ECDSA_P256, "encryption").certificate()))
        .allowClassicalBesidePostQuantum()
        .build()
        .encrypt(pqSigned);
    reject("reject-classical-beside-post-quantum", "encrypted for DE-BFJ's ML-KEM-768 key and also for its ECDH P-256 key, opened with the"
            + " ML-KEM key: the classical RecipientInfo leaks the content key to a future quantum attacker",
        "a second, classical (ECDH) RecipientInfo beside the ML-KEM one",
        pqBesideClassical, DE_BFJ, Family.ML_DSA_65, FR_MOJ, id, "one", CryptoErrorCode.CMS_CLASSICAL_BESIDE_POST_QUANTUM, 1);
    reject("reject-ciphertext-altered", "one bit of the encrypted content flipped", "byte at offset length-40 XOR 0x01 (inside the ciphertext)",
        flip(good, good.length - 40), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.CMS_AUTHENTICATION_FAILED, 1);
    reject("reject-tag-altered", "one bit of the AES-GCM tag (mac) flipped", "the mac's last byte XOR 0x01 (message re-encoded in DER)",
        withAlteredMac(good), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.CMS_AUTHENTICATION_FAILED, 1);
    reject("reject-gcm-short-tag", "the GCM parameters announce a 96-bit tag", "GCMParameters icvLen 16 replaced by 12, nothing else",
        withGcm(good, 12, false), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.CMS_GCM_PARAMETERS_REFUSED, 1);
    reject("reject-gcm-long-nonce", "the GCM nonce is 16 bytes instead of 12", "GCMParameters aes-nonce extended to 16 bytes",
        withGcm(good, 16, true), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.CMS_GCM_PARAMETERS_REFUSED, 1);
    reject("reject-authenticated-attributes", "the AuthEnvelopedData carries authAttrs", "an authAttrs SET with one content-type attribute added",
        withAuthAttributes(good), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE, 1);
    Path signedFile = write(work.resolve("signed.p7s"), signedOnly);
    String deCert = cert(DE_BFJ, Family.ECDSA_P256, "encryption");
    String usCert = cert(US_DOJ, Family.RSA_3072, "encryption");
    reject("reject-aes-128-gcm", "encrypted with AES-128-GCM (openssl cms -encrypt -aes-128-gcm)", "content encryption AES-128-GCM instead of AES-256-GCM",
        openssl("cms", "-encrypt", "-aes-128-gcm", "-binary", "-in", signedFile.toString(), "-outform", "DER", "-recip", deCert,
            "-keyopt", "ecdh_kdf_md:sha256"), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.ALGORITHM_REFUSED, 1);
    reject("reject-enveloped-data-cbc", "unauthenticated EnvelopedData with AES-256-CBC (openssl cms -encrypt -aes-256-cbc)",
        "EnvelopedData instead of AuthEnvelopedData",
        openssl("cms", "-encrypt", "-aes-256-cbc", "-binary", "-in", signedFile.toString(), "-outform", "DER", "-recip", deCert,
            "-keyopt", "ecdh_kdf_md:sha256"), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.ALGORITHM_REFUSED, 1);
    reject("reject-rsa-pkcs1-key-transport", "RSA PKCS#1 v1.5 key transport, OpenSSL's default without -keyopt rsa_padding_mode:oaep",
        "KeyTransRecipientInfo with rsaEncryption",
        openssl("cms", "-encrypt", "-aes-256-gcm", "-binary", "-in", signedFile.toString(), "-outform", "DER", "-recip", usCert),
        US_DOJ, Family.RSA_3072, FR_MOJ, id, "one", CryptoErrorCode.ALGORITHM_REFUSED, 1);
    reject("reject-ecdh-sha1-kdf", "ECDH with the SHA-1 KDF, OpenSSL's default without -keyopt ecdh_kdf_md:sha256",
        "KeyAgreeRecipientInfo with dhSinglePass-stdDH-sha1kdf-scheme",
        openssl("cms", "-encrypt", "-aes-256-gcm", "-binary", "-in", signedFile.toString(), "-outform", "DER", "-recip", deCert),
        DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.ALGORITHM_REFUSED, 1);

    // stage 2: the SignedData
    byte[] content = sealedContent(FR_MOJ, DE_BFJ, id, request);
    reject("reject-signed-content-altered", "the signed content altered after signing", "one byte of the payload inside the SignedData changed"
            + " ('Request' becomes 'Requesu'), then encrypted again for the recipient",
        encrypt(DE_BFJ, Family.ECDSA_P256, replace(signedOnly, "\"Request\"", "\"Requesu\"")), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one",
        CryptoErrorCode.CMS_SIGNATURE_INVALID, 2);
    reject("reject-zero-signers", "a SignedData without SignerInfo", "the SignerInfo removed",
        encrypt(DE_BFJ, Family.ECDSA_P256, keepSigners(signedOnly, List.of())), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one",
        CryptoErrorCode.CMS_SIGNER_COUNT, 2);
    reject("reject-extra-signer", "a second SignerInfo (FR-CA) beside the expected one", "signed by FR-MOJ and FR-CA, one signer expected",
        encrypt(DE_BFJ, Family.ECDSA_P256, sign(content, signer(List.of(FR_MOJ, FR_CA), Family.ECDSA_P256))), DE_BFJ, Family.ECDSA_P256,
        FR_MOJ, id, "one", CryptoErrorCode.CMS_SIGNER_COUNT, 2);
    byte[] hybridContent = sealedContent(FR_MOJ, DE_BFJ, id, request);
    byte[] twoSigners = sign(hybridContent, signer(FR_MOJ, Family.ECDSA_P256, Family.ML_DSA_65));
    reject("reject-hybrid-post-quantum-stripped", "the ML-DSA-65 SignerInfo of a hybrid signature removed",
        "of the two SignerInfos (ECDSA, ML-DSA-65) only the ECDSA one kept; a classical and a post-quantum signature are required",
        encrypt(DE_BFJ, Family.ML_DSA_65, keepSigners(twoSigners, List.of(0))), DE_BFJ, Family.ML_DSA_65, FR_MOJ, id,
        "classical-and-post-quantum", CryptoErrorCode.CMS_SIGNER_COUNT, 2);
    reject("reject-hybrid-classical-stripped", "the ECDSA SignerInfo of a hybrid signature removed",
        "of the two SignerInfos (ECDSA, ML-DSA-65) only the ML-DSA-65 one kept; a classical and a post-quantum signature are required",
        encrypt(DE_BFJ, Family.ML_DSA_65, keepSigners(twoSigners, List.of(1))), DE_BFJ, Family.ML_DSA_65, FR_MOJ, id,
        "classical-and-post-quantum", CryptoErrorCode.CMS_SIGNER_COUNT, 2);
    reject("reject-classical-for-hybrid", "a single ECDSA signature where a hybrid one is required", "signed with ECDSA only",
        good, DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "classical-and-post-quantum", CryptoErrorCode.CMS_SIGNER_COUNT, 2);
    var otherType = CmsSigner.builder(POLICY, SIGNING_CLOCK)
        .signer(FR_MOJ.jurisdiction(), pki.identity(FR_MOJ, Family.ECDSA_P256, "signing"), Family.ECDSA_P256.algorithm().signatureAlgorithm())
        .contentType(new CmsContentType("1.2.840.113549.1.9.16.1.4"))
        .build();
    reject("reject-content-type", "eContentType and content-type attribute id-ct-TSTInfo instead of id-data",
        "signed announcing content type 1.2.840.113549.1.9.16.1.4",
        encrypt(DE_BFJ, Family.ECDSA_P256, sign(content, otherType)), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one",
        CryptoErrorCode.CMS_CONTENT_TYPE_MISMATCH, 2);
    Path contentFile = write(work.resolve("content.der"), content);
    String frSigning = cert(FR_MOJ, Family.ECDSA_P256, "signing");
    String frKey = key(FR_MOJ, Family.ECDSA_P256, "signing");
    String frCa = pki.folder().resolve("trust/FR/intermediates/ecdsa-p256-issuing-ca.pem").toString();
    reject("reject-smime-capabilities", "signed by OpenSSL without -nosmimecap: an S/MIME capabilities signed attribute",
        "openssl cms -sign -cades -md sha256 (no -nosmimecap)",
        encrypt(DE_BFJ, Family.ECDSA_P256, openssl("cms", "-sign", "-cades", "-md", "sha256", "-binary", "-nodetach", "-in", contentFile.toString(),
            "-signer", frSigning, "-inkey", frKey, "-certfile", frCa, "-outform", "DER")),
        DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE, 2);
    reject("reject-signer-certificate-missing", "the signer's certificate left out of the SignedData (openssl -nocerts)",
        "openssl cms -sign -cades -nosmimecap -md sha256 -nocerts",
        encrypt(DE_BFJ, Family.ECDSA_P256, openssl("cms", "-sign", "-cades", "-nosmimecap", "-nocerts", "-md", "sha256", "-binary", "-nodetach",
            "-in", contentFile.toString(), "-signer", frSigning, "-inkey", frKey, "-outform", "DER")),
        DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.CMS_SIGNER_CERTIFICATE_MISSING, 2);
    reject("reject-signing-certificate-mismatch", "the signing-certificate-v2 attribute names another certificate than the signer's",
        "FR-MOJ signs with signed attributes whose ESSCertIDv2 is the hash, issuer and serial of FR-CA's signing certificate",
        encrypt(DE_BFJ, Family.ECDSA_P256, signNamingOtherCertificate(content)), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one",
        CryptoErrorCode.CMS_SIGNING_CERTIFICATE_MISMATCH, 2);
    reject("reject-sha1-signature", "signed with ECDSA over SHA-1", "openssl cms -sign -cades -nosmimecap -md sha1",
        encrypt(DE_BFJ, Family.ECDSA_P256, openssl("cms", "-sign", "-cades", "-nosmimecap", "-md", "sha1", "-binary", "-nodetach",
            "-in", contentFile.toString(), "-signer", frSigning, "-inkey", frKey, "-certfile", frCa, "-outform", "DER")),
        DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.ALGORITHM_REFUSED, 2);
    reject("reject-timestamp-of-other-data", "a signature timestamp token whose imprint is not the SignerInfo's signature value",
        "the id-aa-signatureTimeStampToken attribute holds a valid token of the conformance TSA over other bytes",
        encrypt(DE_BFJ, Family.ECDSA_P256, timestamp(signedOnly, "other bytes".getBytes(StandardCharsets.US_ASCII))), DE_BFJ,
        Family.ECDSA_P256, FR_MOJ, id, "one", CryptoErrorCode.TIMESTAMP_IMPRINT_MISMATCH, 2);

    // stage 3: the signer's trust for the expected jurisdiction
    reject("reject-signer-of-another-jurisdiction", "DE-BFJ signs a message naming FR-MOJ as sender, opened as coming from FR",
        "signed with DE-BFJ's key; the expected sender jurisdiction is FR",
        encrypt(US_DOJ, Family.RSA_3072, sign(sealedContent(FR_MOJ, US_DOJ, id, request), signer(DE_BFJ, Family.ECDSA_P256))), US_DOJ,
        Family.RSA_3072, FR_MOJ, id, "one", CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION, 3);
    reject("reject-signer-role", "FR-PARIS (registered to receive only) signs as sender", "signed by FR-PARIS, whose authorities.json roles lack sign",
        encrypt(DE_BFJ, Family.ECDSA_P256, sign(sealedContent(FR_PARIS, DE_BFJ, id, request), signer(FR_PARIS, Family.ECDSA_P256))), DE_BFJ,
        Family.ECDSA_P256, FR_PARIS, id, "one", CryptoErrorCode.AUTHORITY_ROLE_NOT_ALLOWED, 3);
    reject("reject-signer-untrusted", "signed by an FR-MOJ certificate of a CA that is not in the trust directory",
        "a fresh test PKI (not the conformance one) issued the signer certificate",
        encrypt(DE_BFJ, Family.ECDSA_P256, sign(content, foreignSigner())), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one",
        CryptoErrorCode.CERTIFICATE_UNTRUSTED, 3);

    for (var defective : ConformancePki.DefectiveSigner.values()) {
      boolean revoked = defective == ConformancePki.DefectiveSigner.REVOKED;
      // the expired signer claims a signing-time inside its validity: the claim must not move the validation time
      Clock claimed = revoked ? SIGNING_CLOCK : Clock.fixed(Instant.parse("2026-10-30T00:00:00Z"), ZoneOffset.UTC);
      var signer = CmsSigner.builder(POLICY, claimed)
          .signer(FR_MOJ.jurisdiction(), pki.identity(defective), Family.ECDSA_P256.algorithm().signatureAlgorithm())
          .build();
      reject("reject-signer-" + defective.tag(),
          revoked ? "signed with an FR-MOJ certificate revoked at " + ConformancePki.ISSUED_AT
              + " (the stored OCSP response and the issuing CA's CRL say so)"
              : "signed with an FR-MOJ certificate that expired on 2026-10-31, claiming (signing-time attribute) to have signed on"
                  + " 2026-10-30: the signer's claim does not move the validation time",
          "signed with keys/FR-MOJ-ecdsa-p256-" + defective.tag() + ".p12 instead of FR-MOJ's valid signing key"
              + (revoked ? "" : ", signing-time 2026-10-30T00:00:00Z"),
          encrypt(DE_BFJ, Family.ECDSA_P256, sign(content, signer)), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one",
          revoked ? CryptoErrorCode.CERTIFICATE_REVOKED : CryptoErrorCode.CERTIFICATE_EXPIRED, 3);
    }

    // stage 4: the signed content's form
    reject("reject-binding-malformed", "the signed content is the bare payload, not a SealedContent", "signed the message JSON itself",
        encrypt(DE_BFJ, Family.ECDSA_P256, sign(request, signer(FR_MOJ, Family.ECDSA_P256))), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one",
        CryptoErrorCode.SEAL_BINDING_MALFORMED, 4);
    // stage 5: the recipient
    reject("reject-forwarded-to-third-party", "surreptitious forwarding: DE-BFJ re-encrypts FR-MOJ's untouched SignedData for US-DOJ",
        "the SignedData signed for DE-BFJ, encrypted for US-DOJ (a relay without its package context is the same at this layer)",
        encrypt(US_DOJ, Family.RSA_3072, signedOnly), US_DOJ, Family.RSA_3072, FR_MOJ, id, "one", CryptoErrorCode.SEAL_RECIPIENT_MISMATCH, 5);
    // stage 6: the sender
    reject("reject-sender-not-signer", "FR-CA signs a message naming FR-MOJ as its sender", "signed by FR-CA; the signer must be the signed sender",
        encrypt(DE_BFJ, Family.ECDSA_P256, sign(content, signer(FR_CA, Family.ECDSA_P256))), DE_BFJ, Family.ECDSA_P256, FR_MOJ, id, "one",
        CryptoErrorCode.SEAL_SENDER_MISMATCH, 6);
    // stage 7: the message id
    var announced = UUID.fromString("00000000-0000-4000-8000-000000000001");
    rejectWithMessageId("reject-message-id", "the signed message id is not the one the transport announced",
        "expected message id " + announced + ", the signed one differs", good, DE_BFJ, Family.ECDSA_P256, FR_MOJ, announced,
        CryptoErrorCode.SEAL_MESSAGE_ID_MISMATCH, 7);

    segments();
  }

  // ---------------------------------------------------------------- segments

  private void segments() throws Exception {
    byte[] plaintext = new byte[2 * SEGMENT_SIZE + 1808];
    for (int i = 0; i < plaintext.length; i++) {
      plaintext[i] = (byte) (i * 31 + 7);
    }
    var key = AttachmentKey.generate(RANDOM);
    var stream = new ByteArrayOutputStream();
    SegmentManifest manifest = SegmentedEncryptor.builder().segmentSize(SEGMENT_SIZE).threads(1).build()
        .seal(key, new ByteArrayInputStream(plaintext), stream);
    List<byte[]> segments = split(stream.toByteArray());
    var otherKey = AttachmentKey.generate(RANDOM);
    var other = new ByteArrayOutputStream();
    SegmentedEncryptor.builder().segmentSize(SEGMENT_SIZE).threads(1).build().seal(otherKey, new ByteArrayInputStream(plaintext), other);
    List<byte[]> foreign = split(other.toByteArray());
    Map<String, Object> m = manifestJson(manifest, key);

    segment("valid-segmented-attachment", "an attachment of " + plaintext.length + " bytes in three segments of " + SEGMENT_SIZE
        + " bytes (the last shorter), each a CMS AuthEnvelopedData with a KEKRecipientInfo under the attachment key", "nothing",
        join(segments), m, null, 0, plaintext);
    segment("reject-segment-missing", "the middle segment dropped", "segment 1 of 0..2 removed",
        join(List.of(segments.get(0), segments.get(2))), m, CryptoErrorCode.SEGMENT_MISSING, 2, null);
    segment("reject-segment-duplicated", "a segment repeated", "segment 1 repeated after itself",
        join(List.of(segments.get(0), segments.get(1), segments.get(1), segments.get(2))), m, CryptoErrorCode.SEGMENT_DUPLICATED, 2, null);
    segment("reject-segment-out-of-order", "two segments swapped", "segments 0 and 1 swapped",
        join(List.of(segments.get(1), segments.get(0), segments.get(2))), m, CryptoErrorCode.SEGMENT_OUT_OF_ORDER, 2, null);
    segment("reject-segment-truncated", "the stream cut inside the last segment", "the last 30 bytes removed",
        Arrays.copyOf(join(segments), join(segments).length - 30), m, CryptoErrorCode.SEGMENT_TRUNCATED, 2, null);
    segment("reject-segment-trailing-data", "a segment after the last one", "segment 0 appended after segment 2",
        join(List.of(segments.get(0), segments.get(1), segments.get(2), segments.get(0))), m, CryptoErrorCode.SEGMENT_TRAILING_DATA, 2, null);
    segment("reject-segment-foreign", "a segment of another attachment (another attachment key)",
        "segment 1 replaced by segment 1 of the same plaintext sealed under another attachment key",
        join(List.of(segments.get(0), foreign.get(1), segments.get(2))), m, CryptoErrorCode.SEGMENT_FOREIGN, 2, null);
    byte[] altered = segments.get(1).clone();
    altered[altered.length - 40] ^= 1;
    segment("reject-segment-ciphertext-altered", "one bit of a segment's ciphertext flipped", "segment 1, byte length-40 XOR 0x01",
        join(List.of(segments.get(0), altered, segments.get(2))), m, CryptoErrorCode.SEGMENT_AUTHENTICATION_FAILED, 2, null);
    segment("reject-segment-malformed", "a segment that is not an AuthEnvelopedData", "segment 0 replaced by the DER SEQUENCE { INTEGER 0 }",
        join(List.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}, segments.get(1), segments.get(2))), m, CryptoErrorCode.SEGMENT_MALFORMED, 2, null);
    segment("reject-segment-too-long", "a segment whose DER length exceeds what the manifest's segment size allows",
        "segment 0 replaced by a SEQUENCE header announcing 2^31-1 bytes",
        join(List.of(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff})), m,
        CryptoErrorCode.SEGMENT_LENGTH_MISMATCH, 2, null);
    var wrongDigest = new LinkedHashMap<>(m);
    wrongDigest.put("plaintextSha256", "0".repeat(64));
    segment("reject-segment-manifest-digest", "the manifest's plaintextSha256 is not the attachment's", "manifest plaintextSha256 set to 64 zeros",
        join(segments), wrongDigest, CryptoErrorCode.SEGMENT_MANIFEST_MISMATCH, 3, null);
    var invalid = new LinkedHashMap<>(m);
    invalid.put("segmentCount", 2);
    segment("reject-segment-manifest-invalid", "a manifest whose segment count does not follow from its length and segment size",
        "manifest segmentCount 3 replaced by 2", join(segments), invalid, CryptoErrorCode.SEGMENT_MANIFEST_INVALID, 1, null);
    var tooLarge = new LinkedHashMap<>(m);
    tooLarge.put("segmentSize", 8 << 20);
    tooLarge.put("segmentCount", 1);
    tooLarge.put("segmentTags", ((String) m.get("segmentTags")).substring(0, 32));
    segment("reject-segment-limit", "a manifest whose segment size exceeds the default limit (4 MiB)",
        "manifest segmentSize 8 MiB (count 1, one tag)", join(segments), tooLarge, CryptoErrorCode.SEGMENT_LIMIT_EXCEEDED, 1, null);
  }

  private static Map<String, Object> manifestJson(SegmentManifest manifest, AttachmentKey key) {
    var m = new LinkedHashMap<String, Object>();
    m.put("keyId", manifest.keyId());
    m.put("key", key.keyHex());
    m.put("segmentSize", manifest.segmentSize());
    m.put("segmentCount", manifest.segmentCount());
    m.put("plaintextLength", manifest.plaintextLength());
    m.put("plaintextSha256", manifest.plaintextSha256());
    m.put("segmentTags", HexFormat.of().formatHex(manifest.segmentTags().bytes()));
    return m;
  }

  private void segment(String name, String description, String changed, byte[] stream, Map<String, Object> manifest,
      CryptoErrorCode code, int stage, byte[] plaintext) throws IOException {
    Path dir = Files.createDirectories(out.resolve(name));
    Files.write(dir.resolve("attachment.seg"), stream);
    var v = header(name, description, "segmented-attachment", changed);
    v.put("input", Map.of("segments", "attachment.seg"));
    v.put("manifest", manifest);
    var expected = new LinkedHashMap<String, Object>();
    if (code == null) {
      expected.put("result", "accept");
      expected.put("plaintextLength", plaintext.length);
      expected.put("plaintextSha256", sha256(plaintext));
      Files.write(dir.resolve("plaintext.bin"), plaintext);
      expected.put("plaintext", "plaintext.bin");
    } else {
      expected.put("result", "reject");
      expected.put("errorCode", code.name());
      expected.put("stage", stage);
      expected.put("stageName", SEGMENT_STAGES.get(stage));
    }
    v.put("expected", expected);
    writeJson(dir, v);
  }

  static final Map<Integer, String> SEGMENT_STAGES = Map.of(1, "manifest", 2, "segments", 3, "whole-attachment");
  static final Map<Integer, String> SEAL_STAGES = Map.of(1, "decryption", 2, "signed-data", 3, "signer-trust", 4, "binding-form",
      5, "recipient", 6, "sender", 7, "message-id");

  // ---------------------------------------------------------------- sealed-message vectors

  private void valid(String name, String description, byte[] message, PartyId recipient, Family recipientFamily, PartyId sender,
      UUID messageId, byte[] payload, String signers, boolean timestamped) throws IOException {
    Path dir = Files.createDirectories(out.resolve(name));
    Files.write(dir.resolve("message.p7m"), message);
    Files.write(dir.resolve("payload.bin"), payload);
    var v = sealedHeader(name, description, "nothing", recipient, recipientFamily, sender, signers, null);
    var expected = new LinkedHashMap<String, Object>();
    expected.put("result", "accept");
    expected.put("sender", sender.toString());
    expected.put("recipient", recipient.toString());
    expected.put("messageId", messageId.toString());
    expected.put("payload", "payload.bin");
    expected.put("payloadSha256", sha256(payload));
    expected.put("signatureTimestamp", timestamped);
    v.put("expected", expected);
    writeJson(dir, v);
  }

  private void reject(String name, String description, String changed, byte[] message, PartyId recipient, Family recipientFamily,
      PartyId sender, UUID unusedId, String signers, CryptoErrorCode code, int stage) throws IOException {
    rejectWith(name, description, changed, message, recipient, recipientFamily, sender, signers, null, code, stage);
  }

  private void rejectWithMessageId(String name, String description, String changed, byte[] message, PartyId recipient,
      Family recipientFamily, PartyId sender, UUID expectedId, CryptoErrorCode code, int stage) throws IOException {
    rejectWith(name, description, changed, message, recipient, recipientFamily, sender, "one", expectedId, code, stage);
  }

  private void rejectWith(String name, String description, String changed, byte[] message, PartyId recipient, Family recipientFamily,
      PartyId sender, String signers, UUID expectedId, CryptoErrorCode code, int stage) throws IOException {
    Path dir = Files.createDirectories(out.resolve(name));
    Files.write(dir.resolve("message.p7m"), message);
    var v = sealedHeader(name, description, changed, recipient, recipientFamily, sender, signers, expectedId);
    var expected = new LinkedHashMap<String, Object>();
    expected.put("result", "reject");
    expected.put("errorCode", code.name());
    expected.put("stage", stage);
    expected.put("stageName", SEAL_STAGES.get(stage));
    v.put("expected", expected);
    writeJson(dir, v);
  }

  private Map<String, Object> header(String name, String description, String kind, String changed) {
    var v = new LinkedHashMap<String, Object>();
    v.put("name", name);
    v.put("description", description);
    v.put("layer", "cms");
    v.put("kind", kind);
    v.put("verificationTime", ConformancePki.VERIFICATION_TIME.toString());
    v.put("pki", "../../../pki");
    v.put("changed", changed);
    return v;
  }

  private Map<String, Object> sealedHeader(String name, String description, String changed, PartyId recipient, Family family,
      PartyId sender, String signers, UUID expectedId) {
    var v = header(name, description, "sealed-message", changed);
    v.put("input", Map.of("message", "message.p7m"));
    var r = new LinkedHashMap<String, Object>();
    r.put("party", recipient.toString());
    r.put("keyFile", "keys/" + recipient.identifier() + "-" + family.tag() + ".p12");
    r.put("certificate", "trust/" + recipient.jurisdiction().code() + "/authorities/" + recipient.identifier() + "-" + family.tag()
        + "-encryption.pem");
    r.put("privateKey", "keys/" + recipient.identifier() + "-" + family.tag() + "-encryption.key.pem");
    v.put("recipient", r);
    var e = new LinkedHashMap<String, Object>();
    e.put("senderJurisdiction", sender.jurisdiction().code());
    e.put("signers", signers);
    e.put("senderAuthority", "signer-is-sender");
    if (expectedId != null) {
      e.put("messageId", expectedId.toString());
    }
    v.put("expectation", e);
    return v;
  }

  private void writeJson(Path dir, Map<String, Object> v) throws IOException {
    Files.writeString(dir.resolve("vector.json"), json.writeValueAsString(v) + "\n", StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- building blocks

  private static byte[] payload(String type) {
    return ("{\"schemaVersion\":\"1.0\",\"messageType\":\"" + type + "\",\"note\":\"mlat conformance vector payload\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The DER SealedContent of docs/CMS.md, encoded here from the specification. */
  static byte[] sealedContent(PartyId sender, PartyId recipient, UUID messageId, byte[] payload) throws IOException {
    return new DERSequence(new ASN1Encodable[] {
        new ASN1Integer(1), new DERUTF8String(sender.toString()), new DERUTF8String(recipient.toString()),
        new DERUTF8String(messageId.toString()), new DEROctetString(payload)}).getEncoded(ASN1Encoding.DER);
  }

  private CmsSigner signer(PartyId authority, Family... families) throws MlatCryptoException {
    var b = CmsSigner.builder(POLICY, SIGNING_CLOCK);
    for (Family f : families) {
      b.signer(authority.jurisdiction(), pki.identity(authority, f, "signing"), f.algorithm().signatureAlgorithm());
    }
    return b.build();
  }

  private CmsSigner signer(List<PartyId> authorities, Family family) throws MlatCryptoException {
    var b = CmsSigner.builder(POLICY, SIGNING_CLOCK);
    for (PartyId a : authorities) {
      b.signer(a.jurisdiction(), pki.identity(a, family, "signing"), family.algorithm().signatureAlgorithm());
    }
    return b.build();
  }

  /** An FR-MOJ signer whose certificate comes from a PKI the trust directory does not know. */
  private static CmsSigner foreignSigner() throws MlatCryptoException {
    var stranger = TestPki.builder(FR_MOJ.jurisdiction()).authority(FR_MOJ.identifier()).caLabel("unregistered")
        .clock(Clock.fixed(ConformancePki.ISSUED_AT, ZoneOffset.UTC)).build();
    var credential = stranger.authority(FR_MOJ.identifier()).signing();
    return CmsSigner.builder(POLICY, SIGNING_CLOCK)
        .signer(FR_MOJ.jurisdiction(), KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain()),
            stranger.algorithm().signatureAlgorithm())
        .build();
  }

  private static byte[] sign(byte[] content, CmsSigner signer) throws MlatCryptoException {
    return signer.sign(content, Encapsulation.ENCAPSULATED);
  }

  private byte[] encrypt(PartyId recipient, Family family, byte[] signedData) throws MlatCryptoException {
    return CmsEncryptor.builder(POLICY)
        .recipient(EncryptionRecipient.of(recipient.jurisdiction(), pki.identity(recipient, family, "encryption").certificate()))
        .build()
        .encrypt(signedData);
  }

  private byte[] seal(PartyId sender, Family senderFamily, PartyId recipient, Family recipientFamily, UUID id, byte[] payload)
      throws Exception {
    return encrypt(recipient, recipientFamily, sign(sealedContent(sender, recipient, id, payload), signer(sender, senderFamily)));
  }

  /** Attaches to every SignerInfo a token of the conformance TSA over its signature value, or over {@code imprintOf}. */
  private byte[] timestamp(byte[] signedData, byte[] imprintOf) throws Exception {
    var cms = new CMSSignedData(signedData);
    var signers = new ArrayList<SignerInformation>();
    for (SignerInformation s : cms.getSignerInfos().getSigners()) {
      byte[] covered = imprintOf != null ? imprintOf : SignatureTimestamps.timestampedBytes(s);
      signers.add(SignatureTimestamps.attach(s, token(MessageDigest.getInstance("SHA-256").digest(covered))));
    }
    return CMSSignedData.replaceSigners(cms, new SignerInformationStore(signers)).getEncoded(ASN1Encoding.DER);
  }

  private byte[] token(byte[] sha256) throws Exception {
    var store = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(pki.folder().resolve("keys/tsa.p12"))) {
      store.load(in, ConformancePki.PASSWORD.toCharArray());
    }
    var tsaKey = (java.security.PrivateKey) store.getKey(ConformancePki.TSA_ALIAS, ConformancePki.PASSWORD.toCharArray());
    KeyIdentity tsa = pki.timestampAuthority();
    var digests = new JcaDigestCalculatorProviderBuilder().build();
    var signedAttributes = new AttributeTable(new org.bouncycastle.asn1.ASN1EncodableVector() {{
        add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(java.util.Date.from(SIGNED_AT)))));
      }});
    var signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
        .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signedAttributes))
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(tsaKey), tsa.certificate());
    var generator = new TimeStampTokenGenerator(signerInfo, digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
        new ASN1ObjectIdentifier(TestTimestampAuthority.POLICY_OID));
    generator.setAccuracySeconds(1);
    generator.addCertificates(new JcaCertStore(tsa.chain().subList(0, 2)));
    var request = new TimeStampRequestGenerator();
    request.setCertReq(true);
    return generator.generate(request.generate(TSPAlgorithms.SHA256, sha256), BigInteger.valueOf(RANDOM.nextInt(1 << 30)),
        java.util.Date.from(SIGNED_AT)).getEncoded();
  }

  /** FR-MOJ's signature with exactly the four profile attributes, but an ESSCertIDv2 of FR-CA's certificate. */
  private byte[] signNamingOtherCertificate(byte[] content) throws Exception {
    var store = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(pki.keyFile(FR_MOJ, Family.ECDSA_P256))) {
      store.load(in, ConformancePki.PASSWORD.toCharArray());
    }
    var key = (java.security.PrivateKey) store.getKey("signing", ConformancePki.PASSWORD.toCharArray());
    var identity = pki.identity(FR_MOJ, Family.ECDSA_P256, "signing");
    var other = pki.identity(FR_CA, Family.ECDSA_P256, "signing").certificate();
    var essCertId = new org.bouncycastle.asn1.ess.ESSCertIDv2(
        MessageDigest.getInstance("SHA-256").digest(other.getEncoded()),
        new org.bouncycastle.asn1.x509.IssuerSerial(
            new org.bouncycastle.asn1.x509.GeneralNames(new org.bouncycastle.asn1.x509.GeneralName(
                org.bouncycastle.asn1.x500.X500Name.getInstance(other.getIssuerX500Principal().getEncoded()))),
            new ASN1Integer(other.getSerialNumber())));
    org.bouncycastle.cms.CMSAttributeTableGenerator attributes = parameters -> {
      var v = new org.bouncycastle.asn1.ASN1EncodableVector();
      v.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
      v.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(java.util.Date.from(SIGNED_AT)))));
      v.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(
          (byte[]) parameters.get(org.bouncycastle.cms.CMSAttributeTableGenerator.DIGEST)))));
      v.add(new Attribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2,
          new DERSet(new org.bouncycastle.asn1.ess.SigningCertificateV2(essCertId))));
      return new AttributeTable(v);
    };
    var generator = new org.bouncycastle.cms.CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
        .setSignedAttributeGenerator(attributes)
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), identity.certificate()));
    generator.addCertificates(new JcaCertStore(identity.chain().subList(0, identity.chain().size() - 1)));
    return generator.generate(new org.bouncycastle.cms.CMSProcessableByteArray(content), true).getEncoded(ASN1Encoding.DER);
  }

  private static byte[] keepSigners(byte[] signedData, List<Integer> keep) throws Exception {
    var cms = new CMSSignedData(signedData);
    var all = new ArrayList<>(cms.getSignerInfos().getSigners());
    var kept = new ArrayList<SignerInformation>();
    for (int i : keep) {
      kept.add(all.get(i));
    }
    return CMSSignedData.replaceSigners(cms, new SignerInformationStore(kept)).getEncoded(ASN1Encoding.DER);
  }

  /** Rewrites the AES-GCM parameters of an AuthEnvelopedData: the ICV length, or the nonce length. */
  private static byte[] withGcm(byte[] message, int value, boolean nonce) throws IOException {
    var info = ContentInfo.getInstance(read(message));
    var data = AuthEnvelopedData.getInstance(info.getContent());
    var eci = data.getAuthEncryptedContentInfo();
    var params = GCMParameters.getInstance(eci.getContentEncryptionAlgorithm().getParameters());
    GCMParameters changed = nonce
        ? new GCMParameters(Arrays.copyOf(params.getNonce(), value), params.getIcvLen())
        : new GCMParameters(params.getNonce(), value);
    var newEci = new EncryptedContentInfo(eci.getContentType(),
        new AlgorithmIdentifier(eci.getContentEncryptionAlgorithm().getAlgorithm(), changed), eci.getEncryptedContent());
    var rebuilt = new AuthEnvelopedData(data.getOriginatorInfo(), data.getRecipientInfos(), newEci, data.getAuthAttrs(), data.getMac(),
        data.getUnauthAttrs());
    return new ContentInfo(CMSObjectIdentifiers.authEnvelopedData, rebuilt).getEncoded(ASN1Encoding.DER);
  }

  private static byte[] withAlteredMac(byte[] message) throws IOException {
    var info = ContentInfo.getInstance(read(message));
    var data = AuthEnvelopedData.getInstance(info.getContent());
    byte[] mac = data.getMac().getOctets().clone();
    mac[mac.length - 1] ^= 1;
    var rebuilt = new AuthEnvelopedData(data.getOriginatorInfo(), data.getRecipientInfos(), data.getAuthEncryptedContentInfo(),
        data.getAuthAttrs(), new DEROctetString(mac), data.getUnauthAttrs());
    return new ContentInfo(CMSObjectIdentifiers.authEnvelopedData, rebuilt).getEncoded(ASN1Encoding.DER);
  }

  private static byte[] withAuthAttributes(byte[] message) throws IOException {
    var info = ContentInfo.getInstance(read(message));
    var data = AuthEnvelopedData.getInstance(info.getContent());
    var attrs = new DERSet(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
    var rebuilt = new AuthEnvelopedData(data.getOriginatorInfo(), data.getRecipientInfos(), data.getAuthEncryptedContentInfo(), attrs,
        data.getMac(), data.getUnauthAttrs());
    return new ContentInfo(CMSObjectIdentifiers.authEnvelopedData, rebuilt).getEncoded(ASN1Encoding.DER);
  }

  private static org.bouncycastle.asn1.ASN1Primitive read(byte[] der) throws IOException {
    try (var in = new ASN1InputStream(der)) {
      return in.readObject();
    }
  }

  private static byte[] flip(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    copy[at] ^= 0x01;
    return copy;
  }

  private static byte[] replace(byte[] in, String what, String by) {
    byte[] w = what.getBytes(StandardCharsets.US_ASCII);
    byte[] b = by.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + w.length <= in.length; i++) {
      if (Arrays.equals(in, i, i + w.length, w, 0, w.length)) {
        byte[] out = in.clone();
        System.arraycopy(b, 0, out, i, b.length);
        return out;
      }
    }
    throw new IllegalStateException("'" + what + "' not found");
  }

  /** Splits a segment stream into its DER ContentInfos. */
  static List<byte[]> split(byte[] stream) {
    var list = new ArrayList<byte[]>();
    int at = 0;
    while (at < stream.length) {
      int lengthByte = stream[at + 1] & 0xff;
      int header;
      int length;
      if (lengthByte < 0x80) {
        header = 2;
        length = lengthByte;
      } else {
        int n = lengthByte & 0x7f;
        header = 2 + n;
        length = 0;
        for (int i = 0; i < n; i++) {
          length = (length << 8) | (stream[at + 2 + i] & 0xff);
        }
      }
      list.add(Arrays.copyOfRange(stream, at, at + header + length));
      at += header + length;
    }
    return list;
  }

  private static byte[] join(List<byte[]> parts) {
    var out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private String cert(PartyId authority, Family family, String purpose) {
    return pki.folder().resolve("trust/" + authority.jurisdiction().code() + "/authorities/" + authority.identifier() + "-" + family.tag()
        + "-" + purpose + ".pem").toString();
  }

  private String key(PartyId authority, Family family, String purpose) {
    return pki.folder().resolve("keys/" + authority.identifier() + "-" + family.tag() + "-" + purpose + ".key.pem").toString();
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    return file;
  }

  private byte[] openssl(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add("openssl");
    command.addAll(List.of(args));
    Path output = work.resolve("openssl-" + UUID.randomUUID() + ".der");
    command.add("-out");
    command.add(output.toString());
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("openssl failed: " + String.join(" ", command) + "\n" + log);
    }
    return Files.readAllBytes(output);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
