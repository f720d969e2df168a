package dev.mlat.crypto.trust;

import dev.mlat.crypto.MlatCryptoException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Remembers the last trust list a {@link TrustListLoader} accepted, so that an older list (a lower
 * sequence number) is refused as a rollback even after a restart, and a different list with the
 * same sequence number is refused as a conflict.
 *
 * <p>Implementations must be thread-safe; {@link #inMemory()} and {@link #file(Path)} are.
 *
 * <pre>{@code
 * TrustListState state = TrustListState.file(Path.of("/var/lib/mlat/trust-list.state"));
 * }</pre>
 */
public interface TrustListState {
  /**
   * The last accepted list, empty when none was accepted yet.
   *
   * @throws MlatCryptoException TRUST_LIST_STATE_UNAVAILABLE when the state cannot be read (never treated as "none")
   */
  Optional<AcceptedTrustList> lastAccepted() throws MlatCryptoException;

  /**
   * Records {@code accepted} as the last accepted list; durable when this returns.
   *
   * @throws MlatCryptoException TRUST_LIST_STATE_UNAVAILABLE when it cannot be recorded
   */
  void accept(AcceptedTrustList accepted) throws MlatCryptoException;

  /** A state held in memory only (lost at restart: rollback protection for one process lifetime). */
  static TrustListState inMemory() {
    return new InMemoryTrustListState();
  }

  /**
   * A state kept in {@code file}, replaced atomically (temporary file in the same folder, fsync, atomic
   * move). A missing file means nothing was accepted yet; an unreadable or corrupt one fails closed.
   */
  static TrustListState file(Path file) {
    return new FileTrustListState(file);
  }
}
