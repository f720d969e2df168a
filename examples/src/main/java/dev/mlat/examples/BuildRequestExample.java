/*
 * What this shows: how a case system builds a mutual legal assistance request from plain Java with
 * the mlat model, and turns it into the JSON wire form.
 *
 * A French investigating judge (Paris) asks Germany, under the Budapest Convention, to
 *   1. preserve (Art. 29) the subscriber and traffic data of the customer who used the IPv6 address
 *      2001:db8:4f2a::17 on 14 February 2026 at 21:37:05 UTC (source port 51234), and
 *   2. produce (Art. 31) that customer's subscriber data.
 * The program builds the request, validates it at the ISSUED level (complete under the Budapest
 * Convention: every problem is printed on standard error with its JSON path, code and a message a
 * prosecutor understands, and the program exits with status 1), writes it with the strict writer,
 * reads the bytes back with the strict reader (the same checks a receiving ministry applies),
 * checks both are equal, and prints the JSON on standard output.
 *
 * Run from the repository root, after `mvn -q -pl examples -am package -DskipTests` (which writes
 * examples/target/examples.cp):
 *   java -cp "examples/target/classes:$(cat examples/target/examples.cp)" dev.mlat.examples.BuildRequestExample
 */
package dev.mlat.examples;

import dev.mlat.core.MlatCoreException;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.CaseDescription;
import dev.mlat.core.model.Confidentiality;
import dev.mlat.core.model.ContactPerson;
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
import dev.mlat.core.validation.Level;
import dev.mlat.core.validation.RequestValidator;
import dev.mlat.core.validation.ValidationReport;
import dev.mlat.core.validation.Violation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Builds a French Budapest Art. 29 + Art. 31 request to Germany, round-trips it through strict JSON and prints it. */
public final class BuildRequestExample {

  private BuildRequestExample() {}

  /** Builds the request; every identifier is parsed from text as a case system would hold it. */
  static Request buildRequest() throws MlatCoreException {
    // The address, as observed in the victim's firewall log, in UTC, with the source port: behind
    // carrier-grade NAT the provider needs all three to find one customer.
    var address = new Ipv6Address("2001:db8:4f2a::17",
        Optional.of(Instant.parse("2026-02-14T21:37:05Z")), Optional.of("Europe/Paris"), Optional.of(51234));
    var period = new TimeRange(Instant.parse("2026-02-14T21:00:00Z"), Instant.parse("2026-02-14T22:00:00Z"));

    var judge = new Party(PartyId.parse("FR:TJ-PARIS-J3"), "Tribunal judiciaire de Paris, cabinet J3",
        Optional.of("Parvis du Tribunal de Paris, 75017 Paris"), Optional.of("j3.tj-paris@justice.fr"), Optional.empty());
    var frenchCentralAuthority = new Party(PartyId.parse("FR:FR-MOJ-BEPI"),
        "Ministère de la Justice, Bureau de l'entraide pénale internationale", Optional.empty(), Optional.empty(),
        Optional.empty());
    var germanCentralAuthority = new Party(PartyId.parse("DE:DE-BFJ"), "Bundesamt für Justiz",
        Optional.empty(), Optional.empty(), Optional.empty());
    var parties = new Parties(judge, Optional.empty(), Optional.of(frenchCentralAuthority),
        Optional.of(germanCentralAuthority), Optional.empty(), Optional.empty(),
        List.of(new ContactPerson("Claire Martin", Optional.of("juge d'instruction"), Optional.of(judge.id()),
            Optional.of("claire.martin@justice.fr"), Optional.of("+33144325000"), List.of("fr", "en"))));

    var facts = new CaseDescription(
        Optional.of("On 14 February 2026 a ransomware attack encrypted the patient records of a Paris hospital;"
            + " the ransom note was uploaded at 21:37:05 UTC from 2001:db8:4f2a::17, an address of Example Hosting GmbH."),
        List.of(new Offence("extorsion en bande organisée", Optional.of("Code pénal, art. 312-6"),
                Optional.of(new MaximumPenalty(Optional.of(240), false, Optional.of("EUR 150 000 fine"))), Optional.empty()),
            new Offence("entrave au fonctionnement d'un système de traitement automatisé de données",
                Optional.of("Code pénal, art. 323-2"),
                Optional.of(new MaximumPenalty(Optional.of(60), false, Optional.empty())), Optional.empty())),
        List.of(new Occurrence(Optional.of(Instant.parse("2026-02-14T21:30:00Z")), Optional.empty(), Optional.of("Paris"),
            Optional.of(dev.mlat.core.Jurisdiction.of("FR")), Optional.empty())),
        Optional.of("Only the provider can link the address to a customer, and it keeps connection logs for 7 days."));

    var preservation = new Preservation(List.of(DataCategory.SUBSCRIBER, DataCategory.TRAFFIC), List.of(address),
        Optional.of(period), Optional.of("Example Hosting GmbH, Frankfurt am Main"),
        Optional.of("Connection logs and subscriber record for the address at that time; they identify the uploader."),
        Optional.of(90), true);
    var production = new DataProduction(List.of(DataCategory.SUBSCRIBER), List.of(address), Optional.of(period),
        Optional.of("Example Hosting GmbH, Frankfurt am Main"),
        Optional.of("Name, postal and e-mail address and payment details of the customer to whom the address"
            + " was assigned at that time: the customer is the presumed author of the extortion e-mails."),
        Optional.empty());

    return Request.builder(UUID.fromString("0f8c2f4e-8d7a-4c71-9a53-3c0d2a9b6e11"), parties)
        .requestingReference("PARQUET-PARIS-2026-00042")
        .issuedAt(Instant.parse("2026-02-15T09:00:00Z"))
        .legalBasis(new LegalBasis(Instrument.BUDAPEST_CONVENTION, List.of("Art. 29", "Art. 31"), Optional.empty()))
        .caseDescription(facts)
        .subjects(List.of(new NaturalPerson("S1", Optional.of(SubjectRole.SUSPECT), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(address),
            Optional.of("unknown customer who used the address"))))
        .measures(List.of(preservation, production))
        .urgency(new Urgency(UrgencyLevel.URGENT, Optional.of("the provider deletes connection logs after 7 days")))
        .deadline(Instant.parse("2026-02-20T17:00:00Z"))
        .confidentiality(new Confidentiality(true, Optional.of(LocalDate.parse("2026-12-31")),
            Optional.of("informing the customer would alert the suspect")))
        .language("fr")
        .translationLanguages(List.of("de"))
        .build();
  }

  public static void main(String[] args) throws MlatCoreException, IOException {
    MlatJson json = MlatJson.strict();
    Request request = buildRequest();

    // Before anything is signed: is the request complete for the instrument it invokes?
    ValidationReport report = new RequestValidator().validate(request, Level.ISSUED, Locale.ENGLISH);
    if (!report.isValid()) {
      PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
      for (Violation v : report.violations()) {
        err.println(v.path() + ": " + v.code().code() + ": " + v.message());
      }
      System.exit(1);
    }

    byte[] bytes = json.writeRequest(request);
    Request back = json.readRequest(bytes); // what the receiving side does; throws JsonInputException on bad input
    if (!back.equals(request)) {
      throw new IllegalStateException("the request did not survive the JSON round trip");
    }

    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(new String(bytes, StandardCharsets.UTF_8));
  }
}
