package dev.mlat.transport.exchange;

import dev.mlat.core.lifecycle.RequestState;
import dev.mlat.transport.ledger.InboxEntry;
import dev.mlat.transport.ledger.OutboxEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a request stands on this node.
 *
 * @param requestId the request
 * @param state its lifecycle state, when this node holds its lifecycle
 * @param outgoing the messages sent for it, with their delivery state
 * @param incoming the messages received for it
 */
public record RequestStatus(UUID requestId, Optional<RequestState> state, List<OutboxEntry> outgoing,
    List<InboxEntry> incoming) {

  /** Validates and copies. */
  public RequestStatus {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(state, "state");
    outgoing = List.copyOf(outgoing);
    incoming = List.copyOf(incoming);
  }
}
