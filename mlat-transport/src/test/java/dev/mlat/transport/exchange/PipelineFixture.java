package dev.mlat.transport.exchange;

import dev.mlat.core.PartyId;
import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.DocumentType;
import dev.mlat.core.model.message.AcknowledgementOfReceipt;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.EvidenceManifest;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.model.message.Response;
import dev.mlat.core.model.message.ResponseKind;
import dev.mlat.core.testing.SampleRequests;
import dev.mlat.core.validation.Level;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.testing.ConformancePki;
import dev.mlat.crypto.testing.ConformancePki.Family;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.https.TlsIdentity;
import dev.mlat.transport.ledger.AuditHeadSigner;
import dev.mlat.transport.ledger.AuditHeadVerifier;
import dev.mlat.transport.ledger.CmsAuditHeadSigner;
import dev.mlat.transport.ledger.CmsAuditHeadVerifier;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.PackageFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The real package pipeline for exchange tests and the crash test's child processes: the committed
 * conformance PKI ({@code conformance/pki}, the same keys in every process), FR-MOJ (ECDSA P-256),
 * US-DOJ (RSA-3072) and DE-BFJ (ECDSA P-256), a clock that runs from the PKI's verification time
 * (so the committed CRLs stay current whenever the tests run), codecs, audit-head signers and
 * verifiers, TLS identities, and the messages of a request's life.
 */
public final class PipelineFixture {
  public static final PartyId FR = ConformancePki.FR_MOJ;
  public static final PartyId US = ConformancePki.US_DOJ;
  public static final PartyId DE = ConformancePki.DE_BFJ;
  private static ConformancePki pki;

  private PipelineFixture() {}

  /** The conformance PKI, found by walking up from the working directory. */
  public static synchronized ConformancePki pki() throws Exception {
    if (pki == null) {
      for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
        Path folder = p.resolve("conformance").resolve("pki");
        if (Files.isRegularFile(folder.resolve("pki.json"))) {
          pki = ConformancePki.load(folder);
          return pki;
        }
      }
      throw new IllegalStateException("conformance/pki not found above " + Path.of("").toAbsolutePath());
    }
    return pki;
  }

  /** A clock running from {@link ConformancePki#VERIFICATION_TIME}. */
  public static Clock clock() {
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), ConformancePki.VERIFICATION_TIME));
  }

  static Family family(PartyId party) {
    return party.equals(US) ? Family.RSA_3072 : Family.ECDSA_P256;
  }

  public static TrustVerifier trust(Clock clock) throws Exception {
    return pki().trustVerifier(clock);
  }

  public static CmsSigner signer(PartyId party, Clock clock) throws Exception {
    KeyIdentity key = pki().identity(party, family(party), "signing");
    return CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), clock)
        .signer(party.jurisdiction(), key, family(party).algorithm().signatureAlgorithm()).build();
  }

  /**
   * Every decryption key of {@code party} in the PKI: the trust directory registers an encryption
   * certificate per algorithm family, and a sender encrypts for the one it picks.
   */
  public static dev.mlat.crypto.keys.KeyRing keyRing(PartyId party) throws Exception {
    dev.mlat.crypto.keys.KeyRing ring = pki().keyRing(party, family(party));
    for (Family f : Family.values()) {
      if (f != family(party) && Files.exists(pki().keyFile(party, f))) {
        ring = ring.plus(pki().keyRing(party, f));
      }
    }
    return ring;
  }

  /** The production codec of {@code party}, its quarantine in {@code home}. */
  public static PackagePipelineCodec codec(PartyId party, Path home, Clock clock) throws Exception {
    return PackagePipelineCodec.builder(party, signer(party, clock), keyRing(party), trust(clock))
        .clock(clock).quarantine(home.resolve("quarantine"))
        // the sample request is a realistic draft (one measure lacks its data description)
        .requestLevel(Level.DRAFT)
        .build();
  }

  public static AuditHeadSigner headSigner(PartyId party, Clock clock) throws Exception {
    return new CmsAuditHeadSigner(signer(party, clock), party + " ledger");
  }

  public static AuditHeadVerifier headVerifier(PartyId party, Clock clock) throws Exception {
    return new CmsAuditHeadVerifier(new CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), trust(clock).asSignerTrust(),
        clock, CmsLimits.defaults()), party.jurisdiction());
  }

  public static TlsIdentity tls(PartyId party) throws Exception {
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    char[] password = ConformancePki.PASSWORD.toCharArray();
    try (var in = Files.newInputStream(pki().keyFile(party, family(party)))) {
      store.load(in, password);
    }
    List<java.security.cert.X509Certificate> chain = new java.util.ArrayList<>();
    for (var c : store.getCertificateChain("tls")) {
      chain.add((java.security.cert.X509Certificate) c);
    }
    return TlsIdentity.of((java.security.PrivateKey) store.getKey("tls", password), chain);
  }

  public static RequestMessage request(PartyId from, PartyId to, UUID requestId, UUID messageId) {
    return new RequestMessage(new MessageHeader(messageId, requestId, from, to, Instant.parse("2026-02-20T09:05:00Z")),
        SampleRequests.frenchPreservationAndProduction());
  }

  /** A message and the attachments it refers to, ready for {@code ExchangeService.send}. */
  public record Outgoing(LifecycleMessage message, List<AttachmentSource> sources) {}

  /**
   * {@code request} referring to {@code order} as its attachment A1 (a court order), without the
   * test PKIs {@link PackageFixture} generates (the crash test's processes start often).
   */
  public static Outgoing withCourtOrder(RequestMessage request, byte[] order) {
    Attachment ref = new Attachment("A1", DocumentType.COURT_ORDER, "application/pdf", order.length,
        sha256(order), Optional.of("fr"), Optional.of("court order"), Optional.empty());
    RequestMessage message = new RequestMessage(request.header(),
        request.request().toBuilder().attachments(List.of(ref)).build());
    return new Outgoing(message, List.of(AttachmentSource.ofStream("A1", "order.pdf", "application/pdf",
        () -> new java.io.ByteArrayInputStream(order))));
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static AcknowledgementOfReceipt acknowledgement(PartyId from, PartyId to, UUID requestId) {
    return new AcknowledgementOfReceipt(new MessageHeader(UUID.randomUUID(), requestId, from, to,
        Instant.parse("2026-02-20T10:05:00Z")), Optional.of("DOJ-2026-0815"), Optional.empty(), Optional.empty());
  }

  /** A final response carrying {@code evidence} as item E1. */
  public static PackageFixture.Sample response(PartyId from, PartyId to, UUID requestId, byte[] evidence) {
    Response bare = new Response(new MessageHeader(UUID.randomUUID(), requestId, from, to,
        Instant.parse("2026-02-20T11:05:00Z")), ResponseKind.FINAL, new EvidenceManifest(List.of(), Optional.empty()),
        Optional.of("subscriber record attached"));
    return PackageFixture.withAttachments(bare, List.of(evidence));
  }
}
