package dev.mlat.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlat.core.PartyId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The workload of the {@code ./mlat} launcher's training run (system property
 * {@code mlat.cds.training=true}; docs/PERFORMANCE.md, "Fresh process: JDK 25 AOT cache (session 4)"):
 * in a new temporary folder it makes two throwaway test PKIs ({@code pki init} FR:FR-MOJ and
 * US:US-DOJ, exchanged trust folders), then runs the real {@code seal}, {@code verify} and
 * {@code open} commands on a request with one multi-segment attachment of
 * {@value #ATTACHMENT_BYTES} bytes of pseudo-random data, {@value #ROUNDS} times, and deletes the
 * folder. The class-data archive the JVM writes at the end of that run then holds the classes
 * those commands really load (the same training also serves a JDK 25 AOT cache, as
 * {@code bench/launcher.sh} set {@code aot} makes one: there it also records the method profiles of
 * the hot paths; measured, not adopted).
 *
 * <p>Nothing outside the temporary folder is read or written (no user file, no network); the
 * commands' output goes to a discarded buffer. The keys made are test keys, deleted with the
 * folder; they never leave this process's temporary folder. Not thread-safe; one run per process.
 */
final class TrainingWorkload {

  /** The attachment's size: several segments of the package format, small enough for a background run. */
  static final int ATTACHMENT_BYTES = 12 * 1024 * 1024 + 4321;
  /** Seal, verify and open rounds: the second one runs on the profiles and code of the first. */
  static final int ROUNDS = 2;

  private TrainingWorkload() {}

  /**
   * Runs the workload in a new folder under {@code parent}, which is deleted afterwards.
   *
   * @param parent where the temporary folder is made (the system's temporary folder in the training run)
   * @return the steps that failed, as {@code "mlat <args>: <first error line>"}; empty when all passed
   * @throws IOException when the temporary folder or its files cannot be written or deleted
   */
  static List<String> run(Path parent) throws IOException {
    Objects.requireNonNull(parent, "parent");
    Path dir = Files.createTempDirectory(parent, "mlat-training-");
    try {
      return exercise(dir);
    } finally {
      deleteTree(dir);
    }
  }

  private static List<String> exercise(Path dir) throws IOException {
    CliContext context = new CliContext(Clock.systemUTC(), Map.of(), PasswordPrompt.none(),
        RequestChecks.perInstrument(Locale.ROOT), false);
    var failures = new ArrayList<String>();
    Path fr = dir.resolve("fr");
    Path us = dir.resolve("us");
    // No password given: pki init writes a random one beside the keys (and warns, into the discarded buffer).
    mlat(context, failures, "pki", "init", "--country", "FR", "--authority", "FR-MOJ", "--out", fr.toString());
    mlat(context, failures, "pki", "init", "--country", "US", "--authority", "US-DOJ", "--out", us.toString());
    if (!failures.isEmpty()) {
      return failures;
    }
    OutputFiles.copyTree(us.resolve("trust/US"), fr.resolve("trust/US"));
    OutputFiles.copyTree(fr.resolve("trust/FR"), us.resolve("trust/FR"));

    Path attachment = dir.resolve("attachment.bin");
    byte[] block = new byte[1 << 16];
    var random = new SplittableRandom(ATTACHMENT_BYTES);
    try (OutputStream out = Files.newOutputStream(attachment)) {
      for (int left = ATTACHMENT_BYTES; left > 0; left -= block.length) {
        random.nextBytes(block);
        out.write(block, 0, Math.min(left, block.length));
      }
    }
    Path request = dir.resolve("request.json");
    String recipient = "US:US-DOJ";
    try {
      var mapper = new ObjectMapper();
      var tree = (ObjectNode) mapper.readTree(CliJson.strict().writeRequest(
          DemoCase.request(UUID.randomUUID(), PartyId.parse("FR:FR-MOJ"), PartyId.parse(recipient), context.clock().instant())));
      var a1 = (ObjectNode) tree.path("request").path("attachments").path(0);
      a1.put("sha256", sha256(attachment));
      a1.put("sizeBytes", ATTACHMENT_BYTES);
      a1.put("mediaType", "application/octet-stream");
      Files.write(request, mapper.writeValueAsBytes(tree));
    } catch (dev.mlat.core.MlatException | RuntimeException e) {
      failures.add("request: " + e);
      return failures;
    }

    for (int round = 0; round < ROUNDS; round++) {
      Path pkg = dir.resolve("request-" + round + ".mlat");
      mlat(context, failures, "seal", request.toString(), "--attach", attachment.toString(), "--signer",
          fr.resolve("FR-MOJ-signing.p12").toString(), "--to", recipient, "--trust", fr.resolve("trust").toString(),
          "--out", pkg.toString(), "--password-file", fr.resolve("FR-MOJ.password").toString());
      mlat(context, failures, "verify", pkg.toString(), "--trust", us.resolve("trust").toString());
      mlat(context, failures, "open", pkg.toString(), "--key", us.resolve("US-DOJ-encryption.p12").toString(),
          "--trust", us.resolve("trust").toString(), "--out", dir.resolve("opened-" + round).toString(),
          "--password-file", us.resolve("US-DOJ.password").toString());
    }
    return failures;
  }

  private static void mlat(CliContext context, List<String> failures, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int status = Cli.execute(context, new PrintWriter(out), new PrintWriter(err), args);
    if (status != 0) {
      failures.add("mlat " + String.join(" ", args) + ": exit " + status + ": " + err.toString().strip().lines().findFirst().orElse(""));
    }
  }

  private static String sha256(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      var digest = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
