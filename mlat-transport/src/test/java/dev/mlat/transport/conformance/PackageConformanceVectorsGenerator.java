package dev.mlat.transport.conformance;

import static dev.mlat.crypto.testing.ConformancePki.DE_BFJ;
import static dev.mlat.crypto.testing.ConformancePki.FR_CA;
import static dev.mlat.crypto.testing.ConformancePki.FR_MOJ;
import static dev.mlat.crypto.testing.ConformancePki.FR_PARIS;
import static dev.mlat.crypto.testing.ConformancePki.US_DOJ;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.DocumentType;
import dev.mlat.core.model.Parties;
import dev.mlat.core.model.Party;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.message.EvidenceItem;
import dev.mlat.core.model.message.EvidenceManifest;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.Refusal;
import dev.mlat.core.model.message.RefusalReason;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.model.message.Response;
import dev.mlat.core.model.message.ResponseKind;
import dev.mlat.core.testing.SampleRequests;
import dev.mlat.core.validation.Level;
import dev.mlat.core.validation.RequestValidator;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.cms.CmsEncryptor;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.crypto.cms.EncryptionRecipient;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.testing.ConformancePki;
import dev.mlat.crypto.testing.ConformancePki.Family;
import dev.mlat.crypto.testing.TestTimestampAuthority;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.OpenResult;
import dev.mlat.transport.pkg.PackageHeader;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.pkg.PackageSealer;
import dev.mlat.transport.pkg.Resend;
import dev.mlat.transport.pkg.VerifiedPackage;
import dev.mlat.transport.pkg.internal.HeaderJson;
import dev.mlat.transport.receipt.ReceiptIssuer;
import dev.mlat.transport.receipt.VerifiedReceipt;
import java.io.ByteArrayInputStream;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
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
 * Writes the package-layer conformance vectors ({@code conformance/vectors/package/<name>/},
 * docs/CONFORMANCE.md "Package vectors") from the committed conformance PKI: valid packages
 * (request, segmented response, refusal, relayed request, post-quantum, composite KEM, hybrid
 * signature, signature timestamp, a resend), receipts, and one invalid vector per rejection rule of
 * the opening pipeline and of the receipt check. Each vector is opened here, exactly as
 * {@link PackageConformanceVectorsTest} opens it, before it is written: a vector that does not give
 * the outcome it records stops the generator. Run once with {@code conformance/generate.sh package}
 * (keys, nonces and signatures are random); the committed files are the kit.
 *
 * <p>Usage: {@code PackageConformanceVectorsGenerator <conformance folder>}; {@code vectors/package}
 * must be absent or empty.
 */
