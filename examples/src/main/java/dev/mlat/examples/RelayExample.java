/*
 * What this shows: a relay. The US central authority (US:US-DOJ, registered in the trust directory
 * with the relay role) received France's request and forwards it to the executing authority
 * (US:US-FBI) without breaking the French signature: PackageSealer.relay puts the unchanged signed
 * message, encrypted for the FBI, into a new package whose header names DOJ as sender and FR-MOJ as
 * originalSender. The FBI opens it and still sees the request as signed by FR:FR-MOJ for France.
 *
 * Run from the repository root, after `mvn -q -pl examples -am package -DskipTests` (which writes
 * examples/target/examples.cp):
 *   java -cp "examples/target/classes:$(cat examples/target/examples.cp)" dev.mlat.examples.RelayExample
 */
package dev.mlat.examples;

import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.AuthorityRole;
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

/** A central authority forwards a package to an executing authority of its own state. */
public final class RelayExample {

  private RelayExample() {}

  /** Runs the example; returns what the executing authority opened. */
  static VerifiedPackage run(Path folder, PrintStream out) throws Exception {
    PartyId france = ExampleWorld.party("FR:FR-MOJ");
    PartyId doj = ExampleWorld.party("US:US-DOJ");
    PartyId fbi = ExampleWorld.party("US:US-FBI");
    var world = new ExampleWorld(folder,
        TestPki.builder(ExampleWorld.jurisdiction("FR")).authority("FR-MOJ").build(),
        TestPki.builder(ExampleWorld.jurisdiction("US"))
            .authority("US-DOJ", AuthorityRole.SIGN, AuthorityRole.RECEIVE, AuthorityRole.RELAY)
            .authority("US-FBI").build());
    Path toDoj = folder.resolve("to-doj.mlat");
    PackageSealer.builder(AlgorithmPolicy.defaultPolicy(), world.clock).issuer(france, world.signer(france)).trust(world.trust).build()
        .seal(world.request(france, doj),
            List.of(AttachmentSource.ofStream("A1", "ordonnance.txt", "text/plain", () -> new ByteArrayInputStream(ExampleWorld.COURT_ORDER))),
            toDoj);

    // DOJ opens it as the inner recipient ...
    VerifiedPackage atDoj = (VerifiedPackage) PackageOpener.builder(doj, world.keys(doj), world.trust, new InMemorySeenMessageStore())
        .clock(world.clock).quarantine(folder.resolve("doj-quarantine")).build()
        .open(toDoj, Files.createDirectories(folder.resolve("doj-inbox")));
    // ... and relays it: its own signature on the header, the French signature untouched inside.
    Path toFbi = folder.resolve("to-fbi.mlat");
    PackageSealer.builder(AlgorithmPolicy.defaultPolicy(), world.clock).issuer(doj, world.signer(doj)).trust(world.trust).build()
        .relay(atDoj, toDoj, fbi, toFbi);
    out.println("DOJ relayed " + atDoj.header().messageId() + " to " + fbi);

    VerifiedPackage atFbi = (VerifiedPackage) PackageOpener.builder(fbi, world.keys(fbi), world.trust, new InMemorySeenMessageStore())
        .clock(world.clock).quarantine(folder.resolve("fbi-quarantine")).build()
        .open(toFbi, Files.createDirectories(folder.resolve("fbi-inbox")));
    var issuer = atFbi.report().issuerSigners().get(0).trust();
    out.println("FBI opened it (relayed: " + atFbi.report().relayed() + ", via " + atFbi.header().sender() + "): signed by "
        + issuer.authority().orElseThrow() + " for " + issuer.jurisdiction().code());
    return atFbi;
  }

  public static void main(String[] args) throws Exception {
    run(Files.createTempDirectory("mlat-relay"), System.out);
  }
}
