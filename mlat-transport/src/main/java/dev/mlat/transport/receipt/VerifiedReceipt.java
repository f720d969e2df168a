package dev.mlat.transport.receipt;

import dev.mlat.crypto.trust.TrustReport;
import java.util.Objects;

/**
 * A receipt whose signature verified, whose signer is the receiver it names (trusted for its
 * jurisdiction), and which names the package it was checked against. A positive one is proof of
 * delivery: keep {@link #bytes()}. A negative one proves the receiver refused these bytes.
 */
public final class VerifiedReceipt {
  private final Receipt receipt;
  private final TrustReport signer;
  private final byte[] bytes;

  VerifiedReceipt(Receipt receipt, TrustReport signer, byte[] bytes) {
    this.receipt = Objects.requireNonNull(receipt, "receipt");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.bytes = bytes.clone();
  }

  /** The receipt's content. */
  public Receipt receipt() {
    return receipt;
  }

  /** Whether the receiver accepted the package. */
  public boolean accepted() {
    return receipt.status() == ReceiptStatus.ACCEPTED;
  }

  /** The receipt signer's trust report (with the revocation data used). */
  public TrustReport signer() {
    return signer;
  }

  /** The signed receipt as received (a copy), to keep as proof. */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "VerifiedReceipt[" + receipt.status() + ", " + receipt.messageId().map(Object::toString).orElse("?") + "]";
  }
}
