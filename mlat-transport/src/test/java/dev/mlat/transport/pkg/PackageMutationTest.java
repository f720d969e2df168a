package dev.mlat.transport.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.PartyId;
import dev.mlat.core.testing.SampleMessages;
import dev.mlat.core.validation.Level;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.pkg.internal.PackageFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Over a valid package: any single byte changed is either refused with a code and a stage, or
 * (a byte the format does not interpret, such as a ZIP time field) opens to exactly the same
 * verified result.
 */
class PackageMutationTest {
  private static final PartyId FR = PackageFixture.party("FR:FR-MOJ-BEPI");
  private static final PartyId DE = PackageFixture.party("DE:DE-BFJ");
  private static final Path DIR;
  private static final byte[] PACKAGE;
  private static final VerifiedPackage ORIGINAL;
  private static final List<byte[]> CONTENTS = List.of(PackageFixture.bytes(3000, 1), PackageFixture.bytes(40, 2));
  /** The same message type without attachments: the in-memory opening writes nothing for it. */
  private static final byte[] BARE;

  static {
    try {
      DIR = Files.createTempDirectory("mlat-pkg-mutation");
      var s = PackageFixture.withAttachments(SampleMessages.oneOfEach().get(4), CONTENTS);
      Path file = DIR.resolve("p.mlat");
      PackageFixture.sealer(FR).seal(s.message(), s.sources(), file);
      PACKAGE = Files.readAllBytes(file);
      ORIGINAL = (VerifiedPackage) opener().open(file, Files.createDirectory(DIR.resolve("original")));
      var bare = PackageFixture.withAttachments(SampleMessages.oneOfEach().get(4), List.of());
      Path bareFile = DIR.resolve("bare.mlat");
      PackageFixture.sealer(FR).seal(bare.message(), bare.sources(), bareFile);
      BARE = Files.readAllBytes(bareFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static PackageOpener opener() {
    return PackageOpener.builder(DE, PackageFixture.keyRing(DE), PackageFixture.TRUST, new InMemorySeenMessageStore())
        .clock(PackageFixture.CLOCK).quarantine(DIR.resolve("q")).requestLevel(Level.DRAFT).build();
  }

  @Property(tries = 100)
  void anyByteChangeIsRefusedOrChangesNothing(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
      @ForAll @IntRange(min = 1, max = 255) int xor) throws Exception {
    byte[] changed = PACKAGE.clone();
    int index = where % changed.length;
    changed[index] ^= (byte) xor;
    Path file = Files.write(DIR.resolve("m-" + UUID.randomUUID() + ".mlat"), changed);
    Path out = Files.createDirectory(DIR.resolve("o-" + UUID.randomUUID()));
    try {
      OpenResult result = opener().open(file, out);
      assertThat(result).isInstanceOf(VerifiedPackage.class);
      VerifiedPackage v = (VerifiedPackage) result;
      assertThat(v.message()).isEqualTo(ORIGINAL.message());
      assertThat(v.header()).isEqualTo(ORIGINAL.header());
      List<byte[]> got = new ArrayList<>();
      for (ReceivedAttachment a : v.attachments()) {
        got.add(Files.readAllBytes(a.file()));
      }
      assertThat(got).containsExactlyElementsOf(CONTENTS);
      assertThat(v.signedMessage()).isEqualTo(ORIGINAL.signedMessage());
    } catch (PackageRejectedException refused) {
      assertThat(refused.errorCode()).isNotNull();
      assertThat(Files.list(out)).isEmpty();
    } catch (MlatTransportException other) {
      throw new AssertionError("a changed byte must be refused by the pipeline, not fail as " + other.errorCode(), other);
    } finally {
      PackageFiles.deleteQuietly(out);
      Files.delete(file);
    }
  }

  /**
   * {@link PackageOpener#openInMemory} runs the pipeline of {@link PackageOpener#open}: on any
   * single byte changed, of a package with attachments or without, both refuse with the same code
   * at the same stage, or both open to the same message, signed bytes and attachments.
   */
  @Property(tries = 100)
  void openInMemoryAgreesWithOpenOnEveryByteChange(@ForAll boolean withAttachments,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where, @ForAll @IntRange(min = 1, max = 255) int xor) throws Exception {
    byte[] changed = (withAttachments ? PACKAGE : BARE).clone();
    changed[where % changed.length] ^= (byte) xor;
    Path file = Files.write(DIR.resolve("m-" + UUID.randomUUID() + ".mlat"), changed);
    Path out = Files.createDirectory(DIR.resolve("o-" + UUID.randomUUID()));
    Path memory = Files.createDirectory(DIR.resolve("m-" + UUID.randomUUID()));
    try {
      Object onDisk = outcome(() -> opener().open(file, out));
      Object inMemory = outcome(() -> opener().openInMemory(file, memory));
      if (onDisk instanceof VerifiedPackage v) {
        assertThat(inMemory).isInstanceOf(VerifiedPackage.class);
        VerifiedPackage m = (VerifiedPackage) inMemory;
        assertThat(m.message()).isEqualTo(v.message());
        assertThat(m.header()).isEqualTo(v.header());
        assertThat(m.payload()).isEqualTo(Files.readAllBytes(v.folder().resolve("message.json")));
        assertThat(m.signedMessage()).isEqualTo(v.signedMessage());
        assertThat(m.attachments()).hasSameSizeAs(v.attachments());
        for (int i = 0; i < v.attachments().size(); i++) {
          assertThat(Files.readAllBytes(m.attachments().get(i).file())).isEqualTo(Files.readAllBytes(v.attachments().get(i).file()));
        }
        assertThat(m.files().isPresent()).isEqualTo(withAttachments);
      } else {
        assertThat(inMemory).as("the in-memory opening of a package open refused").isEqualTo(onDisk);
        assertThat(Files.list(memory)).isEmpty();
      }
    } finally {
      PackageFiles.deleteQuietly(out);
      PackageFiles.deleteQuietly(memory);
      Files.delete(file);
    }
  }

  @FunctionalInterface
  private interface Opening {
    OpenResult open() throws MlatTransportException;
  }

  /** The result, or for a refusal its code and stage (any other failure is thrown). */
  private static Object outcome(Opening opening) throws MlatTransportException {
    try {
      return opening.open();
    } catch (PackageRejectedException refused) {
      return refused.errorCode().code() + " at " + refused.stage();
    }
  }
}
