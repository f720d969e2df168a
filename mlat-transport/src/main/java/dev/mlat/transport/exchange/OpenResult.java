package dev.mlat.transport.exchange;

import dev.mlat.core.ErrorCode;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.transport.SeenMessage;
import dev.mlat.transport.pkg.PipelineStage;
import dev.mlat.transport.pkg.ReceivedAttachment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PackageCodec#open} made of a package: accepted (verified), a resend of a package
 * already accepted, or rejected for good. A transient failure is not a result: it is thrown, and
 * the package is taken again later.
 */
public sealed interface OpenResult permits OpenResult.Accepted, OpenResult.Resend, OpenResult.Rejected {

  /**
   * A verified package: signature, recipient binding and decryption all passed.
   *
   * @param message the verified lifecycle message
   * @param sender the verified sending party
   * @param attachments the verified attachments (their files in the attachments directory given to open)
   * @param headerSha256 the package digest
   */
  record Accepted(LifecycleMessage message, PartyId sender, List<ReceivedAttachment> attachments, String headerSha256)
      implements OpenResult {
    /** Validates and copies. */
    public Accepted {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(sender, "sender");
      attachments = List.copyOf(attachments);
      Objects.requireNonNull(headerSha256, "headerSha256");
    }
  }

  /**
   * The same message id with the same bytes was accepted before: answer with the stored receipt,
   * deliver nothing.
   *
   * @param earlier the stored record
   * @param sender the party to answer (from the routing header)
   * @param headerSha256 the package digest
   */
  record Resend(SeenMessage earlier, PartyId sender, String headerSha256) implements OpenResult {
    /** Validates. */
    public Resend {
      Objects.requireNonNull(earlier, "earlier");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(headerSha256, "headerSha256");
    }
  }

  /**
   * Refused for good (malformed, bad signature, not for us, same id with other bytes...).
   *
   * @param messageId the message id, when the header could be read
   * @param sender the sending party, when the header could be read
   * @param code why
   * @param stage the stage of the opening pipeline that refused it (docs/FORMAT.md "Reader's
   *     rules"), when a pipeline stage did
   * @param reason one line, no content of the package
   * @param headerSha256 the package's header digest, when its header.json could be read (always
   *     when {@code messageId} is present)
   */
  record Rejected(Optional<String> messageId, Optional<PartyId> sender, ErrorCode code, Optional<PipelineStage> stage,
      String reason, Optional<String> headerSha256) implements OpenResult {
    /** Validates. */
    public Rejected {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(headerSha256, "headerSha256");
    }
  }
}
