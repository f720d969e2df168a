package dev.mlat.transport.pkg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.validation.Level;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.pkg.internal.HeaderJson;
import dev.mlat.transport.pkg.internal.MessageDocument;
import dev.mlat.transport.pkg.internal.StrictJson;
import dev.mlat.transport.receipt.internal.ReceiptJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Fuzz targets of the package reader and its parsers: any input is accepted or refused with the
 * module's checked exception (the parsers: {@code StrictJson.Bad}); any other exception, a hang or
 * memory exhaustion is a finding. The normal build replays the corpus under
 * {@code src/test/resources/dev/mlat/transport/pkg/PackageReaderFuzzTestInputs/<method>/}; run with
 * {@code JAZZER_FUZZ=1} to fuzz (docs/FUZZING.md).
 */
class PackageReaderFuzzTest {
  private static final Path DIR;
  private static final PackageOpener OPENER;
  private static final MlatJson JSON = MlatJson.strict();

  static {
    try {
      DIR = Files.createTempDirectory("mlat-pkg-fuzz");
      OPENER = PackageOpener.builder(PackageFixture.party("DE:DE-BFJ"), PackageFixture.keyRing(PackageFixture.party("DE:DE-BFJ")),
          PackageFixture.TRUST, new InMemorySeenMessageStore()).clock(PackageFixture.CLOCK).quarantine(DIR.resolve("q"))
          .requestLevel(Level.DRAFT).limits(PackageLimits.defaults().withMaxPackageBytes(1 << 20)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void openerAcceptsOrRejectsCleanly(byte[] input) throws IOException {
    Path file = DIR.resolve("input.mlat");
    Path out = DIR.resolve("out");
    Files.write(file, input);
    Files.createDirectories(out);
    try {
      OPENER.open(file, out);
    } catch (MlatTransportException expected) {
      // every refusal carries a code and a stage: the contract under test
    } finally {
      try (Stream<Path> s = Files.walk(out)) {
        s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(out)).forEach(p -> p.toFile().delete());
      }
    }
  }

  @FuzzTest(maxDuration = "30s")
  void headerParserAcceptsOrRejectsCleanly(byte[] input) {
    try {
      HeaderJson.read(input, 1004);
    } catch (StrictJson.Bad expected) {
      // refused with the JSON path of the problem
    }
  }

  @FuzzTest(maxDuration = "30s")
  void messageDocumentAcceptsOrRejectsCleanly(byte[] input) {
    try {
      MessageDocument.read(input, JSON, 1000);
    } catch (StrictJson.Bad expected) {
      // refused with the JSON path of the problem
    }
  }

  @FuzzTest(maxDuration = "30s")
  void receiptParserAcceptsOrRejectsCleanly(byte[] input) {
    try {
      ReceiptJson.read(input);
    } catch (StrictJson.Bad expected) {
      // refused with the JSON path of the problem
    }
  }
}
