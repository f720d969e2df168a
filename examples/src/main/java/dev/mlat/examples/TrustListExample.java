/*
 * What this shows: distributing trust as a signed trust list (docs/TRUST-LIST.md). A publisher
 * (here a test "NL" authority acting as list operator) signs a list of the jurisdictions FR and US
 * with their anchors, CRLs and authorities (TrustListPublisher). A receiving system holds only the
 * publisher's anchor: TrustListLoader verifies the list's signature, its freshness and that its
 * sequence number never goes backwards, and only then yields a TrustDirectory. A list with a
 * changed byte, or an older list replayed after a newer one, is refused.
 *
 * Run from the repository root, after `mvn -q -pl examples -am package -DskipTests` (which writes
 * examples/target/examples.cp):
 *   java -cp "examples/target/classes:$(cat examples/target/examples.cp)" dev.mlat.examples.TrustListExample
 */
package dev.mlat.examples;

import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.TrustListState;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustList;
import dev.mlat.crypto.trust.TrustListLoader;
import dev.mlat.crypto.trust.TrustListPublisher;
import dev.mlat.crypto.trust.TrustVerifier;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Publish a signed trust list, load it, refuse a tampered one and a rollback. */
public final class TrustListExample {

  private TrustListExample() {}

  /** Runs the example; returns the loaded list. */
  static TrustList run(Path folder, PrintStream out) throws Exception {
    var world = new ExampleWorld(folder,
        TestPki.builder(ExampleWorld.jurisdiction("FR")).authority("FR-MOJ").build(),
        TestPki.builder(ExampleWorld.jurisdiction("US")).authority("US-DOJ").build());
    TestPki operator = TestPki.builder(ExampleWorld.jurisdiction("NL")).authority("NL-TRUSTLIST").build();
    var operatorWorld = new ExampleWorld(folder.resolve("operator"), operator);

    TrustListPublisher publisher = new TrustListPublisher(operatorWorld.signer(ExampleWorld.party("NL:NL-TRUSTLIST")), "Example trust list operator");
    Instant now = Instant.now(world.clock);
    byte[] first = publisher.publish(TrustDirectory.load(world.trustFolder), 1, now, now.plus(Duration.ofDays(7)));
    byte[] second = publisher.publish(TrustDirectory.load(world.trustFolder), 2, now, now.plus(Duration.ofDays(7)));

    TrustListLoader loader = TrustListLoader.builder(List.of(operator.root().certificate()), ExampleWorld.jurisdiction("NL"),
        TrustListState.inMemory()).clock(world.clock).build();
    TrustList list = loader.load(second);
    out.println("loaded trust list " + list.sequenceNumber() + " of '" + list.publisher() + "': " + list.directory().jurisdictions());
    TrustVerifier verifier = TrustVerifier.builder(list.directory()).clock(world.clock).build();
    var recipient = verifier.verifyRecipient(ExampleWorld.party("US:US-DOJ"));
    out.println("US:US-DOJ's encryption certificate is trusted for " + recipient.jurisdiction().code() + " through the list");

    byte[] tampered = second.clone();
    tampered[tampered.length / 2] ^= 1;
    for (byte[] bad : List.of(tampered, first)) {
      try {
        loader.load(bad);
        throw new IllegalStateException("a bad trust list was accepted");
      } catch (MlatCryptoException e) {
        out.println("refused: " + e.errorCode().code());
      }
    }
    return list;
  }

  public static void main(String[] args) throws Exception {
    run(Files.createTempDirectory("mlat-trust-list"), System.out);
  }

}
