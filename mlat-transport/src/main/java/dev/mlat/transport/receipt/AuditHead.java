package dev.mlat.transport.receipt;

import java.util.Arrays;
import java.util.Objects;

/**
 * The receiver's signed audit-chain head at the time of the receipt (filled in by the ledger;
 * optional): the chain's sequence number, the SHA-256 of its head entry, and the ledger's signature
 * over them (format defined by the ledger, docs/FORMAT.md "Receipts"). Carried inside the signed
 * receipt, so the partner holds a signed anchor of the receiver's history.
 *
 * @param sequence the head entry's sequence number (0 or more)
 * @param sha256 lower-case hex SHA-256 of the head entry
 * @param signature the ledger's signature over the head (1 to 16384 bytes)
 */
public record AuditHead(long sequence, String sha256, byte[] signature) {
  /** Validates and copies. */
  public AuditHead {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative");
    }
    Objects.requireNonNull(sha256, "sha256");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
    Objects.requireNonNull(signature, "signature");
    if (signature.length == 0 || signature.length > 16384) {
      throw new IllegalArgumentException("signature must be 1 to 16384 bytes");
    }
    signature = signature.clone();
  }

  /** A copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditHead a && a.sequence == sequence && a.sha256.equals(sha256) && Arrays.equals(a.signature, signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, sha256, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "AuditHead[" + sequence + ", " + sha256 + "]";
  }
}
