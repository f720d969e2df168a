package dev.mlat.transport.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlat.core.PartyId;
import dev.mlat.core.validation.Level;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.keys.Pkcs12KeyStore;
import dev.mlat.crypto.testing.ConformancePki;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.pkg.InMemorySeenMessageStore;
import dev.mlat.transport.pkg.OpenResult;
import dev.mlat.transport.pkg.PackageGateway;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.pkg.PackageOpener;
import dev.mlat.transport.pkg.PipelineStage;
import dev.mlat.transport.receipt.ReceiptVerifier;
import dev.mlat.transport.receipt.VerifiedReceipt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs one package-layer conformance vector ({@code conformance/vectors/package/<name>/vector.json},
 * docs/CONFORMANCE.md "Package vectors") the way a partner must: the reader of
 * {@code recipient.party} with the key of {@code recipient.keyFile}, the committed PKI offline at
 * the vector's {@code verificationTime}, the seen-id store holding {@code seen}. Shared by the
 * generator (which checks every vector it writes), {@link PackageConformanceVectorsTest} and the
 * mutation property.
 */
final class PackageVectors {
  static final ObjectMapper JSON = new ObjectMapper();

  private PackageVectors() {}

  /** The repository's {@code conformance/} folder, found upwards from the working directory. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("conformance/pki/pki.json"))) {
        return d.resolve("conformance");
      }
    }
    throw new IllegalStateException("no conformance/pki/pki.json above " + dir);
  }

  static Path packageVectors() {
    return root().resolve("vectors/package");
  }

  /** The names of the vector folders under {@code vectors/<layer>}, sorted. */
  static List<String> names(String layer) {
    try (var dirs = Files.list(root().resolve("vectors").resolve(layer))) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path vectorDir) throws IOException {
    return JSON.readTree(vectorDir.resolve("vector.json").toFile());
  }

  static PartyId party(String text) {
    try {
      return PartyId.parse(text);
    } catch (dev.mlat.core.MlatCoreException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The stage names of vector.json, by {@link PipelineStage}. */
  static String stageName(PipelineStage stage) {
    return stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A package's header digest (its identity), read with the JDK's own ZIP reader: the SHA-256 of its header.json entry. */
  static String headerSha256(java.nio.file.Path pkg) throws java.io.IOException {
    try (var zip = new java.util.zip.ZipFile(pkg.toFile())) {
      try (var in = zip.getInputStream(zip.getEntry("header.json"))) {
        return sha256(in.readAllBytes());
      }
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The opener the vector describes (reader, key, request level, seen-id store), at the fixed instant. */
  static PackageOpener opener(ConformancePki pki, Path vectorDir, JsonNode v, Path quarantine) throws Exception {
    JsonNode r = v.get("recipient");
    KeyRing ring = keyRing(pki, r.get("keyFile").asText());
    var store = new InMemorySeenMessageStore();
    JsonNode o = v.path("opener");
    for (JsonNode seen : o.path("seen")) {
      byte[] receipt = Files.readAllBytes(vectorDir.resolve(seen.get("receipt").asText()));
      store.recordIfAbsent(new SeenMessage(seen.get("messageId").asText(), seen.get("headerSha256").asText(), receipt,
          ConformancePki.VERIFICATION_TIME.minusSeconds(600)));
    }
    Level level = Level.valueOf(o.path("requestLevel").asText("issued").toUpperCase(Locale.ROOT));
    return PackageOpener.builder(party(r.get("party").asText()), ring, pki.trustVerifier(), store)
        .clock(ConformancePki.verificationClock()).limits(PackageLimits.defaults()).quarantine(quarantine).requestLevel(level).build();
  }

  /** Opens {@code packageFile} as the vector's reader; the verified files go under {@code work/out}. */
  static OpenResult open(ConformancePki pki, Path vectorDir, JsonNode v, Path packageFile, Path work) throws Exception {
    Path out = Files.createDirectories(work.resolve("out-" + UUID.randomUUID()));
    return opener(pki, vectorDir, v, work.resolve("quarantine")).open(packageFile, out);
  }

  private static final java.util.Map<Path, KeyRing> RINGS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The key ring of a PKCS#12 file of the kit (loaded once per JVM: PBKDF2 makes loading slow). */
  static KeyRing keyRing(ConformancePki pki, String keyFile) {
    return RINGS.computeIfAbsent(pki.folder().resolve(keyFile).toAbsolutePath().normalize(), file -> {
      try {
        return Pkcs12KeyStore.load(file, ConformancePki.PASSWORD.toCharArray());
      } catch (dev.mlat.crypto.MlatCryptoException e) {
        throw new IllegalStateException("cannot load " + file, e);
      }
    });
  }

  /** A gateway at the fixed instant (stages 1 and 2 without a key). */
  static PackageGateway gateway(ConformancePki pki) {
    return new PackageGateway(pki.trustVerifier(), ConformancePki.verificationClock(), PackageLimits.defaults());
  }

  /** Checks a receipt vector's receipt against what it acknowledges. */
  static VerifiedReceipt checkReceipt(ConformancePki pki, JsonNode v, byte[] receipt) throws MlatTransportException {
    JsonNode a = v.get("acknowledges");
    return new ReceiptVerifier(pki.trustVerifier(), ConformancePki.verificationClock())
        .check(receipt, party(a.get("receiver").asText()), UUID.fromString(a.get("messageId").asText()), a.get("headerSha256").asText());
  }
}
