package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.lifecycle.RequestLifecycle;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.ledger.InboxEntry;
import dev.mlat.transport.ledger.InboxState;
import dev.mlat.transport.ledger.Ledger;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.ledger.OutboxState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlat status}: where a request stands in an exchange ledger (its lifecycle, the messages sent and received). */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {
        "Show where a request stands in an exchange ledger (the one 'mlat send' or 'mlat serve' used): its lifecycle state, "
            + "every message sent for it (delivered, refused with the code, expired, or still queued with its attempts and "
            + "last error) and every message received for it.",
        "Reads the ledger while no other process uses it (an SQLite ledger admits one process: LEDGER_LOCKED otherwise)."})
public final class StatusCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REQUEST_ID", description = "The request id (a UUID).")
  private String requestId;

  @Mixin
  private LedgerOptions ledgerOptions;

  /** Used by picocli. */
  public StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws MlatTransportException {
    UUID id;
    try {
      id = UUID.fromString(requestId);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("REQUEST_ID: '" + requestId + "' is not a UUID");
    }
    ledgerOptions.existing();
    try (Ledger ledger = Ledger.open(ledgerOptions.settings(), context.clock(), LedgerVerifyCommand.READ_ONLY)) {
      Optional<RequestLifecycle> lifecycle = ledger.lifecycle(id);
      List<OutboxEntry> out = ledger.outboxOfRequest(id);
      List<InboxEntry> in = ledger.inboxOfRequest(id);
      if (lifecycle.isEmpty() && out.isEmpty() && in.isEmpty()) {
        throw new CliFailure(CliErrorCode.NOT_IN_LEDGER, ExitCode.USAGE, "the ledger " + ledgerOptions.database
            + " holds nothing of request " + id);
      }
      PrintWriter o = spec.commandLine().getOut();
      o.println("Request " + id + " in " + ledgerOptions.database + ": " + lifecycle.map(l -> "lifecycle " + l.state()
          + " (this node is the " + l.localSide().name().toLowerCase(Locale.ROOT) + " side)").orElse("no lifecycle on this node"));
      for (OutboxEntry e : out) {
        o.println("  sent     " + SendCommand.typeName(e.messageType()) + " " + e.messageId() + " to " + e.recipient() + ": "
            + outgoing(e));
      }
      for (InboxEntry e : in) {
        o.println("  received " + SendCommand.typeName(e.messageType()) + " " + e.messageId() + " from " + e.sender() + " at "
            + e.receivedAt() + ", " + e.attachments().size() + (e.attachments().size() == 1 ? " attachment" : " attachments")
            + (e.state() == InboxState.DELIVERED ? ", handed over " + e.deliveredAt().map(Object::toString).orElse("") : ", recorded"));
      }
      return ExitCode.OK.value();
    }
  }

  private static String earlier(OutboxEntry e) {
    return e.attempts() + (e.attempts() == 1 ? " earlier attempt" : " earlier attempts") + " without a receipt";
  }

  private static String outgoing(OutboxEntry e) {
    String attempts = e.attempts() + (e.attempts() == 1 ? " attempt" : " attempts");
    if (e.state() == OutboxState.PENDING) {
      return "queued, " + attempts + ", next at " + e.nextAttemptAt() + e.lastError().map(l -> ", last error " + SendCommand.error(l)).orElse("")
          + " (expires " + e.expiresAt() + ")";
    }
    if (e.state() == OutboxState.DELIVERED) {
      return "delivered, receipt " + e.receiptSha256().orElse("?") + " (" + earlier(e) + ")";
    }
    if (e.state() == OutboxState.REFUSED) {
      return "refused with " + e.lastError().orElse("?") + ", signed negative receipt " + e.receiptSha256().orElse("?") + " (" + earlier(e) + ")";
    }
    return "expired after " + attempts + " without a receipt";
  }
}
