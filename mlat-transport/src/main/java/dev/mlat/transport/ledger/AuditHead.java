package dev.mlat.transport.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed head of the audit chain: the sequence number and SHA-256 of the newest entry, signed by
 * the node. Every receipt the node sends carries the head current when it was issued, so the
 * partner holds an anchor outside our database; {@link Ledger#verifyAuditTrail(java.util.Collection)}
 * checks the chain against such anchors.
 *
 * <p>What is signed is {@link #signedContent()}: the UTF-8 text
 * {@code "mlat-audit-head-v1\n" + sequence + "\n" + entrySha256 + "\n"}, as a detached CMS
 * SignedData ({@link CmsAuditHeadSigner}).
 *
 * <p>Immutable; the signature bytes are copied in and out.
 *
 * @param sequence the sequence number of the head entry (1 for the first entry)
 * @param entrySha256 lower-case hex SHA-256 of that entry
 * @param signature the detached signature of {@link #signedContent()}
 * @param signer who signed (the signer certificate's subject), for people reading it
 */
public record AuditHead(long sequence, String entrySha256, byte[] signature, String signer) {

  /** Validates and copies. */
  public AuditHead {
    Objects.requireNonNull(entrySha256, "entrySha256");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(signer, "signer");
    if (sequence < 1) {
      throw new IllegalArgumentException("an audit head's sequence starts at 1, got " + sequence);
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
        && Arrays.equals(signature, h.signature) && signer.equals(h.signer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, entrySha256, Arrays.hashCode(signature), signer);
  }

  @Override
  public String toString() {
    return "AuditHead[" + sequence + ", " + entrySha256 + ", signed by " + signer + "]";
  }
}
