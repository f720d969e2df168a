package dev.mlat.transport.pkg;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.DocumentType;
import dev.mlat.core.model.message.AdditionalInformation;
import dev.mlat.core.model.message.EvidenceItem;
import dev.mlat.core.model.message.EvidenceManifest;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.model.message.Response;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.AuthorityRole;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.SeenMessageStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The package tests' parties, generated once per JVM: FR (FR-MOJ-BEPI, the sample messages'
 * French central authority; FR-CA, a central authority registered as relay; FR-PROS, an executing
 * authority), DE (DE-BFJ) and US (US-DOJ), all ECDSA P-256, with one trust directory.
 */
public final class PackageFixture {
  public static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
  public static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();
  public static final TestPki FR = TestPki.builder(Jurisdiction.of("FR")).authority("FR-MOJ-BEPI")
      .authority("FR-CA", AuthorityRole.SIGN, AuthorityRole.RECEIVE, AuthorityRole.RELAY).authority("FR-PROS").clock(CLOCK).build();
  public static final TestPki DE = TestPki.builder(Jurisdiction.of("DE")).authority("DE-BFJ").clock(CLOCK).build();
  public static final TestPki US = TestPki.builder(Jurisdiction.of("US")).authority("US-DOJ").clock(CLOCK).build();
  public static final Path TRUST_FOLDER;
  public static final TrustVerifier TRUST;

  static {
    try {
      TRUST_FOLDER = Files.createTempDirectory("mlat-pkg-trust");
      for (var pki : List.of(FR, DE, US)) {
        pki.writeTo(TRUST_FOLDER);
      }
      TRUST = TrustVerifier.builder(TrustDirectory.load(TRUST_FOLDER)).clock(CLOCK).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MlatCryptoException e) {
      throw new IllegalStateException(e);
    }
  }

  private PackageFixture() {}

