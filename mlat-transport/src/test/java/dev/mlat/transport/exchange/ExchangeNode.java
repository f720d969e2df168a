package dev.mlat.transport.exchange;

import dev.mlat.core.PartyId;
import dev.mlat.core.model.message.AcknowledgementOfReceipt;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.testing.SampleRequests;
import dev.mlat.transport.dropbox.DropBox;
import dev.mlat.transport.ledger.AuditHeadSigner;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.LedgerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A test node: a ledger, a drop box to one partner, the codec and the exchange service, with an
 * application whose handler writes each delivery into {@code app_deliveries} in the delivery
 * transaction (no unique key: a second delivery would show as a second row).
 */
public final class ExchangeNode implements AutoCloseable {
  public static final PartyId FR = party("FR:FR-MOJ-BEPI");
  public static final PartyId DE = party("DE:DE-BFJ");
  public static final Instant CREATED = Instant.parse("2026-02-20T09:05:00Z");

  public final PartyId self;
  public final Ledger ledger;
  public final DropBox dropBox;
  public final ExchangeService service;
  public final PackageCodec codec;

  public ExchangeNode(PartyId self, PartyId partner, LedgerSettings settings, AuditHeadSigner signer, Path boxRoot,
      Path work, Clock clock, PackageCodec codec, RetryPolicy retry) throws Exception {
    this.self = self;
    this.codec = codec;
    this.ledger = Ledger.open(settings, clock, signer);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS app_deliveries (message_id TEXT NOT NULL, request_id TEXT NOT NULL)");
    }
    Path out = boxRoot.resolve(self.identifier() + "-to-" + partner.identifier());
    Path in = boxRoot.resolve(partner.identifier() + "-to-" + self.identifier());
    Files.createDirectories(out);
    Files.createDirectories(in);
    this.dropBox = DropBox.builder().partner(partner, out, in).build();
    this.service = ExchangeService.builder(ledger, codec, dropBox, work)
        .handler((delivery, tx) -> {
          try (PreparedStatement p = tx.prepareStatement(
              "INSERT INTO app_deliveries (message_id, request_id) VALUES (?, ?)")) {
            p.setString(1, delivery.entry().messageId());
            p.setString(2, delivery.entry().requestId().toString());
            p.executeUpdate();
          }
        })
        .retry(retry)
        .pollInterval(Duration.ofMillis(20))
        .build();
  }

  /** A plain connection to this node's database. */
  public Connection connect() throws java.sql.SQLException {
    java.util.Properties p = new java.util.Properties();
    ledger.settings().user().ifPresent(u -> p.setProperty("user", u));
    ledger.settings().password().ifPresent(pw -> p.setProperty("password", pw));
    return java.sql.DriverManager.getConnection(ledger.settings().jdbcUrl(), p);
  }

  /** How often the application received {@code messageId}. */
  public int deliveries(String messageId) throws Exception {
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM app_deliveries WHERE message_id = ?")) {
      p.setString(1, messageId);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  public static RequestMessage request(UUID requestId, UUID messageId) {
    return new RequestMessage(new MessageHeader(messageId, requestId, FR, DE, CREATED),
        SampleRequests.frenchPreservationAndProduction());
  }

  public static AcknowledgementOfReceipt acknowledgement(UUID requestId, UUID messageId) {
    return new AcknowledgementOfReceipt(new MessageHeader(messageId, requestId, DE, FR, CREATED.plusSeconds(60)),
        Optional.of("BFJ-1"), Optional.empty(), Optional.empty());
  }

  private static PartyId party(String text) {
    try {
      return PartyId.parse(text);
    } catch (dev.mlat.core.MlatCoreException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() {
    service.close();
    ledger.close();
  }
}
