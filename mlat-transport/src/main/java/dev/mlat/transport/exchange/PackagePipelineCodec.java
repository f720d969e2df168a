package dev.mlat.transport.exchange;

import dev.mlat.core.ErrorCode;
import dev.mlat.core.MlatException;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.validation.Level;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.segment.SegmentLimits;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.AuditHead;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessageStore;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.PackageRouting;
import dev.mlat.transport.ledger.CmsAuditHeadVerifier;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.PackageGateway;
import dev.mlat.transport.pkg.PackageHeader;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.pkg.PackageOpener;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.pkg.PackageSealer;
import dev.mlat.transport.pkg.PipelineStage;
import dev.mlat.transport.pkg.Resend;
import dev.mlat.transport.pkg.VerifiedPackage;
import dev.mlat.transport.receipt.ReceiptIssuer;
import dev.mlat.transport.receipt.ReceiptVerifier;
import dev.mlat.transport.receipt.VerifiedReceipt;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The production {@link PackageCodec}: the package format of docs/FORMAT.md through
 * {@link PackageSealer}, {@link PackageOpener}, {@link ReceiptIssuer} and {@link ReceiptVerifier},
 * for one node's party.
 *
 * <ul>
 *   <li>{@link #seal}: the issuing authority signs message.json inside, the sending authority (the
 *       issuer unless {@link Builder#sendingAuthority} says otherwise) signs header.json; the
 *       recipient's encryption certificate comes from the trust directory.
 *   <li>{@link #open}: the six stages of the reader's rules, with the resend rule against the
 *       ledger's {@link SeenMessageStore} the service passes; a rejection is
 *       {@link OpenResult.Rejected} with the code and stage; a transient failure (disk, ledger,
 *       key store or HSM unreachable, revocation or timestamp source unreachable) is thrown as an
 *       {@link MlatTransportException} and never turned into a rejection.
 *   <li>{@link #receipt} / {@link #negativeReceipt}: receipts signed by this party, carrying the
 *       node's signed audit head in {@code auditHead}.
 *   <li>{@link #checkReceipt}: the receipt's signature, signer (the recipient), message id and
 *       package SHA-256 against what was sent, and the signature of the partner's audit head it
 *       carries; returns that head.
 *   <li>{@link #routing()}: the HTTPS receiver's carriage-rule port, on the gateway's header check.
 * </ul>
 *
 * <pre>{@code
 * PackagePipelineCodec codec = PackagePipelineCodec.builder(PartyId.parse("FR:FR-MOJ"), signer, keyRing, trust)
 *     .quarantine(Path.of("/var/lib/mlat/quarantine"))    // same file system as the service's work folder
 *     .clock(clock)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PackagePipelineCodec implements PackageCodec {
  /** Lower-layer codes that say "not now" rather than "not this package". */
  private static final Set<String> TRANSIENT_CODES = Set.of("HSM_UNAVAILABLE", "HSM_LOGIN_FAILED",
      "REVOCATION_UNAVAILABLE", "TIMESTAMP_AUTHORITY_UNAVAILABLE", "TRUST_LIST_STATE_UNAVAILABLE");

  private final PartyId self;
  private final Clock clock;
  private final PackageSealer sealer;
  private final PackageOpener opener;
  private final PackageGateway gateway;
  private final ReceiptIssuer issuer;
  private final ReceiptVerifier receipts;
  private final TrustVerifier trust;
  private final AlgorithmPolicy policy;

  private PackagePipelineCodec(Builder b) {
    this.self = b.self;
    this.clock = b.clock;
    this.trust = b.trust;
    this.policy = b.policy;
    PackageSealer.Builder sealing = PackageSealer.builder(b.policy, b.clock).issuer(b.self, b.issuingSigner).trust(b.trust)
        .validity(b.validity);
    if (b.sendingParty != null) {
      sealing.sendingAuthority(b.sendingParty, b.sendingSigner);
    }
    this.sealer = sealing.build();
    this.opener = PackageOpener.builder(b.self, b.keyRing, b.trust, b.unusedStore).clock(b.clock).limits(b.limits)
        .segmentLimits(b.segmentLimits).requestLevel(b.requestLevel).quarantine(b.quarantine).build();
    this.gateway = new PackageGateway(b.trust, b.clock, b.limits);
    this.issuer = new ReceiptIssuer(b.self, b.issuingSigner, b.clock);
    this.receipts = new ReceiptVerifier(b.trust, b.clock);
  }

  /**
   * A builder for the node acting for {@code self}.
   *
   * @param self the node's party: the issuer of what it sends, the recipient of what it opens, the
   *     signer of its receipts
   * @param issuingSigner the CMS signer of {@code self}'s signing certificate (a PKCS#12 key or an HSM)
   * @param keyRing {@code self}'s decryption keys
   * @param trust the trust directory's verifier (its algorithm policy applies unless
   *     {@link Builder#policy} says otherwise)
   */
  public static Builder builder(PartyId self, CmsSigner issuingSigner, KeyRing keyRing, TrustVerifier trust) {
    return new Builder(self, issuingSigner, keyRing, trust);
  }

  /** The party this codec acts for. */
  public PartyId self() {
    return self;
  }

  @Override
  public SealedPackage seal(LifecycleMessage message, List<AttachmentSource> attachments, PartyId to, Path directory)
      throws MlatException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(attachments, "attachments");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(directory, "directory");
    if (!message.header().recipient().equals(to)) {
      throw new IllegalArgumentException("the message is addressed to " + message.header().recipient()
          + ", not to " + to + ": a package goes to the recipient its signed message names");
    }
    Path target = directory.resolve(message.header().messageId() + ".mlat");
    dev.mlat.transport.pkg.SealedPackage sealed;
    try {
      sealed = sealer.seal(message, attachments, target);
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE,
          "sealing message " + message.header().messageId() + " failed: " + e.getMessage(), e);
    }
    return new SealedPackage(target, sealed.headerSha256(), sealed.messageId().toString(), sealed.header().expires());
  }

  @Override
  public OpenResult open(Path packageFile, Path attachmentsDirectory, SeenMessageStore seen) throws MlatTransportException {
    Objects.requireNonNull(packageFile, "packageFile");
    Objects.requireNonNull(attachmentsDirectory, "attachmentsDirectory");
    Objects.requireNonNull(seen, "seen");
    dev.mlat.transport.pkg.OpenResult result;
    try {
      // the service keeps the message in its ledger: message.json and message.p7s are not written
      result = opener.openInMemory(packageFile, attachmentsDirectory, seen);
    } catch (PackageRejectedException e) {
      Optional<String> cause = transientCause(e);
      if (cause.isPresent()) {
        throw new MlatTransportException(TransportErrorCode.EXCHANGE_TEMPORARY_FAILURE, "the package " + packageFile
            .getFileName() + " cannot be verified now (" + cause.get() + "); it is taken again: " + e.getMessage(), e);
      }
      return new OpenResult.Rejected(e.header().map(h -> h.messageId().toString()), e.header().map(PackageHeader::sender),
          e.errorCode(), Optional.of(e.stage()), e.getMessage(), e.headerSha256());
    }
    if (result instanceof VerifiedPackage verified) {
      return new OpenResult.Accepted(verified.message(), verified.header().sender(), verified.attachments(),
          verified.headerSha256());
    }
    Resend resend = (Resend) result;
    return new OpenResult.Resend(resend.seen(), resend.header().sender(), resend.seen().headerSha256());
  }

  @Override
  public byte[] receipt(OpenResult.Accepted accepted, AuditHead head) throws MlatTransportException {
    Objects.requireNonNull(accepted, "accepted");
    Objects.requireNonNull(head, "head");
    try {
      return issuer.accepted(accepted.message().header().messageId(), accepted.sender(), accepted.headerSha256(),
          Optional.of(head));
    } catch (MlatCryptoException e) {
      throw signingFailed(e);
    }
  }

  @Override
  public byte[] negativeReceipt(String messageId, PartyId to, String headerSha256, ErrorCode code,
      Optional<PipelineStage> stage, AuditHead head) throws MlatTransportException {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(head, "head");
    UUID id;
    try {
      id = UUID.fromString(messageId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a package's message id is a UUID, not " + messageId, e);
    }
    try {
      return issuer.rejected(Optional.of(id), Optional.of(to), headerSha256, code, stage, Optional.of(head));
    } catch (MlatCryptoException e) {
      throw signingFailed(e);
    }
  }

  @Override
  public CheckedReceipt checkReceipt(byte[] receipt, OutboxEntry sent) throws MlatTransportException {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(sent, "sent");
    PartyId receiver;
    UUID messageId;
    try {
      receiver = PartyId.parse(sent.recipient());
      messageId = UUID.fromString(sent.messageId());
    } catch (MlatException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the outbox entry " + sent.messageId() + " was not sent by this codec", e);
    }
    VerifiedReceipt verified;
    try {
      verified = receipts.check(receipt, receiver, messageId, sent.headerSha256().orElseThrow(() ->
          new MlatTransportException(TransportErrorCode.EXCHANGE_RECEIPT_INVALID, "message " + sent.messageId()
              + " was sealed in package format 1, whose receipts this version cannot check")));
    } catch (MlatTransportException e) {
      throw invalidOrTransient(e, "the receipt for " + sent.messageId() + " from " + receiver);
    }
    Optional<AuditHead> head = verified.receipt().auditHead();
    if (head.isPresent()) {
      CmsSignatureVerifier heads = new CmsSignatureVerifier(policy, trust.asSignerTrust(), clock, CmsLimits.defaults());
      try {
        new CmsAuditHeadVerifier(heads, receiver.jurisdiction()).verify(head.get());
      } catch (MlatTransportException e) {
        throw invalidOrTransient(e, "the audit head in the receipt for " + sent.messageId() + " from " + receiver);
      }
    }
    return new CheckedReceipt(sent.messageId(), verified.accepted(),
        verified.accepted() ? Optional.empty() : verified.receipt().errorCode(), head);
  }

  /**
   * The HTTPS receiver's {@link PackageRouting}: the sender named in the package's routing header,
   * after stages 1 and 2 (structure, header signed by an authority of the sender's jurisdiction;
   * for a relayed package the relay). A package that fails them is refused by the receiver with
   * {@code HTTPS_PACKAGE_UNROUTABLE} before it reaches the exchange service.
   */
  public PackageRouting routing() {
    // the header's signature is all the carriage rule needs; open() checks the entries
    return packageFile -> gateway.verifyHeaderSignature(packageFile).header().sender();
  }

  private static MlatTransportException signingFailed(MlatCryptoException e) {
    return new MlatTransportException(TransportErrorCode.EXCHANGE_TEMPORARY_FAILURE,
        "the receipt could not be signed (" + e.errorCode().code() + "): " + e.getMessage(), e);
  }

  private static MlatTransportException invalidOrTransient(MlatTransportException e, String what) {
    Optional<String> cause = transientCause(e);
    if (cause.isPresent() || e.errorCode() == TransportErrorCode.IO_FAILURE) {
      return new MlatTransportException(TransportErrorCode.EXCHANGE_TEMPORARY_FAILURE,
          what + " cannot be checked now (" + cause.orElse(e.errorCode().code()) + "): " + e.getMessage(), e);
    }
    return new MlatTransportException(TransportErrorCode.EXCHANGE_RECEIPT_INVALID,
        what + " does not check (" + e.errorCode().code() + "): " + e.getMessage(), e);
  }

  /** The code of a lower-layer failure in {@code e}'s causes that says "not now", if any. */
  private static Optional<String> transientCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MlatException m && TRANSIENT_CODES.contains(m.errorCode().code())) {
        return Optional.of(m.errorCode().code());
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "PackagePipelineCodec[" + self + "]";
  }

  /** Configures a {@link PackagePipelineCodec}. Required: {@link #quarantine}. Not thread-safe. */
  public static final class Builder {
    private final PartyId self;
    private final CmsSigner issuingSigner;
    private final KeyRing keyRing;
    private final TrustVerifier trust;
    /** The opener's own store is never consulted: the codec passes the ledger's on every call. */
    private final SeenMessageStore unusedStore = new dev.mlat.transport.pkg.InMemorySeenMessageStore();
    private PartyId sendingParty;
    private CmsSigner sendingSigner;
    private AlgorithmPolicy policy;
    private Clock clock = Clock.systemUTC();
    private Path quarantine;
    private PackageLimits limits = PackageLimits.defaults();
    private SegmentLimits segmentLimits = SegmentLimits.defaults();
    private Level requestLevel = Level.ISSUED;
    private Duration validity = Duration.ofDays(30);

    private Builder(PartyId self, CmsSigner issuingSigner, KeyRing keyRing, TrustVerifier trust) {
      this.self = Objects.requireNonNull(self, "self");
      this.issuingSigner = Objects.requireNonNull(issuingSigner, "issuingSigner");
      this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
      this.trust = Objects.requireNonNull(trust, "trust");
      this.policy = trust.algorithmPolicy();
    }

    /**
     * The authority that signs header.json when it is not {@code self} (an authority of the same
     * jurisdiction registered to sign, for example the central authority).
     */
    public Builder sendingAuthority(PartyId party, CmsSigner signer) {
      Objects.requireNonNull(party, "party");
      Objects.requireNonNull(signer, "signer");
      if (!party.jurisdiction().equals(self.jurisdiction())) {
        throw new IllegalArgumentException("the sending authority " + party + " must be of " + self.jurisdiction());
      }
      this.sendingParty = party;
      this.sendingSigner = signer;
      return this;
    }

    /** The algorithm policy for sealing; the trust verifier's by default. */
    public Builder policy(AlgorithmPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock (package times, expiry, receipts); system UTC by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The opener's quarantine folder (required), used by this codec alone and emptied when it is
     * built; on the same file system as the exchange service's work directory (verified messages
     * are moved from one to the other atomically).
     */
    public Builder quarantine(Path folder) {
      this.quarantine = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /** The package limits (docs/LIMITS.md "Packages"); {@link PackageLimits#defaults()} by default. */
    public Builder limits(PackageLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The attachment segment limits; {@link SegmentLimits#defaults()} by default. */
    public Builder segmentLimits(SegmentLimits limits) {
      this.segmentLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The validation level a received request must reach; {@link Level#ISSUED} by default. */
    public Builder requestLevel(Level level) {
      this.requestLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /** How long a sealed package may be opened (and is retried); 30 days by default, 1 minute to 1 year. */
    public Builder validity(Duration validity) {
      PackageSealer.builder(policy, clock).validity(Objects.requireNonNull(validity, "validity")); // its bounds, at once
      this.validity = validity;
      return this;
    }

    /**
     * The codec; empties the quarantine folder.
     *
     * @throws IllegalStateException without a quarantine folder
     * @throws java.io.UncheckedIOException when the quarantine folder cannot be prepared
     */
    public PackagePipelineCodec build() {
      if (quarantine == null) {
        throw new IllegalStateException("a quarantine folder is required (on the work directory's file system)");
      }
      return new PackagePipelineCodec(this);
    }
  }
}
