package dev.mlat.transport.pkg;

import static dev.mlat.transport.pkg.PackageFixture.CLOCK;
import static dev.mlat.transport.pkg.PackageFixture.bytes;
import static dev.mlat.transport.pkg.PackageFixture.opener;
import static dev.mlat.transport.pkg.PackageFixture.party;
import static dev.mlat.transport.pkg.PackageFixture.sealer;
import static dev.mlat.transport.pkg.PackageFixture.signer;
import static dev.mlat.transport.pkg.PackageFixture.withAttachments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.MessageType;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.TransportErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PackageOpenerTest {
  static final PartyId FR_MOJ = party("FR:FR-MOJ-BEPI");
  static final PartyId DE_BFJ = party("DE:DE-BFJ");

  @TempDir
  Path dir;

  static Stream<Arguments> everyTypeWithZeroOneAndSeveralAttachments() {
    List<Arguments> out = new ArrayList<>();
    for (LifecycleMessage m : SampleMessages.oneOfEach()) {
      for (int n : new int[] {0, 1, 3}) {
        out.add(Arguments.of(m.messageType().wireName(), n, m));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} with {1} attachments")
  @MethodSource("everyTypeWithZeroOneAndSeveralAttachments")
  void everyMessageTypeRoundTrips(String type, int count, LifecycleMessage sample) throws Exception {
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      contents.add(bytes(i == 1 ? 300_000 : 1000 + i, i));
    }
    var s = withAttachments(sample, contents);
    PartyId from = s.message().header().sender();
    PartyId to = s.message().header().recipient();
    Path file = dir.resolve("p.mlat");
    SealedPackage sealed = sealer(from).seal(s.message(), s.sources(), file);
    assertThat(sealed.headerSha256()).isEqualTo(PackageFixture.headerSha256(file));

    Path out = Files.createDirectory(dir.resolve("out"));
    OpenResult result = opener(to, dir.resolve("q")).open(file, out);
    assertThat(result).isInstanceOf(VerifiedPackage.class);
    VerifiedPackage v = (VerifiedPackage) result;
    assertThat(v.message()).isEqualTo(s.message());
    assertThat(v.headerSha256()).isEqualTo(sealed.headerSha256());
    assertThat(v.header()).isEqualTo(sealed.header());
    assertThat(v.attachments()).hasSize(count);
    // the attachments/ folder only when there are attachments (docs/FORMAT.md, "Release")
    assertThat(Files.isDirectory(v.folder().resolve("attachments"))).isEqualTo(count > 0);
    assertThat(Files.exists(v.folder().resolve("attachments"))).isEqualTo(count > 0);
    for (int i = 0; i < count; i++) {
      assertThat(Files.readAllBytes(v.attachments().get(i).file())).isEqualTo(contents.get(i));
      assertThat(v.attachments().get(i).id()).isEqualTo(s.sources().get(i).id());
    }
    assertThat(MlatJson.strict().readMessage(readMessageOf(v))).isEqualTo(s.message());
    assertThat(v.report().issuerSigners()).hasSize(1);
    assertThat(v.report().headerSigner().authority()).contains(from);
    assertThat(Files.list(dir.resolve("q"))).isEmpty();
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(v.folder())).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
      assertThat(Files.getPosixFilePermissions(v.folder().resolve("message.json")))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
    assertThat(v.payload()).isEqualTo(Files.readAllBytes(v.folder().resolve("message.json")));
    assertThat(v.signedMessage()).isEqualTo(Files.readAllBytes(v.folder().resolve("message.p7s")));
    assertThat(v.files()).contains(v.folder());

    // the same package opened in memory: the same result, only the attachments written
    Path out2 = Files.createDirectory(dir.resolve("out2"));
    VerifiedPackage m = (VerifiedPackage) opener(to, dir.resolve("q")).openInMemory(file, out2, new InMemorySeenMessageStore());
    assertThat(m.message()).isEqualTo(v.message());
    assertThat(m.header()).isEqualTo(v.header());
    assertThat(m.headerSha256()).isEqualTo(v.headerSha256());
    assertThat(m.payload()).isEqualTo(v.payload());
    assertThat(m.signedMessage()).isEqualTo(v.signedMessage());
    assertThat(m.report().issuerSigners()).isEqualTo(v.report().issuerSigners());
    assertThat(m.attachments()).hasSize(count);
    assertThat(Files.list(dir.resolve("q"))).isEmpty();
    if (count == 0) {
      assertThat(m.files()).isEmpty();
      assertThat(Files.list(out2)).as("nothing written").isEmpty();
      assertThatThrownBy(m::folder).isInstanceOf(IllegalStateException.class);
    } else {
      Path folder = out2.resolve(s.message().header().messageId().toString());
      assertThat(m.files()).contains(folder);
      try (Stream<Path> written = Files.list(folder)) {
        assertThat(written.map(p -> p.getFileName().toString())).containsExactly("attachments");
      }
      for (int i = 0; i < count; i++) {
        assertThat(m.attachments().get(i).file()).isEqualTo(folder.resolve("attachments").resolve(s.sources().get(i).id()));
        assertThat(Files.readAllBytes(m.attachments().get(i).file())).isEqualTo(contents.get(i));
      }
    }
  }

  private static byte[] readMessageOf(VerifiedPackage v) throws Exception {
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(v.folder().resolve("message.json").toFile());
    return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(tree.get("message"));
  }

  // ---------------------------------------------------------------- the rules, one test each

  private Path sealedRequest() throws Exception {
    var s = withAttachments(SampleMessages.request(), List.of(bytes(5000, 1), bytes(70_000, 2)));
    Path file = dir.resolve("good.mlat");
    if (!Files.exists(file)) {
      sealer(FR_MOJ).seal(s.message(), s.sources(), file);
    }
    return file;
  }

  private void assertRejected(Path file, PartyId self, TransportErrorCode code, PipelineStage stage) throws Exception {
    assertRejected(file, opener(self, dir.resolve("q")), code, stage);
  }

  private void assertRejected(Path file, PackageOpener opener, TransportErrorCode code, PipelineStage stage) throws Exception {
    Path out = dir.resolve("out-" + UUID.randomUUID());
    Files.createDirectory(out);
    assertThatThrownBy(() -> opener.open(file, out))
        .isInstanceOfSatisfying(PackageRejectedException.class, e -> {
          assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
          assertThat(e.stage()).as(e.getMessage()).isEqualTo(stage);
        });
    assertThat(Files.list(out)).as("no output").isEmpty();
    // opened in memory, the same refusal at the same stage, and nothing written either
    assertThatThrownBy(() -> opener.openInMemory(file, out))
        .isInstanceOfSatisfying(PackageRejectedException.class, e -> {
          assertThat(e.errorCode()).as("in memory: " + e.getMessage()).isEqualTo(code);
          assertThat(e.stage()).as("in memory: " + e.getMessage()).isEqualTo(stage);
        });
    assertThat(Files.list(out)).as("no output in memory").isEmpty();
    if (Files.exists(dir.resolve("q"))) {
      assertThat(Files.list(dir.resolve("q"))).as("no quarantine left").isEmpty();
    }
  }

  @Test
  void aTamperedHeaderIsRefusedAtStage2() throws Exception {
    Path bad = PackageSurgery.replace(sealedRequest(), dir.resolve("bad.mlat"), "header.json",
        b -> new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("\"expires\" : \"2", "\"expires\" : \"3")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_HEADER_SIGNATURE_INVALID, PipelineStage.HEADER_SIGNATURE);
  }

  @Test
  void aTamperedEntryIsRefusedAtStage3() throws Exception {
    // message.p7m altered with its ZIP CRC made right: its SHA-256 in the signed header catches it
    Path bad = PackageSurgery.replace(sealedRequest(), dir.resolve("bad.mlat"), "message.p7m", b -> PackageSurgery.flip(b, b.length / 2));
    assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_ENTRY_MISMATCH, PipelineStage.ENTRIES);
    // an attachment damaged (its ZIP CRC no longer matches): stage 3, before any decryption
    Path bad2 = PackageSurgery.damage(sealedRequest(), dir.resolve("bad2.mlat"), "attachments/2", 100);
    assertRejected(bad2, DE_BFJ, TransportErrorCode.PACKAGE_ENTRY_MISMATCH, PipelineStage.ENTRIES);
  }

  @Test
  void anAttachmentAlteredWithItsCrcMadeRightIsRefusedByItsSegmentTagsAtStage6() throws Exception {
    // format 2 lists no attachment digest in the header: the signed manifest's GCM tags bind it
    Path bad = PackageSurgery.replace(sealedRequest(), dir.resolve("bad.mlat"), "attachments/2", b -> PackageSurgery.flip(b, 100));
    assertThat(new PackageGateway(PackageFixture.TRUST, CLOCK, PackageLimits.defaults()).verifyHeader(bad).header().sender())
        .as("a keyless gateway cannot see it").isEqualTo(FR_MOJ);
    Path out = Files.createDirectory(dir.resolve("out-altered"));
    assertThatThrownBy(() -> opener(DE_BFJ, dir.resolve("q")).open(bad, out)).isInstanceOfSatisfying(PackageRejectedException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(TransportErrorCode.PACKAGE_ATTACHMENT_MISMATCH);
      assertThat(e.stage()).isEqualTo(PipelineStage.CONTENT);
      assertThat(e.detail()).map(dev.mlat.core.ErrorCode::code).contains("SEGMENT_AUTHENTICATION_FAILED");
    });
    assertThat(Files.list(out)).as("nothing released").isEmpty();
  }

  @Test
  void aPackageForSomeoneElseIsRefusedAtStage3() throws Exception {
    assertRejected(sealedRequest(), party("FR:FR-PROS"), TransportErrorCode.PACKAGE_WRONG_RECIPIENT, PipelineStage.ENTRIES);
  }

  @Test
  void aSignerOfAnotherJurisdictionIsRefusedAtStage4() throws Exception {
    var s = withAttachments(SampleMessages.request(), List.of());
    Path file = dir.resolve("us-signed.mlat");
    PackageSealer.builder(PackageFixture.POLICY, CLOCK).issuer(FR_MOJ, signer(party("US:US-DOJ")))
        .sendingAuthority(FR_MOJ, signer(FR_MOJ)).trust(PackageFixture.TRUST).build().seal(s.message(), s.sources(), file);
    Path out = Files.createDirectory(dir.resolve("o"));
    assertThatThrownBy(() -> opener(DE_BFJ, dir.resolve("q")).open(file, out))
        .isInstanceOfSatisfying(PackageRejectedException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(TransportErrorCode.PACKAGE_SIGNER_UNTRUSTED);
          assertThat(e.stage()).isEqualTo(PipelineStage.DECRYPTION);
          assertThat(e.detail().map(c -> c.code())).contains("CERTIFICATE_WRONG_JURISDICTION");
        });
  }

  @Test
  void anExpiredPackageIsRefusedAtStage3() throws Exception {
    var s = withAttachments(SampleMessages.request(), List.of());
    Path file = dir.resolve("short.mlat");
    PackageSealer.builder(PackageFixture.POLICY, CLOCK).issuer(FR_MOJ, signer(FR_MOJ)).trust(PackageFixture.TRUST)
        .validity(Duration.ofMinutes(1)).build().seal(s.message(), s.sources(), file);
    var later = Clock.fixed(CLOCK.instant().plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
    var opener = PackageOpener.builder(DE_BFJ, PackageFixture.keyRing(DE_BFJ), PackageFixture.TRUST, new InMemorySeenMessageStore())
        .clock(later).quarantine(dir.resolve("q")).requestLevel(dev.mlat.core.validation.Level.DRAFT).build();
    assertRejected(file, opener, TransportErrorCode.PACKAGE_EXPIRED, PipelineStage.ENTRIES);
  }

  @Test
  void aResendIsAnsweredWithTheStoredReceiptAndAConflictingOneIsRefused() throws Exception {
    Path file = sealedRequest();
    var store = new InMemorySeenMessageStore();
    var opener = opener(DE_BFJ, store, dir.resolve("q"));
    Path out = Files.createDirectory(dir.resolve("o"));
    var first = (VerifiedPackage) opener.open(file, out);
    byte[] receipt = {1, 2, 3};
    store.recordIfAbsent(new SeenMessage(first.header().messageId().toString(), first.headerSha256(), receipt, CLOCK.instant()));
    OpenResult again = opener.open(file, out);
    assertThat(again).isInstanceOf(Resend.class);
    assertThat(((Resend) again).receipt()).isEqualTo(receipt);

    // the same message id sealed again: other bytes
    var s = withAttachments(SampleMessages.request(), List.of(bytes(5000, 1), bytes(70_000, 2)));
    Path other = dir.resolve("other.mlat");
    sealer(FR_MOJ).seal(s.message(), s.sources(), other);
    assertRejected(other, opener, TransportErrorCode.PACKAGE_RESEND_CONFLICT, PipelineStage.ENTRIES);
  }

  @Test
  void aHeaderThatDiffersFromTheSignedMessageIsRefusedAtStage5() throws Exception {
    Path file = sealedRequest();
    Path bad = PackageSurgery.resignHeader(file, dir.resolve("bad.mlat"), h -> new PackageHeader(h.formatVersion(), h.messageId(),
        MessageType.STATUS_UPDATE, h.requestId(), h.sender(), h.recipient(), h.originalSender(), h.created(), h.expires(),
        h.entries()), signer(FR_MOJ));
    assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_BINDING_MISMATCH, PipelineStage.BINDING);
    Path bad2 = PackageSurgery.resignHeader(file, dir.resolve("bad2.mlat"), h -> new PackageHeader(h.formatVersion(), UUID.randomUUID(),
        h.messageType(), h.requestId(), h.sender(), h.recipient(), h.originalSender(), h.created(), h.expires(),
        h.entries()), signer(FR_MOJ));
    assertRejected(bad2, DE_BFJ, TransportErrorCode.PACKAGE_BINDING_MISMATCH, PipelineStage.BINDING);
  }

  @Test
  void cutAndPasteOfAnotherPackagesMessageIsRefused() throws Exception {
    Path file = sealedRequest();
    var s = withAttachments(SampleMessages.oneOfEach().get(9), List.of()); // a withdrawal, FR to DE
    Path other = dir.resolve("other.mlat");
    sealer(FR_MOJ).seal(s.message(), s.sources(), other);
    byte[] foreign = PackageSurgery.read(other).stream().filter(i -> i.name().equals("message.p7m")).findFirst().orElseThrow().bytes();
    Path pasted = PackageSurgery.replace(file, dir.resolve("p1.mlat"), "message.p7m", b -> foreign);
    Path bad = PackageSurgery.resignHeader(pasted, dir.resolve("bad.mlat"), h -> {
      var entries = new ArrayList<>(h.entries());
      entries.set(entries.size() - 1, PackageFixture.listed("message.p7m", foreign));
      return new PackageHeader(h.formatVersion(), h.messageId(), h.messageType(), h.requestId(), h.sender(), h.recipient(),
          h.originalSender(), h.created(), h.expires(), entries);
    }, signer(FR_MOJ));
    assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_BINDING_MISMATCH, PipelineStage.BINDING);
  }

  @Test
  void pathTraversalAndOtherBadNamesAreRefusedAtStage1() throws Exception {
    for (String name : List.of("../evil", "/abs", "C:/x", "attachments/../x", "a//b", "./x", "a b", "caf\u00e9")) {
      Path bad = PackageSurgery.rewrite(sealedRequest(), dir.resolve("bad.mlat"), items -> {
        items.add(1, new PackageSurgery.Item(name, new byte[] {1}));
        return items;
      });
      assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_ENTRY_NAME_INVALID, PipelineStage.STRUCTURE);
    }
  }

  @Test
  void aNulOrABackslashInANameIsRefusedAtStage1() throws Exception {
    Path good = sealedRequest();
    byte[] zip = Files.readAllBytes(good);
    for (String replacement : List.of("header\0json", "header\\json")) {
      // in both the local header and the central directory (Commons Compress writes no backslash itself)
      String text = new String(zip, java.nio.charset.StandardCharsets.ISO_8859_1).replace("header.json", replacement);
      Path bad = Files.write(dir.resolve("nul.mlat"), text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_ENTRY_NAME_INVALID, PipelineStage.STRUCTURE);
    }
  }

  @Test
  void aRequestThatIsNotIssuedIsRefusedAtStage6() throws Exception {
    var opener = PackageOpener.builder(DE_BFJ, PackageFixture.keyRing(DE_BFJ), PackageFixture.TRUST, new InMemorySeenMessageStore())
        .clock(CLOCK).quarantine(dir.resolve("q")).build();
    assertRejected(sealedRequest(), opener, TransportErrorCode.PACKAGE_MESSAGE_INVALID, PipelineStage.CONTENT);
  }

  @Test
  void aDuplicateEntryIsRefusedAtStage1() throws Exception {
    Path bad = PackageSurgery.rewrite(sealedRequest(), dir.resolve("bad.mlat"), items -> {
      items.add(2, items.get(1));
      return items;
    });
    assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_ENTRY_DUPLICATE, PipelineStage.STRUCTURE);
  }

  @Test
  void anUnexpectedEntryIsRefusedAtStage1() throws Exception {
    Path bad = PackageSurgery.rewrite(sealedRequest(), dir.resolve("bad.mlat"), items -> {
      items.add(1, new PackageSurgery.Item("notes.txt", new byte[] {1}));
      return items;
    });
    assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_ENTRY_UNEXPECTED, PipelineStage.STRUCTURE);
  }

  @Test
  void anOversizedEntryIsRefusedAtStage1() throws Exception {
    var opener = PackageOpener.builder(DE_BFJ, PackageFixture.keyRing(DE_BFJ), PackageFixture.TRUST, new InMemorySeenMessageStore())
        .clock(CLOCK).quarantine(dir.resolve("q")).limits(PackageLimits.defaults().withMaxAttachmentEntryBytes(60_000))
        .requestLevel(dev.mlat.core.validation.Level.DRAFT).build();
    assertRejected(sealedRequest(), opener, TransportErrorCode.PACKAGE_LIMIT_EXCEEDED, PipelineStage.STRUCTURE);
  }

  @Test
  void localAndCentralHeadersThatDisagreeAreRefusedAtStage1() throws Exception {
    Path good = sealedRequest();
    byte[] zip = Files.readAllBytes(good);
    long offset;
    try (var z = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(good).get()) {
      offset = z.getEntry("message.p7m").getLocalHeaderOffset();
    }
    zip[(int) offset + 14] ^= 1; // the local CRC
    Path bad = Files.write(dir.resolve("bad.mlat"), zip);
    assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_LOCAL_CENTRAL_MISMATCH, PipelineStage.STRUCTURE);
  }

  @Test
  void bytesBeforeTheFirstEntryAreRefusedAtStage1() throws Exception {
    byte[] zip = Files.readAllBytes(sealedRequest());
    byte[] prefixed = new byte[zip.length + 7];
    System.arraycopy(zip, 0, prefixed, 7, zip.length);
    assertRejected(Files.write(dir.resolve("bad.mlat"), prefixed), DE_BFJ, TransportErrorCode.PACKAGE_STRUCTURE_INVALID,
        PipelineStage.STRUCTURE);
    assertRejected(Files.write(dir.resolve("garbage.mlat"), bytes(500, 9)), DE_BFJ, TransportErrorCode.PACKAGE_STRUCTURE_INVALID,
        PipelineStage.STRUCTURE);
  }

  @Test
  void anAttachmentThatDoesNotMatchTheMessageIsRefusedAtStage6() throws Exception {
    // the sealer refuses it, so forge: seal a request whose reference is right, then swap contents of the same size
    var s = withAttachments(SampleMessages.request(), List.of(bytes(5000, 1)));
    var lying = withAttachments(SampleMessages.request(), List.of(bytes(5000, 2)));
    assertThatThrownBy(() -> sealer(FR_MOJ).seal(s.message(), lying.sources(), dir.resolve("x.mlat")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(dir.resolve("x.mlat")).doesNotExist();
  }

  @Test
  void staleQuarantineIsCleanedWhenTheOpenerIsBuilt() throws Exception {
    Path q = Files.createDirectories(dir.resolve("q").resolve(UUID.randomUUID().toString()));
    Files.write(q.resolve("half-written"), new byte[] {1});
    opener(DE_BFJ, dir.resolve("q"));
    assertThat(Files.list(dir.resolve("q"))).isEmpty();
  }

  @Test
  void theGatewayChecksHeaderAndSenderWithoutKeys() throws Exception {
    var gateway = new PackageGateway(PackageFixture.TRUST, CLOCK, PackageLimits.defaults());
    VerifiedHeader h = gateway.verifyHeader(sealedRequest());
    assertThat(h.header().recipient()).isEqualTo(DE_BFJ);
    assertThat(h.header().messageType()).isEqualTo(MessageType.REQUEST);
    assertThat(h.headerSigner().authority()).contains(FR_MOJ);
  }

  @Test
  void theRoutingCheckVerifiesTheHeaderSignatureButNotTheEntries() throws Exception {
    var gateway = new PackageGateway(PackageFixture.TRUST, CLOCK, PackageLimits.defaults());
    assertThat(gateway.verifyHeaderSignature(sealedRequest()).header().sender()).isEqualTo(FR_MOJ);
    Path tamperedHeader = PackageSurgery.replace(sealedRequest(), dir.resolve("h.mlat"), "header.json",
        b -> new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("DE-BFJ", "DE-BFX").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThatThrownBy(() -> gateway.verifyHeaderSignature(tamperedHeader)).isInstanceOfSatisfying(PackageRejectedException.class,
        e -> assertThat(e.stage()).isEqualTo(PipelineStage.HEADER_SIGNATURE));
    // a damaged entry is the gateway's and the opener's finding (stage 3); routing does not read the entries
    Path tamperedEntry = PackageSurgery.damage(sealedRequest(), dir.resolve("e.mlat"), "attachments/2", 100);
    assertThat(gateway.verifyHeaderSignature(tamperedEntry).header().sender()).isEqualTo(FR_MOJ);
    assertThatThrownBy(() -> gateway.verifyHeader(tamperedEntry)).isInstanceOfSatisfying(PackageRejectedException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(TransportErrorCode.PACKAGE_ENTRY_MISMATCH);
      assertThat(e.stage()).isEqualTo(PipelineStage.ENTRIES);
      assertThat(e.headerSha256()).isPresent();
    });
    assertRejected(tamperedEntry, DE_BFJ, TransportErrorCode.PACKAGE_ENTRY_MISMATCH, PipelineStage.ENTRIES);
  }

  @Test
  void aHeaderSignedByAnUntrustedSenderIsRefusedAtStage2() throws Exception {
    Path bad = PackageSurgery.resignHeader(sealedRequest(), dir.resolve("bad.mlat"), h -> h, signer(party("US:US-DOJ")));
    assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_SENDER_UNTRUSTED, PipelineStage.HEADER_SIGNATURE);
  }

  // ---------------------------------------------------------------- relays

  private Path relayFixture(PartyId relay, PartyId executing) throws Exception {
    // US-DOJ sends a request to FR-CA; FR-CA opens it and relays it to FR-PROS
    PartyId us = party("US:US-DOJ");
    RequestMessage sample = SampleMessages.request();
    var header = new MessageHeader(UUID.randomUUID(), sample.header().requestId(), us, party("FR:FR-CA"), CLOCK.instant());
    var s = withAttachments(new RequestMessage(header, sample.request()), List.of(bytes(3000, 5)));
    Path original = dir.resolve("us.mlat");
    sealer(us).seal(s.message(), s.sources(), original);
    var opened = (VerifiedPackage) opener(party("FR:FR-CA"), dir.resolve("q-ca")).open(original,
        Files.createDirectories(dir.resolve("ca-out")));
    Path relayed = dir.resolve("relayed-" + UUID.randomUUID() + ".mlat");
    PackageSealer.builder(PackageFixture.POLICY, CLOCK).issuer(relay, signer(relay)).trust(PackageFixture.TRUST).build()
        .relay(opened, original, executing, relayed);
    return relayed;
  }

  @Test
  void aRegisteredRelayForwardsWithoutBreakingTheOriginalSignature() throws Exception {
    PartyId prosecutor = party("FR:FR-PROS");
    Path relayed = relayFixture(party("FR:FR-CA"), prosecutor);
    var v = (VerifiedPackage) opener(prosecutor, dir.resolve("q")).open(relayed, Files.createDirectory(dir.resolve("o")));
    assertThat(v.report().relayed()).isTrue();
    assertThat(v.message().header().sender()).isEqualTo(party("US:US-DOJ"));
    assertThat(v.header().originalSender()).contains(party("US:US-DOJ"));
    assertThat(v.report().issuerSigners().get(0).trust().authority()).contains(party("US:US-DOJ"));
    assertThat(v.attachments()).hasSize(1);
  }

  @Test
  void aRelayThatIsNotRegisteredIsRefused() throws Exception {
    Path relayed = relayFixture(party("FR:FR-CA"), party("FR:FR-PROS"));
    // the same package, its header signed by FR-MOJ-BEPI (no relay role) as the relay
    Path bad = PackageSurgery.resignHeader(relayed, dir.resolve("bad.mlat"), h -> new PackageHeader(h.formatVersion(), h.messageId(),
        h.messageType(), h.requestId(), FR_MOJ, h.recipient(), h.originalSender(), h.created(), h.expires(), h.entries()),
        signer(FR_MOJ));
    assertRejected(bad, party("FR:FR-PROS"), TransportErrorCode.PACKAGE_RELAY_NOT_REGISTERED, PipelineStage.HEADER_SIGNATURE);
  }

  @Test
  void aMalformedHeaderIsRefusedAtStage2() throws Exception {
    for (String header : List.of("{}", "{\"format\":\"mlat-package\",\"formatVersion\":2}", "not json", "[1]")) {
      byte[] bytes = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] signature = signer(FR_MOJ).sign(bytes, dev.mlat.crypto.cms.Encapsulation.DETACHED);
      Path bad = PackageSurgery.rewrite(sealedRequest(), dir.resolve("bad.mlat"), items -> {
        items.replaceAll(i -> i.name().equals("header.json") ? new PackageSurgery.Item(i.name(), bytes)
            : i.name().equals("header.p7s") ? new PackageSurgery.Item(i.name(), signature) : i);
        return items;
      });
      assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_HEADER_MALFORMED, PipelineStage.HEADER_SIGNATURE);
    }
  }

  @Test
  void aHeaderOfFormat1OrWithDigestsWhereFormat2HasNoneIsRefusedAtStage2() throws Exception {
    Path sealed = sealedRequest();
    byte[] original = PackageSurgery.read(sealed).stream().filter(i -> i.name().equals("header.json")).findFirst().orElseThrow().bytes();
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    List<java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode>> changes = List.of(
        h -> h.put("formatVersion", 1),
        // an attachment entry with a sha256, as format 1 had
        h -> ((com.fasterxml.jackson.databind.node.ObjectNode) h.get("entries").get(0)).put("sha256", "0".repeat(64)),
        // message.p7m without its sha256
        h -> ((com.fasterxml.jackson.databind.node.ObjectNode) h.get("entries").get(h.get("entries").size() - 1)).remove("sha256"));
    int n = 0;
    for (var change : changes) {
      var header = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(original);
      assertThat(header.get("entries").get(0).get("name").asText()).startsWith("attachments/");
      change.accept(header);
      byte[] bytes = mapper.writeValueAsBytes(header);
      byte[] signature = signer(FR_MOJ).sign(bytes, dev.mlat.crypto.cms.Encapsulation.DETACHED);
      Path bad = PackageSurgery.rewrite(sealed, dir.resolve("bad-" + n++ + ".mlat"), items -> {
        items.replaceAll(i -> i.name().equals("header.json") ? new PackageSurgery.Item(i.name(), bytes)
            : i.name().equals("header.p7s") ? new PackageSurgery.Item(i.name(), signature) : i);
        return items;
      });
      assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_HEADER_MALFORMED, PipelineStage.HEADER_SIGNATURE);
    }
  }

  @Test
  void aPackageNotEncryptedForTheReaderIsRefusedAtStage4() throws Exception {
    var s = withAttachments(SampleMessages.request(), List.of());
    Path file = dir.resolve("misdirected.mlat");
    // addressed to DE-BFJ, encrypted for FR-PROS
    PackageSealer.builder(PackageFixture.POLICY, CLOCK).issuer(FR_MOJ, signer(FR_MOJ))
        .recipientCertificate(DE_BFJ, PackageFixture.FR.authority("FR-PROS").encryption().certificate()).build()
        .seal(s.message(), s.sources(), file);
    assertRejected(file, DE_BFJ, TransportErrorCode.PACKAGE_DECRYPTION_FAILED, PipelineStage.DECRYPTION);
  }

  @Test
  void aChangedCiphertextUnderAResignedHeaderFailsItsTagAtStage4() throws Exception {
    Path changed = PackageSurgery.replace(sealedRequest(), dir.resolve("c.mlat"), "message.p7m", b -> PackageSurgery.flip(b, b.length - 40));
    byte[] p7m = PackageSurgery.read(changed).stream().filter(i -> i.name().equals("message.p7m")).findFirst().orElseThrow().bytes();
    Path bad = PackageSurgery.resignHeader(changed, dir.resolve("bad.mlat"), h -> {
      var entries = new ArrayList<>(h.entries());
      entries.set(entries.size() - 1, PackageFixture.listed("message.p7m", p7m));
      return new PackageHeader(h.formatVersion(), h.messageId(), h.messageType(), h.requestId(), h.sender(), h.recipient(),
          h.originalSender(), h.created(), h.expires(), entries);
    }, signer(FR_MOJ));
    assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_DECRYPTION_FAILED, PipelineStage.DECRYPTION);
  }

  @Test
  void attachmentEntriesSwappedUnderAResignedHeaderAreRefusedAtStage6() throws Exception {
    Path swapped = PackageSurgery.rewrite(sealedRequest(), dir.resolve("s.mlat"), items -> {
      var a1 = items.get(1);
      var a2 = items.get(2);
      items.set(1, new PackageSurgery.Item(a1.name(), a2.bytes()));
      items.set(2, new PackageSurgery.Item(a2.name(), a1.bytes()));
      return items;
    });
    var contents = PackageSurgery.read(swapped);
    Path bad = PackageSurgery.resignHeader(swapped, dir.resolve("bad.mlat"), h -> {
      var entries = new ArrayList<HeaderEntry>();
      for (int i = 1; i < contents.size() - 2; i++) {
        entries.add(PackageFixture.listed(contents.get(i).name(), contents.get(i).bytes()));
      }
      return new PackageHeader(h.formatVersion(), h.messageId(), h.messageType(), h.requestId(), h.sender(), h.recipient(),
          h.originalSender(), h.created(), h.expires(), entries);
    }, signer(FR_MOJ));
    Path out = dir.resolve("out-swapped");
    Files.createDirectory(out);
    var opener = opener(DE_BFJ, dir.resolve("q"));
    assertThatThrownBy(() -> opener.open(bad, out)).isInstanceOfSatisfying(PackageRejectedException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(TransportErrorCode.PACKAGE_ATTACHMENT_MISMATCH);
      assertThat(e.stage()).isEqualTo(PipelineStage.CONTENT);
      assertThat(e.detail().map(c -> c.code())).hasValueSatisfying(c -> assertThat(c).startsWith("SEGMENT_"));
    });
    assertThat(Files.list(out)).isEmpty();
    assertThat(Files.list(dir.resolve("q"))).isEmpty();
  }

  @Test
  void aSignedMessageThatIsNotASealedContentIsRefusedAtStage4() throws Exception {
    // a valid signature of FR-MOJ-BEPI over bytes that are not a SealedContent, encrypted for DE-BFJ
    byte[] signed = signer(FR_MOJ).sign("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        dev.mlat.crypto.cms.Encapsulation.ENCAPSULATED);
    byte[] p7m = dev.mlat.crypto.cms.CmsEncryptor.builder(PackageFixture.POLICY)
        .recipient(dev.mlat.crypto.cms.EncryptionRecipient.of(DE_BFJ.jurisdiction(),
            PackageFixture.DE.authority("DE-BFJ").encryption().certificate())).build().encrypt(signed);
    Path replaced = PackageSurgery.replace(sealedRequest(), dir.resolve("r.mlat"), "message.p7m", b -> p7m);
    Path bad = PackageSurgery.resignHeader(replaced, dir.resolve("bad.mlat"), h -> {
      var entries = new ArrayList<>(h.entries());
      entries.set(entries.size() - 1, PackageFixture.listed("message.p7m", p7m));
      return new PackageHeader(h.formatVersion(), h.messageId(), h.messageType(), h.requestId(), h.sender(), h.recipient(),
          h.originalSender(), h.created(), h.expires(), entries);
    }, signer(FR_MOJ));
    assertRejected(bad, DE_BFJ, TransportErrorCode.PACKAGE_SIGNATURE_INVALID, PipelineStage.DECRYPTION);
  }
}
