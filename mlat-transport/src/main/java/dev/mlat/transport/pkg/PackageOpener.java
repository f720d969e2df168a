package dev.mlat.transport.pkg;

import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.validation.Level;
import dev.mlat.core.validation.RequestValidator;
import dev.mlat.core.validation.ValidationReport;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsDecryptor;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.seal.OpenExpectation;
import dev.mlat.crypto.seal.OpenedMessage;
import dev.mlat.crypto.seal.Opener;
import dev.mlat.crypto.segment.SegmentLimits;
import dev.mlat.crypto.segment.SegmentedDecryptor;
import dev.mlat.crypto.timestamp.TimestampVerifier;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.SeenMessageStore;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.pkg.internal.AttachmentReferences;
import dev.mlat.transport.pkg.internal.ManifestEntry;
import dev.mlat.transport.pkg.internal.MessageDocument;
import dev.mlat.transport.pkg.internal.PackageFiles;
import dev.mlat.transport.pkg.internal.StrictJson;
import dev.mlat.transport.pkg.internal.ZipStructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens packages for one party, failing closed, in the order of docs/FORMAT.md "Reader's rules":
 * <ol>
 *   <li>structure and limits (entry names, duplicates, counts, sizes, local and central headers);
 *   <li>header.json and the sending authority's signature and trust (as {@link PackageGateway});
 *   <li>the header names us; every entry matches the header; a resend (same id, same bytes) is
 *       answered with the stored receipt, the same id with other bytes refused; not expired;
 *   <li>decryption (tag checked), the issuing authority's signature and jurisdiction;
 *   <li>the signed binding and message.json's sender, recipient, message id, request id and type
 *       equal the header's (or the relay rule holds);
 *   <li>message.json validated for its type; every attachment decrypted and checked against the
 *       signed manifest and the message's references.
 * </ol>
 * Plaintext is written into an owner-only folder of the quarantine folder and moved to
 * {@code outputFolder/<messageId>} only when every stage passed; on failure it is deleted
 * ({@link #openInMemory} writes only attachments, the same way). Stale
 * quarantine (after a crash) is deleted when the opener is built: give each opener its own
 * quarantine folder, on the output folder's file system.
 *
 * <p>The opener only looks the message id up in the {@link SeenMessageStore}; whoever issues the
 * receipt records it (see {@code ReceiptIssuer}).
 *
 * <pre>{@code
 * PackageOpener opener = PackageOpener.builder(PartyId.parse("DE:DE-BFJ"), keyRing, trustVerifier, seenStore)
 *     .clock(clock).quarantine(Path.of("/var/mlat/quarantine")).build();
 * OpenResult result = opener.open(Path.of("in/x.mlat"), Path.of("/var/mlat/received"));
 * if (result instanceof VerifiedPackage verified) { deliver(verified); }
 * else if (result instanceof Resend resend) { answer(resend.receipt()); }
 * }</pre>
 *
 * <p>Thread-safe for packages of different message ids.
 */
public final class PackageOpener {
  private final PartyId self;
  private final KeyRing keyRing;
  private final TrustVerifier trust;
  private final AlgorithmPolicy policy;
  private final SeenMessageStore seen;
  private final Clock clock;
  private final PackageLimits limits;
  private final SegmentLimits segmentLimits;
  private final Path quarantine;
  private final Level requestLevel;
  private final PackageGateway gateway;
  private final MlatJson json = MlatJson.strict();
  private final RequestValidator validator;

  private PackageOpener(Builder b) {
    this.self = b.self;
    this.keyRing = b.keyRing;
    this.trust = b.trust;
    this.policy = b.trust.algorithmPolicy();
    this.seen = b.seen;
    this.clock = b.clock;
    this.limits = b.limits;
    this.segmentLimits = b.segmentLimits;
    this.quarantine = b.quarantine;
    this.requestLevel = b.requestLevel;
    this.gateway = new PackageGateway(trust, clock, limits);
    this.validator = new RequestValidator();
  }

  /** A builder for {@code self}, decrypting with {@code keyRing}, trusting {@code trust}, with the store of seen ids. */
  public static Builder builder(PartyId self, KeyRing keyRing, TrustVerifier trust, SeenMessageStore seen) {
    return new Builder(self, keyRing, trust, seen);
  }

  /** The party this opener opens for. */
  public PartyId self() {
    return self;
  }

  /**
   * Runs the pipeline on {@code packageFile}; a verified package's files go to
   * {@code outputFolder/<messageId>} (the output folder must exist, the message's folder must not).
   *
   * @return a {@link VerifiedPackage} to deliver, or a {@link Resend}
   * @throws PackageRejectedException with the code and stage that refused the package; nothing is written
   * @throws MlatTransportException IO_FAILURE when reading or writing fails (nothing consumed), or the seen-id store's codes
   */
  public OpenResult open(Path packageFile, Path outputFolder) throws MlatTransportException {
    return open(packageFile, outputFolder, seen);
  }

  /**
   * {@link #open(Path, Path)} with the resend rule applied against {@code seenMessages} instead of
   * the builder's store: for a host (the exchange service) that hands each call the store of the
   * ledger it records into.
   *
   * @throws PackageRejectedException as {@link #open(Path, Path)}
   * @throws MlatTransportException as {@link #open(Path, Path)}
   */
  public OpenResult open(Path packageFile, Path outputFolder, SeenMessageStore seenMessages) throws MlatTransportException {
    return open(packageFile, outputFolder, seenMessages, true);
  }

  /**
   * {@link #open(Path, Path, SeenMessageStore)} for a host that keeps the message itself (the
   * exchange service stores it in its ledger): message.json and message.p7s are not written, the
   * verified message, its signed bytes ({@link VerifiedPackage#payload()}) and the issuing
   * authority's SignedData are in the result. Attachments are written as by {@code open}, through
   * the quarantine, into {@code outputFolder/<messageId>/attachments/}; a package without
   * attachments writes nothing at all, and its result has no {@link VerifiedPackage#files()}.
   * The pipeline, its order and its outcomes are those of {@code open}.
   *
   * @throws PackageRejectedException as {@link #open(Path, Path)}
   * @throws MlatTransportException as {@link #open(Path, Path)}
   */
  public OpenResult openInMemory(Path packageFile, Path outputFolder) throws MlatTransportException {
    return open(packageFile, outputFolder, seen, false);
  }

  /**
   * {@link #openInMemory(Path, Path)} with the resend rule applied against {@code seenMessages}, as
   * {@link #open(Path, Path, SeenMessageStore)}.
   *
   * @throws PackageRejectedException as {@link #open(Path, Path)}
   * @throws MlatTransportException as {@link #open(Path, Path)}
   */
  public OpenResult openInMemory(Path packageFile, Path outputFolder, SeenMessageStore seenMessages) throws MlatTransportException {
    return open(packageFile, outputFolder, seenMessages, false);
  }

  private OpenResult open(Path packageFile, Path outputFolder, SeenMessageStore seenMessages, boolean messageFiles)
      throws MlatTransportException {
    Objects.requireNonNull(packageFile, "packageFile");
    Objects.requireNonNull(outputFolder, "outputFolder");
    Objects.requireNonNull(seenMessages, "seenMessages");
    if (!Files.isDirectory(outputFolder)) {
      throw new IllegalArgumentException("the output folder " + outputFolder + " does not exist");
    }
    PackageGateway.Checked checked = gateway.check(packageFile);
    PackageHeader header = checked.header();
    ZipStructure structure = checked.structure();
    Instant now = clock.instant();
    try {
      try {
        // stage 3: recipient, then the entries' names and sizes
        stage3Entries(header, structure);
        try {
          // The entries' CRC-32 are compared before any outcome is returned and before any other
          // refusal is reported, so the result is the one of the pipeline run in order: a package
          // whose entries are damaged is refused at stage 3, whatever else. A package that opens
          // has them from the bytes read anyway (stage 6); any other outcome from a pass over the
          // file, on the calling thread.
          Optional<Resend> resend = stage3Rest(header, checked, now, seenMessages);
          if (resend.isPresent()) {
            return resend.get();
          }
          return stages4to6(header, structure, checked, now, outputFolder, messageFiles);
        } catch (PackageRejectedException e) {
          PackageGateway.compareCrcs(header, structure, structure.crcs());
          throw e;
        }
      } catch (PackageRejectedException e) {
        throw e.withPackage(header, checked.headerSha256());
      }
    } catch (IOException | UncheckedIOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "opening " + packageFile + " failed: " + e.getMessage(), e);
    }
  }

  private VerifiedPackage stages4to6(PackageHeader header, ZipStructure structure, PackageGateway.Checked checked, Instant now,
      Path outputFolder, boolean messageFiles) throws MlatTransportException, IOException {
    // stage 4
    boolean relayed = header.relayed();
    PartyId innerRecipient = relayed ? header.sender() : self;
    PartyId innerSender = relayed ? header.originalSender().get() : header.sender();
    byte[] sealed = structure.readSmall(structure.entry(ZipStructure.MESSAGE_ENTRY));
    // message.p7m is small: its digest is compared on the bytes read, before they are parsed
    PackageGateway.checkMessageDigest(header, sealed);
    CmsLimits cms = CmsLimits.defaults().withMaxMessageBytes(Math.max(limits.maxMessageBytes(), 1));
    Opener opener = new Opener(innerRecipient, new CmsDecryptor(policy, keyRing, cms),
        new CmsSignatureVerifier(policy, trust.asSignerTrust(), clock, cms, TimestampVerifier.builder(trust).clock(clock).build()));
    OpenedMessage opened;
    try {
      opened = opener.open(sealed, OpenExpectation.from(innerSender.jurisdiction()).withMessageId(header.messageId()));
    } catch (MlatCryptoException e) {
      throw stage4Failure(e);
    }
    // stage 5
    if (!opened.binding().sender().equals(innerSender)) {
      throw reject(TransportErrorCode.PACKAGE_BINDING_MISMATCH, PipelineStage.BINDING, "the message is signed as sent by "
          + opened.binding().sender() + ", the header names " + innerSender);
    }
    byte[] payload = opened.payload();
    MessageDocument document;
    try {
      document = MessageDocument.read(payload, json, limits.maxAttachments());
    } catch (StrictJson.Bad e) {
      throw reject(TransportErrorCode.PACKAGE_MESSAGE_INVALID, PipelineStage.BINDING, "message.json: " + e.getMessage());
    }
    LifecycleMessage message = document.message();
    var h = message.header();
    if (!h.messageId().equals(header.messageId()) || !h.requestId().equals(header.requestId())
        || message.messageType() != header.messageType() || !h.sender().equals(innerSender) || !h.recipient().equals(innerRecipient)) {
      throw reject(TransportErrorCode.PACKAGE_BINDING_MISMATCH, PipelineStage.BINDING,
          "message.json's message id, request id, type, sender or recipient differ from the header and the signed binding");
    }
    // stage 6
    return stage6(header, structure, document, checked, opened, payload, now, outputFolder, messageFiles);
  }

  /** Stage 3, first part: the recipient, and the entries' names and sizes against the header. */
  private void stage3Entries(PackageHeader header, ZipStructure structure) throws PackageRejectedException {
    if (!header.recipient().equals(self)) {
      throw reject(TransportErrorCode.PACKAGE_WRONG_RECIPIENT, PipelineStage.ENTRIES, "the package is for " + header.recipient()
          + ", this is " + self);
    }
    PackageGateway.checkEntries(header, structure);
  }

  /** Stage 3, second part: resend, then the validity period. */
  private Optional<Resend> stage3Rest(PackageHeader header, PackageGateway.Checked checked, Instant now, SeenMessageStore seen)
      throws MlatTransportException, IOException {
    Optional<SeenMessage> earlier = seen.find(header.messageId().toString());
    if (earlier.isPresent()) {
      PackageGateway.compareCrcs(header, checked.structure(), checked.structure().crcs());
      if (earlier.get().sameBytes(checked.headerSha256())) {
        return Optional.of(new Resend(header, earlier.get()));
      }
      throw reject(TransportErrorCode.PACKAGE_RESEND_CONFLICT, PipelineStage.ENTRIES, "message " + header.messageId()
          + " was received before with other bytes");
    }
    if (header.created().isAfter(now.plusSeconds(limits.maxClockSkewSeconds()))) {
      throw reject(TransportErrorCode.PACKAGE_NOT_YET_VALID, PipelineStage.ENTRIES, "the package was created at " + header.created()
          + ", after now (" + now + ") plus the allowed skew");
    }
    if (!header.expires().isAfter(now) || !header.expires().isAfter(header.created())) {
      throw reject(TransportErrorCode.PACKAGE_EXPIRED, PipelineStage.ENTRIES, "the package expired at " + header.expires());
    }
    return Optional.empty();
  }

  private static PackageRejectedException stage4Failure(MlatCryptoException e) {
    String code = e.errorCode().code();
    if (code.equals("SEAL_RECIPIENT_MISMATCH") || code.equals("SEAL_SENDER_MISMATCH") || code.equals("SEAL_MESSAGE_ID_MISMATCH")) {
      return new PackageRejectedException(TransportErrorCode.PACKAGE_BINDING_MISMATCH, PipelineStage.BINDING,
          "the signed binding does not match the header: " + e.getMessage(), e);
    }
    if (PackageGateway.isTrustFailure(e)) {
      return new PackageRejectedException(TransportErrorCode.PACKAGE_SIGNER_UNTRUSTED, PipelineStage.DECRYPTION,
          "the issuing authority's signature does not count for the sender: " + e.getMessage(), e);
    }
    if (code.equals("CMS_NO_MATCHING_RECIPIENT") || code.equals("CMS_AUTHENTICATION_FAILED") || code.equals("CMS_GCM_PARAMETERS_REFUSED")
        || code.equals("KEY_OPERATION_UNSUPPORTED")) {
      return new PackageRejectedException(TransportErrorCode.PACKAGE_DECRYPTION_FAILED, PipelineStage.DECRYPTION,
          "message.p7m could not be decrypted: " + e.getMessage(), e);
    }
    return new PackageRejectedException(TransportErrorCode.PACKAGE_SIGNATURE_INVALID, PipelineStage.DECRYPTION,
        "message.p7m is not a valid signed and encrypted message: " + e.getMessage(), e);
  }

  private VerifiedPackage stage6(PackageHeader header, ZipStructure structure, MessageDocument document, PackageGateway.Checked checked,
      OpenedMessage opened, byte[] payload, Instant now, Path outputFolder, boolean messageFiles)
      throws MlatTransportException, IOException {
    LifecycleMessage message = document.message();
    if (message instanceof RequestMessage request) {
      ValidationReport report = validator.validate(request.request(), requestLevel, Locale.ENGLISH);
      if (!report.isValid()) {
        var first = report.violations().get(0);
        throw reject(TransportErrorCode.PACKAGE_MESSAGE_INVALID, PipelineStage.CONTENT, "the request is not valid at the "
            + requestLevel + " level: " + report.violations().size() + " problems, first " + first.code().code() + " at $.message.request"
            + first.path().substring(1));
      }
    }
    List<ZipStructure.Entry> entries = structure.attachmentEntries();
    if (entries.size() != document.attachments().size()) {
      throw reject(TransportErrorCode.PACKAGE_ATTACHMENT_MISMATCH, PipelineStage.CONTENT, "the signed manifest lists "
          + document.attachments().size() + " attachments, the package holds " + entries.size());
    }
    Optional<String> mismatch = AttachmentReferences.mismatch(message, document.attachments());
    if (mismatch.isPresent()) {
      throw reject(TransportErrorCode.PACKAGE_ATTACHMENT_MISMATCH, PipelineStage.CONTENT, mismatch.get());
    }
    Path target = outputFolder.resolve(header.messageId().toString());
    if (!messageFiles && entries.isEmpty()) {
      // in memory, nothing to write: the end of stage 3 from the bytes read, as below
      VerifiedHeader verifiedHeader = checked.verified();
      compareEntryCrcs(header, structure, new HashMap<>());
      var report = new VerificationReport(verifiedHeader.headerSigner(), opened.signers(), header.relayed(), now);
      return new VerifiedPackage(header, message, List.of(), report, verifiedHeader.headerSha256(), structure.fileSize(),
          opened.signedData(), payload, null);
    }
    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "the output " + target
          + " exists already: an earlier delivery of this message id that the seen-id store does not know");
    }
    Path work = PackageFiles.createPrivateDirectory(quarantine.resolve(UUID.randomUUID().toString()));
    boolean moved = false;
    try {
      // no attachments: no attachments/ folder, and no segment engine (its thread pool asks the
      // system for the processors it may use)
      Path attachmentsFolder = entries.isEmpty() ? null : PackageFiles.createPrivateDirectory(work.resolve("attachments"));
      SegmentedDecryptor decryptor = entries.isEmpty() ? null : SegmentedDecryptor.builder().limits(segmentLimits).build();
      List<ReceivedAttachment> received = new ArrayList<>();
      List<ReceivedAttachment> finalList = new ArrayList<>();
      Path destination = outputFolder.resolve(header.messageId().toString());
      Map<String, Long> crcs = new HashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        ManifestEntry m = document.attachments().get(i);
        Path file = attachmentsFolder.resolve(m.id());
        ZipStructure.Entry entry = entries.get(i);
        try (ZipStructure.CheckedEntryStream in = structure.openChecked(entry)) {
          decryptor.open(m.segments(), m.key(), in, file);
          // the decryptor read the entry to its end (it refuses trailing data): its CRC-32 is known
          crcs.put(entry.name(), in.crc().isPresent() ? in.crc().getAsLong() : structure.crcOf(entry));
        } catch (MlatCryptoException e) {
          throw new PackageRejectedException(TransportErrorCode.PACKAGE_ATTACHMENT_MISMATCH, PipelineStage.CONTENT,
              "attachment " + m.id() + " does not match the signed manifest: " + e.getMessage(), e);
        }
        received.add(new ReceivedAttachment(m.id(), m.name(), m.mediaType(), m.size(), m.sha256(), file));
        finalList.add(new ReceivedAttachment(m.id(), m.name(), m.mediaType(), m.size(), m.sha256(),
            destination.resolve("attachments").resolve(m.id())));
      }
      if (messageFiles) {
        PackageFiles.writePrivate(work.resolve("message.json"), payload);
        PackageFiles.writePrivate(work.resolve("message.p7s"), opened.signedData());
      }
      // the end of stage 3, from the bytes read: nothing leaves the quarantine before it passed
      VerifiedHeader verifiedHeader = checked.verified();
      compareEntryCrcs(header, structure, crcs);
      try {
        Files.move(work, destination, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "the output " + destination
            + " exists already: an earlier delivery of this message id that the seen-id store does not know", e);
      } catch (AtomicMoveNotSupportedException e) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "the quarantine folder " + quarantine
            + " must be on the output folder's file system", e);
      }
      if (!Files.isDirectory(destination) || Files.exists(work)) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "moving the verified message to " + destination + " failed");
      }
      moved = true;
      var report = new VerificationReport(verifiedHeader.headerSigner(), opened.signers(), header.relayed(), now);
      return new VerifiedPackage(header, message, finalList, report, verifiedHeader.headerSha256(), structure.fileSize(),
          opened.signedData(), payload, destination);
    } finally {
      if (!moved) {
        PackageFiles.deleteQuietly(work);
      }
    }
  }

  /**
   * The end of stage 3: every entry's CRC-32 against the central directory, those of the
   * attachments from {@code crcs} (taken while decrypting them), the small entries' (mimetype,
   * message.p7m, header.json, header.p7s) from the bytes read.
   */
  private static void compareEntryCrcs(PackageHeader header, ZipStructure structure, Map<String, Long> crcs)
      throws IOException, PackageRejectedException {
    for (ZipStructure.Entry e : structure.entries()) {
      if (!crcs.containsKey(e.name())) {
        crcs.put(e.name(), structure.crcOf(e));
      }
    }
    PackageGateway.compareCrcs(header, structure, new ZipStructure.Crcs(crcs));
  }

  private static PackageRejectedException reject(TransportErrorCode code, PipelineStage stage, String message) {
    return new PackageRejectedException(code, stage, message);
  }

  /**
   * Configures a {@link PackageOpener}. Required: the quarantine folder. Not thread-safe.
   */
  public static final class Builder {
    private final PartyId self;
    private final KeyRing keyRing;
    private final TrustVerifier trust;
    private final SeenMessageStore seen;
    private Clock clock = Clock.systemUTC();
    private PackageLimits limits = PackageLimits.defaults();
    private SegmentLimits segmentLimits = SegmentLimits.defaults();
    private Path quarantine;
    private Level requestLevel = Level.ISSUED;

    private Builder(PartyId self, KeyRing keyRing, TrustVerifier trust, SeenMessageStore seen) {
      this.self = Objects.requireNonNull(self, "self");
      this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
      this.trust = Objects.requireNonNull(trust, "trust");
      this.seen = Objects.requireNonNull(seen, "seen");
    }

    /** The clock for expiry and signature checks (the trust verifier has its own); system UTC by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The package limits; {@link PackageLimits#defaults()} by default. */
    public Builder limits(PackageLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The attachment segment limits; {@link SegmentLimits#defaults()} by default. */
    public Builder segmentLimits(SegmentLimits limits) {
      this.segmentLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The quarantine folder (created owner-only if missing, on the output folder's file system),
     * used by this opener alone: everything in it is deleted when the opener is built.
     */
    public Builder quarantine(Path folder) {
      this.quarantine = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /** The validation level of a received request; {@link Level#ISSUED} by default. */
    public Builder requestLevel(Level level) {
      this.requestLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * The opener; deletes stale quarantine.
     *
     * @throws IllegalStateException when no quarantine folder was given
     * @throws UncheckedIOException when the quarantine folder cannot be created or cleaned
     */
    public PackageOpener build() {
      if (quarantine == null) {
        throw new IllegalStateException("a quarantine folder is required");
      }
      try {
        PackageFiles.createPrivateDirectories(quarantine);
        try (var stale = Files.list(quarantine)) {
          for (Path p : (Iterable<Path>) stale::iterator) {
            PackageFiles.deleteTree(p);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare the quarantine folder " + quarantine, e);
      }
      return new PackageOpener(this);
    }
  }
}
