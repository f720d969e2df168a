package dev.mlat.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.MlatException;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsDecryptor;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.SignerRequirement;
import dev.mlat.crypto.seal.OpenExpectation;
import dev.mlat.crypto.seal.OpenedMessage;
import dev.mlat.crypto.seal.Opener;
import dev.mlat.crypto.segment.AttachmentKey;
import dev.mlat.crypto.segment.OpenedAttachment;
import dev.mlat.crypto.segment.SegmentManifest;
import dev.mlat.crypto.segment.SegmentedDecryptor;
import dev.mlat.crypto.testing.ConformancePki;
import dev.mlat.crypto.timestamp.TimestampVerifier;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.pkg.OpenResult;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.pkg.ReceivedAttachment;
import dev.mlat.transport.pkg.Resend;
import dev.mlat.transport.pkg.VerifiedPackage;
import dev.mlat.transport.pkg.internal.PackageFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The mutation property of issue 13 over every valid conformance vector, CMS layer
 * ({@code conformance/vectors/cms/valid-*}: sealed messages and the segmented attachment) and
 * package layer ({@code conformance/vectors/package/valid-*}: packages, the resend, receipts): a
 * random bit flip, byte insertion, deletion or truncation of the vector's input is either rejected
 * with a library error (the layer's own: {@link MlatCryptoException}, a
 * {@link PackageRejectedException} with nothing released, a {@code RECEIPT_*}
 * {@link MlatTransportException}), or accepted with exactly the result of the unchanged vector (the
 * changed bytes are ones nothing authenticates, such as a ZIP time field); never any other
 * exception or error.
 *
 * <p>250 mutations per build (about 20 s here). A long run: {@code -Dmlat.mutation.rounds=N} applies
 * N mutations per try (N x 250), see docs/CONFORMANCE.md "Mutation property".
 */
class ConformanceMutationTest {
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();
  private static final int ROUNDS = Integer.getInteger("mlat.mutation.rounds", 1);
  private static ConformancePki pki;
  private static TrustVerifier trust;
  private static List<Target> targets;
  private static Path work;
  private static final Map<String, Object> BASELINES = new ConcurrentHashMap<>();

  /** A valid vector and the file of it that is mutated. */
  private record Target(String layer, String name, Path dir, JsonNode vector, byte[] input) {
    @Override
    public String toString() {
      return layer + "/" + name;
    }
  }

  @BeforeContainer
  static void load() throws Exception {
    pki = ConformancePki.load(PackageVectors.root().resolve("pki"));
    trust = pki.trustVerifier();
    work = Files.createTempDirectory("mlat-conformance-mutation");
    targets = new ArrayList<>();
    for (String layer : List.of("cms", "package")) {
      for (String name : PackageVectors.names(layer)) {
        if (!name.startsWith("valid-")) {
          continue;
        }
        Path dir = PackageVectors.root().resolve("vectors").resolve(layer).resolve(name);
        JsonNode v = PackageVectors.read(dir);
        JsonNode input = v.get("input");
        String file = input.has("package") ? input.get("package").asText() : input.has("receipt") ? input.get("receipt").asText()
            : input.has("message") ? input.get("message").asText() : input.get("segments").asText();
        targets.add(new Target(layer, name, dir, v, Files.readAllBytes(dir.resolve(file))));
      }
    }
    assertThat(targets).hasSizeGreaterThanOrEqualTo(8 + 11);
  }

  @AfterContainer
  static void clean() {
    PackageFiles.deleteQuietly(work);
  }

  /** The kinds of change. */
  enum Mutation { FLIP, INSERT, DELETE, TRUNCATE }

  @Property(tries = 250)
  void aMutatedVectorIsRejectedByTheLibraryOrOpensToTheSameResult(@ForAll @IntRange(min = 0, max = 10_000) int which,
      @ForAll Mutation mutation, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where, @ForAll int value) throws Exception {
    Statistics.label("outcome").collect(check(targets.get(which % targets.size()), mutation, where, value));
    Random more = new Random(((long) which << 32) ^ where ^ value);
    for (int round = 1; round < ROUNDS; round++) {
      Statistics.label("outcome").collect(check(targets.get(more.nextInt(targets.size())), Mutation.values()[more.nextInt(4)],
          more.nextInt(Integer.MAX_VALUE), more.nextInt()));
    }
  }

  /** Returns "refused" or "same result". */
  private static String check(Target target, Mutation mutation, int where, int value) throws Exception {
    byte[] changed = mutate(target.input(), mutation, where, value);
    Object baseline = BASELINES.computeIfAbsent(target.toString(), k -> {
      try {
        return outcome(target, target.input());
      } catch (Exception e) {
        throw new IllegalStateException("the unchanged vector " + target + " does not open", e);
      }
    });
    Object got;
    try {
      got = outcome(target, changed);
    } catch (MlatException refused) {
      assertRefusedByItsLayer(target, refused);
      return "refused";
    } catch (Throwable other) {
      throw new AssertionError(target + " " + mutation + " at " + where + " (" + value + "): neither accepted nor refused with a library"
          + " error, but " + other, other);
    }
    assertThat(got).as("%s %s at %d: accepted, so the result must be the unchanged vector's", target, mutation, where).isEqualTo(baseline);
    return "same result";
  }

  private static void assertRefusedByItsLayer(Target target, MlatException refused) {
    String kind = target.vector().get("kind").asText();
    if (kind.equals("package")) {
      assertThat(refused).as(target + ": " + refused.getMessage()).isInstanceOf(PackageRejectedException.class);
    } else if (kind.equals("receipt")) {
      assertThat(refused.errorCode().code()).as(target + ": " + refused.getMessage()).startsWith("RECEIPT_");
    } else {
      assertThat(refused).as(target + ": " + refused.getMessage()).isInstanceOf(MlatCryptoException.class);
    }
  }

