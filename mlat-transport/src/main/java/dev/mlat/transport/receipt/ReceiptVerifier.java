package dev.mlat.transport.receipt;

import dev.mlat.core.PartyId;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.SignatureExpectation;
import dev.mlat.crypto.cms.VerifiedContent;
import dev.mlat.crypto.trust.TrustReport;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.pkg.SealedPackage;
import dev.mlat.transport.pkg.internal.StrictJson;
import dev.mlat.transport.receipt.internal.ReceiptJson;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Checks a receipt against the package it answers: the CMS signature (CAdES-B profile, one signer),
 * the signer trusted for the receiver's jurisdiction and being the receiver the receipt names, the
 * receipt's message id and package SHA-256 equal to what was sent.
 *
 * <pre>{@code
 * ReceiptVerifier verifier = new ReceiptVerifier(trustVerifier, clock);
 * VerifiedReceipt receipt = verifier.check(receiptBytes, sealedPackage);
 * if (receipt.accepted()) { ledger.keepProofOfDelivery(receipt.bytes()); }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ReceiptVerifier {
  /** The largest receipt read (64 KiB); docs/LIMITS.md. */
  public static final int MAX_RECEIPT_BYTES = 64 << 10;

  private final TrustVerifier trust;
  private final Clock clock;

  /** A verifier trusting {@code trust}. */
  public ReceiptVerifier(TrustVerifier trust, Clock clock) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@link #check(byte[], PartyId, UUID, String)} for what {@code sent} describes. */
  public VerifiedReceipt check(byte[] receipt, SealedPackage sent) throws MlatTransportException {
    return check(receipt, sent.header().recipient(), sent.messageId(), sent.headerSha256());
  }

  /**
   * Checks {@code receipt} as the answer of {@code receiver} to the package of {@code sentMessageId}
   * whose bytes have {@code sentPackageSha256}.
   *
   * @throws MlatTransportException RECEIPT_MALFORMED, RECEIPT_SIGNATURE_INVALID, RECEIPT_MISMATCH
   */
  public VerifiedReceipt check(byte[] receipt, PartyId receiver, UUID sentMessageId, String sentPackageSha256)
      throws MlatTransportException {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(sentMessageId, "sentMessageId");
    Objects.requireNonNull(sentPackageSha256, "sentPackageSha256");
    if (receipt.length > MAX_RECEIPT_BYTES) {
      throw new MlatTransportException(TransportErrorCode.RECEIPT_MALFORMED, "the receipt has " + receipt.length
          + " bytes, more than " + MAX_RECEIPT_BYTES);
    }
    var verifier = new CmsSignatureVerifier(trust.algorithmPolicy(), trust.asSignerTrust(), clock,
        CmsLimits.defaults().withMaxMessageBytes(MAX_RECEIPT_BYTES).withMaxContentBytes(MAX_RECEIPT_BYTES));
    VerifiedContent verified;
    try {
      verified = verifier.verify(receipt, SignatureExpectation.oneSigner(receiver.jurisdiction()));
    } catch (MlatCryptoException e) {
      String code = e.errorCode().code();
      TransportErrorCode ours = code.equals("CMS_MALFORMED") ? TransportErrorCode.RECEIPT_MALFORMED
          : TransportErrorCode.RECEIPT_SIGNATURE_INVALID;
      throw new MlatTransportException(ours, "the receipt's signature does not verify for " + receiver + ": " + e.getMessage()
          + " (" + code + ")", e);
    }
    Receipt content;
    try {
      content = ReceiptJson.read(verified.content());
    } catch (StrictJson.Bad e) {
      throw new MlatTransportException(TransportErrorCode.RECEIPT_MALFORMED, "receipt.json: " + e.getMessage());
    }
    TrustReport signer = verified.signers().get(0).trust();
    if (signer.authority().isEmpty() || !signer.authority().get().equals(content.receiver())) {
      throw new MlatTransportException(TransportErrorCode.RECEIPT_SIGNATURE_INVALID, "the receipt names " + content.receiver()
          + " as receiver but is signed by " + signer.authority().map(Object::toString).orElse("an unnamed authority"));
    }
    if (!content.receiver().equals(receiver)) {
      throw new MlatTransportException(TransportErrorCode.RECEIPT_MISMATCH, "the receipt is from " + content.receiver()
          + ", the package was sent to " + receiver);
    }
    if (!content.headerSha256().equalsIgnoreCase(sentPackageSha256)) {
      throw new MlatTransportException(TransportErrorCode.RECEIPT_MISMATCH, "the receipt names package SHA-256 "
          + content.headerSha256() + ", the package sent has " + sentPackageSha256);
    }
    if (content.messageId().isPresent() ? !content.messageId().get().equals(sentMessageId)
        : content.status() == ReceiptStatus.ACCEPTED) {
      throw new MlatTransportException(TransportErrorCode.RECEIPT_MISMATCH, "the receipt names message "
          + content.messageId().map(Object::toString).orElse("(none)") + ", the package sent is " + sentMessageId);
    }
    return new VerifiedReceipt(content, signer, receipt);
  }
}
