/*
 * What this shows: post-quantum protection. The United States' test PKI uses ML-DSA-65 signatures
 * and an ML-KEM-768 encryption key (PkiAlgorithm.ML_DSA_65), so the request France seals for it is
 * encrypted to a quantum-resistant recipient only (no classical RecipientInfo beside it, which
 * would leak the content key to a future quantum attacker). France signs with a hybrid key:
 * composite ML-DSA-65 + ECDSA P-256 (PkiAlgorithm.COMPOSITE_MLDSA65_ECDSA_P256), which stays
 * secure as long as either algorithm holds. The US opens it under the default policy, which
 * accepts both; AlgorithmPolicy.postQuantumPolicy() would refuse anything classical.
 *
 * Run from the repository root, after `mvn -q -pl examples -am package -DskipTests` (which writes
 * examples/target/examples.cp):
 *   java -cp "examples/target/classes:$(cat examples/target/examples.cp)" dev.mlat.examples.PostQuantumExample
 */
package dev.mlat.examples;

import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.InMemorySeenMessageStore;
import dev.mlat.transport.pkg.PackageOpener;
import dev.mlat.transport.pkg.PackageSealer;
import dev.mlat.transport.pkg.VerifiedPackage;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An ML-KEM recipient and a composite ML-DSA + ECDSA signature. */
public final class PostQuantumExample {

  private PostQuantumExample() {}

  /** Runs the example; returns what the US opened. */
  static VerifiedPackage run(Path folder, PrintStream out) throws Exception {
    PartyId france = ExampleWorld.party("FR:FR-MOJ");
    PartyId us = ExampleWorld.party("US:US-DOJ");
    var world = new ExampleWorld(folder,
        TestPki.builder(ExampleWorld.jurisdiction("FR")).authority("FR-MOJ").algorithm(PkiAlgorithm.COMPOSITE_MLDSA65_ECDSA_P256).build(),
        TestPki.builder(ExampleWorld.jurisdiction("US")).authority("US-DOJ").algorithm(PkiAlgorithm.ML_DSA_65).build());
    Path packageFile = folder.resolve("request.mlat");
    PackageSealer.builder(AlgorithmPolicy.defaultPolicy(), world.clock).issuer(france, world.signer(france)).trust(world.trust).build()
        .seal(world.request(france, us),
            List.of(AttachmentSource.ofStream("A1", "ordonnance.txt", "text/plain", () -> new ByteArrayInputStream(ExampleWorld.COURT_ORDER))),
            packageFile);
    out.println("FR sealed for " + us + "'s " + world.pki(us).algorithm().encryptionAlgorithm() + " key, signed with "
        + world.pki(france).algorithm().signatureAlgorithm());

    VerifiedPackage opened = (VerifiedPackage) PackageOpener.builder(us, world.keys(us), world.trust, new InMemorySeenMessageStore())
        .clock(world.clock).quarantine(folder.resolve("quarantine")).build()
        .open(packageFile, Files.createDirectories(folder.resolve("inbox")));
    var signer = opened.report().issuerSigners().get(0);
    out.println("US opened it: " + signer.algorithm() + " signature of " + signer.trust().authority().orElseThrow() + " verified");
    return opened;
  }

  public static void main(String[] args) throws Exception {
    run(Files.createTempDirectory("mlat-pq"), System.out);
  }
}
