package dev.mlat.transport.receipt;

import dev.mlat.transport.AuditHead;
import dev.mlat.core.ErrorCode;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.SeenMessageStore;
import dev.mlat.transport.pkg.PackageHeader;
import dev.mlat.transport.pkg.PackageRejectedException;
import dev.mlat.transport.pkg.PipelineStage;
import dev.mlat.transport.pkg.Resend;
import dev.mlat.transport.pkg.VerifiedPackage;
import dev.mlat.transport.receipt.internal.ReceiptJson;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues receipts (docs/FORMAT.md "Receipts"): a CMS SignedData (encapsulated, CAdES-B, the
 * receiver's signature) of receipt.json. A positive receipt names the received message id and the
 * SHA-256 of the received package bytes; a negative one the error code and stage.
 *
 * <pre>{@code
 * ReceiptIssuer issuer = new ReceiptIssuer(PartyId.parse("DE:DE-BFJ"), signer, clock);
 * OpenResult result = opener.open(file, out);
 * byte[] receipt;
 * if (result instanceof VerifiedPackage p) {
 *   receipt = issuer.accepted(p, Optional.empty());
 *   SeenMessage kept = issuer.record(store, p, receipt);   // the earlier receipt if a concurrent copy won
 *   receipt = kept.receipt();
 * } else {
 *   receipt = issuer.resend((Resend) result);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ReceiptIssuer {
  private final PartyId self;
  private final CmsSigner signer;
  private final Clock clock;

  /** An issuer signing as {@code self} with {@code signer} (an id-data signer of {@code self}'s signing certificate). */
  public ReceiptIssuer(PartyId self, CmsSigner signer, Clock clock) {
    this.self = Objects.requireNonNull(self, "self");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A positive receipt for a verified package.
   *
   * @throws MlatCryptoException when signing fails
   */
  public byte[] accepted(VerifiedPackage received, Optional<AuditHead> auditHead) throws MlatCryptoException {
    Objects.requireNonNull(received, "received");
    PackageHeader h = received.header();
    if (!h.recipient().equals(self)) {
      throw new IllegalArgumentException("the package was opened by " + h.recipient() + ", this issuer signs as " + self);
    }
    return sign(new Receipt(UUID.randomUUID(), ReceiptStatus.ACCEPTED, Optional.of(h.messageId()), received.headerSha256(), self,
        Optional.of(h.sender()), clock.instant(), Optional.empty(), Optional.empty(), auditHead));
  }

  /**
   * A positive receipt for a package that the caller's opening pipeline verified as sent by
   * {@code sender} to this issuer's party (the exchange service's codec, which holds the verified
   * package's facts rather than the {@link VerifiedPackage}).
   *
   * @throws MlatCryptoException when signing fails
   */
  public byte[] accepted(UUID messageId, PartyId sender, String headerSha256, Optional<AuditHead> auditHead)
      throws MlatCryptoException {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(sender, "sender");
    return sign(new Receipt(UUID.randomUUID(), ReceiptStatus.ACCEPTED, Optional.of(messageId), headerSha256, self,
        Optional.of(sender), clock.instant(), Optional.empty(), Optional.empty(), auditHead));
  }

  /** For a resend: the receipt stored at the first delivery, unchanged. */
  public byte[] resend(Resend resend) {
    return Objects.requireNonNull(resend, "resend").receipt();
  }

  /**
   * A negative receipt for a refused package.
   *
   * @param rejection why it was refused
   * @param messageId the message id, when the header could be read
   * @param sender the sender, when the header could be read
   * @param headerSha256 the refused package's header digest (docs/FORMAT.md, "Receipts")
   * @throws MlatCryptoException when signing fails
   */
  public byte[] rejected(PackageRejectedException rejection, Optional<UUID> messageId, Optional<PartyId> sender, String headerSha256,
      Optional<AuditHead> auditHead) throws MlatCryptoException {
    Objects.requireNonNull(rejection, "rejection");
    return rejected(messageId, sender, headerSha256, rejection.errorCode(), Optional.of(rejection.stage()), auditHead);
  }

  /**
   * A negative receipt for a package refused after the pipeline, or by something other than the
   * pipeline (the receiver's lifecycle state machine, its ledger): names the code and, when the
   * pipeline refused it, the stage.
   *
   * @param messageId the message id, when known
   * @param sender the sender, when known
   * @param headerSha256 the refused package's header digest (docs/FORMAT.md, "Receipts")
   * @param code why (a transport or lifecycle error code)
   * @param stage the pipeline stage that refused it, if the pipeline did
   * @throws MlatCryptoException when signing fails
   */
  public byte[] rejected(Optional<UUID> messageId, Optional<PartyId> sender, String headerSha256, ErrorCode code,
      Optional<PipelineStage> stage, Optional<AuditHead> auditHead) throws MlatCryptoException {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(stage, "stage");
    return sign(new Receipt(UUID.randomUUID(), ReceiptStatus.REJECTED, messageId, headerSha256, self, sender, clock.instant(),
        Optional.of(code.code()), stage.map(PipelineStage::number), auditHead));
  }

  /**
   * A negative receipt for a refused package, naming the message id and sender when the rejection
   * carries the verified header (stage 3 or later), else only the package's digest.
   *
   * @param receivedPackageSha256 used when the rejection does not carry the header digest (a package
   *     refused at stage 1 or 2): the SHA-256 of its header.json entry when it could be read, else of
   *     the whole file as received (docs/FORMAT.md, "Receipts")
   * @throws MlatCryptoException when signing fails
   */
  public byte[] rejected(PackageRejectedException rejection, String receivedPackageSha256, Optional<AuditHead> auditHead)
      throws MlatCryptoException {
    Objects.requireNonNull(rejection, "rejection");
    return rejected(rejection, rejection.header().map(PackageHeader::messageId), rejection.header().map(PackageHeader::sender),
        rejection.headerSha256().orElse(receivedPackageSha256), auditHead);
  }

  /**
   * Records the delivery in the seen-id store with its receipt, once the package is safely stored;
   * returns what the store holds afterwards (an earlier record of the same id if one won a race:
   * answer with its receipt).
   *
   * @throws MlatTransportException the store's failures
   */
  public SeenMessage record(SeenMessageStore store, VerifiedPackage received, byte[] receipt) throws MlatTransportException {
    Objects.requireNonNull(store, "store");
    Instant now = clock.instant();
    return store.recordIfAbsent(new SeenMessage(received.header().messageId().toString(), received.headerSha256(), receipt, now));
  }

  private byte[] sign(Receipt receipt) throws MlatCryptoException {
    return signer.sign(ReceiptJson.write(receipt), Encapsulation.ENCAPSULATED);
  }
}
