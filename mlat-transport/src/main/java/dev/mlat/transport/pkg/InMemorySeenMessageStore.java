package dev.mlat.transport.pkg;

import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.SeenMessageStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link SeenMessageStore} in memory, for tests and single-shot tools: forgets everything when the
 * JVM ends (the ledger's store is the persistent one). Thread-safe.
 */
public final class InMemorySeenMessageStore implements SeenMessageStore {
  private final ConcurrentMap<String, SeenMessage> seen = new ConcurrentHashMap<>();

  @Override
  public Optional<SeenMessage> find(String messageId) {
    return Optional.ofNullable(seen.get(Objects.requireNonNull(messageId, "messageId")));
  }

  @Override
  public SeenMessage recordIfAbsent(SeenMessage record) {
    Objects.requireNonNull(record, "record");
    SeenMessage earlier = seen.putIfAbsent(record.messageId(), record);
    return earlier == null ? record : earlier;
  }
}
