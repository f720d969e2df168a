package dev.mlat.core.testing;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.MlatCoreException;
import dev.mlat.core.PartyId;
import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.AuthorityKind;
import dev.mlat.core.model.CaseDescription;
import dev.mlat.core.model.Confidentiality;
import dev.mlat.core.model.ContactPerson;
import dev.mlat.core.model.DocumentType;
import dev.mlat.core.model.Instrument;
import dev.mlat.core.model.LegalBasis;
import dev.mlat.core.model.LegalEntity;
import dev.mlat.core.model.MaximumPenalty;
import dev.mlat.core.model.NaturalPerson;
import dev.mlat.core.model.Occurrence;
import dev.mlat.core.model.Offence;
import dev.mlat.core.model.Parties;
import dev.mlat.core.model.Party;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.ServiceProvider;
import dev.mlat.core.model.SubjectRole;
import dev.mlat.core.model.TimeRange;
import dev.mlat.core.model.Urgency;
import dev.mlat.core.model.UrgencyLevel;
import dev.mlat.core.model.UseConditions;
import dev.mlat.core.model.identifier.EmailAddress;
import dev.mlat.core.model.identifier.Ipv4Address;
import dev.mlat.core.model.identifier.Ipv6Address;
import dev.mlat.core.model.identifier.PhoneNumber;
import dev.mlat.core.model.identifier.ProviderAccount;
import dev.mlat.core.model.measure.DataCategory;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.ExpeditedDisclosure;
import dev.mlat.core.model.measure.Hearing;
import dev.mlat.core.model.measure.HearingCapacity;
import dev.mlat.core.model.measure.HearingMode;
import dev.mlat.core.model.measure.Preservation;
import dev.mlat.core.model.message.LifecycleMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The example documents published in {@code docs/examples/}, as model objects. {@code
 * ExampleDocumentsTest} checks that each committed file reads back to exactly this object.
 */
public final class ExampleDocuments {

  private ExampleDocuments() {}

  /** Request documents by file name. */
  public static Map<String, Request> requests() {
    var map = new LinkedHashMap<String, Request>();
    map.put("budapest-art29-preservation.request.json", budapestPreservation());
    map.put("ipv6-subscriber-production.request.json", ipv6SubscriberProduction());
    map.put("emergency-disclosure.request.json", emergencyDisclosure());
    map.put("witness-hearing-video.request.json", witnessHearingByVideo());
    map.put("eu-production-order-service-provider.request.json", euProductionOrder());
    return map;
  }

  /** Message documents by file name. */
  public static Map<String, LifecycleMessage> messages() {
    var map = new LinkedHashMap<String, LifecycleMessage>();
    map.put("response-with-evidence.message.json", SampleMessages.finalResponse());
    map.put("refusal.message.json", SampleMessages.refusal());
    return map;
  }