public final class PackageConformanceVectorsGenerator {
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();
  /** Packages are sealed, and signatures claim to be made, one hour before the verification time. */
  static final Instant SEALED_AT = ConformancePki.VERIFICATION_TIME.minus(Duration.ofHours(1));
  private static final Clock SEAL_CLOCK = Clock.fixed(SEALED_AT, ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TIMESTAMP_TOKEN_OID = "1.2.840.113549.1.9.16.2.14";

  private final ConformancePki pki;
  private final Path out;
  private final Path work;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PackageConformanceVectorsGenerator(ConformancePki pki, Path out, Path work) {
    this.pki = pki;
    this.out = out;
    this.work = work;
  }

  /** Generates into {@code <args[0]>/vectors/package}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: PackageConformanceVectorsGenerator <conformance folder>");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    Path out = root.resolve("vectors/package");
    if (Files.isDirectory(out)) {
      try (var entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(out + " is not empty: remove it first");
        }
      }
    }
    Files.createDirectories(out);
    Path work = Files.createTempDirectory("mlat-package-conformance");
    new PackageConformanceVectorsGenerator(ConformancePki.load(root.resolve("pki")), out, work).run();
    System.out.println("package vectors written to " + out);
  }

  // ---------------------------------------------------------------- the vectors

  /** A reader: its party and the family of its encryption key. */
  private record Reader(PartyId party, Family family) {}

  private static final Reader US = new Reader(US_DOJ, Family.RSA_3072);
  private static final Reader DE = new Reader(DE_BFJ, Family.ECDSA_P256);
  private static final Reader FR = new Reader(FR_MOJ, Family.ECDSA_P256);

  private void run() throws Exception {
    // ---- valid
    byte[] order = content(7_000, 1);
    UUID requestMessageId = UUID.randomUUID();
    RequestMessage request = request(requestMessageId, FR_MOJ, US_DOJ, List.of(reference("A1", order)), true);
    Path requestPackage = seal(sealer(FR_MOJ, Family.ECDSA_P256, US, SEAL_CLOCK, 0),
        request, List.of(source("A1", "ordonnance.pdf", order)), "request");
    valid("valid-request", "a request of FR-MOJ (ECDSA P-256) to US-DOJ (RSA-OAEP SHA-256) with one attachment (the court order)",
        requestPackage, US, Map.of());

    byte[] evidence = content(2 * 4096 + 1808, 2);
    Response response = new Response(header(UUID.randomUUID(), US_DOJ, FR_MOJ), ResponseKind.FINAL,
        new EvidenceManifest(List.of(new EvidenceItem("E1", "subscriber record export", "application/pdf", evidence.length,
            sha256(evidence), List.of())), Optional.of("complete subscriber record")), Optional.empty());
    valid("valid-response-segmented", "the final response of US-DOJ (RSA-3072 PKCS#1 v1.5 signature) to FR-MOJ (ECDH P-256): one evidence"
            + " item of " + evidence.length + " bytes in three segments of 4,096 bytes (the last shorter)",
        seal(sealer(US_DOJ, Family.RSA_3072, FR, SEAL_CLOCK, 4096), response, List.of(source("E1", "subscriber-record.pdf", evidence)),
            "response"), FR, Map.of());

    Refusal refusal = new Refusal(header(UUID.randomUUID(), US_DOJ, FR_MOJ), RefusalReason.DUAL_CRIMINALITY_NOT_MET,
        "The conduct described is not an offence under the law of the requested state.");
    valid("valid-refusal", "a refusal of US-DOJ to FR-MOJ, without attachment",
        seal(sealer(US_DOJ, Family.RSA_3072, FR, SEAL_CLOCK, 0), refusal, List.of(), "refusal"), FR, Map.of());

    // relayed: US-DOJ -> FR-CA (the central authority opens it), FR-CA -> FR-PARIS
    byte[] relayedOrder = content(3_000, 3);
    RequestMessage usRequest = request(UUID.randomUUID(), US_DOJ, FR_CA, List.of(reference("A1", relayedOrder)), true);
    Reader frCa = new Reader(FR_CA, Family.ECDSA_P256);
    Path toCentral = seal(sealer(US_DOJ, Family.RSA_3072, frCa, SEAL_CLOCK, 0), usRequest,
        List.of(source("A1", "warrant.pdf", relayedOrder)), "to-central");
    VerifiedPackage atCentral = (VerifiedPackage) openAs(frCa, toCentral);
    Path relayed = work.resolve("relayed.mlat");
    PackageSealer.builder(POLICY, SEAL_CLOCK).issuer(FR_CA, signer(FR_CA, Family.ECDSA_P256)).trust(pki.trustVerifier())
        .recipientCertificate(FR_PARIS, encryptionCertificate(FR_PARIS, Family.ECDSA_P256)).build()
        .relay(atCentral, toCentral, FR_PARIS, relayed);
    Reader paris = new Reader(FR_PARIS, Family.ECDSA_P256);
    valid("valid-relayed-request", "a request of US-DOJ to FR's central authority FR-CA, relayed by FR-CA (registered relay) to the"
        + " executing authority FR-PARIS: header FR-CA -> FR-PARIS with originalSender US-DOJ, signed by FR-CA; message.p7m holds US-DOJ's"
        + " unchanged SignedData (signed for FR-CA), encrypted for FR-PARIS", relayed, paris, Map.of());

    Reader dePq = new Reader(DE_BFJ, Family.ML_DSA_65);
    valid("valid-post-quantum", "a request of FR-MOJ signed with ML-DSA-65 (header and message) to DE-BFJ, encrypted with ML-KEM-768"
            + " (KEMRecipientInfo, RFC 9629)",
        seal(sealer(FR_MOJ, Family.ML_DSA_65, dePq, SEAL_CLOCK, 0), request(UUID.randomUUID(), FR_MOJ, DE_BFJ, List.of(), true), List.of(),
            "pq"), dePq, Map.of());
    Reader deComposite = new Reader(DE_BFJ, Family.COMPOSITE);
    valid("valid-composite-kem", "a request of FR-MOJ signed with ECDSA P-256 to DE-BFJ, encrypted with composite ML-KEM-768 + ECDH P-256",
        seal(sealer(FR_MOJ, Family.ECDSA_P256, deComposite, SEAL_CLOCK, 0), request(UUID.randomUUID(), FR_MOJ, DE_BFJ, List.of(), true),
            List.of(), "composite-kem"), deComposite, Map.of());
    valid("valid-hybrid-signed", "a request of FR-MOJ signed (header and message) with composite ML-DSA-65 + ECDSA P-256, one SignerInfo"
            + " carrying both signatures, to DE-BFJ, encrypted with ML-KEM-768",
        seal(sealer(FR_MOJ, Family.COMPOSITE, dePq, SEAL_CLOCK, 0), request(UUID.randomUUID(), FR_MOJ, DE_BFJ, List.of(), true), List.of(),
            "hybrid"), dePq, Map.of());

    Path plain = seal(sealer(FR_MOJ, Family.ECDSA_P256, DE, SEAL_CLOCK, 0), request(UUID.randomUUID(), FR_MOJ, DE_BFJ, List.of(), true),
        List.of(), "to-timestamp");
    VerifiedPackage plainOpened = (VerifiedPackage) openAs(DE, plain);
    byte[] timestampedSigned = timestamp(plainOpened.signedMessage());
    valid("valid-timestamped", "a request of FR-MOJ to DE-BFJ whose inner signature carries a signature timestamp of the conformance TSA"
            + " (CAdES B-T, genTime " + SEALED_AT + "): the issuer's certificate is validated at the token's genTime",
        repack(plain, "timestamped", items -> replace(items, "message.p7m", encrypt(DE, timestampedSigned)), h -> h,
            signer(FR_MOJ, Family.ECDSA_P256)), DE, Map.of());

    // a resend: the same bytes again, answered with the stored receipt
    byte[] requestBytes = Files.readAllBytes(requestPackage);
    VerifiedPackage requestOpened = (VerifiedPackage) openAs(US, requestPackage);
    ReceiptIssuer usReceipts = new ReceiptIssuer(US_DOJ, signer(US_DOJ, Family.RSA_3072), SEAL_CLOCK);
    byte[] requestReceipt = usReceipts.accepted(requestOpened, Optional.empty());
    valid("valid-resend", "valid-request's package received a second time: the reader's seen-id store holds its message id with the same"
            + " header digest, so the result is a resend answered with the stored receipt (nothing is delivered again)",
        requestPackage, US, Map.of("receipt.p7s", requestReceipt), seen(requestOpened.header().messageId(), requestOpened.headerSha256(),
            "receipt.p7s"));

    // ---- stage 1: structure
    reject("reject-truncated", "the package cut short: no end-of-central-directory record", "the last 100 bytes removed",
        write("truncated", Arrays.copyOf(requestBytes, requestBytes.length - 100)), US, "PACKAGE_STRUCTURE_INVALID", 1);
    reject("reject-compressed-entry", "message.p7m stored with deflate compression", "entry message.p7m written with method 8 (deflated)",
        zip("deflated", entries(requestPackage), "message.p7m"), US, "PACKAGE_STRUCTURE_INVALID", 1);
    reject("reject-mimetype", "the mimetype entry holds another media type", "mimetype content 'application/zip'",
        zip("mimetype", replace(entries(requestPackage), "mimetype", "application/zip".getBytes(StandardCharsets.US_ASCII)), null), US,
        "PACKAGE_STRUCTURE_INVALID", 1);
    reject("reject-local-central-mismatch", "the local header of header.json disagrees with its central directory record",
        "one bit of the CRC-32 in header.json's local file header flipped (the central directory keeps the right one)",
        write("local-central", flipLocalCrc(requestBytes, "header.json")), US, "PACKAGE_LOCAL_CENTRAL_MISMATCH", 1);
    reject("reject-entry-name-invalid", "an entry named with a parent-directory segment", "an entry '../message.p7m' added before message.p7m",
        zip("name", insertBefore(entries(requestPackage), "message.p7m", new Item("../message.p7m", new byte[] {1})), null), US,
        "PACKAGE_ENTRY_NAME_INVALID", 1);
    reject("reject-entry-duplicate", "two entries of the same name", "message.p7m written twice",
        zip("duplicate", insertBefore(entries(requestPackage), "header.json", item(entries(requestPackage), "message.p7m")), null), US,
        "PACKAGE_ENTRY_DUPLICATE", 1);
    reject("reject-entry-unexpected", "an entry the format does not define", "an entry 'notes.txt' added before message.p7m",
        zip("unexpected", insertBefore(entries(requestPackage), "message.p7m", new Item("notes.txt", "see me".getBytes(StandardCharsets.US_ASCII))),
            null), US, "PACKAGE_ENTRY_UNEXPECTED", 1);
    List<Item> many = new ArrayList<>(entries(requestPackage));
    for (int i = 2; i <= 1002; i++) {
      many.add(many.size() - 3, new Item("attachments/" + i, new byte[0]));
    }
    reject("reject-entry-count-limit", "more entries than the reader's limit (maxEntries 1,004 by default)",
        "1,001 empty entries attachments/2 ... attachments/1002 added: 1,005 entries", zip("many", many, null), US,
        "PACKAGE_LIMIT_EXCEEDED", 1);

    // ---- stage 2: header and its signature
    CmsSigner frMoj = signer(FR_MOJ, Family.ECDSA_P256);
    reject("reject-header-malformed", "header.json carries a field the format does not define",
        "a field \"priority\" : \"high\" inserted in header.json, which FR-MOJ signed again",
        resign(requestPackage, "header-malformed", bytes -> new String(bytes, StandardCharsets.UTF_8)
            .replaceFirst("\\{\n", "{\n  \"priority\" : \"high\",\n").getBytes(StandardCharsets.UTF_8), frMoj), US,
        "PACKAGE_HEADER_MALFORMED", 2);
    reject("reject-header-signature-invalid", "header.json changed after it was signed", "header.json's expires moved one day later;"
            + " header.p7s unchanged",
        zip("header-changed", replace(entries(requestPackage), "header.json",
            HeaderJson.write(withExpires(header(requestPackage), header(requestPackage).expires().plus(Duration.ofDays(1))))), null), US,
        "PACKAGE_HEADER_SIGNATURE_INVALID", 2);
    reject("reject-sender-untrusted", "header.json naming FR-MOJ as sender is signed by DE-BFJ, an authority of another jurisdiction",
        "header.p7s replaced by DE-BFJ's signature of the same header.json",
        repack(requestPackage, "sender-untrusted", items -> items, h -> h, signer(DE_BFJ, Family.ECDSA_P256)), US,
        "PACKAGE_SENDER_UNTRUSTED", 2);
    reject("reject-relay-not-registered", "a relayed package whose forwarder FR-MOJ is not registered as a relay",
        "valid-relayed-request's header with sender FR:FR-MOJ instead of FR:FR-CA, signed by FR-MOJ (registered to sign, not to relay)",
        repack(relayed, "relay-not-registered", items -> items, h -> withSender(h, FR_MOJ), frMoj), paris,
        "PACKAGE_RELAY_NOT_REGISTERED", 2);

    // ---- stage 3: recipient, entries, resend, validity
    reject("reject-wrong-recipient", "a package for US-DOJ opened by DE-BFJ", "nothing in the package: valid-request opened by DE-BFJ",
        requestPackage, DE, "PACKAGE_WRONG_RECIPIENT", 3);
    reject("reject-entry-mismatch", "an attachment entry damaged in transit", "one bit of attachments/1 flipped in place (byte 100 of its"
            + " data): its bytes no longer match the CRC-32 its ZIP records carry",
        damage("entry-mismatch", requestPackage, "attachments/1", 100), US, "PACKAGE_ENTRY_MISMATCH", 3);
    reject("reject-attachment-altered", "an attachment entry altered with its ZIP CRC-32 made right", "one bit of attachments/1 flipped"
            + " (byte 100) and the package written again, so every ZIP record matches: format 2's header lists no attachment digest,"
            + " and the segment's GCM tag in the signed manifest refuses it (detail SEGMENT_AUTHENTICATION_FAILED)",
        zip("attachment-altered", replace(entries(requestPackage), "attachments/1",
            flip(item(entries(requestPackage), "attachments/1").bytes(), 100)), null), US, "PACKAGE_ATTACHMENT_MISMATCH", 6);
    Path prior = seal(sealer(FR_MOJ, Family.ECDSA_P256, US, SEAL_CLOCK, 0), request, List.of(source("A1", "ordonnance.pdf", order)), "prior");
    byte[] priorReceipt = usReceipts.accepted((VerifiedPackage) openAs(US, prior), Optional.empty());
    reject("reject-resend-conflict", "a message id received before with other bytes", "nothing in the package (valid-request); the reader"
            + " already received message " + requestMessageId + " as another package (the same message sealed again: other keys, other"
            + " bytes, another header digest), whose header digest and receipt the opener's seen-id store holds (opener.seen)",
        requestPackage, US, Map.of("prior-receipt.p7s", priorReceipt), "PACKAGE_RESEND_CONFLICT", 3,
        seen(requestMessageId, headerSha256(prior), "prior-receipt.p7s"));
    reject("reject-expired", "a package past its expiry", "sealed on 2026-11-01T00:00:00Z with a validity of 7 days: expired on"
            + " 2026-11-08T00:00:00Z",
        seal(sealer(FR_MOJ, Family.ECDSA_P256, US, Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC), 0),
            request(UUID.randomUUID(), FR_MOJ, US_DOJ, List.of(), true), List.of(), "expired"), US, "PACKAGE_EXPIRED", 3);
    reject("reject-not-yet-valid", "a package created in the future", "created 2026-12-01T00:10:00Z, ten minutes after the verification"
            + " time (the allowed clock skew is 5 minutes)",
        seal(sealer(FR_MOJ, Family.ECDSA_P256, US, Clock.fixed(Instant.parse("2026-12-01T00:10:00Z"), ZoneOffset.UTC), 0),
            request(UUID.randomUUID(), FR_MOJ, US_DOJ, List.of(), true), List.of(), "future"), US, "PACKAGE_NOT_YET_VALID", 3);

    // ---- stage 4: decryption, the issuer's signature and trust
    byte[] signedRequest = requestOpened.signedMessage();
    byte[] requestJson = Files.readAllBytes(requestOpened.folder().resolve("message.json"));
    reject("reject-decryption-failed", "message.p7m is not encrypted for the reader",
        "message.p7m: FR-MOJ's unchanged SignedData encrypted for FR-CA instead of US-DOJ; header re-listed and signed again by FR-MOJ",
        repack(requestPackage, "not-for-reader", items -> replace(items, "message.p7m", encrypt(frCa, signedRequest)), h -> h, frMoj), US,
        "PACKAGE_DECRYPTION_FAILED", 4);
    reject("reject-inner-signature-invalid", "message.json altered inside the issuer's SignedData",
        "one byte of message.json inside the SignedData changed (PARQUET-PARIS becomes PARQUET-PARIZ), encrypted again for US-DOJ;"
            + " header re-listed and signed again by FR-MOJ",
        repack(requestPackage, "inner-altered", items -> replace(items, "message.p7m",
            encrypt(US, replaceBytes(signedRequest, "PARQUET-PARIS", "PARQUET-PARIZ"))), h -> h, frMoj), US,
        "PACKAGE_SIGNATURE_INVALID", 4);
    reject("reject-inner-signer-other-jurisdiction", "the message naming FR-MOJ as its sender is signed inside by DE-BFJ, a valid authority"
            + " of another jurisdiction",
        "message.p7m: the same SealedContent signed by DE-BFJ, encrypted for US-DOJ; header re-listed and signed by FR-MOJ",
        repack(requestPackage, "inner-de", items -> replace(items, "message.p7m", encrypt(US, sign(sealedContent(FR_MOJ, US_DOJ,
            requestMessageId, requestJson), signer(DE_BFJ, Family.ECDSA_P256)))), h -> h, frMoj), US, "PACKAGE_SIGNER_UNTRUSTED", 4);
    CmsSigner revoked = CmsSigner.builder(POLICY, SEAL_CLOCK).signer(FR_MOJ.jurisdiction(), pki.identity(ConformancePki.DefectiveSigner.REVOKED),
        Family.ECDSA_P256.algorithm().signatureAlgorithm()).build();
    reject("reject-inner-signer-revoked", "the message is signed inside with FR-MOJ's revoked certificate (the stored OCSP response and CRL"
            + " say revoked)",
        "message.p7m: the same SealedContent signed with keys/FR-MOJ-ecdsa-p256-revoked.p12, encrypted for US-DOJ; header re-listed and"
            + " signed by FR-MOJ's valid key",
        repack(requestPackage, "inner-revoked", items -> replace(items, "message.p7m", encrypt(US, sign(sealedContent(FR_MOJ, US_DOJ,
            requestMessageId, requestJson), revoked))), h -> h, frMoj), US, "PACKAGE_SIGNER_UNTRUSTED", 4);

    // ---- stage 5: binding and message.json
    reject("reject-forwarded", "surreptitious forwarding: FR-MOJ's SignedData, signed for US-DOJ, re-encrypted in a package for DE-BFJ",
        "message.p7m: the unchanged SignedData of valid-request encrypted for DE-BFJ; header recipient DE:DE-BFJ, signed by FR-MOJ",
        repack(requestPackage, "forwarded", items -> replace(items, "message.p7m", encrypt(DE, signedRequest)),
            h -> withRecipient(h, DE_BFJ), frMoj), DE, "PACKAGE_BINDING_MISMATCH", 5);
    reject("reject-header-request-id", "the header's request id is not the signed message's", "header.json's requestId replaced by another"
            + " UUID, signed again by FR-MOJ",
        repack(requestPackage, "request-id", items -> items, h -> withRequestId(h, UUID.fromString("00000000-0000-4000-8000-0000000000aa")),
            frMoj), US, "PACKAGE_BINDING_MISMATCH", 5);
    byte[] strangeJson = new String(requestJson, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"unexpected\":true,")
        .getBytes(StandardCharsets.UTF_8);
    reject("reject-message-json-invalid", "message.json carries a field the format does not define, correctly signed",
        "a field \"unexpected\" added at the top of message.json, signed by FR-MOJ (SealedContent for US-DOJ) and encrypted for US-DOJ;"
            + " header re-listed and signed by FR-MOJ",
        repack(requestPackage, "message-json", items -> replace(items, "message.p7m", encrypt(US, sign(sealedContent(FR_MOJ, US_DOJ,
            requestMessageId, strangeJson), frMoj))), h -> h, frMoj), US, "PACKAGE_MESSAGE_INVALID", 5);

    // ---- stage 6: content
    reject("reject-request-not-issued", "a request that is only a draft (incomplete for its instrument)", "the data production measure"
            + " lacks its data description (valid at the draft level, not at the issued level the reader requires)",
        seal(sealer(FR_MOJ, Family.ECDSA_P256, US, SEAL_CLOCK, 0), request(UUID.randomUUID(), FR_MOJ, US_DOJ, List.of(), false), List.of(),
            "draft"), US, "PACKAGE_MESSAGE_INVALID", 6);
    reject("reject-attachment-foreign-segments", "an attachment entry replaced by the same document sealed under another attachment key",
        "attachments/1 replaced by the one of another package of the same message (segments under another key, tags not the signed"
            + " manifest's); header re-listed and signed again by FR-MOJ",
        repack(requestPackage, "foreign-segments", items -> replace(items, "attachments/1", item(entries(prior), "attachments/1").bytes()),
            h -> h, frMoj), US, "PACKAGE_ATTACHMENT_MISMATCH", 6);
    reject("reject-attachment-missing", "the attachment the signed manifest lists is missing", "attachments/1 removed from the package and"
            + " from the header, which FR-MOJ signed again",
        repack(requestPackage, "attachment-missing", items -> remove(items, "attachments/1"), h -> h, frMoj), US,
        "PACKAGE_ATTACHMENT_MISMATCH", 6);

    // ---- receipts
    receipt("valid-receipt-accepted", "US-DOJ's positive receipt for valid-request", "nothing", requestReceipt, "valid-request", US_DOJ,
        null);
    Path entryMismatch = out.resolve("reject-entry-mismatch/package.mlat");
    byte[] negative;
    try {
      openAs(US, entryMismatch);
      throw new IllegalStateException("reject-entry-mismatch opened");
    } catch (PackageRejectedException e) {
      negative = usReceipts.rejected(e, headerSha256(entryMismatch), Optional.empty());
    }
    receipt("valid-receipt-rejected", "US-DOJ's negative receipt for reject-entry-mismatch's package (PACKAGE_ENTRY_MISMATCH, stage 3)",
        "nothing", negative, "reject-entry-mismatch", US_DOJ, null);
    receipt("reject-receipt-malformed", "a receipt cut short", "the last half of valid-receipt-accepted's receipt removed",
        Arrays.copyOf(requestReceipt, requestReceipt.length / 2), "valid-request", US_DOJ, "RECEIPT_MALFORMED");
    receipt("reject-receipt-signature-invalid", "a receipt naming US-DOJ as receiver, signed by DE-BFJ",
        "receipt.json of US-DOJ for valid-request signed with DE-BFJ's key",
        new ReceiptIssuer(US_DOJ, signer(DE_BFJ, Family.ECDSA_P256), SEAL_CLOCK).accepted(requestOpened, Optional.empty()), "valid-request",
        US_DOJ, "RECEIPT_SIGNATURE_INVALID");
    receipt("reject-receipt-mismatch", "US-DOJ's valid receipt for another package of the same message id",
        "the receipt of the package of reject-resend-conflict's prior delivery, checked against valid-request (another header digest)",
        priorReceipt, "valid-request", US_DOJ, "RECEIPT_MISMATCH");
  }

