package dev.mlat.cli.internal;

import dev.mlat.core.PartyId;
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
import dev.mlat.core.model.ServiceProvider;
import dev.mlat.core.model.Subject;
import dev.mlat.core.model.SubjectRole;
import dev.mlat.core.model.Urgency;
import dev.mlat.core.model.UrgencyLevel;
import dev.mlat.core.model.UseConditions;
import dev.mlat.core.model.identifier.EmailAddress;
import dev.mlat.core.model.identifier.Iban;
import dev.mlat.core.model.identifier.Identifier;
import dev.mlat.core.model.identifier.Ipv4Address;
import dev.mlat.core.model.identifier.ProviderAccount;
import dev.mlat.core.model.measure.Asset;
import dev.mlat.core.model.measure.AssetFreezing;
import dev.mlat.core.model.measure.DataCategory;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.ExpeditedDisclosure;
import dev.mlat.core.model.measure.Hearing;
import dev.mlat.core.model.measure.HearingCapacity;
import dev.mlat.core.model.measure.HearingMode;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.measure.Preservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The starting documents of {@code mlat request new}: each builds a {@link Request} from the model
 * with the legal basis, measure and urgency of its kind filled in, and every fact the prosecutor
 * must supply marked {@value #PLACEHOLDER_PREFIX}...{@code ]}. The result is a draft: it reads back
 * with the strict reader, and issued-level validation rejects it until every placeholder is replaced.
 */
enum RequestTemplate {
  PRESERVATION("preservation", "Expedited preservation of stored computer data (Budapest Convention Art. 29)") {
    @Override
    void fill(Request.Builder b, Drafting d) {
      b.legalBasis(new LegalBasis(Instrument.BUDAPEST_CONVENTION, List.of("Art. 29"), Optional.empty()));
      Identifier target = ipv4("the IP address whose data must be preserved; add observedAt, timeZone and port");
      b.subjects(List.of(suspect("S1", target)));
      b.measures(List.<Measure>of(new Preservation(List.of(DataCategory.SUBSCRIBER, DataCategory.TRAFFIC), List.of(target),
          Optional.empty(), Optional.of(fill("the service provider or place holding the data (custodian or location)")),
          Optional.of(fill("the stored data to preserve and its relationship to the offence")),
          Optional.of(90), true)));
      b.urgency(new Urgency(UrgencyLevel.URGENT, Optional.of(fill("why the data may be lost or modified, e.g. the retention period"))));
      b.caseDescription(caseDescription("why preservation is necessary; a request for production will follow (Art. 29(2)(f))"));
    }
  },
  SUBSCRIBER_DATA("subscriber-data", "Production of subscriber data (Budapest Convention Art. 31)") {
    @Override
    void fill(Request.Builder b, Drafting d) {
      b.legalBasis(new LegalBasis(Instrument.BUDAPEST_CONVENTION, List.of("Art. 31"), Optional.empty()));
      Identifier target = ipv4("the IP address used; add observedAt, timeZone and port, which the provider needs to find the subscriber");
      b.subjects(List.of(suspect("S1", target)));
      b.measures(List.<Measure>of(new DataProduction(List.of(DataCategory.SUBSCRIBER), List.of(target), Optional.empty(),
          Optional.of(fill("the service provider holding the data")),
          Optional.of(fill("the subscriber information sought (name, address, payment details, account creation)")),
          Optional.empty())));
      b.caseDescription(caseDescription("why the subscriber information is needed and proportionate"));
    }
  },
  TRAFFIC_DATA("traffic-data", "Production of traffic data (Budapest Convention Art. 31)") {
    @Override
    void fill(Request.Builder b, Drafting d) {
      b.legalBasis(new LegalBasis(Instrument.BUDAPEST_CONVENTION, List.of("Art. 31"), Optional.empty()));
      Identifier target = new EmailAddress(fill("the e-mail address (or replace by another identifier type)"));
      b.subjects(List.of(suspect("S1", target)));
      b.measures(List.<Measure>of(new DataProduction(List.of(DataCategory.TRAFFIC), List.of(target), Optional.empty(),
          Optional.of(fill("the service provider holding the data")),
          Optional.of(fill("the traffic data sought (origin, destination, date, time, duration) and the period; add a timeRange")),
          Optional.of(fill("the reference of the preservation request, or remove this property")))));
      b.caseDescription(caseDescription("why the traffic data is needed and proportionate to the offence"));
    }
  },
  EMERGENCY_DISCLOSURE("emergency-disclosure", "Emergency disclosure of stored data (Budapest Second Protocol Art. 9)") {
    @Override
    void fill(Request.Builder b, Drafting d) {
      b.legalBasis(new LegalBasis(Instrument.BUDAPEST_SECOND_PROTOCOL, List.of("Art. 9"), Optional.empty()));
      Identifier target = ipv4("the IP address or account concerned; add observedAt, timeZone and port");
      b.subjects(List.of(suspect("S1", target)));
      b.measures(List.<Measure>of(new ExpeditedDisclosure(List.of(target), Optional.empty(), Optional.empty(),
          Optional.of(fill("the subscriber information and traffic data needed to avert the danger")))));
      b.urgency(new Urgency(UrgencyLevel.EMERGENCY,
          Optional.of(fill("the significant and imminent risk to the life or safety of a natural person (Second Protocol Art. 3(2)(c))"))));
      b.deadline(d.now.plus(Duration.ofHours(24)));
      b.caseDescription(caseDescription("why the data is needed at once to avert the danger"));
    }
  },
  VIDEO_HEARING("video-hearing", "Hearing of a witness by video conference") {
    @Override
    void fill(Request.Builder b, Drafting d) {
      b.legalBasis(new LegalBasis(Instrument.BILATERAL_MLAT, List.of(), Optional.of(fill(
          "the treaty and its article on hearings by video conference (between EU member states: instrument EU_EIO_DIRECTIVE, Art. 24)"))));
      b.subjects(List.<Subject>of(new NaturalPerson("W1", Optional.of(SubjectRole.WITNESS),
          Optional.of(fill("given names of the witness")), Optional.of(fill("family name of the witness")),
          Optional.empty(), Optional.empty(), List.of(), Optional.of(fill("last known address of the witness")),
          List.of(), Optional.empty())));
      b.measures(List.<Measure>of(new Hearing(HearingCapacity.WITNESS, HearingMode.VIDEO_CONFERENCE, Optional.of("W1"),
          List.of(fill("first question to the witness"), fill("second question, or remove it")),
          Optional.empty(), Optional.empty(), true)));
      b.caseDescription(caseDescription("why the testimony is needed and why the witness cannot attend in person"));
    }
  },
  ASSET_FREEZING("asset-freezing", "Freezing of proceeds of crime (UN Convention against Transnational Organized Crime Arts. 12-13)") {
    @Override
    void fill(Request.Builder b, Drafting d) {
      b.legalBasis(new LegalBasis(Instrument.UNTOC, List.of("Art. 12", "Art. 13"), Optional.empty()));
      Identifier account = new Iban(fill("IBAN of the account to freeze"));
      b.subjects(List.of(new NaturalPerson("S1", Optional.of(SubjectRole.ACCOUNT_HOLDER),
          Optional.of(fill("given names of the account holder")), Optional.of(fill("family name of the account holder")),
          Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(account), Optional.empty())));
      b.measures(List.<Measure>of(new AssetFreezing(
          List.of(new Asset(fill("the asset, e.g. the balance of the bank account"), Optional.of(account),
              Optional.of(fill("the bank and branch holding the account")), Optional.empty())),
          List.of("S1"), Optional.empty(), Optional.of(fill("reference of the domestic freezing order (attach it)")))));
      b.urgency(new Urgency(UrgencyLevel.URGENT, Optional.of(fill("why the assets may be moved"))));
      b.caseDescription(caseDescription("why the assets are proceeds or instrumentalities of the offence and why freezing is proportionate"));
    }
  },
  EU_PRODUCTION_ORDER("eu-production-order",
      "European Production Order to a service provider (EU Regulation 2023/1543 Art. 5; --to names the provider)") {
    @Override
    void fill(Request.Builder b, Drafting d) {
      b.legalBasis(new LegalBasis(Instrument.EU_E_EVIDENCE_REGULATION, List.of("Art. 5"),
          Optional.of("European Production Order Certificate (EPOC), Annex I")));
      Identifier account = new ProviderAccount(fill("name of the service provider"), fill("the account identifier"));
      b.subjects(List.of(suspect("S1", account)));
      b.measures(List.<Measure>of(new DataProduction(List.of(DataCategory.SUBSCRIBER), List.of(account), Optional.empty(),
          Optional.of(fill("the service provider holding the data")),
          Optional.of(fill("the data sought; for traffic or content data add TRAFFIC / CONTENT and a validating authority (Art. 4)")),
          Optional.empty())));
      b.deadline(d.now.plus(Duration.ofDays(10)));
      b.caseDescription(caseDescription(
          "why the order is necessary and proportionate, and could have been ordered in a similar domestic case (Art. 5(2))"));
    }

    @Override
    Parties parties(PartyId from, PartyId to) {
      return new Parties(issuing(from), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of(new ServiceProvider(to, fill("name of the service provider"),
              Optional.of(fill("its designated establishment in the EU")), Optional.of(fill("its legal representative, or remove")),
              Optional.empty(), Optional.of(fill("the e-mail address for orders")))),
          List.of(contact(from)));
    }

    @Override
    boolean recipientIsServiceProvider() {
      return true;
    }
  };

  /** Every placeholder begins with this text; search for it to find what is left to fill in. */
  static final String PLACEHOLDER_PREFIX = "[FILL IN";

  private final String templateName;
  private final String title;

  RequestTemplate(String templateName, String title) {
    this.templateName = templateName;
    this.title = title;
  }

  /** The name on the command line, for example {@code preservation}. */
  String templateName() {
    return templateName;
  }

  /** One line for {@code mlat request templates}. */
  String title() {
    return title;
  }

  /** The template named {@code name}, if any. */
  static Optional<RequestTemplate> named(String name) {
    for (RequestTemplate t : values()) {
      if (t.templateName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The names, in listing order. */
  static List<String> names() {
    return java.util.Arrays.stream(values()).map(RequestTemplate::templateName).toList();
  }

  /** True when {@code --to} names a service provider rather than the requested state's authority. */
  boolean recipientIsServiceProvider() {
    return false;
  }

  /**
   * A new draft with a fresh id, issued now (per {@code clock}), from {@code from} to {@code to}.
   */
  Request draft(Clock clock, PartyId from, PartyId to) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    var d = new Drafting(now, LocalDate.ofInstant(now, ZoneOffset.UTC));
    var b = Request.builder(UUID.randomUUID(), parties(from, to))
        .requestingReference(fill("your case reference"))
        .issuedAt(now)
        .confidentiality(new Confidentiality(true, Optional.of(d.today.plusYears(1)),
            Optional.of(fill("why the person concerned must not be informed, or set doNotInformSubject to false"))))
        .useConditions(new UseConditions(true, List.of(), List.of()))
        .language("en");
    fill(b, d);
    return b.build();
  }

  abstract void fill(Request.Builder builder, Drafting drafting);

  Parties parties(PartyId from, PartyId to) {
    return new Parties(issuing(from), Optional.empty(), Optional.empty(),
        Optional.of(new Party(to, fill("name of the requested central authority"), Optional.empty(), Optional.empty(), Optional.empty())),
        Optional.empty(), Optional.empty(), List.of(contact(from)));
  }

  /** The moment of drafting. */
  static final class Drafting {
    final Instant now;
    final LocalDate today;

    Drafting(Instant now, LocalDate today) {
      this.now = now;
      this.today = today;
    }
  }

  static String fill(String what) {
    return PLACEHOLDER_PREFIX + ": " + what + "]";
  }

  private static Party issuing(PartyId from) {
    return new Party(from, fill("name of the issuing authority"), Optional.of(fill("postal address")),
        Optional.of(fill("e-mail address")), Optional.of(fill("telephone, E.164: + country code and number")));
  }

  private static ContactPerson contact(PartyId from) {
    return new ContactPerson(fill("name of the prosecutor or judge in charge"), Optional.of(fill("function")),
        Optional.of(from), Optional.of(fill("e-mail address")), Optional.of(fill("telephone, E.164: + country code and number")), List.of("en"));
  }

  private static Identifier ipv4(String what) {
    return new Ipv4Address(fill(what), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Subject suspect(String reference, Identifier identifier) {
    return new NaturalPerson(reference, Optional.of(SubjectRole.SUSPECT), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(identifier),
        Optional.of(fill("what is known of the person (or 'unknown user of the identifier')")));
  }

  private static CaseDescription caseDescription(String necessity) {
    return new CaseDescription(
        Optional.of(fill("brief summary of the facts")),
        List.of(new Offence(fill("legal classification of the offence"), Optional.of(fill("statutory provision")),
            Optional.of(new MaximumPenalty(Optional.empty(), false, Optional.of(fill("maximum penalty; add imprisonmentMonths")))),
            Optional.empty())),
        List.of(new Occurrence(Optional.empty(), Optional.empty(), Optional.of(fill("where the offence was committed")),
            Optional.empty(), Optional.of(fill("when; add from / to")))),
        Optional.of(fill(necessity)));
  }
}
