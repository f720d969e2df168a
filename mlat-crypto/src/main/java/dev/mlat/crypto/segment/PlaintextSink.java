package dev.mlat.crypto.segment;

import java.io.IOException;

/**
 * Where {@link SegmentedDecryptor} streams the plaintext of an attachment, under a quarantine
 * contract: bytes written are <b>not yet verified</b> and must not be acted on, shown, forwarded
 * or kept until {@link #commit()} is called, which happens only after every segment's tag, the
 * order, the count and the whole-plaintext SHA-256 passed. On any failure {@link #abort()} is
 * called instead, and the sink must discard everything written. Exactly one of the two is called,
 * once, and nothing is written afterwards.
 *
 * <p>Calls come from one thread at a time, in plaintext order.
 */
public interface PlaintextSink {
  /**
   * Receives the next unverified plaintext bytes. The sink must only read {@code bytes} during the
   * call, and must not keep or modify the array: once the call returns, the decryptor hashes the
   * same array on another thread and then reuses it for a later segment.
   */
  void write(byte[] bytes, int offset, int length) throws IOException;

  /** Everything written passed every check: release it. */
  void commit() throws IOException;

  /** A check failed (or the caller's input failed): discard everything written. Must not throw. */
  void abort();
}