  // ---------------------------------------------------------------- messages

  private static MessageHeader header(UUID id, PartyId from, PartyId to) {
    return new MessageHeader(id, SampleRequests.frenchPreservationAndProduction().id(), from, to, SEALED_AT.minus(Duration.ofHours(1)));
  }

  /** The sample request between {@code from} and {@code to}; issued: complete for its instrument, else a draft. */
  static RequestMessage request(UUID id, PartyId from, PartyId to, List<Attachment> attachments, boolean issued) {
    Request sample = SampleRequests.frenchPreservationAndProduction();
    var p = sample.parties();
    Party issuing = from.jurisdiction().equals(FR_MOJ.jurisdiction()) ? p.issuingAuthority()
        : new Party(new PartyId(from.jurisdiction(), from.identifier() + "-OIA"), "Office of International Affairs", Optional.empty(),
            Optional.empty(), Optional.empty());
    Parties parties = new Parties(issuing, p.validatingAuthority(),
        Optional.of(new Party(from, "Central authority " + from, Optional.empty(), Optional.empty(), Optional.empty())),
        Optional.of(new Party(to, "Central authority " + to, Optional.empty(), Optional.empty(), Optional.empty())),
        p.executingAuthority(), p.serviceProvider(), p.contactPersons());
    List<Measure> measures = new ArrayList<>();
    for (Measure m : sample.measures()) {
      if (m instanceof DataProduction d && issued) {
        measures.add(new DataProduction(d.dataCategories(), d.targets(), d.timeRange(), d.custodian(),
            Optional.of("name, postal address, e-mail and payment details of the subscriber"), d.preservationReference()));
      } else {
        measures.add(m);
      }
    }
    Request r = sample.toBuilder().parties(parties).measures(measures).attachments(attachments).build();
    var report = new RequestValidator().validate(r, issued ? Level.ISSUED : Level.DRAFT, Locale.ENGLISH);
    if (!report.isValid()) {
      throw new IllegalStateException("the vector request is not valid: " + report.violations());
    }
    if (!issued && new RequestValidator().validate(r, Level.ISSUED, Locale.ENGLISH).isValid()) {
      throw new IllegalStateException("the draft request is valid at the issued level");
    }
    return new RequestMessage(header(id, from, to), r);
  }

