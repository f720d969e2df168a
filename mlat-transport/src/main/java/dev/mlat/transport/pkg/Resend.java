package dev.mlat.transport.pkg;

import dev.mlat.transport.SeenMessage;
import java.util.Objects;

/**
 * The package is byte for byte one already accepted: answer with {@link #receipt()} (the receipt
 * sent the first time) and deliver nothing. Established after stages 1 to 3 (structure, header
 * signature, entries), before anything is decrypted.
 *
 * @param header the verified header
 * @param seen the stored record of the first delivery
 */
public record Resend(PackageHeader header, SeenMessage seen) implements OpenResult {
  /** Validates. */
  public Resend {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(seen, "seen");
  }

  /** The stored receipt bytes to send again. */
  public byte[] receipt() {
    return seen.receipt();
  }
}
