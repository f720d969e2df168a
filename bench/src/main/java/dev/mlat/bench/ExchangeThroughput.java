package dev.mlat.bench;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.CaseDescription;
import dev.mlat.core.model.DocumentType;
import dev.mlat.core.model.Parties;
import dev.mlat.core.model.Party;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.testing.SampleRequests;
import dev.mlat.core.validation.Level;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.testing.TestAuthority;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.AuditHead;
import dev.mlat.transport.exchange.CheckedReceipt;
import dev.mlat.transport.exchange.ExchangeService;
import dev.mlat.transport.exchange.HttpsExchangeChannel;
import dev.mlat.transport.exchange.PackagePipelineCodec;
import dev.mlat.transport.exchange.RetryPolicy;
import dev.mlat.transport.exchange.SendTicket;
import dev.mlat.transport.https.HttpsChannel;
import dev.mlat.transport.https.HttpsReceiver;
import dev.mlat.transport.https.IncomingPackages;
import dev.mlat.transport.https.TlsIdentity;
import dev.mlat.core.ErrorCode;
import dev.mlat.core.MlatException;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.SeenMessageStore;
import dev.mlat.transport.exchange.OpenResult;
import dev.mlat.transport.exchange.PackageCodec;
import dev.mlat.transport.exchange.SealedPackage;
import dev.mlat.transport.ledger.AuditHeadSigner;
import dev.mlat.transport.ledger.AuditVerification;
import dev.mlat.transport.pkg.PipelineStage;
import dev.mlat.transport.ledger.CmsAuditHeadSigner;
import dev.mlat.transport.ledger.CmsAuditHeadVerifier;
import dev.mlat.transport.ledger.InboxEntry;
import dev.mlat.transport.ledger.InboxState;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.LedgerSettings;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.ledger.OutboxState;
import dev.mlat.transport.pkg.AttachmentSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Packages per second through the HTTPS channel with several senders, end to end, on the
 * production path of {@code mlat demo} (docs/LEDGER.md "Embedding"): S sending authorities of
 * France (FR:FR-MOJ, FR:FR-S1, ...; each with its own TLS identity, signing key, SQLite ledger,
 * {@link PackagePipelineCodec} and {@link ExchangeService} over {@link HttpsExchangeChannel}) send N
 * requests each to one central authority (DE:DE-BFJ by default) whose {@link HttpsReceiver} hands
 * every upload to its own exchange service: header check, decryption, signatures, trust,
 * validation, its own SQLite ledger, a signed receipt carrying the ledger's audit head, answered in
 * the HTTP response and checked and recorded by the sender.
 *
 * <p>All in one JVM on loopback with mutual TLS; the PKIs are generated at start
 * ({@link TestPki}, ECDSA P-256). Phases, each measured (wall time, CPU time by thread group, load
 * average):
 * <ol>
 *   <li>warm-up: W messages per sender through the whole path (not timed);
 *   <li>seal: every sender thread calls {@link ExchangeService#send} for its N messages (sealing,
 *       durable blob, outbox transaction): the sealing rate alone;
 *   <li>exchange: every sender thread runs {@link ExchangeService#runOnce()} rounds until its
 *       ledger holds no pending message (each message delivered with a checked, recorded receipt);
 *       the receiver's service runs its own loop ({@link ExchangeService#start()}) for the delivery
 *       step;
 *   <li>with {@code --rounds R}, the seal and exchange phases again, R times in all, each reported:
 *       a JVM that W warm-up messages do not warm fully (the JIT still compiles, the heap still
 *       sizes) shows it as rounds that differ; the last round is the steady state;
 *   <li>checks: the receiver's ledger holds every message once and its handler got each once;
 *       every sender's outbox entry is DELIVERED with a receipt, which is checked again; every
 *       ledger's audit trail verifies ({@link Ledger#verifyAuditTrail}), the receiver's against
 *       the heads its receipts carried.
 * </ol>
 *
 * <pre>
 * ExchangeThroughput [--senders S] [--per-sender N] [--warmup W] [--rounds R] [--attachment BYTES]
 *                    [--request-bytes B] [--receiver DE:DE-BFJ] [--dir DIR] [--keep]
 * </pre>
 * Prints {@code key=value} lines; exits non-zero when a check fails.
 */
public final class ExchangeThroughput {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final MlatJson JSON = MlatJson.strict();

  private int senders = 4;
  private int perSender = 250;
  private int warmup = 20;
  private int rounds = 1;
  private long attachmentBytes = 0;
  private int requestBytes = 10_000;
  private PartyId receiverParty = PackageRun.party("DE:DE-BFJ");
  private Path dir = Path.of("data/exchange");
  private boolean keep;

  private final Clock clock = Clock.systemUTC();
  private final AlgorithmPolicy policy = AlgorithmPolicy.defaultPolicy();
  private byte[] attachmentTemplate;
  private Request template;

  private ExchangeThroughput() {}

  public static void main(String[] args) throws Exception {
    ExchangeThroughput bench = new ExchangeThroughput();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--senders" -> bench.senders = positive(args[++i], "--senders");
        case "--per-sender" -> bench.perSender = positive(args[++i], "--per-sender");
        case "--warmup" -> bench.warmup = Integer.parseInt(args[++i]);
        case "--rounds" -> bench.rounds = positive(args[++i], "--rounds");
        case "--attachment" -> bench.attachmentBytes = Long.parseLong(args[++i]);
        case "--request-bytes" -> bench.requestBytes = Integer.parseInt(args[++i]);
        case "--receiver" -> bench.receiverParty = PackageRun.party(args[++i]);
        case "--dir" -> bench.dir = Path.of(args[++i]);
        case "--keep" -> bench.keep = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (--senders, --per-sender, --warmup, --rounds, --attachment, --request-bytes, --receiver, --dir, --keep)");
      }
    }
    if (bench.senders > 30) {
      throw new IllegalArgumentException("--senders at most 30 (the receiver takes 32 uploads at once by default)");
    }
    if (bench.attachmentBytes < 0 || bench.attachmentBytes > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("--attachment must be 0 to 2 GiB");
    }
    System.exit(bench.run() ? 0 : 1);
  }

  private static int positive(String text, String option) {
    int n = Integer.parseInt(text);
    if (n < 1) {
      throw new IllegalArgumentException(option + " must be positive, got " + n);
    }
    return n;
  }

  /** One side: keys, trust, ledger, codec, service; a receiver also its HTTPS endpoint. */
  private static final class Node implements AutoCloseable {
    final PartyId self;
    final Path home;
    TrustVerifier trust;
    PackagePipelineCodec codec;
    TimedCodec timedCodec;
    Ledger ledger;
    ExchangeService service;
    HttpsReceiver receiver;
    TlsIdentity tls;
    final List<SendTicket> tickets = new ArrayList<>();

    Node(PartyId self, Path home) {
      this.self = self;
      this.home = home;
    }

    @Override
    public void close() {
      if (receiver != null) {
        receiver.close();
      }
      if (service != null) {
        service.close();
      }
      if (ledger != null) {
        ledger.close();
      }
    }
  }

  private boolean run() throws Exception {
    PackageRun.deleteTree(dir);
    Files.createDirectories(dir);
    line("exchange", "jdk=" + System.getProperty("java.version") + " vm=" + System.getProperty("java.vm.name").replace(' ', '_')
        + " cpus=" + Runtime.getRuntime().availableProcessors() + " senders=" + senders + " perSender=" + perSender + " warmup=" + warmup + " rounds=" + rounds
        + " attachmentBytes=" + attachmentBytes + " receiver=" + receiverParty + " dir=" + dir.toAbsolutePath() + " load=" + load());
    line("fsync", String.format(Locale.ROOT, "ms=%.2f (one 4 KiB write + FileChannel.force(true) in %s, median of 30)",
        fsyncMillis(dir), dir));

    // PKIs: FR with one authority per sender, the receiver's jurisdiction with the receiver.
    List<String> senderIds = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      senderIds.add(s == 0 ? "FR-MOJ" : "FR-S" + s);
    }
    TestPki.Builder frBuilder = TestPki.builder(Jurisdiction.of("FR"));
    senderIds.forEach(frBuilder::authority);
    TestPki fr = frBuilder.build();
    TestPki central = TestPki.builder(receiverParty.jurisdiction()).authority(receiverParty.identifier()).build();
    if (receiverParty.jurisdiction().equals(Jurisdiction.of("FR"))) {
      throw new IllegalArgumentException("the receiver must not be French (the senders are)");
    }
    Path trustFolder = dir.resolve("trust");
    fr.writeTo(trustFolder);
    central.writeTo(trustFolder);

    template = paddedRequest(requestBytes);
    attachmentTemplate = new byte[(int) attachmentBytes];
    new Random(42).nextBytes(attachmentTemplate);

    Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    LongAdder receiveCpu = new LongAdder();
    LongAdder receiveWall = new LongAdder();
    LongAdder receiveCalls = new LongAdder();
    List<Node> senderNodes = new ArrayList<>();
    Node receiver = node(receiverParty, central, trustFolder);
    try {
      // The receiver: HttpsReceiver -> its exchange service's inbound path (timed per call on the HTTPS thread).
      IncomingPackages inbound = (peer, file, sha) -> {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try (Timer t = TIMINGS.start("receiver: inbound path (all of the below on the receiver)")) {
          return receiver.service.incomingPackages().receive(peer, file, sha);
        } finally {
          receiveCpu.add(THREADS.getCurrentThreadCpuTime() - c0);
          receiveWall.add(System.nanoTime() - t0);
          receiveCalls.increment();
        }
      };
      receiver.receiver = HttpsReceiver.builder(receiver.trust, receiver.tls, inbound, receiver.codec.routing(), receiver.home.resolve("https-store"))
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).clock(clock).build();
      receiver.receiver.start();
      // The receiver sends nothing here; its channel names a first sender's address that is never used.
      HttpsChannel unused = HttpsChannel.builder(receiver.trust, receiver.tls)
          .endpoint(PackageRun.party("FR:FR-MOJ"), URI.create("https://127.0.0.1:9/")).clock(clock).build();
      receiver.service = ExchangeService.builder(receiver.ledger, receiver.timedCodec, new HttpsExchangeChannel(unused),
              receiver.home.resolve("work"))
          .handler((delivery, tx) -> handled.computeIfAbsent(delivery.entry().messageId(), k -> new AtomicInteger()).incrementAndGet())
          .pollInterval(Duration.ofMillis(20))
          .build();
      receiver.service.start();
      URI endpoint = URI.create("https://127.0.0.1:" + receiver.receiver.address().getPort() + "/");

      for (String id : senderIds) {
        Node n = node(new PartyId(Jurisdiction.of("FR"), id), fr, trustFolder);
        HttpsChannel https = HttpsChannel.builder(n.trust, n.tls).endpoint(receiverParty, endpoint).clock(clock).build();
        n.service = ExchangeService.builder(n.ledger, n.timedCodec, new TimedChannel(new HttpsExchangeChannel(https)), n.home.resolve("work"))
            .handler((delivery, tx) -> {
              throw new IllegalStateException("a sender got a message: " + delivery.entry().messageId());
            })
            .retry(new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(500)))
            .build();
        senderNodes.add(n);
      }
      byte[] sampleJson = JSON.writeMessage(message(senderNodes.get(0).self, UUID.randomUUID()));
      line("setup", "requestJsonBytes=" + sampleJson.length + " endpoint=" + endpoint + " load=" + load());

      if (warmup > 0) {
        Phase seal = sealPhase(senderNodes, warmup);
        Phase exchange = exchangePhase(senderNodes, warmup);
        line("warmup", String.format(Locale.ROOT, "packages=%d seal_s=%.2f exchange_s=%.2f", warmup * senders, seal.seconds(),
            exchange.seconds()));
      }
      long lastReceipt = 0;
      List<double[]> roundRates = new ArrayList<>(); // exchange packages/s, CPU ms per package, end-to-end packages/s
      for (int round = 1; round <= rounds; round++) {
        if (rounds > 1) {
          line("round", round + " of " + rounds
              + " (the last round is the steady state; compare the rounds to see whether it was reached)");
        }
        receiveCpu.reset();
        receiveWall.reset();
        receiveCalls.reset();
        TIMINGS.reset();

        int total = senders * perSender;
        long firstSeal = System.nanoTime();
        Phase seal = sealPhase(senderNodes, perSender);
        Phase exchange = exchangePhase(senderNodes, perSender);
        long packageBytes = Files.size(senderNodes.get(0).ledger.blobs().verifiedFile(senderNodes.get(0).tickets.get(0).packageSha256()));
        lastReceipt = exchange.endNanos;
        double receiveCalled = receiveCalls.sum();

        line("result", String.format(Locale.ROOT, "packageBytes=%d packages=%d", packageBytes, total));
        line("seal", String.format(Locale.ROOT, "packages=%d seconds=%.2f packagesPerSecond=%.1f %s load=%s", total, seal.seconds(),
            total / seal.seconds(), seal.cpu.format(total), seal.load));
        line("exchange", String.format(Locale.ROOT, "packages=%d seconds=%.2f packagesPerSecond=%.1f failedAttempts=%d %s load=%s", total,
            exchange.seconds(), total / exchange.seconds(), exchange.attempts, exchange.cpu.format(total), exchange.load));
        double endToEndSeconds = (lastReceipt - firstSeal) / 1e9;
        roundRates.add(new double[] {total / exchange.seconds(), exchange.cpu.process() / 1e6 / total, total / endToEndSeconds});
        line("endToEnd", String.format(Locale.ROOT, "packages=%d seconds=%.2f packagesPerSecond=%.1f"
                + " (first seal to last receipt checked and recorded; sealing and sending in sequence) load=%s", total,
            endToEndSeconds, total / endToEndSeconds, load()));
        line("receiverInbound", String.format(Locale.ROOT, "calls=%.0f cpuMsPerPackage=%.2f wallMsPerPackage=%.2f"
                + " (ExchangeService inbound path on the HTTPS thread: open, verify, ledger, receipt)", receiveCalled,
            receiveCpu.sum() / 1e6 / Math.max(1, receiveCalled), receiveWall.sum() / 1e6 / Math.max(1, receiveCalled)));
        TIMINGS.print(total);
      }
      if (rounds > 1) {
        List<double[]> last = roundRates.subList(Math.max(1, rounds - 3), rounds);
        line("steady", String.format(Locale.ROOT, "rounds=%d-%d (median) exchange packagesPerSecond=%.1f cpuMsPerPackage=%.2f"
                + " endToEnd packagesPerSecond=%.1f (round 1: %.1f, %.2f, %.1f)", rounds - last.size() + 1, rounds, median(last, 0),
            median(last, 1), median(last, 2), roundRates.get(0)[0], roundRates.get(0)[1], roundRates.get(0)[2]));
      }
      // The receiver's delivery step (handler) may still be running: wait for it, outside the timing.
      long waitStart = System.nanoTime();
      int expected = senders * (perSender * rounds + warmup);
      while (handled.size() < expected && System.nanoTime() - waitStart < 120e9) {
        Thread.sleep(20);
      }
      double handlerLag = (System.nanoTime() - lastReceipt) / 1e9;
      line("handler", String.format(Locale.ROOT, "delivered=%d expected=%d lagAfterLastReceipt_s=%.2f", handled.size(), expected,
          handlerLag));
      return check(receiver, senderNodes, handled, expected, central, fr);
    } finally {
      for (Node n : senderNodes) {
        n.close();
      }
      receiver.close();
      if (!keep) {
        PackageRun.deleteTree(dir);
      }
    }
  }

  private Node node(PartyId self, TestPki pki, Path trustFolder) throws Exception {
    TestAuthority authority = pki.authority(self.identifier());
    Node n = new Node(self, dir.resolve(self.jurisdiction().code() + "-" + self.identifier()));
    Files.createDirectories(n.home);
    n.trust = TrustVerifier.builder(TrustDirectory.load(trustFolder)).clock(clock).build();
    var signing = authority.signing();
    CmsSigner signer = CmsSigner.builder(policy, clock)
        .signer(self.jurisdiction(), KeyIdentity.of(signing.keyPair().getPrivate(), signing.chain()),
            pki.algorithm().signatureAlgorithm())
        .build();
    var encryption = authority.encryption();
    n.codec = PackagePipelineCodec.builder(self, signer, KeyRing.of(KeyIdentity.of(encryption.keyPair().getPrivate(), encryption.chain())),
            n.trust)
        .quarantine(n.home.resolve("quarantine")).clock(clock)
        // the sample request is a realistic draft (one measure lacks its data description); validation still runs
        .requestLevel(Level.DRAFT)
        .build();
    n.timedCodec = new TimedCodec(n.codec);
    CmsAuditHeadSigner heads = new CmsAuditHeadSigner(signer, self + " ledger");
    n.ledger = Ledger.open(LedgerSettings.sqlite(n.home.resolve("ledger.db"), n.home.resolve("blobs")), clock,
        new AuditHeadSigner() {
          @Override
          public byte[] sign(byte[] content) throws MlatTransportException {
            try (Timer t = TIMINGS.start("ledger: audit head signing (in the write transaction)")) {
              return heads.sign(content);
            }
          }

          @Override
          public String signer() {
            return heads.signer();
          }
        });
    n.tls = TlsIdentity.of(authority.tls().keyPair().getPrivate(), authority.tls().chain());
    return n;
  }

  /**
   * The sample French request without attachments, its summary of facts lengthened until the
   * message JSON reaches {@code bytes}, issued an hour ago with a deadline in 30 days (the
   * lifecycle refuses a deadline before the message's timestamp).
   */
  private Request paddedRequest(int bytes) throws Exception {
    Request sample = SampleRequests.frenchPreservationAndProduction();
    CaseDescription cd = sample.caseDescription().orElseThrow();
    String base = cd.summaryOfFacts().orElse("");
    String sentence = " On 14 February 2026 at 21:37 the hospital's file servers were encrypted and a ransom note demanding"
        + " 40 bitcoins was left on every workstation; the investigators found in the firewall logs that the note had been"
        + " uploaded from the address named above, over a connection that lasted eleven minutes.";
    StringBuilder summary = new StringBuilder(base);
    Request r = sample;
    while (JSON.writeMessage(new RequestMessage(header(PackageRun.party("FR:FR-MOJ"), UUID.randomUUID(), r.id()), r)).length < bytes) {
      summary.append(sentence);
      r = sample.toBuilder().caseDescription(new CaseDescription(Optional.of(summary.toString()), cd.offences(), cd.occurrences(),
          cd.necessityAndProportionality())).build();
    }
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    return r.toBuilder().attachments(List.of()).issuedAt(now.minus(Duration.ofHours(1))).deadline(now.plus(Duration.ofDays(30))).build();
  }

  private MessageHeader header(PartyId sender, UUID messageId, UUID requestId) {
    return new MessageHeader(messageId, requestId, sender, receiverParty, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
  }

  /** A new request (fresh request and message ids) from {@code sender}, its central authority named as transmitting. */
  private RequestMessage message(PartyId sender, UUID requestId) {
    Parties p = template.parties();
    Parties parties = new Parties(p.issuingAuthority(), p.validatingAuthority(),
        Optional.of(new Party(sender, "Ministère de la Justice (" + sender.identifier() + ")", Optional.empty(), Optional.empty(),
            Optional.empty())),
        Optional.of(new Party(receiverParty, "Central authority " + receiverParty, Optional.empty(), Optional.empty(), Optional.empty())),
        p.executingAuthority(), p.serviceProvider(), p.contactPersons());
    return new RequestMessage(header(sender, UUID.randomUUID(), requestId), template.toBuilder().id(requestId).parties(parties).build());
  }

  private record Outgoing(RequestMessage message, List<AttachmentSource> sources) {}

  private Outgoing outgoing(PartyId sender, int n) throws Exception {
    RequestMessage m = message(sender, UUID.randomUUID());
    if (attachmentBytes == 0) {
      return new Outgoing(m, List.of());
    }
    byte[] bytes = attachmentTemplate.clone();
    byte[] id = m.header().messageId().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(id, 0, bytes, 0, Math.min(id.length, bytes.length)); // every attachment distinct (no blob sharing)
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    Attachment ref = new Attachment("A1", DocumentType.COURT_ORDER, "application/pdf", bytes.length, sha, Optional.of("fr"),
        Optional.of("court order " + n), Optional.empty());
    RequestMessage withRef = new RequestMessage(m.header(), m.request().toBuilder().attachments(List.of(ref)).build());
    return new Outgoing(withRef, List.of(AttachmentSource.ofStream("A1", "order-" + n + ".pdf", "application/pdf",
        () -> new ByteArrayInputStream(bytes))));
  }

  // ------------------------------------------------------------------ phases

  private static final class Phase {
    long startNanos;
    long endNanos;
    int attempts;
    CpuSplit cpu;
    String load;

    double seconds() {
      return (endNanos - startNanos) / 1e9;
    }
  }

  private interface SenderWork {
    void run(Node node) throws Exception;
  }

  /** Runs {@code work} on one thread per sender, all starting together; returns the wall time and the CPU split. */
  private Phase parallel(List<Node> nodes, String name, SenderWork work) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(nodes.size() + 1);
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    LongAdder workerCpu = new LongAdder();
    for (Node n : nodes) {
      Thread t = new Thread(() -> {
        try {
          barrier.await();
          work.run(n);
        } catch (Throwable e) {
          failures.add(e);
        } finally {
          workerCpu.add(THREADS.getCurrentThreadCpuTime()); // the thread ends before the phase's last snapshot
        }
      }, "sender-" + name + "-" + n.self.identifier());
      threads.add(t);
      t.start();
    }
    Phase phase = new Phase();
    CpuSnapshot before = CpuSnapshot.take();
    phase.startNanos = System.nanoTime();
    barrier.await();
    for (Thread t : threads) {
      t.join();
    }
    phase.endNanos = System.nanoTime();
    phase.cpu = CpuSnapshot.take().minus(before, workerCpu.sum());
    phase.load = load();
    if (!failures.isEmpty()) {
      Throwable first = failures.get(0);
      throw new IllegalStateException(name + " failed on " + failures.size() + " sender(s): " + first, first);
    }
    return phase;
  }

  private Phase sealPhase(List<Node> nodes, int count) throws Exception {
    return parallel(nodes, "seal", n -> {
      for (int i = 0; i < count; i++) {
        Outgoing o = outgoing(n.self, i);
        try (Timer t = TIMINGS.start("sender: ExchangeService.send (codec seal, blob put, outbox transaction)")) {
          n.tickets.add(n.service.send(o.message(), o.sources(), receiverParty));
        }
      }
    });
  }

  private Phase exchangePhase(List<Node> nodes, int lastCount) throws Exception {
    Phase p = parallel(nodes, "send", n -> {
      long deadline = System.nanoTime() + (long) 600e9;
      while (n.ledger.countOutbox(OutboxState.PENDING) > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(n.self + ": messages still pending after 10 minutes");
        }
        if (n.service.runOnce() == 0) {
          Thread.sleep(5); // only messages waiting for their retry time
        }
      }
    });
    for (Node n : nodes) {
      for (SendTicket t : n.tickets.subList(n.tickets.size() - lastCount, n.tickets.size())) {
        p.attempts += n.service.outgoing(t.messageId()).orElseThrow().attempts();
      }
    }
    return p;
  }

  // ------------------------------------------------------------------ checks

  private boolean check(Node receiver, List<Node> senders, Map<String, AtomicInteger> handled, int expected, TestPki central, TestPki fr)
      throws Exception {
    boolean ok = true;
    // Receiver: each message once in the inbox (and in seen_messages), handler called once for each.
    Map<String, Integer> inboxRows = new HashMap<>();
    try (Connection c = DriverManager.getConnection(receiver.ledger.settings().jdbcUrl()); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT message_id FROM inbox")) {
      while (r.next()) {
        inboxRows.merge(r.getString(1), 1, Integer::sum);
      }
    }
    int sent = 0;
    int checkedReceipts = 0;
    int missing = 0;
    int notDelivered = 0;
    TreeMap<String, Integer> lifecycle = new TreeMap<>();
    List<AuditHead> receiverHeads = new ArrayList<>();
    for (Node n : senders) {
      for (SendTicket t : n.tickets) {
        sent++;
        OutboxEntry e = n.service.outgoing(t.messageId()).orElseThrow();
        if (e.state() != OutboxState.DELIVERED || e.receiptSha256().isEmpty()) {
          notDelivered++;
          if (notDelivered <= 3) {
            line("FAIL", n.self + " " + t.messageId() + " " + e.state() + " " + e.lastError().orElse(""));
          }
          continue;
        }
        byte[] receipt;
        try (InputStream in = n.ledger.blobs().open(e.receiptSha256().get())) {
          receipt = in.readAllBytes();
        }
        CheckedReceipt checked = n.codec.checkReceipt(receipt, e);
        if (checked.positive() && checked.messageId().equals(t.messageId())) {
          checkedReceipts++;
        }
        checked.partnerHead().ifPresent(receiverHeads::add);
        lifecycle.merge(n.service.status(t.requestId()).state().map(Enum::name).orElse("none"), 1, Integer::sum);
        Optional<InboxEntry> in = receiver.ledger.inboxEntry(t.messageId());
        if (in.isEmpty() || !in.get().packageSha256().equals(t.packageSha256()) || in.get().state() != InboxState.DELIVERED) {
          missing++;
        }
      }
    }
    long onceInInbox = inboxRows.values().stream().filter(v -> v == 1).count();
    long handledOnce = handled.values().stream().filter(v -> v.get() == 1).count();
    boolean receiverOk = inboxRows.size() == sent && onceInInbox == sent && missing == 0 && handled.size() == sent && handledOnce == sent;
    ok &= receiverOk && sent == expected;
    line("check", "receiver inboxRows=" + inboxRows.size() + " distinct=" + inboxRows.size() + " onceEach=" + onceInInbox
        + " missingOrNotDelivered=" + missing + " handlerDelivered=" + handled.size() + " handlerOnceEach=" + handledOnce
        + " sent=" + sent + " " + (receiverOk ? "OK" : "FAIL"));
    boolean sendersOk = notDelivered == 0 && checkedReceipts == sent;
    ok &= sendersOk;
    line("check", "senders delivered=" + (sent - notDelivered) + "/" + sent + " receiptsCheckedAgain=" + checkedReceipts
        + " senderLifecycle=" + lifecycle + " " + (sendersOk ? "OK" : "FAIL"));

    // Audit trails: the receiver's against the heads its receipts carried; each sender's against its own recorded heads.
    AuditVerification rv = receiver.ledger.verifyAuditTrail(receiverHeads, headVerifier(receiver, receiverParty.jurisdiction()));
    boolean anchored = rv.anchorsChecked() == receiverHeads.size() && !receiverHeads.isEmpty();
    ok &= anchored;
    line("check", "receiver auditTrail entries=" + rv.entries() + " anchorsFromReceipts=" + rv.anchorsChecked()
        + " lastAnchored=" + rv.lastAnchoredSequence().map(String::valueOf).orElse("none") + " unanchored=" + rv.unanchoredEntries()
        + (anchored ? " OK" : " FAIL (not every head from the receipts was checked)"));
    for (Node n : senders) {
      AuditVerification v = n.ledger.verifyAuditTrail(n.ledger.recordedAuditHeads(), headVerifier(n, Jurisdiction.of("FR")));
      line("check", n.self + " auditTrail entries=" + v.entries() + " anchors=" + v.anchorsChecked() + " OK");
    }
    line("verdict", ok ? "OK: nothing lost, nothing duplicated, every receipt checked, every audit trail intact" : "FAIL");
    return ok;
  }

  private CmsAuditHeadVerifier headVerifier(Node n, Jurisdiction j) {
    return new CmsAuditHeadVerifier(new CmsSignatureVerifier(policy, n.trust.asSignerTrust(), clock, CmsLimits.defaults()), j);
  }

  // ------------------------------------------------------------------ CPU accounting

  /** CPU time per thread group (by thread name) and of the whole process. */
  private record CpuSnapshot(long process, Map<Long, Long> threads, Map<Long, String> names) {
    static CpuSnapshot take() {
      Map<Long, Long> cpu = new HashMap<>();
      Map<Long, String> names = new HashMap<>();
      for (long id : THREADS.getAllThreadIds()) {
        var info = THREADS.getThreadInfo(id);
        long t = THREADS.getThreadCpuTime(id);
        if (info != null && t >= 0) {
          cpu.put(id, t);
          names.put(id, info.getThreadName());
        }
      }
      long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
      return new CpuSnapshot(process, cpu, names);
    }

    /** {@code senderThreads}: the CPU time of the phase's sender threads, which ended before this snapshot. */
    CpuSplit minus(CpuSnapshot before, long senderThreads) {
      long receiverHttps = 0;
      long receiverLoop = 0;
      long httpClient = 0;
      long other = 0;
      for (var e : threads.entrySet()) {
        long delta = e.getValue() - before.threads.getOrDefault(e.getKey(), 0L);
        String name = names.get(e.getKey());
        if (name.startsWith("mlat-https-")) {
          receiverHttps += delta;
        } else if (name.equals("mlat-exchange")) {
          receiverLoop += delta;
        } else if (name.startsWith("HttpClient")) {
          httpClient += delta;
        } else {
          other += delta;
        }
      }
      long javaThreads = receiverHttps + receiverLoop + senderThreads + httpClient + other;
      // threads of this phase that ended were not in this snapshot: their CPU time is in senderThreads
      return new CpuSplit(process - before.process, receiverHttps, receiverLoop, senderThreads, httpClient,
          Math.max(0, process - before.process - javaThreads) + other);
    }
  }

  /**
   * CPU seconds of a phase: the process, the receiver's HTTPS threads (TLS, upload, inbound path),
   * its exchange loop (delivery step), the sender threads (seal; send rounds: ledger, receipt check),
   * the senders' HttpClient threads (TLS client), and the rest (GC, JIT, threads that ended).
   */
  private record CpuSplit(long process, long receiverHttps, long receiverLoop, long senders, long httpClient, long rest) {
    String format(int packages) {
      return String.format(Locale.ROOT, "cpuSeconds=%.2f cpuMsPerPackage=%.2f [receiverHttps=%.2f receiverLoop=%.2f senderThreads=%.2f"
              + " senderHttpClient=%.2f gcJitOther=%.2f ms/package]", process / 1e9, ms(process, packages), ms(receiverHttps, packages),
          ms(receiverLoop, packages), ms(senders, packages), ms(httpClient, packages), ms(rest, packages));
    }

    private static double ms(long nanos, int packages) {
      return nanos / 1e6 / packages;
    }
  }

  // ------------------------------------------------------------------ timings of the steps

  private static final Timings TIMINGS = new Timings();

  /** Calls, wall and CPU time (of the calling thread) per named step, from every thread. */
  private static final class Timings {
    private final Map<String, LongAdder[]> steps = new ConcurrentHashMap<>();

    Timer start(String name) {
      return new Timer(steps.computeIfAbsent(name, k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()}));
    }

    void reset() {
      steps.clear();
    }

    void print(int packages) {
      for (var e : new TreeMap<>(steps).entrySet()) {
        LongAdder[] a = e.getValue();
        line("step", String.format(Locale.ROOT, "calls=%d wallMsPerPackage=%.2f cpuMsPerPackage=%.2f %s", a[0].sum(),
            a[1].sum() / 1e6 / packages, a[2].sum() / 1e6 / packages, e.getKey()));
      }
    }
  }

  /** One timed call. */
  private static final class Timer implements AutoCloseable {
    private final LongAdder[] into;
    private final long wall = System.nanoTime();
    private final long cpu = THREADS.getCurrentThreadCpuTime();

    Timer(LongAdder[] into) {
      this.into = into;
    }

    @Override
    public void close() {
      into[0].increment();
      into[1].add(System.nanoTime() - wall);
      into[2].add(THREADS.getCurrentThreadCpuTime() - cpu);
    }
  }

  /** The production codec, each call timed; the seen-message store it is given timed too (a ledger read). */
  private static final class TimedCodec implements PackageCodec {
    private final PackageCodec codec;

    TimedCodec(PackageCodec codec) {
      this.codec = codec;
    }

    @Override
    public SealedPackage seal(LifecycleMessage message, List<AttachmentSource> attachments, PartyId to, Path directory)
        throws MlatException {
      try (Timer t = TIMINGS.start("sender: codec seal (sign, encrypt, write the package)")) {
        return codec.seal(message, attachments, to, directory);
      }
    }

    @Override
    public OpenResult open(Path packageFile, Path attachmentsDirectory, SeenMessageStore seen) throws MlatTransportException {
      SeenMessageStore timed = new SeenMessageStore() {
        @Override
        public Optional<SeenMessage> find(String messageId) throws MlatTransportException {
          try (Timer t = TIMINGS.start("receiver: codec open: seen-message lookup (ledger read, waits for the connection)")) {
            return seen.find(messageId);
          }
        }

        @Override
        public SeenMessage recordIfAbsent(SeenMessage s) throws MlatTransportException {
          try (Timer t = TIMINGS.start("receiver: codec open: seen-message record (ledger write)")) {
            return seen.recordIfAbsent(s);
          }
        }
      };
      try (Timer t = TIMINGS.start("receiver: codec open (header, decrypt, signatures, trust, validation)")) {
        return codec.open(packageFile, attachmentsDirectory, timed);
      }
    }

    @Override
    public byte[] receipt(OpenResult.Accepted accepted, AuditHead head) throws MlatTransportException {
      try (Timer t = TIMINGS.start("ledger: receipt signing (in the write transaction)")) {
        return codec.receipt(accepted, head);
      }
    }

    @Override
    public byte[] negativeReceipt(String messageId, PartyId to, String packageSha256, ErrorCode code, Optional<PipelineStage> stage,
        AuditHead head) throws MlatTransportException {
      try (Timer t = TIMINGS.start("ledger: negative receipt signing")) {
        return codec.negativeReceipt(messageId, to, packageSha256, code, stage, head);
      }
    }

    @Override
    public CheckedReceipt checkReceipt(byte[] receipt, OutboxEntry sent) throws MlatTransportException {
      try (Timer t = TIMINGS.start("sender: receipt check (signature, trust, binding)")) {
        return codec.checkReceipt(receipt, sent);
      }
    }
  }

  /** The sender's channel, its uploads timed (TLS, upload, and the receiver's whole inbound path until the answer). */
  private static final class TimedChannel implements dev.mlat.transport.exchange.Channel {
    private final dev.mlat.transport.exchange.Channel channel;

    TimedChannel(dev.mlat.transport.exchange.Channel channel) {
      this.channel = channel;
    }

    @Override
    public Handover sendPackage(PartyId partner, String messageId, Path packageFile, String packageSha256) throws MlatTransportException {
      try (Timer t = TIMINGS.start("sender: HTTPS upload until the answer (includes the receiver's inbound path)")) {
        return channel.sendPackage(partner, messageId, packageFile, packageSha256);
      }
    }

    @Override
    public void sendReceipt(PartyId partner, String messageId, byte[] receipt) throws MlatTransportException {
      channel.sendReceipt(partner, messageId, receipt);
    }

    @Override
    public List<Incoming> incoming(int max) throws MlatTransportException {
      return channel.incoming(max);
    }

    @Override
    public void done(Incoming incoming) throws MlatTransportException {
      channel.done(incoming);
    }

    @Override
    public void reject(Incoming incoming, String reason) throws MlatTransportException {
      channel.reject(incoming, reason);
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The median time of a small write and fsync in {@code folder} (what each ledger commit and blob put pays at least once). */
  private static double fsyncMillis(Path folder) throws Exception {
    Path f = folder.resolve("fsync-probe");
    double[] ms = new double[30];
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(4096);
      for (int i = 0; i < ms.length; i++) {
        b.clear();
        ch.write(b, (long) i * 4096);
        long t0 = System.nanoTime();
        ch.force(true);
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    Files.delete(f);
    java.util.Arrays.sort(ms);
    return ms[ms.length / 2];
  }

  static String load() {
    return SmallPackages.load();
  }

  private static double median(List<double[]> rows, int column) {
    double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static void line(String key, String text) {
    System.out.println(key + " " + text);
    System.out.flush();
  }
}
