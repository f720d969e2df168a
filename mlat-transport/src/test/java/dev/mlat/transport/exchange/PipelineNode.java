package dev.mlat.transport.exchange;

import dev.mlat.core.PartyId;
import dev.mlat.transport.AuditHead;
import dev.mlat.transport.dropbox.DropBox;
import dev.mlat.transport.https.HttpsChannel;
import dev.mlat.transport.https.HttpsReceiver;
import dev.mlat.transport.https.IncomingPackages;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.LedgerSettings;
import dev.mlat.transport.ledger.OutboxEntry;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A node on the real package pipeline, wired as docs/LEDGER.md "Embedding" says: an SQLite ledger
 * whose audit heads are CMS-signed, the production codec, and either a drop box to its partner or
 * HTTPS (its own receiver wired to the service's inbound path and the codec's header check, and a
 * sender to the partner's endpoint). The application records every delivery.
 */
final class PipelineNode implements AutoCloseable {
  final PartyId self;
  final Clock clock;
  final Ledger ledger;
  final PackagePipelineCodec codec;
  final ExchangeService service;
  final List<Delivery> delivered = new CopyOnWriteArrayList<>();
  final Path home;
  private final HttpsReceiver receiver;

  private PipelineNode(PartyId self, Path home, Clock clock, PackagePipelineCodec codec, Channel channel,
      HttpsReceiver receiver, AtomicReference<ExchangeService> slot) throws Exception {
    this.self = self;
    this.home = home;
    this.clock = clock;
    this.codec = codec;
    this.ledger = Ledger.open(LedgerSettings.sqlite(home.resolve("ledger.db"), home.resolve("blobs")), clock,
        PipelineFixture.headSigner(self, clock));
    this.service = ExchangeService.builder(ledger, codec, channel, home.resolve("work"))
        .handler((delivery, tx) -> delivered.add(delivery))
        .retry(new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200)))
        .build();
    this.receiver = receiver;
    if (slot != null) {
      slot.set(service);
    }
  }

  /** A node exchanging with {@code partner} through a drop box under {@code boxRoot}. */
  static PipelineNode dropBox(PartyId self, PartyId partner, Path root, Clock clock) throws Exception {
    Path box = root.resolve("box");
    Path out = box.resolve(self.identifier() + "-to-" + partner.identifier());
    Path in = box.resolve(partner.identifier() + "-to-" + self.identifier());
    Files.createDirectories(out);
    Files.createDirectories(in);
    DropBox channel = DropBox.builder().partner(partner, out, in).build();
    Path home = root.resolve(self.identifier());
    return new PipelineNode(self, home, clock, PipelineFixture.codec(self, home, clock), channel, null, null);
  }

  /**
   * The first half of an HTTPS node: its codec and its receiver, started (so the partner learns its
   * port), wired to the service {@link #https} builds next through a slot (the two partners' nodes
   * each need the other's address; a deployment knows it from configuration).
   */
  record HttpsHalf(PartyId self, Path home, PackagePipelineCodec codec, HttpsReceiver receiver,
      AtomicReference<ExchangeService> slot) {
    URI endpoint() {
      return URI.create("https://127.0.0.1:" + receiver.address().getPort() + "/");
    }
  }

  static HttpsHalf receiver(PartyId self, Path root, Clock clock) throws Exception {
    Path home = root.resolve(self.identifier());
    PackagePipelineCodec codec = PipelineFixture.codec(self, home, clock);
    AtomicReference<ExchangeService> slot = new AtomicReference<>();
    IncomingPackages incoming = (peer, file, sha) -> slot.get().incomingPackages().receive(peer, file, sha);
    HttpsReceiver receiver = HttpsReceiver.builder(PipelineFixture.trust(clock), PipelineFixture.tls(self), incoming,
        codec.routing(), home.resolve("https")).clock(clock).build();
    receiver.start();
    return new HttpsHalf(self, home, codec, receiver, slot);
  }

  /** The node of {@code half}, sending to {@code partner}'s receiver. */
  static PipelineNode https(HttpsHalf half, HttpsHalf partner, Clock clock) throws Exception {
    HttpsChannel https = HttpsChannel.builder(PipelineFixture.trust(clock), PipelineFixture.tls(half.self()))
        .endpoint(partner.self(), partner.endpoint()).clock(clock).build();
    return new PipelineNode(half.self(), half.home(), clock, half.codec(), new HttpsExchangeChannel(https),
        half.receiver(), half.slot());
  }

  /** The partner's audit heads carried in the receipts this node holds, each checked again. */
  List<AuditHead> partnerHeads() throws Exception {
    List<AuditHead> heads = new ArrayList<>();
    try (var c = java.sql.DriverManager.getConnection(ledger.settings().jdbcUrl());
        var s = c.createStatement(); var r = s.executeQuery("SELECT message_id FROM outbox")) {
      while (r.next()) {
        OutboxEntry e = ledger.outboxEntry(r.getString(1)).orElseThrow();
        if (e.receiptSha256().isPresent()) {
          byte[] receipt;
          try (InputStream in = ledger.blobs().open(e.receiptSha256().get())) {
            receipt = in.readAllBytes();
          }
          codec.checkReceipt(receipt, e).partnerHead().ifPresent(heads::add);
        }
      }
    }
    return heads;
  }

  @Override
  public void close() {
    service.close();
    if (receiver != null) {
      receiver.close();
    }
    ledger.close();
  }
}
