package dev.mlat.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed head of a node's audit chain: the sequence number and SHA-256 of its newest entry, and
 * the node's signature over them. The one type for both ends: the ledger signs and records heads
 * ({@code Ledger.signAuditHead()}), every receipt the node issues carries the head current when it
 * was issued ({@code auditHead} of receipt.json, docs/FORMAT.md "Receipts"), and the partner hands
 * such heads back to {@code Ledger.verifyAuditTrail} as anchors held outside the node's database.
 *
 * <p>What is signed is {@link #signedContent()}: the UTF-8 text
 * {@code "mlat-audit-head-v1\n" + sequence + "\n" + entrySha256 + "\n"}, as a detached CMS
 * SignedData ({@code CmsAuditHeadSigner}; who signed is in the signature itself).
 *
 * <p>Immutable; the signature bytes are copied in and out.
 *
 * @param sequence the sequence number of the head entry (a ledger's heads start at 1; a receipt
 *     read from a partner may say 0, which no chain holds)
 * @param entrySha256 lower-case hex SHA-256 of that entry ({@code sha256} in receipt.json)
 * @param signature the detached signature of {@link #signedContent()} (never empty)
 */
public record AuditHead(long sequence, String entrySha256, byte[] signature) {

  /** Validates and copies. */
  public AuditHead {
    Objects.requireNonNull(entrySha256, "entrySha256");
    Objects.requireNonNull(signature, "signature");
    if (sequence < 0) {
      throw new IllegalArgumentException("an audit head's sequence must not be negative, got " + sequence);
    }
    if (!entrySha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("entrySha256 must be 64 lower-case hex characters");
    }
    if (signature.length == 0) {
      throw new IllegalArgumentException("an audit head needs its signature");
    }
    signature = signature.clone();
  }

  /** The bytes that are signed for ({@code sequence}, {@code entrySha256}). */
  public static byte[] signedContent(long sequence, String entrySha256) {
    return ("mlat-audit-head-v1\n" + sequence + "\n" + entrySha256 + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes this head's signature covers. */
  public byte[] signedContent() {
    return signedContent(sequence, entrySha256);
  }

  /** A copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditHead h && sequence == h.sequence && entrySha256.equals(h.entrySha256)
        && Arrays.equals(signature, h.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, entrySha256, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "AuditHead[" + sequence + ", " + entrySha256 + "]";
  }
}
