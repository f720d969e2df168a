package dev.mlat.transport.exchange;

import dev.mlat.core.MlatException;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.lifecycle.LifecycleEvent;
import dev.mlat.core.lifecycle.LifecycleEvents;
import dev.mlat.core.lifecycle.LifecycleException;
import dev.mlat.core.lifecycle.RequestLifecycle;
import dev.mlat.core.lifecycle.Side;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.AuditHead;
import dev.mlat.transport.https.Answer;
import dev.mlat.transport.https.IncomingPackages;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.PipelineStage;
import dev.mlat.transport.pkg.ReceivedAttachment;
import dev.mlat.transport.ledger.IncomingRecord;
import dev.mlat.transport.ledger.InboxEntry;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.ledger.OutgoingRecord;
import dev.mlat.transport.ledger.StoredAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The exchange service: sends lifecycle messages to partners and receives theirs, through a
 * {@link PackageCodec} (the package format), a {@link Channel} (drop box, HTTPS) and the
 * {@link Ledger}, so that nothing is lost or delivered twice whatever crashes (docs/LEDGER.md).
 *
 * <ul>
 *   <li>{@link #send} seals the message, stores the package durably, records it in the outbox and
 *       applies it to the request's lifecycle, and returns at once;
 *   <li>the sender step hands due packages to the channel, again after an exponential backoff with
 *       jitter ({@link RetryPolicy}), until a receipt settles it or it expires;
 *   <li>the receiver step opens incoming packages through the codec (resend rule included), stores
 *       them durably, records them and advances the lifecycle in one transaction that also issues
 *       the receipt with the node's signed audit head, and only then sends the receipt;
 *   <li>the delivery step hands each recorded message to the {@link ExchangeHandler} exactly once.
 * </ul>
 *
 * <pre>{@code
 * ExchangeService service = ExchangeService.builder(ledger, codec, dropBox, workDirectory)
 *     .handler((delivery, tx) -> caseSystem.receive(delivery.message(), tx))
 *     .build();
 * service.start();                          // background loop; or call runOnce() yourself
 * SendTicket ticket = service.send(request, List.of(), PartyId.parse("DE:DE-BFJ"));
 * RequestStatus status = service.status(ticket.requestId());
 * }</pre>
 *
 * <p>Thread-safe. Several nodes may run it on one PostgreSQL ledger (and a shared blob directory):
 * outbox claims keep them from sending one message twice.
 */
public final class ExchangeService implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ExchangeService.class.getName());

  private final Ledger ledger;
  private final PackageCodec codec;
  private final Channel channel;
  private final Path workDirectory;
  private final ExchangeHandler handler;
  private final RetryPolicy retry;
  private final Duration pollInterval;
  private final int batchSize;
  private final Clock clock;
  private final RandomGenerator random;
  private final MlatJson json = MlatJson.strict();
  private volatile Thread loop;
  private volatile boolean stopping;

  private ExchangeService(Builder b) {
    this.ledger = b.ledger;
    this.codec = b.codec;
    this.channel = b.channel;
    this.workDirectory = b.workDirectory;
    this.handler = b.handler;
    this.retry = b.retry;
    this.pollInterval = b.pollInterval;
    this.batchSize = b.batchSize;
    this.clock = ledger.clock();
    this.random = b.random;
  }

  /**
   * A builder. {@code workDirectory} holds files while they are sealed or opened (then moved to
   * the blob store); it is created if missing.
   */
  public static Builder builder(Ledger ledger, PackageCodec codec, Channel channel, Path workDirectory) {
    return new Builder(ledger, codec, channel, workDirectory);
  }

  /**
   * Seals {@code message} for {@code to}, records it in the outbox and applies it to its request's
   * lifecycle on the sending side; returns at once (the sender step delivers it). A crash after
   * this returns never loses the message.
   *
   * @throws LifecycleException when the lifecycle does not allow this message now (nothing sent)
   * @throws MlatException when it cannot be sealed, or {@link MlatTransportException} when it
   *     cannot be recorded (nothing sent; call again)
   */
  public SendTicket send(LifecycleMessage message, List<AttachmentSource> attachments, PartyId to)
      throws MlatException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(to, "to");
    List<AttachmentSource> files = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
    Path sealDirectory = temporaryDirectory("seal-");
    try {
      SealedPackage sealed = codec.seal(message, files, to, sealDirectory);
      if (!sealed.messageId().equals(message.header().messageId().toString())) {
        throw new IllegalStateException("the codec sealed message " + sealed.messageId() + " for message "
            + message.header().messageId());
      }
      String stored = ledger.blobs().put(sealed.file());
      Side side = sendingSide(message);
      LifecycleEvent event = LifecycleEvents.from(message, side);
      ledger.recordOutgoing(new OutgoingRecord(sealed.messageId(), message.header().requestId(), to.toString(),
          message.messageType().name(), stored, sealed.headerSha256(), sealed.expiresAt(), Optional.of(event)));
      return new SendTicket(sealed.messageId(), message.header().requestId(), stored, sealed.headerSha256());
    } finally {
      deleteTree(sealDirectory);
    }
  }

  private Side sendingSide(LifecycleMessage message) throws MlatTransportException {
    if (message instanceof RequestMessage) {
      return Side.REQUESTING;
    }
    return ledger.lifecycle(message.header().requestId()).map(RequestLifecycle::localSide).orElse(Side.REQUESTING);
  }

  /** Where a request stands: its lifecycle state, its outgoing and incoming messages. */
  public RequestStatus status(UUID requestId) throws MlatTransportException {
    Objects.requireNonNull(requestId, "requestId");
    return new RequestStatus(requestId, ledger.lifecycle(requestId).map(RequestLifecycle::state),
        ledger.outboxOfRequest(requestId), ledger.inboxOfRequest(requestId));
  }

  /** Where one outgoing message stands. */
  public Optional<OutboxEntry> outgoing(String messageId) throws MlatTransportException {
    return ledger.outboxEntry(messageId);
  }

  /**
   * One round of every step: take incoming receipts and packages (first, so that receipts that
   * arrived settle their messages before they would be sent again), send what is due, hand
   * recorded messages to the handler.
   *
   * @return how many things were done (0: nothing to do)
   */
  public int runOnce() throws MlatTransportException {
    int taken = takeIncoming();
    return taken + sendDue() + deliverRecorded();
  }

  /** The sender step: hands each due message to the channel, or expires it. */
  public int sendDue() throws MlatTransportException {
    int done = 0;
    for (OutboxEntry entry : ledger.claimDue(batchSize)) {
      done++;
      Instant now = clock.instant();
      if (!now.isBefore(entry.expiresAt())) {
        ledger.recordExpired(entry.messageId());
        LOG.log(System.Logger.Level.WARNING, "message {0} expired without a receipt after {1} attempts",
            entry.messageId(), entry.attempts());
        continue;
      }
      Instant next = now.plus(retry.delay(entry.attempts(), random));
      try {
        Path file = ledger.blobs().verifiedFile(entry.packageSha256());
        PartyId partner = PartyId.parse(entry.recipient());
        Channel.Handover handover = channel.sendPackage(partner, entry.messageId(), file, entry.packageSha256());
        if (handover instanceof Channel.Answered answered) {
          Optional<String> invalid = settle(entry, answered.receipt());
          if (invalid.isPresent()) {
            ledger.recordAttemptFailed(entry.messageId(), next, invalid.get());
          }
        } else if (handover instanceof Channel.Deferred deferred) {
          Instant asked = now.plus(deferred.retryAfter());
          Instant at = asked.isAfter(next) ? asked : next;
          ledger.recordAttemptFailed(entry.messageId(), at, "deferred by " + partner + ": " + deferred.reason());
        } else {
          ledger.recordAttemptMade(entry.messageId(), next);
        }
      } catch (MlatException e) {
        ledger.recordAttemptFailed(entry.messageId(), next, e.errorCode().code() + ": " + e.messageWithoutCode());
        LOG.log(System.Logger.Level.WARNING, "sending {0} failed, next attempt at {1}: {2}", entry.messageId(), next,
            e.getMessage());
      }
    }
    return done;
  }

  /** The receiver step: takes incoming receipts and packages. */
  public int takeIncoming() throws MlatTransportException {
    int done = 0;
    for (Channel.Incoming incoming : channel.incoming(batchSize)) {
      try {
        if (incoming.kind() == Channel.Kind.RECEIPT) {
          takeReceipt(incoming);
        } else {
          takePackage(incoming);
        }
        done++;
      } catch (MlatTransportException e) {
        // Transient: no receipt was issued, the file stays and is taken again.
        LOG.log(System.Logger.Level.WARNING, "incoming {0} from {1} left for the next round ({2}): {3}",
            incoming.messageId(), incoming.partner(), e.errorCode().code(), e.getMessage());
      }
    }
    return done;
  }

  private void takeReceipt(Channel.Incoming incoming) throws MlatTransportException {
    Optional<OutboxEntry> sent = ledger.outboxEntry(incoming.messageId());
    if (sent.isEmpty()) {
      channel.reject(incoming, "a receipt for message " + incoming.messageId() + ", which this node never sent");
      return;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(incoming.file());
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "cannot read " + incoming.file(), e);
    }
    Optional<String> invalid = settle(sent.get(), bytes);
    if (invalid.isPresent()) {
      channel.reject(incoming, invalid.get());
      return;
    }
    channel.done(incoming);
  }

  /**
   * Checks a receipt for {@code sent} and records it (settling the message); the one path for
   * receipts from {@link Channel#incoming} and for receipts a channel returned at once.
   *
   * @return why the receipt is not valid (then nothing was recorded), or empty when recorded
   * @throws MlatTransportException a transient failure (nothing recorded)
   */
  private Optional<String> settle(OutboxEntry sent, byte[] receipt) throws MlatTransportException {
    CheckedReceipt checked;
    try {
      checked = codec.checkReceipt(receipt, sent);
    } catch (MlatTransportException e) {
      if (e.errorCode() != TransportErrorCode.EXCHANGE_RECEIPT_INVALID) {
        throw e;
      }
      LOG.log(System.Logger.Level.WARNING, "a receipt for {0} was set aside: {1}", sent.messageId(), e.getMessage());
      return Optional.of(e.errorCode().code() + ": " + e.messageWithoutCode());
    }
    ledger.recordReceipt(sent.messageId(), receipt, checked.positive(), checked.code(), checked.partnerHead());
    if (!checked.positive()) {
      LOG.log(System.Logger.Level.WARNING, "message {0} refused by {1}: {2}", sent.messageId(), sent.recipient(),
          checked.code().orElse("?"));
    }
    return Optional.empty();
  }

  private void takePackage(Channel.Incoming incoming) throws MlatTransportException {
    Inbound inbound = receive(incoming.file(), Optional.of(incoming.messageId()), fileSha256(incoming.file()));
    if (inbound instanceof Inbound.Answered answered) {
      channel.sendReceipt(answered.sender(), answered.messageId(), answered.receipt());
      channel.done(incoming);
    } else if (inbound instanceof Inbound.Unanswerable unanswerable) {
      channel.reject(incoming, unanswerable.reason());
    }
  }

  /**
   * What the inbound path made of a package: an answer to send back to its sender (a receipt, the
   * stored receipt of a resend, or a negative receipt), or nothing to answer (no message id and
   * sender could be verified, or a drop-box file name that is not the package's message id: set
   * aside). A transient failure is not a result: it is thrown.
   */
  public sealed interface Inbound permits Inbound.Answered, Inbound.Unanswerable {

    /**
     * The answer to send back, recorded in the ledger before it is returned.
     *
     * @param messageId the package's message id
     * @param sender who to answer (the package header's sender)
     * @param receipt the encoded receipt
     * @param positive whether it is a receipt (true) or a negative receipt
     */
    record Answered(String messageId, PartyId sender, byte[] receipt, boolean positive) implements Inbound {
      /** Validates and copies. */
      public Answered {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sender, "sender");
        receipt = Objects.requireNonNull(receipt, "receipt").clone();
      }

      /** A copy of the receipt. */
      @Override
      public byte[] receipt() {
        return receipt.clone();
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Answered a && messageId.equals(a.messageId) && sender.equals(a.sender)
            && java.util.Arrays.equals(receipt, a.receipt) && positive == a.positive;
      }

      @Override
      public int hashCode() {
        return Objects.hash(messageId, sender, java.util.Arrays.hashCode(receipt), positive);
      }

      @Override
      public String toString() {
        return "Answered[" + messageId + " to " + sender + (positive ? ", receipt" : ", negative receipt") + "]";
      }
    }

    /**
     * Nothing to answer.
     *
     * @param reason the code and one line
     */
    record Unanswerable(String reason) implements Inbound {
      /** Validates. */
      public Unanswerable {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /**
   * The inbound path for a channel that pushes packages (HTTPS), the same as for drop-box files:
   * opens {@code packageFile} through the codec (resend rule included), stores it durably, records
   * it and advances the lifecycle in the ledger transaction that issues the receipt, and returns
   * that receipt; a resend gets the stored receipt and is not delivered again; a refusal gets a
   * negative receipt. The recorded message goes to the handler in the delivery step. The caller
   * may delete {@code packageFile} once this returns (the ledger keeps its own copy).
   *
   * @throws MlatTransportException a transient failure (disk, database, key store, HSM): nothing
   *     recorded, no receipt, the message id not consumed; the sender tries again
   */
  public Inbound receive(Path packageFile) throws MlatTransportException {
    Objects.requireNonNull(packageFile, "packageFile");
    return receive(packageFile, Optional.empty(), fileSha256(packageFile));
  }

  /**
   * This service's inbound path ({@link #receive(Path)}) as the HTTPS receiver's
   * {@link IncomingPackages}: a receipt is answered 200, a negative receipt 422; a transient
   * failure is thrown, which the receiver answers 503 with {@code Retry-After} (the sender tries
   * again, the upload stays held). The receiver's {@code PackageRouting} (see
   * {@link PackagePipelineCodec#routing()}) verified the header before, so every package that gets
   * here can be answered; should the trust directory change in between, it is answered as a
   * temporary failure and the header check refuses the next attempt.
   *
   * <pre>{@code
   * HttpsReceiver receiver = HttpsReceiver.builder(trust, tlsIdentity, service.incomingPackages(), codec.routing(), store)
   *     .build();
   * }</pre>
   */
  public IncomingPackages incomingPackages() {
    return (peer, packageFile, sha256) -> {
      Inbound inbound = receive(packageFile, Optional.empty(), sha256);
      if (inbound instanceof Inbound.Answered answered) {
        return answered.positive() ? Answer.receipt(answered.receipt()) : Answer.negativeReceipt(answered.receipt());
      }
      throw new MlatTransportException(TransportErrorCode.EXCHANGE_TEMPORARY_FAILURE, "package " + sha256 + " from "
          + peer.party() + " cannot be answered: " + ((Inbound.Unanswerable) inbound).reason());
    };
  }

  /**
   * @param fileSha256 the SHA-256 of the file before it was opened (the HTTPS upload digest, or
   *     taken here for a file another channel handed over): the copy stored after the opening must
   *     have it, so that the package kept is the package verified (format 2 no longer hashes the
   *     whole file while opening)
   */
  private Inbound receive(Path packageFile, Optional<String> expectedId, String fileSha256)
      throws MlatTransportException {
    Path openDirectory = temporaryDirectory("open-");
    try {
      OpenResult result = codec.open(packageFile, openDirectory, ledger.seenMessages());
      if (result instanceof OpenResult.Accepted accepted) {
        return accept(packageFile, accepted, expectedId, fileSha256);
      } else if (result instanceof OpenResult.Resend resend) {
        SeenMessage earlier = resend.earlier();
        return new Inbound.Answered(earlier.messageId(), resend.sender(), earlier.receipt(),
            ledger.sentReceiptPositive(earlier.messageId(), earlier.receipt()));
      }
      OpenResult.Rejected rejected = (OpenResult.Rejected) result;
      return refuse(expectedId, rejected.messageId(), rejected.sender(), rejected.headerSha256().orElse("unknown"),
          rejected.code(),
          rejected.stage(), rejected.reason());
    } finally {
      deleteTree(openDirectory);
    }
  }

  private Inbound accept(Path packageFile, OpenResult.Accepted accepted, Optional<String> expectedId,
      String fileSha256) throws MlatTransportException {
    LifecycleMessage message = accepted.message();
    String messageId = message.header().messageId().toString();
    // Durable first: the package, the verified message and its attachments are on disk before
    // the transaction that issues the receipt commits.
    String packageSha = ledger.blobs().put(packageFile);
    if (!packageSha.equals(fileSha256)) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE,
          "package " + messageId + " changed while it was opened; it is taken again");
    }
    String messageSha = ledger.blobs().put(json.writeMessage(message));
    List<StoredAttachment> stored = new ArrayList<>();
    for (ReceivedAttachment a : accepted.attachments()) {
      String sha = ledger.blobs().put(a.file());
      stored.add(new StoredAttachment(a.name(), a.mediaType(), sha, a.size()));
    }
    SeenMessage seen;
    try {
      Side senderSide = message instanceof RequestMessage ? Side.REQUESTING
          : ledger.lifecycle(message.header().requestId()).map(l -> l.localSide().peer()).orElse(Side.REQUESTED);
      LifecycleEvent event = LifecycleEvents.from(message, senderSide);
      seen = ledger.recordIncoming(new IncomingRecord(messageId, accepted.sender().toString(), packageSha,
          accepted.headerSha256(), messageSha, stored, event), head -> codec.receipt(accepted, head));
    } catch (LifecycleException e) {
      return refuse(expectedId, Optional.of(messageId), Optional.of(accepted.sender()), accepted.headerSha256(),
          e.errorCode(), Optional.empty(), e.getMessage());
    }
    if (!seen.sameBytes(accepted.headerSha256())) {
      return refuse(expectedId, Optional.of(messageId), Optional.of(accepted.sender()), accepted.headerSha256(),
          TransportErrorCode.LEDGER_RECORD_CONFLICT, Optional.empty(), "message id already received with another package");
    }
    return new Inbound.Answered(messageId, accepted.sender(), seen.receipt(),
        ledger.sentReceiptPositive(messageId, seen.receipt()));
  }

  private static String fileSha256(Path file) throws MlatTransportException {
    try {
      return dev.mlat.transport.pkg.internal.PackageFiles.sha256(file);
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE, "cannot read the package " + file + ": " + e.getMessage(), e);
    }
  }

  private Inbound refuse(Optional<String> expectedId, Optional<String> messageId, Optional<PartyId> sender,
      String headerSha, dev.mlat.core.ErrorCode code, Optional<PipelineStage> stage, String reason)
      throws MlatTransportException {
    if (messageId.isEmpty() || sender.isEmpty() || (expectedId.isPresent() && !messageId.equals(expectedId))) {
      LOG.log(System.Logger.Level.WARNING, "package with header {0} set aside ({1}): {2}", headerSha, code.code(), reason);
      return new Inbound.Unanswerable(code.code() + ": " + reason);
    }
    String id = messageId.get();
    Optional<SeenMessage> earlier = ledger.seenMessages().find(id);
    byte[] receipt;
    boolean positive;
    if (earlier.isPresent() && !earlier.get().sameBytes(headerSha)) {
      // Same id, other bytes: answer no, without touching what the id stands for.
      AuditHead head = ledger.signAuditHead();
      receipt = codec.negativeReceipt(id, sender.get(), headerSha, code, stage, head);
      positive = false;
    } else {
      receipt = ledger.recordRefusedIncoming(id, headerSha, code.code(),
          head -> codec.negativeReceipt(id, sender.get(), headerSha, code, stage, head)).receipt();
      // a concurrent copy of the same bytes may have been recorded first: answer what is stored
      positive = ledger.sentReceiptPositive(id, receipt);
    }
    LOG.log(System.Logger.Level.WARNING, "package {0} from {1} refused ({2}): {3}", id, sender.get(), code.code(),
        reason);
    return new Inbound.Answered(id, sender.get(), receipt, positive);
  }

  /** The delivery step: hands each recorded message to the handler, exactly once. */
  public int deliverRecorded() throws MlatTransportException {
    int done = 0;
    for (InboxEntry entry : ledger.undelivered(batchSize)) {
      LifecycleMessage message;
      try (InputStream in = ledger.blobs().open(entry.messageSha256())) {
        message = json.readMessage(in);
      } catch (IOException | dev.mlat.core.json.JsonInputException e) {
        throw new MlatTransportException(TransportErrorCode.BLOB_CORRUPT,
            "the stored message " + entry.messageId() + " cannot be read back: " + e.getMessage(), e);
      }
      if (ledger.deliver(entry.messageId(), (e, tx) -> handler.handle(new Delivery(e, message, ledger.blobs()), tx))) {
        done++;
      }
    }
    return done;
  }

  /** Starts the background loop (one thread): rounds of {@link #runOnce()}, pausing when idle. */
  public synchronized void start() {
    if (loop != null) {
      throw new IllegalStateException("already started");
    }
    stopping = false;
    Thread t = new Thread(this::loop, "mlat-exchange");
    t.setDaemon(true);
    loop = t;
    t.start();
  }

  private void loop() {
    while (!stopping) {
      int done = 0;
      try {
        done = runOnce();
      } catch (MlatTransportException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "exchange round failed, retrying: " + e.getMessage(), e);
      }
      if (done == 0) {
        try {
          Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Stops the background loop (waits for the current round); the ledger stays open. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      t = loop;
      loop = null;
      stopping = true;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Path temporaryDirectory(String prefix) throws MlatTransportException {
    try {
      return Files.createTempDirectory(workDirectory, prefix);
    } catch (IOException e) {
      throw new MlatTransportException(TransportErrorCode.IO_FAILURE,
          "cannot create a working directory in " + workDirectory + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot clean " + dir, e);
    }
  }

  /** Configures an {@link ExchangeService}. Not thread-safe. */
  public static final class Builder {
    private final Ledger ledger;
    private final PackageCodec codec;
    private final Channel channel;
    private final Path workDirectory;
    private ExchangeHandler handler;
    private RetryPolicy retry = RetryPolicy.DEFAULTS;
    private Duration pollInterval = Duration.ofSeconds(1);
    private int batchSize = 100;
    private RandomGenerator random = new SecureRandom();

    private Builder(Ledger ledger, PackageCodec codec, Channel channel, Path workDirectory) {
      this.ledger = Objects.requireNonNull(ledger, "ledger");
      this.codec = Objects.requireNonNull(codec, "codec");
      this.channel = Objects.requireNonNull(channel, "channel");
      this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
    }

    /** The application's handler of incoming messages (required). */
    public Builder handler(ExchangeHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** When to retry (default {@link RetryPolicy#DEFAULTS}). */
    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** The pause of the background loop when a round found nothing to do (default 1 s; 10 ms to 1 min). */
    public Builder pollInterval(Duration pollInterval) {
      Objects.requireNonNull(pollInterval, "pollInterval");
      if (pollInterval.toMillis() < 10 || pollInterval.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("pollInterval must be 10 ms to 1 min, got " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /** Messages and files taken per step and round (default 100; 1 to 10000). */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > 10_000) {
        throw new IllegalArgumentException("batchSize must be 1 to 10000, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** The random source of the jitter (default a {@link SecureRandom}). */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * The service.
     *
     * @throws IllegalStateException without a handler
     * @throws MlatTransportException {@code IO_FAILURE} when the work directory cannot be created
     */
    public ExchangeService build() throws MlatTransportException {
      if (handler == null) {
        throw new IllegalStateException("set the application's handler");
      }
      try {
        Files.createDirectories(workDirectory);
      } catch (IOException e) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE,
            "cannot create the work directory " + workDirectory + ": " + e.getMessage(), e);
      }
      return new ExchangeService(this);
    }
  }
}
