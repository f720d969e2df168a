package dev.mlat.core.testing;

import dev.mlat.core.PartyId;
import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.DocumentType;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.message.AcknowledgementOfReceipt;
import dev.mlat.core.model.message.AdditionalInformation;
import dev.mlat.core.model.message.CustodyEntry;
import dev.mlat.core.model.message.EvidenceItem;
import dev.mlat.core.model.message.EvidenceManifest;
import dev.mlat.core.model.message.ExecutionStatus;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.MessageHeader;
import dev.mlat.core.model.message.NewDeadline;
import dev.mlat.core.model.message.NonExecution;
import dev.mlat.core.model.message.PreservationConfirmed;
import dev.mlat.core.model.message.PreservationEnded;
import dev.mlat.core.model.message.PreservationExtended;
import dev.mlat.core.model.message.Refusal;
import dev.mlat.core.model.message.RefusalReason;
import dev.mlat.core.model.message.RequestForAdditionalInformation;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.model.message.Response;
import dev.mlat.core.model.message.ResponseKind;
import dev.mlat.core.model.message.StatusUpdate;
import dev.mlat.core.model.message.Withdrawal;
import dev.mlat.core.model.message.WithdrawalConfirmed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One realistic message of every lifecycle type, for the French request of {@link SampleRequests}. */
public final class SampleMessages {

  private static final PartyId FR_CENTRAL = party("FR:FR-MOJ-BEPI");
  private static final PartyId DE_CENTRAL = party("DE:DE-BFJ");

  private SampleMessages() {}

  private static PartyId party(String text) {
    try {
      return PartyId.parse(text);
    } catch (dev.mlat.core.MlatCoreException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static MessageHeader header(int n, boolean fromRequestingSide) {
    Request request = SampleRequests.frenchPreservationAndProduction();
    return new MessageHeader(
        UUID.fromString(String.format("5a3c9e1d-0000-4000-8000-%012d", n)),
        request.id(),
        fromRequestingSide ? FR_CENTRAL : DE_CENTRAL,
        fromRequestingSide ? DE_CENTRAL : FR_CENTRAL,
        Instant.parse("2026-02-20T09:05:00Z").plusSeconds(3600L * 24 * n));
  }

  public static RequestMessage request() {
    return new RequestMessage(header(0, true), SampleRequests.frenchPreservationAndProduction());
  }

  public static Refusal refusal() {
    return new Refusal(header(7, false), RefusalReason.DUAL_CRIMINALITY_NOT_MET,
        "The conduct described is not punishable under German law as stated in the request.");
  }

  public static Response finalResponse() {
    return new Response(header(6, false), ResponseKind.FINAL, new EvidenceManifest(List.of(
        new EvidenceItem("E1", "Subscriber record of the account using 2001:db8:4f2a::17", "application/pdf", 48_211,
            "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
            List.of(new CustodyEntry(Instant.parse("2026-03-02T08:12:00Z"), "Example Hosting GmbH", "exported by the provider"),
                new CustodyEntry(Instant.parse("2026-03-02T10:40:00Z"), "DE:DE-BFJ", "received and hashed")))),
        Optional.of("Complete subscriber record; no traffic data held beyond 7 days.")), Optional.empty());
  }

  /** One message of every type, in {@link dev.mlat.core.MessageType} order. */
  public static List<LifecycleMessage> oneOfEach() {
    return List.of(
        request(),
        new AcknowledgementOfReceipt(header(1, false), Optional.of("BFJ-2026-RH-0815"), Optional.of(party("DE:STA-FRANKFURT")),
            Optional.empty()),
        new StatusUpdate(header(2, false), ExecutionStatus.IN_EXECUTION, Optional.of("Order served on the provider.")),
        new RequestForAdditionalInformation(header(3, false), List.of("Which time zone was the log time recorded in?"),
            Optional.of(Instant.parse("2026-03-01T00:00:00Z")), Optional.empty()),
        new AdditionalInformation(header(4, true), Optional.of(header(3, false).messageId()),
            Optional.of("The time is UTC, taken from the hospital's NTP-synchronised firewall."),
            List.of(new Attachment("A2", DocumentType.EVIDENCE, "text/plain", 512,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Optional.of("en"),
                Optional.of("firewall log extract"), Optional.empty()))),
        new NewDeadline(header(5, false), Instant.parse("2026-04-01T00:00:00Z"), Optional.of("provider needs more time")),
        finalResponse(),
        refusal(),
        new NonExecution(header(8, false), RefusalReason.DATA_NOT_HELD, "The provider no longer holds the logs."),
        new dev.mlat.core.model.message.Withdrawal(header(9, true), Optional.of("suspect identified by other means")),
        new WithdrawalConfirmed(header(10, false), Optional.empty()),
        new PreservationConfirmed(header(11, false), Optional.of("DE-PRES-77"),
            Optional.of(Instant.parse("2026-05-21T00:00:00Z")), Optional.empty()),
        new PreservationExtended(header(12, false), Optional.of("DE-PRES-77"),
            Optional.of(Instant.parse("2026-08-19T00:00:00Z")), Optional.empty()),
        new PreservationEnded(header(13, false), Optional.of("DE-PRES-77"), Optional.of("production completed")));
  }

}