  static byte[] mutate(byte[] input, Mutation mutation, int where, int value) {
    int at = where % input.length;
    switch (mutation) {
      case FLIP -> {
        byte[] copy = input.clone();
        copy[at] ^= (byte) (1 << ((value & 0x7fffffff) % 8));
        return copy;
      }
      case INSERT -> {
        byte[] copy = new byte[input.length + 1];
        System.arraycopy(input, 0, copy, 0, at);
        copy[at] = (byte) value;
        System.arraycopy(input, at, copy, at + 1, input.length - at);
        return copy;
      }
      case DELETE -> {
        int n = Math.min(1 + (value & 0x7fffffff) % 16, input.length - at);
        byte[] copy = new byte[input.length - n];
        System.arraycopy(input, 0, copy, 0, at);
        System.arraycopy(input, at + n, copy, at, input.length - at - n);
        return copy;
      }
      default -> {
        return Arrays.copyOf(input, at);
      }
    }
  }

  /** What opening {@code bytes} as the vector's input gives: a comparable value, or the library's exception. */
  private static Object outcome(Target target, byte[] bytes) throws Exception {
    JsonNode v = target.vector();
    return switch (v.get("kind").asText()) {
      case "package" -> openPackage(target, bytes);
      case "receipt" -> PackageVectors.checkReceipt(pki, v, bytes).receipt();
      case "sealed-message" -> openSealed(v, bytes);
      case "segmented-attachment" -> openSegments(v, bytes);
      default -> throw new IllegalStateException(v.get("kind").asText());
    };
  }

  private static Object openPackage(Target target, byte[] bytes) throws Exception {
    Path try_ = Files.createTempDirectory(work, "try");
    try {
      Path file = Files.write(try_.resolve("p.mlat"), bytes);
      OpenResult result;
      try {
        result = PackageVectors.open(pki, target.dir(), target.vector(), file, try_);
      } catch (PackageRejectedException e) {
        try (var files = Files.walk(try_)) {
          assertThat(files.filter(Files::isRegularFile).filter(f -> !f.equals(file)).toList()).as("released after " + e).isEmpty();
        }
        throw e;
      }
      if (result instanceof Resend resend) {
        return List.of("resend", resend.header(), PackageVectors.sha256(resend.receipt()));
      }
      VerifiedPackage p = (VerifiedPackage) result;
      List<Object> summary = new ArrayList<>(List.of(p.header(), p.message(), PackageVectors.sha256(p.signedMessage()),
          PackageVectors.sha256(Files.readAllBytes(p.folder().resolve("message.json")))));
      for (ReceivedAttachment a : p.attachments()) {
        summary.add(List.of(a.id(), a.name(), a.mediaType(), a.size(), PackageVectors.sha256(Files.readAllBytes(a.file()))));
      }
      return summary;
    } finally {
      PackageFiles.deleteQuietly(try_);
    }
  }

  private static Object openSealed(JsonNode v, byte[] bytes) throws MlatCryptoException {
    var self = PackageVectors.party(v.get("recipient").get("party").asText());
    var ring = PackageVectors.keyRing(pki, v.get("recipient").get("keyFile").asText());
    var clock = ConformancePki.verificationClock();
    var verifier = new CmsSignatureVerifier(POLICY, trust.asSignerTrust(), clock, CmsLimits.defaults(),
        TimestampVerifier.builder(trust).clock(clock).build());
    var opener = new Opener(self, new CmsDecryptor(POLICY, ring, CmsLimits.defaults()), verifier);
    JsonNode e = v.get("expectation");
    var expectation = OpenExpectation.from(Jurisdiction.of(e.get("senderJurisdiction").asText()))
        .withRequirement(e.get("signers").asText().equals("one") ? SignerRequirement.ONE_SIGNER : SignerRequirement.CLASSICAL_AND_POST_QUANTUM);
    if (e.has("messageId")) {
      expectation = expectation.withMessageId(UUID.fromString(e.get("messageId").asText()));
    }
    OpenedMessage opened = opener.open(bytes, expectation);
    return List.of(opened.binding(), PackageVectors.sha256(opened.payload()), PackageVectors.sha256(opened.signedData()),
        opened.signers().size());
  }

  private static Object openSegments(JsonNode v, byte[] bytes) throws Exception {
    JsonNode m = v.get("manifest");
    var key = AttachmentKey.of(m.get("keyId").asText(), HexFormat.of().parseHex(m.get("key").asText()));
    SegmentManifest manifest = SegmentManifest.of(m.get("keyId").asText(), m.get("segmentSize").asInt(), m.get("segmentCount").asLong(),
        m.get("plaintextLength").asLong(), m.get("plaintextSha256").asText(), HexFormat.of().parseHex(m.get("segmentTags").asText()));
    Path try_ = Files.createTempDirectory(work, "seg");
    try {
      Path target = try_.resolve("plain.bin");
      OpenedAttachment opened;
      try {
        opened = SegmentedDecryptor.builder().build().open(manifest, key, new ByteArrayInputStream(bytes), target);
      } catch (MlatCryptoException e) {
        assertThat(target).as("released after " + e).doesNotExist();
        throw e;
      }
      return List.of(opened, PackageVectors.sha256(Files.readAllBytes(target)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      PackageFiles.deleteQuietly(try_);
    }
  }
}
