package dev.mlat.transport.https;

import static dev.mlat.transport.https.HttpsFixture.DE_BFJ;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.PartyId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four senders (four FR authorities, each its own TLS identity and connection pool) deliver 1,000
 * packages to one receiver over real TLS on loopback; each package is handed over exactly once and
 * each sender holds the matching receipt. Prints packages per second (no timing assertion).
 */
class HttpsLoadTest {
  private static final int SENDERS = 4;
  private static final int PER_SENDER = 250;

  @TempDir Path folder;

  @Test
  void severalSendersDeliverAThousandPackagesWithNothingLostOrDuplicated() throws Exception {
    var pki = new HttpsFixture(folder);
    var verifier = pki.verifier();
    var application = new HttpsFixture.Application();
    try (var receiver = HttpsReceiver.builder(verifier, pki.tls(pki.de, "DE-BFJ"), application, HttpsFixture.ROUTING,
        folder.resolve("store")).build()) {
      receiver.start();
      String[] senders = {"FR-MOJ", "FR-S1", "FR-S2", "FR-S3"};
      Map<String, Answer> answers = new ConcurrentHashMap<>();
      List<String> all = new ArrayList<>();
      List<List<Path>> files = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        var list = new ArrayList<Path>();
        for (int i = 0; i < PER_SENDER; i++) {
          Path f = folder.resolve(senders[s] + "-" + i + ".mlat");
          all.add(HttpsFixture.writePackage(f, new PartyId(HttpsFixture.FR, senders[s]), "OK", 2000 + i));
          list.add(f);
        }
        files.add(list);
      }
      ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
      long start = System.nanoTime();
      var futures = new ArrayList<Future<?>>();
      for (int s = 0; s < SENDERS; s++) {
        int sender = s;
        var channel = HttpsChannel.builder(verifier, pki.tls(pki.fr, senders[s])).endpoint(DE_BFJ, HttpsFixture.endpoint(receiver)).build();
        futures.add(pool.submit(() -> {
          for (int i = 0; i < PER_SENDER; i++) {
            String sha = all.get(sender * PER_SENDER + i);
            Answer a = channel.deliver(files.get(sender).get(i), sha, "msg-" + sender + "-" + i, DE_BFJ);
            while (a instanceof Answer.TemporaryFailure) {
              Thread.sleep(100);
              a = channel.deliver(files.get(sender).get(i), sha, "msg-" + sender + "-" + i, DE_BFJ);
            }
            answers.put(sha, a);
          }
          return null;
        }));
      }
      for (var f : futures) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      System.out.printf("HTTPS load: %d packages from %d senders in %.2f s: %.0f packages/s%n",
          all.size(), SENDERS, seconds, all.size() / seconds);
      Files.writeString(Path.of("target", "https-load.txt"),
          String.format("%d packages, %d senders, %.2f s, %.0f packages/s%n", all.size(), SENDERS, seconds, all.size() / seconds));

      assertThat(all).doesNotHaveDuplicates().hasSize(SENDERS * PER_SENDER);
      assertThat(answers).hasSize(all.size());
      for (String sha : all) {
        assertThat(answers.get(sha)).isEqualTo(Answer.receipt(HttpsFixture.receiptOf(sha)));
        assertThat(application.count(sha)).as(sha).isEqualTo(1);
      }
      assertThat(application.handedOver).hasSize(all.size());
    }
  }
}
