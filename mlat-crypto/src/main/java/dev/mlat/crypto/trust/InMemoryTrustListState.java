package dev.mlat.crypto.trust;

import java.util.Objects;
import java.util.Optional;

/** {@link TrustListState#inMemory()}. */
final class InMemoryTrustListState implements TrustListState {
  private AcceptedTrustList last;

  @Override
  public synchronized Optional<AcceptedTrustList> lastAccepted() {
    return Optional.ofNullable(last);
  }

  @Override
  public synchronized void accept(AcceptedTrustList accepted) {
    last = Objects.requireNonNull(accepted, "accepted");
  }

  @Override
  public String toString() {
    return "TrustListState.inMemory";
  }
}