  static PartyId party(String text) {
    try {
      return PartyId.parse(text);
    } catch (MlatCoreException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Party authority(String id, String name) {
    return new Party(party(id), name, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Party authority(String id, String name, AuthorityKind kind) {
    return new Party(party(id), name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(kind));
  }

  private static Attachment pdf(String id, DocumentType type, String sha256, long size, String language, String title) {
    return new Attachment(id, type, "application/pdf", size, sha256, Optional.of(language), Optional.of(title), Optional.empty());
  }

  /** Budapest Convention Art. 29: the Netherlands asks Ireland to preserve a webmail account's data. */
  public static Request budapestPreservation() {
    var account = new EmailAddress("k.verhoeven.1987@mail.example.com");
    var parties = new Parties(
        authority("NL:OM-ROTTERDAM", "Openbaar Ministerie, arrondissementsparket Rotterdam"),
        Optional.empty(),
        Optional.of(authority("NL:NL-24-7-CONTACT", "Landelijke Eenheid, 24/7 contactpunt cybercrime")),
        Optional.of(authority("IE:IE-GNCCB-24-7", "Garda National Cyber Crime Bureau, 24/7 point of contact")),
        Optional.empty(),
        Optional.empty(),
        List.of(new ContactPerson("Mr. J. de Vries", Optional.of("officier van justitie"),
            Optional.of(party("NL:OM-ROTTERDAM")), Optional.of("j.devries@om.example.nl"), Optional.of("+31887000000"),
            List.of("nl", "en"))));
    return Request.builder(UUID.fromString("3f1d7a52-6c0b-4a8e-9b1e-5d2c8f4a7e01"), parties)
        .requestingReference("OM-RTD-2026-001187")
        .issuedAt(Instant.parse("2026-03-03T16:20:00Z"))
        .legalBasis(new LegalBasis(Instrument.BUDAPEST_CONVENTION, List.of("Art. 29", "Art. 35"), Optional.empty()))
        .caseDescription(new CaseDescription(
            Optional.of("Between 10 and 28 February 2026 the account k.verhoeven.1987@mail.example.com sent phishing e-mails"
                + " impersonating a Dutch bank to about 4,000 customers; 37 victims lost EUR 412,000 in total."),
            List.of(new Offence("oplichting (fraud)", Optional.of("Wetboek van Strafrecht, art. 326"),
                Optional.of(new MaximumPenalty(Optional.of(48), false, Optional.empty())), Optional.empty()),
                new Offence("computervredebreuk (illegal access)", Optional.of("Wetboek van Strafrecht, art. 138ab"),
                    Optional.of(new MaximumPenalty(Optional.of(24), false, Optional.empty())), Optional.empty())),
            List.of(new Occurrence(Optional.of(Instant.parse("2026-02-10T00:00:00Z")), Optional.of(Instant.parse("2026-02-28T23:59:59Z")),
                Optional.of("online, victims in the Netherlands"), Optional.of(Jurisdiction.of("NL")), Optional.empty())),
            Optional.of("The provider deletes inactive accounts' logs after 30 days; without preservation the link between the"
                + " account and its user is lost.")))
        .subjects(List.of(new NaturalPerson("S1", Optional.of(SubjectRole.SUSPECT), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(account),
            Optional.of("unknown user of the account"))))
        .measures(List.of(new Preservation(
            List.of(DataCategory.SUBSCRIBER, DataCategory.TRAFFIC, DataCategory.CONTENT),
            List.of(account),
            Optional.of(new TimeRange(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-03T16:00:00Z"))),
            Optional.of("Example Mail Ltd, Dublin (data stored in Ireland)"),
            Optional.of("Subscriber data, login IP addresses with ports and times, and the mailbox content of the account,"
                + " which sent the phishing e-mails."),
            Optional.of(90),
            true)))
        .urgency(new Urgency(UrgencyLevel.URGENT, Optional.of("logs of inactive accounts are deleted after 30 days")))
        .confidentiality(new Confidentiality(true, Optional.empty(), Optional.of("the suspect is not yet identified")))
        .language("en")
        .build();
  }

  /** Budapest Art. 31 / bilateral treaty: France asks Germany for the subscriber behind an IPv6 address at a given time. */
  public static Request ipv6SubscriberProduction() {
    return SampleRequests.frenchPreservationAndProduction().toBuilder()
        .id(UUID.fromString("7b4e2c91-1f3a-4d5b-8e6f-0a9b8c7d6e52"))
        .requestingReference("PARQUET-PARIS-2026-00057")
        .measures(List.of(new DataProduction(
            List.of(DataCategory.SUBSCRIBER, DataCategory.USER_IDENTIFYING),
            List.of(new Ipv6Address("2001:db8:4f2a::17", Optional.of(Instant.parse("2026-02-14T21:37:05Z")),
                Optional.of("Europe/Paris"), Optional.of(51234))),
            Optional.empty(),
            Optional.of("Example Hosting GmbH, Frankfurt am Main"),
            Optional.of("Name, postal address and e-mail of the customer to whom 2001:db8:4f2a::17 was assigned on"
                + " 14 February 2026 at 21:37:05 UTC (22:37:05 Paris time), source port 51234."),
            Optional.empty())))
        .build();
  }

  /** Second Additional Protocol Art. 9: emergency disclosure of data on a live threat to life. */
  public static Request emergencyDisclosure() {
    var ip = new Ipv4Address("198.51.100.23", Optional.of(Instant.parse("2026-04-02T06:14:52Z")), Optional.of("UTC"),
        Optional.of(40112));
    var account = new ProviderAccount("Example Social Network Inc.", "nightfall_2026");
    var parties = new Parties(
        authority("ES:FGE-FISCALIA-MADRID", "Fiscalía Provincial de Madrid"),
        Optional.empty(),
        Optional.of(authority("ES:ES-24-7-CNP", "Policía Nacional, punto de contacto 24/7")),
        Optional.of(authority("US:US-DOJ-CCIPS-24-7", "U.S. Department of Justice, CCIPS 24/7 network")),
        Optional.empty(),
        Optional.of(new ServiceProvider(party("US:EXAMPLE-MAIL-US"), "Example Mail Inc.", Optional.empty(), Optional.empty(),
            Optional.of("1 Example Way, Mountain View, CA, USA"), Optional.of("lawenforcement@mail.example.com"))),
        List.of(new ContactPerson("Inspectora L. García", Optional.of("Unidad Central de Ciberdelincuencia"),
            Optional.of(party("ES:ES-24-7-CNP")), Optional.of("ciber.247@policia.example.es"), Optional.of("+34913220000"),
            List.of("es", "en"))));
    return Request.builder(UUID.fromString("c2a91f07-5e3d-4b6a-a1c8-9e0d7f6b5a43"), parties)
        .requestingReference("FGE-MAD-2026-URG-0031")
        .issuedAt(Instant.parse("2026-04-02T07:05:00Z"))
        .legalBasis(new LegalBasis(Instrument.BUDAPEST_SECOND_PROTOCOL, List.of("Art. 9"), Optional.empty()))
        .caseDescription(new CaseDescription(
            Optional.of("At 06:14 UTC the account nightfall_2026 posted a livestream announcing the imminent killing of a"
                + " hostage held in an unknown location; the hostage, a 16-year-old, was reported missing in Madrid."),
            List.of(new Offence("detención ilegal / secuestro", Optional.of("Código Penal, art. 164"),
                Optional.of(new MaximumPenalty(Optional.of(180), false, Optional.empty())), Optional.empty())),
            List.of(),
            Optional.of("Only the login data can locate the hostage in time.")))
        .subjects(List.of(
            new NaturalPerson("S1", Optional.of(SubjectRole.SUSPECT), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), List.of(account, ip), Optional.empty()),
            new NaturalPerson("S2", Optional.of(SubjectRole.VICTIM), Optional.of("Lucía"), Optional.of("M. R."),
                Optional.of(LocalDate.parse("2009-11-30")), Optional.of("Madrid"), List.of(Jurisdiction.of("ES")),
                Optional.empty(), List.of(new PhoneNumber("+34600000000")), Optional.empty())))
        .measures(List.of(new ExpeditedDisclosure(List.of(account, ip),
            Optional.of(new TimeRange(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-04-02T07:00:00Z"))),
            Optional.empty(),
            Optional.of("Subscriber data and the IP addresses, ports and times of the last logins to the account."))))
        .urgency(new Urgency(UrgencyLevel.EMERGENCY,
            Optional.of("significant and imminent risk to the life of a minor (Second Protocol Art. 3(2)(c))")))
        .deadline(Instant.parse("2026-04-02T09:00:00Z"))
        .language("en")
        .build();
  }

  /** EU European Investigation Order (Directive 2014/41 Art. 24): hearing a witness by video conference. */
  public static Request witnessHearingByVideo() {
    var parties = new Parties(
        authority("IT:PROC-MILANO", "Procura della Repubblica presso il Tribunale di Milano", AuthorityKind.PROSECUTOR),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(authority("BE:PARQUET-BRUXELLES", "Parquet du Procureur du Roi de Bruxelles")),
        Optional.empty(),
        List.of(new ContactPerson("Dott.ssa A. Rossi", Optional.of("sostituto procuratore"),
            Optional.of(party("IT:PROC-MILANO")), Optional.of("a.rossi@giustizia.example.it"), Optional.empty(),
            List.of("it", "fr", "en"))));
    return Request.builder(UUID.fromString("9d0e3b76-2a41-4c8f-b5e7-1f6a2d9c8b34"), parties)
        .requestingReference("RGNR 2025/14433")
        .issuedAt(Instant.parse("2026-05-11T08:30:00Z"))
        .legalBasis(new LegalBasis(Instrument.EU_EIO_DIRECTIVE, List.of("Art. 24"), Optional.of("EIO, Annex A, section C")))
        .caseDescription(new CaseDescription(
            Optional.of("Carousel VAT fraud through companies in Italy and Belgium in 2024; the witness was the accountant"
                + " of one of the Belgian companies."),
            List.of(new Offence("frode fiscale (VAT fraud)", Optional.of("D.Lgs. 74/2000, art. 2"),
                Optional.of(new MaximumPenalty(Optional.of(96), false, Optional.empty())), Optional.empty())),
            List.of(new Occurrence(Optional.of(Instant.parse("2024-01-01T00:00:00Z")), Optional.of(Instant.parse("2024-12-31T23:59:59Z")),
                Optional.of("Milan and Brussels"), Optional.empty(), Optional.empty())),
            Optional.of("The witness's testimony is needed at trial; travel to Milan is disproportionate.")))
        .subjects(List.of(
            new NaturalPerson("W1", Optional.of(SubjectRole.WITNESS), Optional.of("Marc"), Optional.of("Dubois"),
                Optional.of(LocalDate.parse("1971-06-02")), Optional.of("Liège"), List.of(Jurisdiction.of("BE")),
                Optional.of("Rue de l'Exemple 12, 1000 Bruxelles"), List.of(), Optional.empty()),
            new LegalEntity("S1", Optional.of(SubjectRole.SUSPECT), Optional.of("Example Trading SRL"),
                Optional.of("0123.456.789"), Optional.of(Jurisdiction.of("BE")), Optional.empty(), List.of(), Optional.empty())))
        .measures(List.of(new Hearing(HearingCapacity.WITNESS, HearingMode.VIDEO_CONFERENCE, Optional.of("W1"),
            List.of("Who instructed you to issue the invoices of Example Trading SRL in 2024?",
                "Which of the Italian buyers did you meet in person?"),
            Optional.of(Instant.parse("2026-06-15T08:00:00Z")), Optional.of("fr"), true)))
        .urgency(Urgency.normal())
        .deadline(Instant.parse("2026-06-30T00:00:00Z"))
        .useConditions(new UseConditions(true, List.of(), List.of()))
        .language("it")
        .translationLanguages(List.of("fr"))
        .attachments(List.of(
            pdf("A1", DocumentType.FORM, "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", 94_512, "it",
                "EIO, Annex A"),
            new Attachment("A2", DocumentType.TRANSLATION, "application/pdf", 97_003,
                "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9", Optional.of("fr"),
                Optional.of("Décision d'enquête européenne, annexe A (traduction)"), Optional.of("A1"))))
        .build();
  }

  /** Regulation (EU) 2023/1543: a German European Production Order sent directly to a service provider in Ireland. */
  public static Request euProductionOrder() {
    var account = new ProviderAccount("Example Cloud Ireland Ltd", "user-88412093");
    var parties = new Parties(
        authority("DE:AG-MUENCHEN", "Amtsgericht München, Ermittlungsrichter", AuthorityKind.COURT),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(new ServiceProvider(party("IE:EXAMPLE-CLOUD-IE"), "Example Cloud Ireland Ltd",
            Optional.of("Example Cloud Ireland Ltd, designated establishment, Dublin 2"), Optional.empty(),
            Optional.of("1 Example Quay, Dublin 2, Ireland"), Optional.of("lawenforcement@cloud.example.ie"))),
        List.of(new ContactPerson("StA Dr. K. Huber", Optional.of("Staatsanwältin"), Optional.of(party("DE:STA-MUENCHEN-I")),
            Optional.of("k.huber@sta.example.de"), Optional.empty(), List.of("de", "en"))));
    return Request.builder(UUID.fromString("e5f60718-293a-4b5c-8d6e-7f8091a2b3c4"), parties)
        .requestingReference("ER IV Gs 4411/26")
        .issuedAt(Instant.parse("2026-08-24T10:00:00Z"))
        .legalBasis(new LegalBasis(Instrument.EU_E_EVIDENCE_REGULATION, List.of("Art. 5", "Art. 9(1)"),
            Optional.of("European Production Order Certificate (EPOC), Annex I")))
        .caseDescription(new CaseDescription(
            Optional.of("The cloud account user-88412093 stored and shared child sexual abuse material between March and"
                + " June 2026."),
            List.of(new Offence("Verbreitung kinderpornographischer Inhalte", Optional.of("StGB § 184b"),
                Optional.of(new MaximumPenalty(Optional.of(120), false, Optional.empty())), Optional.empty())),
            List.of(),
            Optional.of("The content is needed to identify the victims; the offence carries a maximum of at least three"
                + " years (Regulation 2023/1543 Art. 5(4)).")))
        .subjects(List.of(new NaturalPerson("S1", Optional.of(SubjectRole.SUSPECT), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(account), Optional.empty())))
        .measures(List.of(new DataProduction(List.of(DataCategory.SUBSCRIBER, DataCategory.TRAFFIC, DataCategory.CONTENT),
            List.of(account),
            Optional.of(new TimeRange(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-06-30T23:59:59Z"))),
            Optional.of("Example Cloud Ireland Ltd"), Optional.of("Subscriber data, access logs and stored files of the account."),
            Optional.empty())))
        .urgency(Urgency.normal())
        .deadline(Instant.parse("2026-09-03T10:00:00Z"))
        .confidentiality(new Confidentiality(true, Optional.of(LocalDate.parse("2027-02-24")),
            Optional.of("informing the user would endanger the investigation (Regulation 2023/1543 Art. 11)")))
        .language("en")
        .attachments(List.of(pdf("A1", DocumentType.FORM,
            "b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c", 61_220, "en", "EPOC, Annex I")))
        .build();
  }
}
