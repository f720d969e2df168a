package dev.mlat.transport.pkg;

import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsEncryptor;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.crypto.cms.EncryptionRecipient;
import dev.mlat.crypto.seal.SealBinding;
import dev.mlat.crypto.seal.Sealer;
import dev.mlat.crypto.segment.AttachmentKey;
import dev.mlat.crypto.segment.SegmentManifest;
import dev.mlat.crypto.segment.SegmentedEncryptor;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.pkg.internal.AttachmentReferences;
import dev.mlat.transport.pkg.internal.HeaderJson;
import dev.mlat.transport.pkg.internal.ManifestEntry;
import dev.mlat.transport.pkg.internal.MessageDocument;
import dev.mlat.transport.pkg.internal.PackageFiles;
import dev.mlat.transport.pkg.internal.PackageWriter;
import dev.mlat.transport.pkg.internal.ZipStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Seals a lifecycle message and its attachments into a package (docs/FORMAT.md): each attachment
 * is encrypted in segments under a fresh attachment key, the message and the attachment manifest
 * (with those keys) are signed by the issuing authority and encrypted for the recipient
 * (message.p7m), and header.json, listing every entry with its size and SHA-256, is signed by the
 * sending authority (header.p7s). Memory does not depend on attachment sizes; the package is
 * written to a temporary file beside the target and moved into place when complete.
 *
 * <pre>{@code
 * PackageSealer sealer = PackageSealer.builder(policy, clock)
 *     .issuer(PartyId.parse("FR:FR-MOJ"), issuerSigner)       // signs message.json (inside)
 *     .trust(trustVerifier)                                  // finds the recipient's encryption certificate
 *     .build();
 * SealedPackage sealed = sealer.seal(message, List.of(AttachmentSource.ofFile("A1", order, "application/pdf")),
 *     Path.of("out/" + message.header().messageId() + ".mlat"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PackageSealer {
  private final Clock clock;
  private final AlgorithmPolicy policy;
  private final PartyId issuer;
  private final CmsSigner issuerSigner;
  private final PartyId transportParty;
  private final CmsSigner transportSigner;
  private final TrustVerifier trust;
  private final Map<PartyId, X509Certificate> recipientCertificates;
  private final List<EncryptionRecipient> alsoEncryptFor;
  private final Duration validity;
  private final int segmentSize;
  private final Path temporaryFolder;
  private final MlatJson json;
  private final SecureRandom random = new SecureRandom();

  private PackageSealer(Builder b) {
    this.clock = b.clock;
    this.policy = b.policy;
    this.issuer = b.issuer;
    this.issuerSigner = b.issuerSigner;
    this.transportParty = b.transportParty == null ? b.issuer : b.transportParty;
    this.transportSigner = b.transportSigner == null ? b.issuerSigner : b.transportSigner;
    this.trust = b.trust;
    this.recipientCertificates = Map.copyOf(b.recipientCertificates);
    this.alsoEncryptFor = List.copyOf(b.alsoEncryptFor);
    this.validity = b.validity;
    this.segmentSize = b.segmentSize;
    this.temporaryFolder = b.temporaryFolder;
    this.json = MlatJson.strict();
  }

  /** A builder under {@code policy} with times from {@code clock}. */
  public static Builder builder(AlgorithmPolicy policy, Clock clock) {
    return new Builder(policy, clock);
  }

  /**
   * Seals {@code message} with {@code attachments} into {@code target} (which must not exist).
   *
   * @throws IllegalArgumentException when the message is not from the issuer, attachment ids repeat,
   *     or the attachments do not match what the message refers to (ids, media types, sizes, SHA-256)
   * @throws MlatCryptoException when the recipient's certificate is not trusted, or signing or encryption fails
   * @throws IOException when reading an attachment or writing fails; nothing is left at {@code target}
   */
  public SealedPackage seal(LifecycleMessage message, List<AttachmentSource> attachments, Path target)
      throws MlatCryptoException, IOException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(attachments, "attachments");
    Objects.requireNonNull(target, "target");
    if (!message.header().sender().equals(issuer)) {
      throw new IllegalArgumentException("the message is from " + message.header().sender() + ", this sealer signs for " + issuer);
    }
    Set<String> ids = new HashSet<>();
    for (AttachmentSource a : attachments) {
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException("attachment id " + a.id() + " is given twice");
      }
    }
    CmsEncryptor encryptor = encryptorFor(message.header().recipient());
    return write(target, attachments.isEmpty(), (writer, now) -> {
      List<ManifestEntry> manifest = new ArrayList<>();
      List<HeaderEntry> entries = new ArrayList<>();
      SegmentedEncryptor segments = attachments.isEmpty() ? null
          : SegmentedEncryptor.builder().segmentSize(segmentSize).random(random).build();
      for (int i = 0; i < attachments.size(); i++) {
        AttachmentSource a = attachments.get(i);
        String entry = MessageDocument.entryName(i);
        AttachmentKey key = AttachmentKey.generate(random);
        SegmentManifest[] sealed = new SegmentManifest[1];
        long size;
        try (InputStream in = a.open()) {
          size = writer.entry(entry, out -> sealed[0] = segments.seal(key, in, out));
        }
        manifest.add(new ManifestEntry(a.id(), entry, a.name(), a.mediaType(), sealed[0], key));
        entries.add(HeaderEntry.attachment(entry, size));
      }
      AttachmentReferences.mismatch(message, manifest).ifPresent(why -> {
        throw new IllegalArgumentException("the attachments do not match the message: " + why);
      });
      byte[] document = new MessageDocument(message, manifest).write(json);
      byte[] sealedMessage = new Sealer(issuerSigner).seal(
          new SealBinding(message.header().sender(), message.header().recipient(), message.header().messageId()),
          document, encryptor).bytes();
      entries.add(messageEntry(writer, sealedMessage));
      return new PackageHeader(PackageHeader.FORMAT_VERSION, message.header().messageId(), message.messageType(),
          message.header().requestId(), message.header().sender(), message.header().recipient(), Optional.empty(), now,
          now.plus(validity), entries);
    });
  }

  /**
   * Seals into {@code out}: the package is built in a temporary file of the temporary folder and
   * copied; {@code out} is not closed.
   *
   * @throws IllegalArgumentException as {@link #seal(LifecycleMessage, List, Path)}
   * @throws MlatCryptoException as {@link #seal(LifecycleMessage, List, Path)}
   * @throws IOException when writing fails
   */
  public SealedPackage seal(LifecycleMessage message, List<AttachmentSource> attachments, OutputStream out)
      throws MlatCryptoException, IOException {
    Objects.requireNonNull(out, "out");
    Path folder = Files.createTempDirectory(temporaryFolder, "mlat-seal");
    try {
      Path file = folder.resolve("package.mlat");
      SealedPackage sealed = seal(message, attachments, file);
      Files.copy(file, out);
      return sealed;
    } finally {
      PackageFiles.deleteQuietly(folder);
    }
  }

  /**
   * Relays a package this party opened as the inner recipient (DESIGN "Relays") to a domestic
   * executing authority {@code to}: the new package's message.p7m is the unchanged inner signed
   * message of {@code opened}, encrypted for {@code to}; its attachment entries are copied from
   * {@code originalPackage} (the attachments stay encrypted under their keys, which travel in the
   * signed message); the header names this sealer's sending party as sender, {@code to} as
   * recipient and the issuing authority as {@code originalSender}, signed by the sending party,
   * which the trust directory must register with the relay role.
   *
   * @throws IllegalArgumentException when this sealer's sending party is not the opened package's
   *     recipient, {@code to} is of another jurisdiction, or the original package's entries are not
   *     the opened ones
   * @throws MlatCryptoException when {@code to}'s certificate is not trusted, or signing or encryption fails
   * @throws IOException when reading or writing fails
   */
  public SealedPackage relay(VerifiedPackage opened, Path originalPackage, PartyId to, Path target)
      throws MlatCryptoException, IOException {
    Objects.requireNonNull(opened, "opened");
    Objects.requireNonNull(originalPackage, "originalPackage");
    Objects.requireNonNull(to, "to");
    PackageHeader original = opened.header();
    if (!original.recipient().equals(transportParty)) {
      throw new IllegalArgumentException("the package was opened by " + original.recipient() + ", this sealer sends as " + transportParty);
    }
    if (!to.jurisdiction().equals(transportParty.jurisdiction())) {
      throw new IllegalArgumentException("a relay forwards within its own jurisdiction " + transportParty.jurisdiction() + ", not to " + to);
    }
    ZipStructure source;
    try {
      source = ZipStructure.read(originalPackage, PackageLimits.defaults());
    } catch (PackageRejectedException e) {
      throw new IllegalArgumentException("the original package is not a valid package: " + e.getMessage(), e);
    }
    List<HeaderEntry> originalAttachments = original.entries().subList(0, original.entries().size() - 1);
    List<ZipStructure.Entry> sourceAttachments = source.attachmentEntries();
    if (sourceAttachments.size() != originalAttachments.size() || !headerSha256(source).equals(opened.headerSha256())) {
      throw new IllegalArgumentException("the original package is not the one that was opened (another header)");
    }
    CmsEncryptor encryptor = encryptorFor(to);
    return write(target, false, (writer, now) -> {
      List<HeaderEntry> entries = new ArrayList<>();
      for (int i = 0; i < sourceAttachments.size(); i++) {
        ZipStructure.Entry e = sourceAttachments.get(i);
        CRC32 crc = new CRC32();
        long size;
        try (InputStream in = new CheckedInputStream(source.open(e), crc)) {
          size = writer.entry(e.name(), in);
        }
        HeaderEntry expected = originalAttachments.get(i);
        if (!expected.name().equals(e.name()) || expected.size() != size || crc.getValue() != e.crc()) {
          throw new IllegalArgumentException("the original package's entry " + e.name() + " is not the one that was opened"
              + " (its size or CRC-32 differs)");
        }
        entries.add(HeaderEntry.attachment(e.name(), size));
      }
      entries.add(messageEntry(writer, encryptor.encrypt(opened.signedMessage())));
      return new PackageHeader(PackageHeader.FORMAT_VERSION, original.messageId(), original.messageType(), original.requestId(),
          transportParty, to, Optional.of(opened.message().header().sender()), now, now.plus(validity), entries);
    });
  }

  @FunctionalInterface
  private interface Body {
    PackageHeader write(PackageWriter writer, Instant now) throws MlatCryptoException, IOException;
  }

  /**
   * Writes the package into a temporary file beside {@code target} and moves it there. A package
   * whose entries are all {@code small} (held in memory: no attachments) is assembled in memory and
   * written in one call; its bytes are the same.
   */
  private SealedPackage write(Path target, boolean small, Body body) throws MlatCryptoException, IOException {
    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("the target " + target + " exists already");
    }
    Path parent = target.toAbsolutePath().getParent();
    Path temporary = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    boolean done = false;
    try {
      Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      PackageHeader header;
      byte[] headerBytes;
      byte[] inMemory = null;
      try (PackageWriter writer = small ? PackageWriter.inMemory(now) : new PackageWriter(temporary, now)) {
        writer.mimetype();
        header = body.write(writer, now);
        headerBytes = HeaderJson.write(header);
        byte[] signature = transportSigner.sign(headerBytes, Encapsulation.DETACHED);
        writer.entry(ZipStructure.HEADER_ENTRY, headerBytes);
        writer.entry(ZipStructure.SIGNATURE_ENTRY, signature);
        writer.finish();
        if (small) {
          inMemory = writer.bytes();
        }
      }
      if (inMemory != null) {
        // one write call (Files.write would write through a stream in 8 KiB pieces)
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(inMemory);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        }
      }
      // the package's identity is its header digest: no pass over the whole file (docs/FORMAT.md)
      String sha256 = PackageFiles.sha256Hex(headerBytes);
      long size = inMemory != null ? inMemory.length : Files.size(temporary);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      return new SealedPackage(header.messageId(), header.messageType(), sha256, size, header);
    } finally {
      if (!done) {
        PackageFiles.deleteQuietly(temporary);
      }
    }
  }

  /** Writes message.p7m and lists it with its SHA-256, taken over the bytes held. */
  private static HeaderEntry messageEntry(PackageWriter writer, byte[] sealedMessage) throws IOException {
    return HeaderEntry.message(writer.entry(ZipStructure.MESSAGE_ENTRY, sealedMessage), PackageFiles.sha256Hex(sealedMessage));
  }

  /** The header digest of a package whose structure was read. */
  private static String headerSha256(ZipStructure structure) throws IOException {
    return PackageFiles.sha256Hex(structure.readSmall(structure.entry(ZipStructure.HEADER_ENTRY)));
  }

  private CmsEncryptor encryptorFor(PartyId recipient) throws MlatCryptoException {
    X509Certificate certificate = recipientCertificates.get(recipient);
    if (certificate == null) {
      if (trust == null) {
        throw new IllegalStateException("no encryption certificate for " + recipient
            + ": give the sealer recipientCertificate(...) or trust(...)");
      }
      certificate = trust.verifyRecipient(recipient).certificate();
    } else if (trust != null) {
      trust.verifyRecipient(recipient.jurisdiction(), certificate, List.of());
    }
    var builder = CmsEncryptor.builder(policy).recipient(EncryptionRecipient.of(recipient.jurisdiction(), certificate));
    for (EncryptionRecipient extra : alsoEncryptFor) {
      builder.recipient(extra);
    }
    return builder.build();
  }

  /**
   * Configures a {@link PackageSealer}. Required: {@link #issuer}. Recipients are resolved through
   * {@link #trust} or given with {@link #recipientCertificate}. Not thread-safe.
   */
  public static final class Builder {
    private final AlgorithmPolicy policy;
    private final Clock clock;
    private PartyId issuer;
    private CmsSigner issuerSigner;
    private PartyId transportParty;
    private CmsSigner transportSigner;
    private TrustVerifier trust;
    private final Map<PartyId, X509Certificate> recipientCertificates = new LinkedHashMap<>();
    private final List<EncryptionRecipient> alsoEncryptFor = new ArrayList<>();
    private Duration validity = Duration.ofDays(30);
    private int segmentSize = SegmentedEncryptor.DEFAULT_SEGMENT_SIZE;
    private Path temporaryFolder = Path.of(System.getProperty("java.io.tmpdir"));

    private Builder(AlgorithmPolicy policy, Clock clock) {
      this.policy = Objects.requireNonNull(policy, "policy");
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The issuing authority (the messages' sender) and its signer, which signs message.json. */
    public Builder issuer(PartyId party, CmsSigner signer) {
      this.issuer = Objects.requireNonNull(party, "party");
      this.issuerSigner = Objects.requireNonNull(signer, "signer");
      return this;
    }

    /**
     * The sending authority that signs header.p7s when it is not the issuer (an authority of the
     * same jurisdiction registered to sign, for example the central authority); for
     * {@link #relay}, the relay itself.
     */
    public Builder sendingAuthority(PartyId party, CmsSigner signer) {
      this.transportParty = Objects.requireNonNull(party, "party");
      this.transportSigner = Objects.requireNonNull(signer, "signer");
      return this;
    }

    /** Resolves (and checks) recipients' encryption certificates in the trust directory. */
    public Builder trust(TrustVerifier verifier) {
      this.trust = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /** Encrypts for {@code certificate} when sealing for {@code recipient} (checked by {@link #trust} when set). */
    public Builder recipientCertificate(PartyId recipient, X509Certificate certificate) {
      recipientCertificates.put(Objects.requireNonNull(recipient, "recipient"), Objects.requireNonNull(certificate, "certificate"));
      return this;
    }

    /** Also encrypts message.p7m for {@code recipient} (for example the sender's own archive key). */
    public Builder alsoEncryptFor(EncryptionRecipient recipient) {
      alsoEncryptFor.add(Objects.requireNonNull(recipient, "recipient"));
      return this;
    }

    /** How long after sealing a package may be opened (header {@code expires}); 30 days by default, 1 minute to 1 year. */
    public Builder validity(Duration validity) {
      if (validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(Duration.ofDays(366)) > 0) {
        throw new IllegalArgumentException("validity must be 1 minute to 1 year, not " + validity);
      }
      this.validity = validity;
      return this;
    }

    /** The attachments' segment size (docs/SEGMENTS.md); 256 KiB by default. */
    public Builder segmentSize(int bytes) {
      SegmentedEncryptor.builder().segmentSize(bytes);
      this.segmentSize = bytes;
      return this;
    }

    /** Where {@link #seal(LifecycleMessage, List, OutputStream)} builds the package; the JVM's temporary folder by default. */
    public Builder temporaryFolder(Path folder) {
      this.temporaryFolder = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /** The sealer. @throws IllegalStateException when no issuer was given */
    public PackageSealer build() {
      if (issuer == null) {
        throw new IllegalStateException("an issuer (party and signer) is required");
      }
      return new PackageSealer(this);
    }
  }
}
