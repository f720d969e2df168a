/*
 * What this shows: the package API end to end, as two ministries' systems use it.
 *
 * France (FR:FR-MOJ) seals a request with its court order for the US central authority
 * (US:US-DOJ): PackageSealer signs the message inside, encrypts it for the recipient's encryption
 * certificate found in the trust directory, encrypts the attachment in segments and signs the
 * routing header. The US opens it with PackageOpener (structure, header signature, recipient,
 * entries, expiry, decryption, the issuer's signature and jurisdiction, the binding, the content:
 * nothing is released before all passed), answers with a signed receipt, and France checks the
 * receipt against what it sent: proof of delivery.
 *
 * Run from the repository root, after `mvn -q -pl examples -am package -DskipTests` (which writes
 * examples/target/examples.cp):
 *   java -cp "examples/target/classes:$(cat examples/target/examples.cp)" dev.mlat.examples.SealAndOpenExample
 * (build the class path as in BuildRequestExample).
 */
package dev.mlat.examples;

import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.InMemorySeenMessageStore;
import dev.mlat.transport.pkg.OpenResult;
import dev.mlat.transport.pkg.PackageOpener;
import dev.mlat.transport.pkg.PackageSealer;
import dev.mlat.transport.pkg.SealedPackage;
import dev.mlat.transport.pkg.VerifiedPackage;
import dev.mlat.transport.receipt.ReceiptIssuer;
import dev.mlat.transport.receipt.ReceiptVerifier;
import dev.mlat.transport.receipt.VerifiedReceipt;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Seal, open, receipt, receipt check. */
public final class SealAndOpenExample {

  private SealAndOpenExample() {}

  /** Runs the example in {@code folder}, printing each step to {@code out}. */
  static VerifiedPackage run(Path folder, PrintStream out) throws Exception {
    PartyId france = ExampleWorld.party("FR:FR-MOJ");
    PartyId us = ExampleWorld.party("US:US-DOJ");
    var world = new ExampleWorld(folder,
        TestPki.builder(ExampleWorld.jurisdiction("FR")).authority("FR-MOJ").build(),
        TestPki.builder(ExampleWorld.jurisdiction("US")).authority("US-DOJ").build());

    // France: seal the request and its court order for the US central authority.
    PackageSealer sealer = PackageSealer.builder(AlgorithmPolicy.defaultPolicy(), world.clock)
        .issuer(france, world.signer(france))
        .trust(world.trust)
        .build();
    Path packageFile = folder.resolve("request.mlat");
    SealedPackage sealed = sealer.seal(world.request(france, us),
        List.of(AttachmentSource.ofStream("A1", "ordonnance.txt", "text/plain", () -> new ByteArrayInputStream(ExampleWorld.COURT_ORDER))),
        packageFile);
    out.println("FR sealed " + sealed.messageType().wireName() + " " + sealed.messageId() + " (" + sealed.size() + " bytes, header digest "
        + sealed.headerSha256() + ")");

    // United States: open it through every check, into its inbox.
    PackageOpener opener = PackageOpener.builder(us, world.keys(us), world.trust, new InMemorySeenMessageStore())
        .clock(world.clock).quarantine(folder.resolve("us-quarantine")).build();
    Path inbox = Files.createDirectories(folder.resolve("us-inbox"));
    OpenResult result = opener.open(packageFile, inbox);
    VerifiedPackage opened = (VerifiedPackage) result;   // a fresh store never reports a resend
    var signer = opened.report().issuerSigners().get(0).trust();
    out.println("US opened it: signed by " + signer.authority().orElseThrow() + " for " + signer.jurisdiction().code()
        + "; attachment " + opened.attachments().get(0).id() + " in " + opened.attachments().get(0).file());

    // United States: a signed receipt naming the message id and the package's SHA-256.
    byte[] receipt = new ReceiptIssuer(us, world.signer(us), world.clock).accepted(opened, Optional.empty());

    // France: is it the recipient's receipt for exactly these bytes?
    VerifiedReceipt checked = new ReceiptVerifier(world.trust, world.clock).check(receipt, sealed);
    out.println("FR checked the receipt: " + (checked.accepted() ? "accepted" : "refused") + " by " + checked.receipt().receiver()
        + " at " + checked.receipt().received());
    if (!new String(Files.readAllBytes(opened.attachments().get(0).file()), StandardCharsets.UTF_8)
        .equals(new String(ExampleWorld.COURT_ORDER, StandardCharsets.UTF_8))) {
      throw new IllegalStateException("the attachment changed");
    }
    return opened;
  }

  public static void main(String[] args) throws Exception {
    Path folder = Files.createTempDirectory("mlat-seal-open");
    run(folder, System.out);
    System.out.println("Files in " + folder);
  }
}
