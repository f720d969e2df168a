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
import dev.mlat.transport.ledger.AuditHead;
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
  public SendTicket send(LifecycleMessage message, List<OutgoingAttachment> attachments, PartyId to)
      throws MlatException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(to, "to");
    List<OutgoingAttachment> files = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
    Path sealDirectory = temporaryDirectory("seal-");
    try {
      SealedPackage sealed = codec.seal(message, files, to, sealDirectory);
      if (!sealed.messageId().equals(message.header().messageId().toString())) {
        throw new IllegalStateException("the codec sealed message " + sealed.messageId() + " for message "
            + message.header().messageId());
      }
      String stored = ledger.blobs().put(sealed.file());
      if (!stored.equals(sealed.sha256())) {
        throw new MlatTransportException(TransportErrorCode.IO_FAILURE,
            "the package changed between sealing and storing (" + sealed.sha256() + " became " + stored + ")");
      }
      Side side = sendingSide(message);
      LifecycleEvent event = LifecycleEvents.from(message, side);
      ledger.recordOutgoing(new OutgoingRecord(sealed.messageId(), message.header().requestId(), to.toString(),
          message.messageType().name(), stored, sealed.expiresAt(), Optional.of(event)));
      return new SendTicket(sealed.messageId(), message.header().requestId(), stored);
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
        channel.sendPackage(PartyId.parse(entry.recipient()), entry.messageId(), file);
        ledger.recordAttemptMade(entry.messageId(), next);
      } catch (MlatException e) {
        ledger.recordAttemptFailed(entry.messageId(), next, e.errorCode().code() + ": " + e.getMessage());
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
    CheckedReceipt checked;
    try {
      checked = codec.checkReceipt(bytes, sent.get());
    } catch (MlatTransportException e) {
      if (e.errorCode() != TransportErrorCode.EXCHANGE_RECEIPT_INVALID) {
        throw e;
      }
      channel.reject(incoming, e.getMessage());
      return;
    }
    ledger.recordReceipt(incoming.messageId(), bytes, checked.positive(), checked.code(), checked.partnerHead());
    if (!checked.positive()) {
      LOG.log(System.Logger.Level.WARNING, "message {0} refused by {1}: {2}", incoming.messageId(),
          incoming.partner(), checked.code().orElse("?"));
    }
    channel.done(incoming);
  }

  private void takePackage(Channel.Incoming incoming) throws MlatTransportException {
    Path openDirectory = temporaryDirectory("open-");
    try {
      OpenResult result = codec.open(incoming.file(), openDirectory, ledger.seenMessages());
      if (result instanceof OpenResult.Accepted accepted) {
        accept(incoming, accepted);
      } else if (result instanceof OpenResult.Resend resend) {
        channel.sendReceipt(resend.sender(), resend.earlier().messageId(), resend.earlier().receipt());
        channel.done(incoming);
      } else if (result instanceof OpenResult.Rejected rejected) {
        refuse(incoming, rejected.messageId(), rejected.sender(), rejected.packageSha256(),
            rejected.code(), rejected.reason());
      }
    } finally {
      deleteTree(openDirectory);
    }
  }

  private void accept(Channel.Incoming incoming, OpenResult.Accepted accepted) throws MlatTransportException {
    LifecycleMessage message = accepted.message();
    String messageId = message.header().messageId().toString();
    // Durable first: the package, the verified message and its attachments are on disk before
    // the transaction that issues the receipt commits.
    String packageSha = ledger.blobs().put(incoming.file());
    if (!packageSha.equals(accepted.packageSha256())) {
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
      seen = ledger.recordIncoming(new IncomingRecord(messageId, accepted.sender().toString(), packageSha, messageSha,
          stored, event), head -> codec.receipt(accepted, head));
    } catch (LifecycleException e) {
      refuse(incoming, Optional.of(messageId), Optional.of(accepted.sender()), packageSha, e.errorCode(),
          e.getMessage());
      return;
    }
    if (!seen.sameBytes(packageSha)) {
      refuse(incoming, Optional.of(messageId), Optional.of(accepted.sender()), packageSha,
          TransportErrorCode.LEDGER_RECORD_CONFLICT, "message id already received with another package");
      return;
    }
    channel.sendReceipt(accepted.sender(), messageId, seen.receipt());
    channel.done(incoming);
  }

  private void refuse(Channel.Incoming incoming, Optional<String> messageId, Optional<PartyId> sender,
      String packageSha, dev.mlat.core.ErrorCode code, String reason) throws MlatTransportException {
    if (messageId.isEmpty() || sender.isEmpty() || !messageId.get().equals(incoming.messageId())) {
      channel.reject(incoming, code.code() + ": " + reason);
      return;
    }
    String id = messageId.get();
    Optional<SeenMessage> earlier = ledger.seenMessages().find(id);
    byte[] receipt;
    if (earlier.isPresent() && !earlier.get().sameBytes(packageSha)) {
      // Same id, other bytes: answer no, without touching what the id stands for.
      AuditHead head = ledger.signAuditHead();
      receipt = codec.negativeReceipt(id, sender.get(), packageSha, code, head);
    } else {
      receipt = ledger.recordRefusedIncoming(id, packageSha, code.code(),
          head -> codec.negativeReceipt(id, sender.get(), packageSha, code, head)).receipt();
    }
    LOG.log(System.Logger.Level.WARNING, "package {0} from {1} refused ({2}): {3}", id, sender.get(), code.code(),
        reason);
    channel.sendReceipt(sender.get(), id, receipt);
    channel.done(incoming);
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
