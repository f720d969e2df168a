/*
 * What this shows: the issuing authority's signing key in an HSM, used through PKCS#11
 * (Pkcs11Token over the JDK's SunPKCS11; tested with SoftHSM2). The key is imported into a fresh
 * SoftHSM2 token once (a real HSM generates it inside), then France signs the request on the token:
 * the private key never leaves it. The US opens the package as usual and sees FR:FR-MOJ's
 * signature. On the command line the same is `mlat seal ... --pkcs11-config hsm.properties
 * --key-alias fr-signing`.
 *
 * Needs SoftHSM2 (apt-get install softhsm2) and SOFTHSM2_CONF naming a writable configuration file
 * (the example writes it and a token folder beside it). Without them it prints why and skips; with
 * MLAT_REQUIRE_SERVICES=true it fails instead.
 *
 * Run from the repository root, after `mvn -q -pl examples -am package -DskipTests` (which writes
 * examples/target/examples.cp):
 *   SOFTHSM2_CONF=/tmp/softhsm2.conf java -cp "examples/target/classes:$(cat examples/target/examples.cp)" dev.mlat.examples.HsmExample
 */
package dev.mlat.examples;

import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.Pkcs11Settings;
import dev.mlat.crypto.keys.Pkcs11Token;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.InMemorySeenMessageStore;
import dev.mlat.transport.pkg.PackageOpener;
import dev.mlat.transport.pkg.PackageSealer;
import dev.mlat.transport.pkg.VerifiedPackage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Signing with a key on a PKCS#11 token (SoftHSM2). */
public final class HsmExample {

  /** Where SoftHSM2's module usually is. */
  static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
      Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"), Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
      Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));

  private static final String PIN = "1234";

  private HsmExample() {}

  /** Why the example cannot run here, or empty when it can. */
  static Optional<String> unavailable() {
    if (LIBRARIES.stream().noneMatch(Files::isReadable)) {
      return Optional.of("no SoftHSM2 module in " + LIBRARIES + " (apt-get install softhsm2)");
    }
    if (System.getenv("SOFTHSM2_CONF") == null) {
      return Optional.of("SOFTHSM2_CONF is not set; point it at a writable file, for example SOFTHSM2_CONF=/tmp/softhsm2.conf");
    }
    return Optional.empty();
  }

  /** Runs the example; returns what the US opened, or empty when SoftHSM2 is not available here. */
  static Optional<VerifiedPackage> run(Path folder, PrintStream out) throws Exception {
    Optional<String> why = unavailable();
    if (why.isPresent()) {
      if ("true".equals(System.getenv("MLAT_REQUIRE_SERVICES"))) {
        throw new IllegalStateException("SoftHSM2 is required (MLAT_REQUIRE_SERVICES=true) but " + why.get());
      }
      out.println("skipped: " + why.get());
      return Optional.empty();
    }
    PartyId france = ExampleWorld.party("FR:FR-MOJ");
    PartyId us = ExampleWorld.party("US:US-DOJ");
    var world = new ExampleWorld(folder,
        TestPki.builder(ExampleWorld.jurisdiction("FR")).authority("FR-MOJ").build(),
        TestPki.builder(ExampleWorld.jurisdiction("US")).authority("US-DOJ").build());
    Pkcs11Settings settings = freshToken(Path.of(System.getenv("SOFTHSM2_CONF")));

    // Set-up, once: the signing key goes onto the token (a real HSM would generate it there).
    TestCredential signing = world.pki(france).authority("FR-MOJ").signing();
    try (Pkcs11Token token = Pkcs11Token.open(settings, PIN.toCharArray())) {
      KeyStore store = KeyStore.getInstance("PKCS11", token.provider());
      store.load(null, PIN.toCharArray());
      store.setEntry("fr-signing", new KeyStore.PrivateKeyEntry(signing.keyPair().getPrivate(),
          signing.chain().toArray(new Certificate[0])), null);
    }

    Path packageFile = folder.resolve("request.mlat");
    try (Pkcs11Token token = Pkcs11Token.open(settings, PIN.toCharArray())) {
      KeyIdentity onToken = token.keyRing().identities().stream().filter(i -> i.label().equals("fr-signing")).findFirst().orElseThrow();
      out.println("signing key " + onToken.label() + " is on the token (" + onToken.source() + ")");
      CmsSigner signer = CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), world.clock)
          .signer(france.jurisdiction(), onToken, SignatureAlgorithm.ECDSA_SHA256).build();
      PackageSealer.builder(AlgorithmPolicy.defaultPolicy(), world.clock).issuer(france, signer).trust(world.trust).build()
          .seal(world.request(france, us),
              List.of(AttachmentSource.ofStream("A1", "ordonnance.txt", "text/plain", () -> new ByteArrayInputStream(ExampleWorld.COURT_ORDER))),
              packageFile);
    }
    VerifiedPackage opened = (VerifiedPackage) PackageOpener.builder(us, world.keys(us), world.trust, new InMemorySeenMessageStore())
        .clock(world.clock).quarantine(folder.resolve("quarantine")).build()
        .open(packageFile, Files.createDirectories(folder.resolve("inbox")));
    out.println("US opened it: signed on the HSM by " + opened.report().issuerSigners().get(0).trust().authority().orElseThrow());
    return Optional.of(opened);
  }

  /** Writes the SoftHSM2 configuration, initialises a token in its folder and returns its slot. */
  static Pkcs11Settings freshToken(Path conf) throws IOException, InterruptedException {
    Path library = LIBRARIES.stream().filter(Files::isReadable).findFirst().orElseThrow();
    Path tokens = Files.createDirectories(conf.toAbsolutePath().getParent().resolve("tokens"));
    Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    Process p = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "mlat-example-" + System.nanoTime(),
        "--pin", PIN, "--so-pin", "87654321").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("softhsm2-util --init-token failed: " + output);
    }
    var m = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no slot in softhsm2-util's output: " + output);
    }
    return Pkcs11Settings.slot("mlat-example", library, Long.parseLong(m.group(1)));
  }

  public static void main(String[] args) throws Exception {
    run(Files.createTempDirectory("mlat-hsm"), System.out);
  }
}
