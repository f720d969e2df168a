package dev.mlat.transport.https;

import static dev.mlat.transport.https.HttpsFixture.DE_BFJ;
import static dev.mlat.transport.https.HttpsFixture.FR_MOJ;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver in another JVM is killed with SIGKILL in the middle of a 300 MB upload; after a
 * restart on the same store the sender resumes, the package is handed over exactly once, and a
 * resend gets the stored receipt without a second hand-over.
 */
class HttpsReceiverKillTest {
  private static final long SIZE = 300L * 1000 * 1000;

  @TempDir Path folder;

  @Test
  void aReceiverKilledMidUploadLosesNothingAndDeliversNothingTwice() throws Exception {
    var pki = new HttpsFixture(folder);
    var de = pki.de.authority("DE-BFJ").tls();
    Path key = folder.resolve("de-key.pem");
    Path chain = folder.resolve("de-chain.pem");
    de.writePrivateKeyPem(key);
    de.writeChainPem(chain);
    Path store = folder.resolve("store");
    Path log = folder.resolve("handed-over.log");
    Path file = folder.resolve("evidence.mlat");
    String sha = HttpsFixture.writePackage(file, FR_MOJ, "OK", SIZE);
    var verifier = pki.verifier();
    try {
      Process first = startReceiver(pki.trustFolder, store, key, chain, log);
      int port = portOf(first);
      var channel = channel(pki, verifier, port);
      var upload = CompletableFuture.supplyAsync(() -> {
        try {
          return channel.deliver(file, sha, "msg-evidence", DE_BFJ);
        } catch (Exception e) {
          return e;
        }
      });
      Path part = store.resolve("partial/" + sha + ".part");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!(Files.exists(part) && Files.size(part) > 20_000_000) && System.nanoTime() < deadline && !upload.isDone()) {
        Thread.sleep(5);
      }
      first.destroyForcibly(); // SIGKILL on Linux
      first.waitFor();
      Object outcome = upload.get();
      assertThat(outcome).as("the upload must have been cut by the kill, not finished").isInstanceOf(Exception.class);
      assertThat(Files.exists(log) ? Files.readAllLines(log) : List.of()).isEmpty();
      long held = Files.size(part);
      assertThat(held).isGreaterThan(20_000_000).isLessThan(Files.size(file));
      // Change bytes the receiver already holds: only a resumed upload still matches the digest.
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        raf.seek(1000);
        raf.write(new byte[1_000_000]);
      }

      Process second = startReceiver(pki.trustFolder, store, key, chain, log);
      try {
        var again = channel(pki, verifier, portOf(second));
        Answer answer = again.deliver(file, sha, "msg-evidence", DE_BFJ);
        Answer resend = again.deliver(file, sha, "msg-evidence", DE_BFJ);

        assertThat(answer).isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));
        assertThat(resend).isEqualTo(answer);
        assertThat(Files.readAllLines(log)).containsExactly(sha);
      } finally {
        second.destroyForcibly();
        second.waitFor();
      }
    } finally {
      Files.deleteIfExists(file);
      try (var s = Files.walk(store)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static HttpsChannel channel(HttpsFixture pki, dev.mlat.crypto.trust.TrustVerifier verifier, int port) {
    return HttpsChannel.builder(verifier, pki.tls(pki.fr, "FR-MOJ"))
        .endpoint(DE_BFJ, URI.create("https://127.0.0.1:" + port + "/"))
        .requestTimeout(Duration.ofSeconds(120))
        .build();
  }

  private static Process startReceiver(Path trust, Path store, Path key, Path chain, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), ReceiverProcessMain.class.getName(),
        trust.toString(), store.toString(), key.toString(), chain.toString(), log.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static int portOf(Process p) throws Exception {
    var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
    String line = reader.readLine();
    if (line == null || !line.startsWith("PORT ")) {
      throw new AssertionError("the receiver process did not start: " + line);
    }
    return Integer.parseInt(line.substring(5).trim());
  }
}
