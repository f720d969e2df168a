/*
 * What this shows: gateway mode. A gateway (a ministry's perimeter, a carrier between states)
 * routes packages without any key: PackageGateway checks the ZIP structure and limits, parses
 * header.json, verifies header.p7s, the sending state's signature, against the trust directory,
 * and checks every entry against the size and SHA-256 the signed header lists. It learns who sends
 * what to whom, and nothing of the content. A package whose header was changed on the way is
 * refused with PACKAGE_* and the stage that refused it.
 *
 * Run from the repository root, after `mvn -q -pl examples -am package -DskipTests` (which writes
 * examples/target/examples.cp):
 *   java -cp "examples/target/classes:$(cat examples/target/examples.cp)" dev.mlat.examples.GatewayExample
 */
package dev.mlat.examples;

import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.PackageGateway;
import dev.mlat.transport.pkg.PackageLimits;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.pkg.PackageSealer;
import dev.mlat.transport.pkg.VerifiedHeader;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Header verification without a key, and a changed header refused. */
public final class GatewayExample {

  private GatewayExample() {}

  /** Runs the example; returns the rejection of the changed package. */
  static PackageRejectedException run(Path folder, PrintStream out) throws Exception {
    PartyId france = ExampleWorld.party("FR:FR-MOJ");
    PartyId germany = ExampleWorld.party("DE:DE-BFJ");
    var world = new ExampleWorld(folder,
        TestPki.builder(ExampleWorld.jurisdiction("FR")).authority("FR-MOJ").build(),
        TestPki.builder(ExampleWorld.jurisdiction("DE")).authority("DE-BFJ").build());
    Path packageFile = folder.resolve("request.mlat");
    PackageSealer.builder(AlgorithmPolicy.defaultPolicy(), world.clock).issuer(france, world.signer(france)).trust(world.trust).build()
        .seal(world.request(france, germany),
            List.of(AttachmentSource.ofStream("A1", "ordonnance.txt", "text/plain", () -> new ByteArrayInputStream(ExampleWorld.COURT_ORDER))),
            packageFile);

    // The gateway holds the trust directory, no key.
    PackageGateway gateway = new PackageGateway(world.trust, world.clock, PackageLimits.defaults());
    VerifiedHeader checked = gateway.verifyHeader(packageFile);
    out.println("route " + checked.header().messageType().wireName() + " " + checked.header().messageId() + " from "
        + checked.header().sender() + " to " + checked.header().recipient() + ": header signed by "
        + checked.headerSigner().authority().orElseThrow() + " for " + checked.headerSigner().jurisdiction().code());

    // Someone redirects the package to another recipient on the way.
    byte[] bytes = Files.readAllBytes(packageFile);
    String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\"DE:DE-BFJ\"", "\"DE:DE-BKA\"");
    Path changed = folder.resolve("changed.mlat");
    Files.write(changed, text.getBytes(StandardCharsets.ISO_8859_1));
    try {
      gateway.verifyHeader(changed);
      throw new IllegalStateException("a changed header was accepted");
    } catch (PackageRejectedException e) {
      out.println("refused the changed package: " + e.errorCode().code() + " at stage " + e.stage().number());
      return e;
    }
  }

  public static void main(String[] args) throws Exception {
    run(Files.createTempDirectory("mlat-gateway"), System.out);
  }
}
