package dev.mlat.cli.internal;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.MlatCoreException;
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
import dev.mlat.core.model.identifier.Ipv6Address;
import dev.mlat.core.model.measure.DataCategory;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.Preservation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo's case: a French prosecutor asks the United States, under the Budapest Convention, to
 * preserve (Art. 29) and produce (Art. 31) the subscriber data behind an IPv6 address, with the
 * court order attached. Complete at the issued level; dates are relative to the time given.
 */
final class DemoCase {

  /** The court order attached to the request (a text file for the demo). */
  static final String COURT_ORDER_NAME = "ordonnance-2026-00042.txt";

  private DemoCase() {}

  /** The attached court order's bytes. */
  static byte[] courtOrder() {
    return ("TRIBUNAL JUDICIAIRE DE PARIS - Parquet, section J3 (cybercriminalite)\n"
        + "Ordonnance de demande d'entraide penale internationale, dossier PARQUET-PARIS-2026-00042.\n"
        + "Objet : conservation et communication des donnees d'abonne liees a l'adresse IPv6 2001:db8:4f2a::17.\n"
        + "(Document de demonstration, sans valeur juridique.)\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The request from {@code from} (the French central authority, also issuing here) to {@code to}. */
  static Request request(UUID id, PartyId from, PartyId to, Instant now) throws MlatCoreException {
    Instant observed = now.minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    var address = new Ipv6Address("2001:db8:4f2a::17", Optional.of(observed), Optional.of("Europe/Paris"), Optional.of(51234));
    var period = new TimeRange(observed.minus(Duration.ofMinutes(30)), observed.plus(Duration.ofMinutes(30)));
    var prosecutor = new Party(from, "Ministère de la Justice, Bureau de l'entraide pénale internationale (for the Paris prosecutor)",
        Optional.of("13 place Vendôme, 75001 Paris"), Optional.of("entraide@justice.example.fr"), Optional.empty());
    var requested = new Party(to, "U.S. Department of Justice, Office of International Affairs",
        Optional.empty(), Optional.empty(), Optional.empty());
    var parties = new Parties(prosecutor, Optional.empty(), Optional.empty(), Optional.of(requested), Optional.empty(), Optional.empty(),
        List.of(new ContactPerson("Claire Martin", Optional.of("procureure adjointe"), Optional.of(from),
            Optional.of("claire.martin@justice.example.fr"), Optional.of("+33144325000"), List.of("fr", "en"))));
    var facts = new CaseDescription(
        Optional.of("A ransomware attack encrypted the patient records of a Paris hospital; the ransom note was uploaded at "
            + observed + " from 2001:db8:4f2a::17, an address of Example Cloud Inc. (United States)."),
        List.of(new Offence("extorsion en bande organisée", Optional.of("Code pénal, art. 312-6"),
            Optional.of(new MaximumPenalty(Optional.of(240), false, Optional.of("EUR 150 000 fine"))), Optional.empty())),
        List.of(new Occurrence(Optional.of(observed), Optional.empty(), Optional.of("Paris"), Optional.of(Jurisdiction.of("FR")),
            Optional.empty())),
        Optional.of("Only the provider can link the address to a customer, and it keeps connection logs for 7 days."));
    var preservation = new Preservation(List.of(DataCategory.SUBSCRIBER, DataCategory.TRAFFIC), List.of(address),
        Optional.of(period), Optional.of("Example Cloud Inc., San Francisco, California"),
        Optional.of("Connection logs and subscriber record for the address at that time; they identify the uploader."),
        Optional.of(90), true);
    var production = new DataProduction(List.of(DataCategory.SUBSCRIBER), List.of(address), Optional.of(period),
        Optional.of("Example Cloud Inc., San Francisco, California"),
        Optional.of("Name, postal and e-mail address and payment details of the customer to whom the address was assigned"
            + " at that time: the customer is the presumed author of the ransom note."),
        Optional.empty());
    byte[] order = courtOrder();
    return Request.builder(id, parties)
        .requestingReference("PARQUET-PARIS-2026-00042")
        .issuedAt(now.truncatedTo(ChronoUnit.SECONDS))
        .legalBasis(new LegalBasis(Instrument.BUDAPEST_CONVENTION, List.of("Art. 29", "Art. 31"), Optional.empty()))
        .caseDescription(facts)
        .subjects(List.of(new NaturalPerson("S1", Optional.of(SubjectRole.SUSPECT), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(address),
            Optional.of("unknown customer who used the address"))))
        .measures(List.of(preservation, production))
        .urgency(new Urgency(UrgencyLevel.URGENT, Optional.of("the provider deletes connection logs after 7 days")))
        .deadline(now.plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS))
        .confidentiality(new Confidentiality(true, Optional.of(LocalDate.ofInstant(now, ZoneOffset.UTC).plusYears(1)),
            Optional.of("informing the customer would alert the suspect")))
        .language("en")
        .attachments(List.of(new Attachment("A1", DocumentType.COURT_ORDER, "text/plain", order.length, sha256(order),
            Optional.of("fr"), Optional.of("Ordonnance du parquet de Paris"), Optional.empty())))
        .build();
  }

  /** Lower-case hex SHA-256. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
