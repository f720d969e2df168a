package dev.mlat.core.testing;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.CaseDescription;
import dev.mlat.core.model.Confidentiality;
import dev.mlat.core.model.ContactPerson;
import dev.mlat.core.model.DocumentType;
import dev.mlat.core.model.Instrument;
import dev.mlat.core.model.LegalBasis;
import dev.mlat.core.model.MaximumPenalty;
import dev.mlat.core.model.NaturalPerson;
import dev.mlat.core.model.Occurrence;
import dev.mlat.core.model.Offence;
import dev.mlat.core.model.Parties;
import dev.mlat.core.model.Party;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.SubjectRole;
import dev.mlat.core.model.TimeRange;
import dev.mlat.core.model.Urgency;
import dev.mlat.core.model.UrgencyLevel;
import dev.mlat.core.model.UseConditions;
import dev.mlat.core.model.identifier.EmailAddress;
import dev.mlat.core.model.identifier.Ipv6Address;
import dev.mlat.core.model.measure.DataCategory;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.Preservation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Hand-written, realistic model values for tests (shared with other modules through the test jar). */
public final class SampleRequests {

  private SampleRequests() {}

  /** A French request to Germany: Budapest Art. 29 preservation and production of subscriber data behind an IPv6 address. */
  public static Request frenchPreservationAndProduction() {
    var ip = new Ipv6Address("2001:db8:4f2a::17", Optional.of(Instant.parse("2026-02-14T21:37:05Z")),
        Optional.of("Europe/Paris"), Optional.of(51234));
    var parties = new Parties(
        new Party(new PartyId(Jurisdiction.of("FR"), "TJ-PARIS-J3"), "Tribunal judiciaire de Paris, cabinet J3",
            Optional.of("Parvis du Tribunal de Paris, 75017 Paris"), Optional.of("j3.tj-paris@justice.fr"), Optional.empty()),
        Optional.empty(),
        Optional.of(new Party(new PartyId(Jurisdiction.of("FR"), "FR-MOJ-BEPI"), "Ministère de la Justice, BEPI",
            Optional.empty(), Optional.empty(), Optional.empty())),
        Optional.of(new Party(new PartyId(Jurisdiction.of("DE"), "DE-BFJ"), "Bundesamt für Justiz",
            Optional.empty(), Optional.empty(), Optional.empty())),
        Optional.empty(),
        Optional.empty(),
        List.of(new ContactPerson("Claire Martin", Optional.of("juge d'instruction"),
            Optional.of(new PartyId(Jurisdiction.of("FR"), "TJ-PARIS-J3")), Optional.of("claire.martin@justice.fr"),
            Optional.of("+33144325000"), List.of("fr", "en"))));
    return Request.builder(UUID.fromString("0f8c2f4e-8d7a-4c71-9a53-3c0d2a9b6e11"), parties)
        .requestingReference("PARQUET-PARIS-2026-00042")
        .issuedAt(Instant.parse("2026-02-20T09:00:00Z"))
        .legalBasis(new LegalBasis(Instrument.BUDAPEST_CONVENTION, List.of("Art. 29", "Art. 31"), Optional.empty()))
        .caseDescription(new CaseDescription(
            Optional.of("Ransomware attack on a Paris hospital; the ransom note was uploaded from 2001:db8:4f2a::17."),
            List.of(new Offence("extorsion en bande organisée", Optional.of("Code pénal, art. 312-6"),
                Optional.of(new MaximumPenalty(Optional.of(240), false, Optional.of("EUR 150 000 fine"))),
                Optional.empty())),
            List.of(new Occurrence(Optional.of(Instant.parse("2026-02-14T21:30:00Z")), Optional.empty(),
                Optional.of("Paris"), Optional.of(Jurisdiction.of("FR")), Optional.empty())),
            Optional.of("Only the provider can link the address to a subscriber; the data may be deleted soon.")))
        .subjects(List.of(new NaturalPerson("S1", Optional.of(SubjectRole.SUSPECT), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
            List.of(ip, new EmailAddress("n0body@example.org")), Optional.of("unknown user of the address"))))
        .measures(List.of(
            new Preservation(List.of(DataCategory.SUBSCRIBER, DataCategory.TRAFFIC), List.of(ip),
                Optional.of(new TimeRange(Instant.parse("2026-02-14T21:00:00Z"), Instant.parse("2026-02-14T22:00:00Z"))),
                Optional.of("Example Hosting GmbH, Frankfurt"), Optional.of("logs of the connection"), Optional.of(90), true),
            new DataProduction(List.of(DataCategory.SUBSCRIBER), List.of(ip), Optional.empty(),
                Optional.of("Example Hosting GmbH, Frankfurt"), Optional.empty(), Optional.empty())))
        .urgency(new Urgency(UrgencyLevel.URGENT, Optional.of("logs are kept for 7 days only")))
        .deadline(Instant.parse("2026-03-20T00:00:00Z"))
        .confidentiality(new Confidentiality(true, Optional.of(LocalDate.parse("2026-12-31")), Optional.empty()))
        .useConditions(new UseConditions(true, List.of(), List.of("erase once the proceedings end")))
        .language("fr")
        .translationLanguages(List.of("de"))
        .attachments(List.of(new Attachment("A1", DocumentType.COURT_ORDER, "application/pdf", 182_113,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Optional.of("fr"),
            Optional.of("Ordonnance du juge d'instruction"), Optional.empty())))
        .build();
  }
}