  public static PartyId party(String text) {
    try {
      return PartyId.parse(text);
    } catch (dev.mlat.core.MlatCoreException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static TestPki pki(PartyId party) {
    return switch (party.jurisdiction().code()) {
      case "FR" -> FR;
      case "DE" -> DE;
      case "US" -> US;
      default -> throw new IllegalArgumentException(party.toString());
    };
  }

  public static CmsSigner signer(PartyId party) {
    try {
      var credential = pki(party).authority(party.identifier()).signing();
      return CmsSigner.builder(POLICY, CLOCK)
          .signer(party.jurisdiction(), KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain()),
              pki(party).algorithm().signatureAlgorithm())
          .build();
    } catch (MlatCryptoException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyRing keyRing(PartyId party) {
    var credential = pki(party).authority(party.identifier()).encryption();
    return KeyRing.of(KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain()));
  }

  /** A sealer for the message's sender, resolving recipients in the trust directory. */
  public static PackageSealer sealer(PartyId issuer) {
    return PackageSealer.builder(POLICY, CLOCK).issuer(issuer, signer(issuer)).trust(TRUST).build();
  }

  public static PackageOpener opener(PartyId self, SeenMessageStore store, Path quarantine) {
    // the sample request is a realistic draft (one measure lacks its data description): the fixture
    // opens at the draft level; PackageOpenerTest.aRequestThatIsNotIssuedIsRefusedAtStage6 covers the default
    return PackageOpener.builder(self, keyRing(self), TRUST, store).clock(CLOCK).quarantine(quarantine)
        .requestLevel(dev.mlat.core.validation.Level.DRAFT).build();
  }

  public static PackageOpener opener(PartyId self, Path quarantine) {
    return opener(self, new InMemorySeenMessageStore(), quarantine);
  }

  /**
   * Damages one entry in place: flips one bit of its bytes at {@code index} in a copy of the file
   * ({@code out} must not exist), leaving every ZIP record (and so the recorded CRC-32) as it was:
   * what a bad disk or a broken transfer does, and what a keyless gateway can see.
   */
  public static java.nio.file.Path damage(java.nio.file.Path in, java.nio.file.Path out, String name, long index)
      throws java.io.IOException, PackageRejectedException {
    java.nio.file.Files.copy(in, out);
    var entry = dev.mlat.transport.pkg.internal.ZipStructure.read(out, PackageLimits.defaults()).entry(name);
    if (index < 0 || index >= entry.size()) {
      throw new IllegalArgumentException(name + " has " + entry.size() + " bytes, no byte " + index);
    }
    try (var channel = java.nio.channels.FileChannel.open(out, java.nio.file.StandardOpenOption.READ,
        java.nio.file.StandardOpenOption.WRITE)) {
      var one = java.nio.ByteBuffer.allocate(1);
      channel.read(one, entry.dataOffset() + index);
      one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
      channel.write(one, entry.dataOffset() + index);
    }
    return out;
  }

  /**
   * Changes the CRC-32 that both ZIP records of entry {@code name} state (its local header and its
   * central directory record, so that they still agree) in a copy of the file ({@code out} must not
   * exist), leaving the entry's bytes as they were: only a comparison of the bytes with their
   * recorded CRC-32 can tell.
   */
  public static java.nio.file.Path recordedCrcChanged(java.nio.file.Path in, java.nio.file.Path out, String name)
      throws java.io.IOException {
    byte[] zip = java.nio.file.Files.readAllBytes(in);
    long local;
    try (var z = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(in).get()) {
      local = z.getEntry(name).getLocalHeaderOffset();
    }
    zip[(int) local + 14] ^= 0x01;
    byte[] raw = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    var b = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int changed = 0;
    for (int i = 0; i + 46 + raw.length <= zip.length; i++) {
      if (b.getInt(i) == 0x02014b50 && Short.toUnsignedInt(b.getShort(i + 28)) == raw.length
          && java.util.Arrays.equals(zip, i + 46, i + 46 + raw.length, raw, 0, raw.length) && b.getInt(i + 42) == (int) local) {
        zip[i + 16] ^= 0x01;
        changed++;
      }
    }
    if (changed != 1) {
      throw new IllegalStateException(changed + " central directory records found for " + name);
    }
    return java.nio.file.Files.write(out, zip, java.nio.file.StandardOpenOption.CREATE_NEW);
  }

  /** How header.json lists an entry of these bytes (format version 2: a SHA-256 for message.p7m only). */
  public static HeaderEntry listed(String name, byte[] bytes) {
    return name.equals(HeaderEntry.MESSAGE_ENTRY) ? HeaderEntry.message(bytes.length, sha256(bytes))
        : HeaderEntry.attachment(name, bytes.length);
  }

  /** A package's header digest (its identity): the SHA-256 of its header.json entry, read with the JDK's ZIP reader. */
  public static String headerSha256(java.nio.file.Path pkg) throws java.io.IOException {
    try (var zip = new java.util.zip.ZipFile(pkg.toFile())) {
      try (var in = zip.getInputStream(zip.getEntry("header.json"))) {
        return sha256(in.readAllBytes());
      }
    }
  }

  /** Deterministic pseudo-random bytes. */
  public static byte[] bytes(int length, long seed) {
    byte[] b = new byte[length];
    new Random(seed).nextBytes(b);
    return b;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A message with its attachments: the message refers to them where its type has references. */
  public record Sample(LifecycleMessage message, List<AttachmentSource> sources, List<byte[]> contents) {}

  /** {@code message} with {@code contents} as its attachments (ids A1, A2, ... or E1, E2, ... for evidence). */
  public static Sample withAttachments(LifecycleMessage message, List<byte[]> contents) {
    boolean evidence = message instanceof Response;
    List<AttachmentSource> sources = new ArrayList<>();
    List<Attachment> refs = new ArrayList<>();
    List<EvidenceItem> items = new ArrayList<>();
    for (int i = 0; i < contents.size(); i++) {
      byte[] c = contents.get(i);
      String id = (evidence ? "E" : "A") + (i + 1);
      String mediaType = i % 2 == 0 ? "application/pdf" : "text/plain";
      sources.add(AttachmentSource.ofStream(id, "document-" + (i + 1) + (i % 2 == 0 ? ".pdf" : ".txt"), mediaType,
          () -> new ByteArrayInputStream(c)));
      refs.add(new Attachment(id, DocumentType.COURT_ORDER, mediaType, c.length, sha256(c), Optional.of("fr"),
          Optional.of("document " + (i + 1)), Optional.empty()));
      items.add(new EvidenceItem(id, "evidence item " + (i + 1), mediaType, c.length, sha256(c), List.of()));
    }
    LifecycleMessage m = message;
    if (message instanceof RequestMessage r) {
      m = new RequestMessage(r.header(), r.request().toBuilder().attachments(refs).build());
    } else if (message instanceof AdditionalInformation a) {
      m = new AdditionalInformation(a.header(), a.inReplyTo(), a.text(), refs);
    } else if (message instanceof Response r) {
      m = new Response(r.header(), r.kind(), new EvidenceManifest(items, r.manifest().note()), r.note());
    }
    return new Sample(m, sources, contents);
  }
}
