package dev.mlat.core.validation;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.internal.TypeNames;
import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.AuthorityKind;
import dev.mlat.core.model.CaseDescription;
import dev.mlat.core.model.ContactPerson;
import dev.mlat.core.model.DocumentType;
import dev.mlat.core.model.Instrument;
import dev.mlat.core.model.LegalBasis;
import dev.mlat.core.model.MonetaryAmount;
import dev.mlat.core.model.NaturalPerson;
import dev.mlat.core.model.Offence;
import dev.mlat.core.model.Parties;
import dev.mlat.core.model.Party;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.ServiceProvider;
import dev.mlat.core.model.SubjectRole;
import dev.mlat.core.model.TimeRange;
import dev.mlat.core.model.Urgency;
import dev.mlat.core.model.UrgencyLevel;
import dev.mlat.core.model.identifier.Iban;
import dev.mlat.core.model.identifier.Ipv4Address;
import dev.mlat.core.model.measure.Asset;
import dev.mlat.core.model.measure.AssetConfiscation;
import dev.mlat.core.model.measure.AssetFreezing;
import dev.mlat.core.model.measure.BankingInformation;
import dev.mlat.core.model.measure.BankingInformationKind;
import dev.mlat.core.model.measure.DataCategory;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.ExpeditedDisclosure;
import dev.mlat.core.model.measure.Hearing;
import dev.mlat.core.model.measure.HearingCapacity;
import dev.mlat.core.model.measure.HearingMode;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.measure.Preservation;
import dev.mlat.core.model.measure.PreservationEnd;
import dev.mlat.core.model.measure.PreservationExtension;
import dev.mlat.core.model.measure.RealTimeTrafficCollection;
import dev.mlat.core.model.measure.SearchAndSeizure;
import dev.mlat.core.model.measure.ServiceOfDocuments;
import dev.mlat.core.validation.internal.CompletenessRules;
import dev.mlat.core.validation.internal.CompletenessRules.Rule;
import dev.mlat.core.validation.internal.Condition;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Complete requests for each row of the completeness table, and a generic way to remove the
 * field a row requires (by JSON path, through the records' canonical constructors).
 */
final class RuleFixtures {

  private RuleFixtures() {}

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final TimeRange RANGE = new TimeRange(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-02T00:00:00Z"));
  private static final Ipv4Address IP = new Ipv4Address("192.0.2.10", Optional.of(Instant.parse("2026-02-01T12:00:00Z")),
      Optional.of("Europe/Paris"), Optional.of(443));

  /** A request that satisfies every rule and makes the row's condition hold. */
  static Request completeFor(Rule rule) {
    Condition c = rule.condition();
    boolean traffic = c == Condition.TRAFFIC_OR_CONTENT || c == Condition.ISSUER_NOT_COURT_TRAFFIC_OR_CONTENT;
    AuthorityKind issuerKind = switch (c) {
      case ISSUER_OTHER_AUTHORITY -> AuthorityKind.OTHER_AUTHORITY;
      case ISSUER_NOT_COURT_TRAFFIC_OR_CONTENT -> AuthorityKind.PROSECUTOR;
      default -> AuthorityKind.COURT;
    };
    String measureName = rule.measure().equals(CompletenessRules.REQUEST) ? "searchAndSeizure" : rule.measure();
    if (rule.instrument().equals(Instrument.BUDAPEST_SECOND_PROTOCOL.name()) && rule.measure().equals(CompletenessRules.REQUEST)) {
      measureName = "dataProduction";
    }
    Measure measure = measure(measureName, traffic, c);
    Instrument instrument = rule.instrument().equals(CompletenessRules.ANY) ? Instrument.BILATERAL_MLAT
        : Instrument.valueOf(rule.instrument());
    List<String> articles = rule.article().isEmpty() ? List.of("Art. 1") : List.of("Art. " + rule.article());
    var parties = new Parties(
        new Party(new PartyId(Jurisdiction.of("FR"), "TJ-PARIS"), "Tribunal judiciaire de Paris", Optional.empty(),
            Optional.of("greffe@justice.fr"), Optional.empty(), Optional.of(issuerKind)),
        Optional.of(new Party(new PartyId(Jurisdiction.of("FR"), "JLD-PARIS"), "Juge des libertés, Paris", Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.of(AuthorityKind.COURT))),
        Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(new ServiceProvider(new PartyId(Jurisdiction.of("IE"), "EXAMPLE-HOSTING"), "Example Hosting Ltd",
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("lawenforcement@example.com"))),
        List.of(new ContactPerson("Claire Martin", Optional.empty(), Optional.empty(), Optional.of("claire.martin@justice.fr"),
            Optional.of("+33144325000"), List.of("fr", "en"))));
    UrgencyLevel level = c == Condition.EMERGENCY || c == Condition.URGENT_OR_EMERGENCY
        || rule.article().equals("9") || rule.article().equals("10") ? UrgencyLevel.EMERGENCY : UrgencyLevel.NORMAL;
    return Request.builder(UUID.fromString("6f1c6a52-5a0e-4b0a-9a43-1c0b8f0d9e01"), parties)
        .issuedAt(T0)
        .deadline(T0.plusSeconds(86_400))
        .legalBasis(new LegalBasis(instrument, articles, Optional.of("Treaty on mutual legal assistance")))
        .caseDescription(new CaseDescription(Optional.of("Facts."),
            List.of(new Offence("fraud", Optional.of("Code pénal, art. 313-1"), Optional.empty(), Optional.empty())),
            List.of(), Optional.of("Needed to identify the author.")))
        .subjects(List.of(new NaturalPerson("S1", Optional.of(SubjectRole.WITNESS), Optional.of("Jean"), Optional.of("Dupont"),
            Optional.empty(), Optional.empty(), List.of(), Optional.of("1 rue de la Paix, Paris"), List.of(), Optional.empty())))
        .measures(List.of(measure))
        .urgency(level == UrgencyLevel.NORMAL ? Urgency.normal()
            : new Urgency(level, Optional.of("A hostage's life is at risk within hours.")))
        .language("fr")
        .attachments(List.of(new Attachment("A1", DocumentType.COURT_ORDER, "application/pdf", 1024,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Optional.of("fr"), Optional.empty(),
            Optional.empty())))
        .build();
  }

  private static Measure measure(String name, boolean traffic, Condition c) {
    var categories = List.of(traffic ? DataCategory.TRAFFIC : DataCategory.SUBSCRIBER);
    Class<?> type = TypeNames.MEASURE.subtypes().get(name);
    if (type == Preservation.class) {
      return new Preservation(categories, List.of(IP), Optional.of(RANGE), Optional.of("Example Hosting Ltd, Dublin"),
          Optional.of("connection logs of the address, used to upload the ransom note"), Optional.of(90), true);
    }
    if (type == PreservationExtension.class) {
      return new PreservationExtension(Optional.of("IE-2026-7"), Optional.of(90), Optional.of("production request pending"));
    }
    if (type == PreservationEnd.class) {
      return new PreservationEnd(Optional.of("IE-2026-7"), Optional.of("no longer needed"));
    }
    if (type == DataProduction.class) {
      return new DataProduction(categories, List.of(IP), Optional.of(RANGE), Optional.of("Example Hosting Ltd"),
          Optional.of("subscriber of the address"), Optional.empty());
    }
    if (type == ExpeditedDisclosure.class) {
      return new ExpeditedDisclosure(List.of(IP), Optional.of(RANGE), Optional.of("IE-2026-7"), Optional.of("traffic data"));
    }
    if (type == SearchAndSeizure.class) {
      return new SearchAndSeizure(Optional.of("1 rue de la Paix, Paris"), List.of("laptop"), List.of(), Optional.empty());
    }
    if (type == Hearing.class) {
      return new Hearing(HearingCapacity.WITNESS,
          c == Condition.VIDEO_CONFERENCE ? HearingMode.VIDEO_CONFERENCE : HearingMode.IN_PERSON,
          Optional.of("S1"), List.of("Where were you?"), Optional.of(T0.plusSeconds(3600)), Optional.empty(), false);
    }
    if (type == ServiceOfDocuments.class) {
      return new ServiceOfDocuments(Optional.of("S1"), List.of("A1"), Optional.of("1 rue de la Paix, Paris"), true);
    }
    var asset = new Asset("bank account", Optional.of(new Iban("DE89370400440532013000")), Optional.empty(),
        Optional.of(new MonetaryAmount("EUR", "10000.00")));
    if (type == AssetFreezing.class) {
      return new AssetFreezing(List.of(asset), List.of("S1"), Optional.empty(), Optional.of("ORD-1"));
    }
    if (type == AssetConfiscation.class) {
      return new AssetConfiscation(List.of(asset), List.of("S1"), Optional.empty(), Optional.of("CONF-1"));
    }
    if (type == BankingInformation.class) {
      return new BankingInformation(List.of(BankingInformationKind.TRANSACTIONS), List.of(new Iban("DE89370400440532013000")),
          List.of(), Optional.of(RANGE), Optional.of("Example Bank AG"));
    }
    if (type == RealTimeTrafficCollection.class) {
      return new RealTimeTrafficCollection(List.of(IP), Optional.of(RANGE), Optional.of("traffic of the address"));
    }
    throw new IllegalArgumentException("no fixture for measure " + name);
  }

  /** The request with the property at the path emptied (Optional.empty, empty list, false). */
  static Request without(Request request, String path) {
    if (!path.startsWith("$.")) {
      throw new IllegalArgumentException(path);
    }
    return (Request) clear(request, Arrays.asList(path.substring(2).split("\\.")));
  }

  private static Object clear(Object record, List<String> segments) {
    String segment = segments.get(0);
    boolean each = segment.endsWith("[*]");
    String name = each ? segment.substring(0, segment.length() - 3) : segment;
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    int target = -1;
    try {
      for (int i = 0; i < components.length; i++) {
        values[i] = components[i].getAccessor().invoke(record);
        if (components[i].getName().equals(name)) {
          target = i;
        }
      }
      if (target < 0) {
        throw new IllegalArgumentException("no property " + name + " in " + record.getClass().getSimpleName());
      }
      Object value = values[target];
      var rest = segments.subList(1, segments.size());
      if (rest.isEmpty()) {
        values[target] = value instanceof Optional<?> ? Optional.empty()
            : value instanceof List<?> ? List.of()
            : value instanceof Boolean ? Boolean.FALSE : null;
      } else if (value instanceof Optional<?> o) {
        values[target] = o.map(inner -> clear(inner, rest));
      } else if (value instanceof List<?> l) {
        values[target] = l.stream().map(inner -> clear(inner, rest)).toList();
      } else {
        values[target] = clear(value, rest);
      }
      var types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      return record.getClass().getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