  static Attachment reference(String id, byte[] content) {
    return new Attachment(id, DocumentType.COURT_ORDER, "application/pdf", content.length, sha256(content), Optional.of("fr"),
        Optional.of("court order"), Optional.empty());
  }

  private static AttachmentSource source(String id, String name, byte[] content) {
    return AttachmentSource.ofStream(id, name, "application/pdf", () -> new ByteArrayInputStream(content));
  }

  private static byte[] content(int length, long seed) {
    byte[] b = new byte[length];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  // ---------------------------------------------------------------- sealing

  private CmsSigner signer(PartyId authority, Family family) throws Exception {
    return CmsSigner.builder(POLICY, SEAL_CLOCK)
        .signer(authority.jurisdiction(), pki.identity(authority, family, "signing"), family.algorithm().signatureAlgorithm()).build();
  }

  private java.security.cert.X509Certificate encryptionCertificate(PartyId party, Family family) throws Exception {
    return pki.identity(party, family, "encryption").certificate();
  }

  /** A sealer of {@code issuer} (signing both layers with its {@code family} key) for {@code reader}; segment size 0: the default. */
  private PackageSealer sealer(PartyId issuer, Family family, Reader reader, Clock clock, int segmentSize) throws Exception {
    var b = PackageSealer.builder(POLICY, clock).issuer(issuer, CmsSigner.builder(POLICY, clock)
            .signer(issuer.jurisdiction(), pki.identity(issuer, family, "signing"), family.algorithm().signatureAlgorithm()).build())
        .trust(pki.trustVerifier()).recipientCertificate(reader.party(), encryptionCertificate(reader.party(), reader.family()));
    if (segmentSize > 0) {
      b.segmentSize(segmentSize);
    }
    if (clock.instant().isBefore(ConformancePki.VERIFICATION_TIME.minus(Duration.ofDays(20)))) {
      b.validity(Duration.ofDays(7)); // the expired vector: sealed (and signed) inside the certificates' validity, expired before the instant
    }
    return b.build();
  }

  private Path seal(PackageSealer sealer, LifecycleMessage message, List<AttachmentSource> attachments, String name) throws Exception {
    Path file = work.resolve(name + ".mlat");
    sealer.seal(message, attachments, file);
    return file;
  }

  private byte[] encrypt(Reader reader, byte[] signedData) throws Exception {
    return CmsEncryptor.builder(POLICY)
        .recipient(EncryptionRecipient.of(reader.party().jurisdiction(), encryptionCertificate(reader.party(), reader.family())))
        .build().encrypt(signedData);
  }

  private static byte[] sign(byte[] content, CmsSigner signer) throws Exception {
    return signer.sign(content, Encapsulation.ENCAPSULATED);
  }

  /** The DER SealedContent of docs/FORMAT.md, encoded here from the specification. */
  static byte[] sealedContent(PartyId sender, PartyId recipient, UUID messageId, byte[] payload) throws IOException {
    return new DERSequence(new ASN1Encodable[] {
        new ASN1Integer(1), new DERUTF8String(sender.toString()), new DERUTF8String(recipient.toString()),
        new DERUTF8String(messageId.toString()), new DEROctetString(payload)}).getEncoded(ASN1Encoding.DER);
  }

  /** Attaches to every SignerInfo a token of the conformance TSA over its signature value (CAdES B-T), genTime {@link #SEALED_AT}. */
  private byte[] timestamp(byte[] signedData) throws Exception {
    var cms = new CMSSignedData(signedData);
    var signers = new ArrayList<SignerInformation>();
    for (SignerInformation s : cms.getSignerInfos().getSigners()) {
      byte[] token = token(MessageDigest.getInstance("SHA-256").digest(s.getSignature()));
      var attribute = new Attribute(new ASN1ObjectIdentifier(TIMESTAMP_TOKEN_OID), new DERSet(ASN1Primitive.fromByteArray(token)));
      signers.add(SignerInformation.replaceUnsignedAttributes(s, new AttributeTable(new DERSet(attribute))));
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
    var v = new org.bouncycastle.asn1.ASN1EncodableVector();
    v.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(java.util.Date.from(SEALED_AT)))));
    var signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
        .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(v)))
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(tsaKey), tsa.certificate());
    var generator = new TimeStampTokenGenerator(signerInfo, digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
        new ASN1ObjectIdentifier(TestTimestampAuthority.POLICY_OID));
    generator.setAccuracySeconds(1);
    generator.addCertificates(new JcaCertStore(tsa.chain().subList(0, 2)));
    var request = new TimeStampRequestGenerator();
    request.setCertReq(true);
    return generator.generate(request.generate(TSPAlgorithms.SHA256, sha256), BigInteger.valueOf(RANDOM.nextInt(1 << 30)),
        java.util.Date.from(SEALED_AT)).getEncoded();
  }

  // ---------------------------------------------------------------- package surgery

  record Item(String name, byte[] bytes) {}

  /** A change to a package part, which may fail. */
  @FunctionalInterface
  private interface Change<T> {
    T apply(T value) throws Exception;
  }

  static List<Item> entries(Path file) throws IOException {
    List<Item> items = new ArrayList<>();
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
        try (var in = zip.getInputStream(e)) {
          items.add(new Item(e.getName(), in.readAllBytes()));
        }
      }
    }
    return items;
  }

  /** Writes stored entries (the one named {@code deflated}, if any, compressed). */
  private Path zip(String name, List<Item> items, String deflated) throws IOException {
    Path file = work.resolve(name + ".mlat");
    Files.deleteIfExists(file);
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
      zip.setUseLanguageEncodingFlag(false);
      for (Item i : items) {
        ZipArchiveEntry e = new ZipArchiveEntry(i.name());
        e.setMethod(i.name().equals(deflated) ? ZipArchiveEntry.DEFLATED : ZipArchiveEntry.STORED);
        zip.setMethod(e.getMethod());
        zip.putArchiveEntry(e);
        zip.write(i.bytes());
        zip.closeArchiveEntry();
      }
    }
    return file;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(work.resolve(name + ".mlat"), bytes);
  }

  private static Item item(List<Item> items, String name) {
    return items.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<Item> replace(List<Item> items, String name, byte[] bytes) {
    List<Item> copy = new ArrayList<>(items);
    copy.replaceAll(i -> i.name().equals(name) ? new Item(name, bytes) : i);
    return copy;
  }

  private static List<Item> remove(List<Item> items, String name) {
    List<Item> copy = new ArrayList<>(items);
    copy.removeIf(i -> i.name().equals(name));
    return copy;
  }

  private static List<Item> insertBefore(List<Item> items, String before, Item added) {
    List<Item> copy = new ArrayList<>(items);
    copy.add(copy.indexOf(item(copy, before)), added);
    return copy;
  }

  /** A package's header digest: the SHA-256 of its header.json entry. */
  private static String headerSha256(Path file) throws Exception {
    return sha256(item(entries(file), "header.json").bytes());
  }

  /** A copy of {@code in} with one bit of {@code entry}'s data flipped in place: every ZIP record (and its CRC) unchanged. */
  private Path damage(String name, Path in, String entry, long index) throws Exception {
    Path file = work.resolve(name + ".mlat");
    Files.deleteIfExists(file);
    return dev.mlat.transport.pkg.PackageFixture.damage(in, file, entry, index);
  }

  private static PackageHeader header(Path file) throws Exception {
    return HeaderJson.read(item(entries(file), "header.json").bytes(), 10_000);
  }

  /**
   * Changes entries, lists every entry but mimetype, header.json and header.p7s in the header again
   * (name, size, SHA-256), changes the header and signs it with {@code headerSigner}.
   */
  private Path repack(Path in, String name, Change<List<Item>> change, Change<PackageHeader> headerChange,
      CmsSigner headerSigner) throws Exception {
    List<Item> items = change.apply(entries(in));
    PackageHeader h = HeaderJson.read(item(items, "header.json").bytes(), 10_000);
    List<dev.mlat.transport.pkg.HeaderEntry> listed = new ArrayList<>();
    for (Item i : items) {
      if (!List.of("mimetype", "header.json", "header.p7s").contains(i.name())) {
        listed.add(dev.mlat.transport.pkg.PackageFixture.listed(i.name(), i.bytes()));
      }
    }
    PackageHeader changed = headerChange.apply(new PackageHeader(h.formatVersion(), h.messageId(), h.messageType(), h.requestId(),
        h.sender(), h.recipient(), h.originalSender(), h.created(), h.expires(), listed));
    byte[] headerBytes = HeaderJson.write(changed);
    byte[] signature = headerSigner.sign(headerBytes, Encapsulation.DETACHED);
    return zip(name, replace(replace(items, "header.json", headerBytes), "header.p7s", signature), null);
  }

  /** Changes header.json's bytes and signs them again. */
  private Path resign(Path in, String name, Change<byte[]> change, CmsSigner headerSigner) throws Exception {
    List<Item> items = entries(in);
    byte[] headerBytes = change.apply(item(items, "header.json").bytes());
    return zip(name, replace(replace(items, "header.json", headerBytes), "header.p7s", headerSigner.sign(headerBytes, Encapsulation.DETACHED)),
        null);
  }

  private static PackageHeader withExpires(PackageHeader h, Instant expires) {
    return new PackageHeader(h.formatVersion(), h.messageId(), h.messageType(), h.requestId(), h.sender(), h.recipient(),
        h.originalSender(), h.created(), expires, h.entries());
  }

  private static PackageHeader withSender(PackageHeader h, PartyId sender) {
    return new PackageHeader(h.formatVersion(), h.messageId(), h.messageType(), h.requestId(), sender, h.recipient(),
        h.originalSender(), h.created(), h.expires(), h.entries());
  }

  private static PackageHeader withRecipient(PackageHeader h, PartyId recipient) {
    return new PackageHeader(h.formatVersion(), h.messageId(), h.messageType(), h.requestId(), h.sender(), recipient,
        h.originalSender(), h.created(), h.expires(), h.entries());
  }

  private static PackageHeader withRequestId(PackageHeader h, UUID requestId) {
    return new PackageHeader(h.formatVersion(), h.messageId(), h.messageType(), requestId, h.sender(), h.recipient(),
        h.originalSender(), h.created(), h.expires(), h.entries());
  }

  /** Flips one bit of the CRC-32 field of the local file header of {@code name}. */
  private static byte[] flipLocalCrc(byte[] zip, String name) {
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + 30 + n.length <= zip.length; i++) {
      if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x03 && zip[i + 3] == 0x04
          && (zip[i + 26] & 0xff | (zip[i + 27] & 0xff) << 8) == n.length && Arrays.equals(zip, i + 30, i + 30 + n.length, n, 0, n.length)) {
        return flip(zip, i + 14);
      }
    }
    throw new IllegalStateException("no local header for " + name);
  }

  private static byte[] flip(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    copy[at] ^= 0x01;
    return copy;
  }

  private static byte[] replaceBytes(byte[] in, String what, String by) {
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

  // ---------------------------------------------------------------- writing and checking vectors

  private OpenResult openAs(Reader reader, Path file) throws Exception {
    var v = json.createObjectNode();
    v.set("recipient", json.valueToTree(recipient(reader)));
    return PackageVectors.open(pki, work, v, file, Files.createTempDirectory(work, "open"));
  }

  private Map<String, Object> recipient(Reader reader) {
    PartyId p = reader.party();
    String base = p.identifier() + "-" + reader.family().tag();
    var r = new LinkedHashMap<String, Object>();
    r.put("party", p.toString());
    r.put("keyFile", "keys/" + base + ".p12");
    r.put("certificate", "trust/" + p.jurisdiction().code() + "/authorities/" + base + "-encryption.pem");
    r.put("privateKey", "keys/" + base + "-encryption.key.pem");
    return r;
  }

  private static Map<String, Object> seen(UUID messageId, String sha256, String receiptFile) {
    var s = new LinkedHashMap<String, Object>();
    s.put("messageId", messageId.toString());
    s.put("headerSha256", sha256);
    s.put("receipt", receiptFile);
    return s;
  }

  private Map<String, Object> base(String name, String description, String kind, String changed) {
    var v = new LinkedHashMap<String, Object>();
    v.put("name", name);
    v.put("description", description);
    v.put("layer", "package");
    v.put("kind", kind);
    v.put("verificationTime", ConformancePki.VERIFICATION_TIME.toString());
    v.put("pki", "../../../pki");
    v.put("changed", changed);
    return v;
  }

  private Map<String, Object> packageVector(String name, String description, String changed, Reader reader, Map<String, Object> seen) {
    var v = base(name, description, "package", changed);
    v.put("input", Map.of("package", "package.mlat"));
    v.put("recipient", recipient(reader));
    var opener = new LinkedHashMap<String, Object>();
    opener.put("requestLevel", "issued");
    opener.put("seen", seen == null ? List.of() : List.of(seen));
    v.put("opener", opener);
    return v;
  }

  private void valid(String name, String description, Path pkg, Reader reader, Map<String, byte[]> files) throws Exception {
    valid(name, description, pkg, reader, files, null);
  }

  private void valid(String name, String description, Path pkg, Reader reader, Map<String, byte[]> files, Map<String, Object> seen)
      throws Exception {
    Path dir = Files.createDirectories(out.resolve(name));
    Files.copy(pkg, dir.resolve("package.mlat"));
    for (var f : files.entrySet()) {
      Files.write(dir.resolve(f.getKey()), f.getValue());
    }
    var v = packageVector(name, description, "nothing", reader, seen);
    JsonNode node = json.valueToTree(v);
    OpenResult result = PackageVectors.open(pki, dir, node, dir.resolve("package.mlat"), Files.createTempDirectory(work, "check"));
    var expected = new LinkedHashMap<String, Object>();
    if (result instanceof Resend resend) {
      expected.put("result", "resend");
      expected.put("messageId", resend.header().messageId().toString());
      expected.put("receipt", seen.get("receipt"));
    } else {
      VerifiedPackage p = (VerifiedPackage) result;
      byte[] message = Files.readAllBytes(p.folder().resolve("message.json"));
      Files.write(dir.resolve("message.json"), message);
      expected.put("result", "accept");
      expected.put("messageId", p.header().messageId().toString());
      expected.put("messageType", p.header().messageType().wireName());
      expected.put("requestId", p.header().requestId().toString());
      expected.put("sender", p.header().sender().toString());
      expected.put("recipient", p.header().recipient().toString());
      p.header().originalSender().ifPresent(o -> expected.put("originalSender", o.toString()));
      expected.put("headerSigner", p.report().headerSigner().authority().orElseThrow().toString());
      expected.put("issuer", p.report().issuerSigners().get(0).trust().authority().orElseThrow().toString());
      expected.put("message", "message.json");
      expected.put("messageSha256", sha256(message));
      expected.put("signatureTimestamp", p.report().issuerSigners().stream().allMatch(s -> s.timestamp().isPresent()));
      var attachments = new ArrayList<Map<String, Object>>();
      for (var a : p.attachments()) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("mediaType", a.mediaType());
        m.put("size", a.size());
        m.put("sha256", sha256(Files.readAllBytes(a.file())));
        attachments.add(m);
      }
      expected.put("attachments", attachments);
    }
    v.put("expected", expected);
    writeJson(dir, v);
  }

  private void reject(String name, String description, String changed, Path pkg, Reader reader, String code, int stage) throws Exception {
    reject(name, description, changed, pkg, reader, Map.of(), code, stage, null);
  }

  private void reject(String name, String description, String changed, Path pkg, Reader reader, Map<String, byte[]> files, String code,
      int stage, Map<String, Object> seen) throws Exception {
    Path dir = Files.createDirectories(out.resolve(name));
    Files.copy(pkg, dir.resolve("package.mlat"));
    for (var f : files.entrySet()) {
      Files.write(dir.resolve(f.getKey()), f.getValue());
    }
    var v = packageVector(name, description, changed, reader, seen);
    JsonNode node = json.valueToTree(v);
    PackageRejectedException rejected;
    try {
      PackageVectors.open(pki, dir, node, dir.resolve("package.mlat"), Files.createTempDirectory(work, "check"));
      throw new IllegalStateException(name + " was accepted");
    } catch (PackageRejectedException e) {
      rejected = e;
    }
    if (!rejected.errorCode().code().equals(code) || rejected.stage().number() != stage) {
      throw new IllegalStateException(name + ": expected " + code + " at stage " + stage + ", got " + rejected.errorCode() + " at "
          + rejected.stage() + ": " + rejected.getMessage(), rejected);
    }
    var expected = new LinkedHashMap<String, Object>();
    expected.put("result", "reject");
    expected.put("errorCode", code);
    expected.put("stage", stage);
    expected.put("stageName", PackageVectors.stageName(rejected.stage()));
    rejected.detail().ifPresent(d -> expected.put("detail", d.code()));
    v.put("expected", expected);
    writeJson(dir, v);
  }

  private void receipt(String name, String description, String changed, byte[] receipt, String acknowledgedVector, PartyId receiver,
      String code) throws Exception {
    Path acknowledged = out.resolve(acknowledgedVector).resolve("package.mlat");
    Path dir = Files.createDirectories(out.resolve(name));
    Files.write(dir.resolve("receipt.p7s"), receipt);
    PackageHeader h = header(acknowledged);
    var v = base(name, description, "receipt", changed);
    v.put("input", Map.of("receipt", "receipt.p7s"));
    var a = new LinkedHashMap<String, Object>();
    a.put("package", "../" + acknowledgedVector + "/package.mlat");
    a.put("receiver", receiver.toString());
    a.put("messageId", h.messageId().toString());
    a.put("headerSha256", headerSha256(acknowledged));
    v.put("acknowledges", a);
    JsonNode node = json.valueToTree(v);
    var expected = new LinkedHashMap<String, Object>();
    try {
      VerifiedReceipt verified = PackageVectors.checkReceipt(pki, node, receipt);
      if (code != null) {
        throw new IllegalStateException(name + " was accepted");
      }
      var r = verified.receipt();
      expected.put("result", "accept");
      expected.put("status", r.status().name().toLowerCase(Locale.ROOT));
      expected.put("receiver", r.receiver().toString());
      expected.put("messageId", r.messageId().map(Object::toString).orElse(null));
      expected.put("headerSha256", r.headerSha256());
      r.errorCode().ifPresent(c -> expected.put("errorCode", c));
      r.stage().ifPresent(s -> expected.put("stage", s));
    } catch (MlatTransportException e) {
      if (!e.errorCode().code().equals(code)) {
        throw new IllegalStateException(name + ": expected " + code + ", got " + e.errorCode() + ": " + e.getMessage(), e);
      }
      expected.put("result", "reject");
      expected.put("errorCode", code);
    }
    v.put("expected", expected);
    writeJson(dir, v);
  }

  private void writeJson(Path dir, Map<String, Object> v) throws IOException {
    Files.writeString(dir.resolve("vector.json"), json.writeValueAsString(v) + "\n", StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    return PackageVectors.sha256(bytes);
  }
}
