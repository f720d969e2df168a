package dev.mlat.transport.exchange;

import dev.mlat.core.ErrorCode;
import dev.mlat.core.MlatException;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.SeenMessageStore;
import dev.mlat.transport.AuditHead;
import dev.mlat.transport.ledger.OutboxEntry;
import dev.mlat.transport.pkg.AttachmentSource;
import dev.mlat.transport.pkg.PipelineStage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The port between the {@link ExchangeService} and the package format: sealing, opening (with the
 * resend rule), issuing receipts that carry the node's signed audit head, and checking receipts.
 * {@link PackagePipelineCodec} implements it for production over the package pipeline of
 * {@code dev.mlat.transport.pkg} / {@code .receipt}; the service never looks inside a package itself.
 *
 * <p>Implementations are thread-safe. Transient failures (a key store or HSM unreachable, a full
 * disk) are thrown as {@link MlatTransportException} and never turned into a rejection.
 */
public interface PackageCodec {

  /**
   * Seals {@code message} with its attachments for {@code to}, writing the package file into
   * {@code directory}. Each attachment's id is the one the message refers to (a request's
   * {@code attachmentId}, a response's evidence {@code itemId}).
   *
   * @throws MlatException when it cannot be sealed (the message is not sent)
   */
  SealedPackage seal(LifecycleMessage message, List<AttachmentSource> attachments, PartyId to, Path directory)
      throws MlatException;

  /**
   * Opens a received package: verifies it, applies the resend rule against {@code seen} (same id
   * and same bytes: {@link OpenResult.Resend}; same id, other bytes: {@link OpenResult.Rejected}),
   * and extracts the verified attachments into {@code attachmentsDirectory}.
   *
   * @throws MlatTransportException for a transient failure only (the package is taken again later)
   */
  OpenResult open(Path packageFile, Path attachmentsDirectory, SeenMessageStore seen) throws MlatTransportException;

  /** The positive receipt for an accepted package, carrying {@code head}. */
  byte[] receipt(OpenResult.Accepted accepted, AuditHead head) throws MlatTransportException;

  /**
   * The negative receipt for a rejected package whose message id and sender are known, carrying
   * {@code head}: the code, and the pipeline stage when the opening pipeline refused it (empty for
   * a refusal by the lifecycle or the ledger).
   */
  byte[] negativeReceipt(String messageId, PartyId to, String headerSha256, ErrorCode code, Optional<PipelineStage> stage,
      AuditHead head) throws MlatTransportException;

  /**
   * Checks a receipt against the package we sent: it names that message id and that package's
   * SHA-256, and it is signed by the recipient.
   *
   * @throws MlatTransportException {@code EXCHANGE_RECEIPT_INVALID} when it does not check
   */
  CheckedReceipt checkReceipt(byte[] receipt, OutboxEntry sent) throws MlatTransportException;
}
