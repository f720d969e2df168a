package dev.mlat.transport.exchange;

import java.util.Objects;
import java.util.UUID;

/**
 * What {@link ExchangeService#send} returns at once: the ids to ask {@link ExchangeService#status}
 * about.
 *
 * @param messageId the message id
 * @param requestId its request
 * @param packageSha256 the SHA-256 of the sealed package file (its blob name in the ledger)
 * @param headerSha256 the package's header digest (the receipt must name it)
 */
public record SendTicket(String messageId, UUID requestId, String packageSha256, String headerSha256) {

  /** Validates. */
  public SendTicket {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(packageSha256, "packageSha256");
    Objects.requireNonNull(headerSha256, "headerSha256");
  }
}
