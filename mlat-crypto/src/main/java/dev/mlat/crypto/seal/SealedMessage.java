package dev.mlat.crypto.seal;

import java.util.Objects;

/**
 * A sealed message as {@link Sealer} produced it: a DER AuthEnvelopedData whose content is the
 * SignedData of the binding and payload.
 */
public final class SealedMessage {
  private final SealBinding binding;
  private final byte[] bytes;

  SealedMessage(SealBinding binding, byte[] bytes) {
    this.binding = Objects.requireNonNull(binding, "binding");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** What the message says about itself (signed inside). */
  public SealBinding binding() {
    return binding;
  }

  /** The encoded AuthEnvelopedData (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "SealedMessage[" + binding + ", " + bytes.length + " bytes]";
  }
}
