package dev.mlat.core.validation.internal;

import static dev.mlat.core.CoreErrorCode.VALIDATION_AUTHORITY_KIND_NOT_ALLOWED;
import static dev.mlat.core.CoreErrorCode.VALIDATION_FIELD_REQUIRED;
import static dev.mlat.core.CoreErrorCode.VALIDATION_MEASURE_TARGET_MISSING;
import static dev.mlat.core.CoreErrorCode.VALIDATION_URGENCY_JUSTIFICATION_MISSING;
import static dev.mlat.core.CoreErrorCode.VALIDATION_VALIDATING_AUTHORITY_REQUIRED;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.json.internal.TypeNames;
import dev.mlat.core.model.AuthorityKind;
import dev.mlat.core.model.CaseDescription;
import dev.mlat.core.model.Instrument;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.measure.AssetConfiscation;
import dev.mlat.core.model.measure.AssetFreezing;
import dev.mlat.core.model.measure.BankingInformation;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.ExpeditedDisclosure;
import dev.mlat.core.model.measure.Hearing;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.measure.Preservation;
import dev.mlat.core.model.measure.PreservationEnd;
import dev.mlat.core.model.measure.PreservationExtension;
import dev.mlat.core.model.measure.RealTimeTrafficCollection;
import dev.mlat.core.model.measure.SearchAndSeizure;
import dev.mlat.core.model.measure.ServiceOfDocuments;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The completeness rules of an issued request, per instrument and measure, each citing the
 * article it comes from. {@code docs/VALIDATION.md} holds the same table; a test keeps the two
 * identical.
 *
 * <p>A rule applies when the request's instrument is the rule's (or the rule is for every
 * instrument, {@code *}), the rule's article (if any) is among the articles the request declares,
 * and, for a measure rule, once per measure of that type; then its condition must hold. Thread-safe:
 * immutable.
 */
public final class CompletenessRules {

  /** The instrument column for rules that apply whatever the instrument. */
  public static final String ANY = "*";

  /** The measure column for request-level rules. */
  public static final String REQUEST = "-";

  /**
   * One row of the table.
   *
   * @param instrument an {@link Instrument} name or {@link #ANY}
   * @param article the article that must be declared for the rule to apply (a number), or {@code ""}
   * @param measure a measure's JSON type name, or {@link #REQUEST}
   * @param condition when the rule applies
   * @param path JSON path of what is required; {@code [*]} stands for this measure's or each offence's index
   * @param code the code of the violation
   * @param source the article the rule comes from
   * @param check what it checks; returns the concrete paths that fail
   */
  public record Rule(String instrument, String article, String measure, Condition condition, String path,
      CoreErrorCode code, String source, Check check) {
    public Rule {
      Objects.requireNonNull(instrument, "instrument");
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(measure, "measure");
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(check, "check");
    }

    /** The row as it appears in {@code docs/VALIDATION.md} (without the surrounding pipes). */
    public List<String> cells() {
      return List.of(instrument, article.isEmpty() ? "-" : article, measure, condition.id(),
          "`" + path + "`", "`" + code.code() + "`", source);
    }
  }

  /** What a rule checks. */
  @FunctionalInterface
  public interface Check {
    /**
     * @param request the request
     * @param measure the measure (null for a request rule)
     * @param path the rule's path with {@code [*]} replaced by the measure's index
     * @return the concrete paths that fail, empty when satisfied
     */
    List<String> failures(Request request, Measure measure, String path);
  }

  /** A violation found by a rule, before the message is rendered. */
  public record Finding(String path, CoreErrorCode code, Rule rule) {}

  private static final Pattern ARTICLE_NUMBER = Pattern.compile("(?i)^\\s*(?:art(?:icle)?\\.?\\s*)?(\\d+)");

  private CompletenessRules() {}

  /** Every rule, in table order. */
  public static List<Rule> all() {
    return RULES;
  }

  /** The findings for a request, at most one per path and code (the first rule in table order wins). */
  public static List<Finding> check(Request request) {
    Map<String, Finding> found = new LinkedHashMap<>();
    Optional<Instrument> instrument = request.legalBasis().map(b -> b.instrument());
    Set<Integer> declared = declaredArticles(request);
    for (Rule rule : RULES) {
      if (!rule.instrument().equals(ANY)
          && (instrument.isEmpty() || !instrument.get().name().equals(rule.instrument()))) {
        continue;
      }
      if (!rule.article().isEmpty() && !declared.contains(Integer.valueOf(rule.article()))) {
        continue;
      }
      if (rule.measure().equals(REQUEST)) {
        apply(rule, request, null, rule.path(), found);
        continue;
      }
      for (int i = 0; i < request.measures().size(); i++) {
        Measure m = request.measures().get(i);
        if (TypeNames.MEASURE.nameOf(m.getClass()).equals(rule.measure())) {
          apply(rule, request, m, rule.path().replace("$.measures[*]", "$.measures[" + i + "]"), found);
        }
      }
    }
    return List.copyOf(found.values());
  }

  private static void apply(Rule rule, Request request, Measure measure, String path, Map<String, Finding> found) {
    if (!rule.condition().holds(request, measure)) {
      return;
    }
    for (String failing : rule.check().failures(request, measure, path)) {
      found.putIfAbsent(failing + " " + rule.code(), new Finding(failing, rule.code(), rule));
    }
  }

  /** Article numbers the request declares ("Art. 29", "Article 6(1)", "7" all count). */
  static Set<Integer> declaredArticles(Request request) {
    var out = new java.util.HashSet<Integer>();
    request.legalBasis().ifPresent(b -> b.articles().forEach(a -> {
      var m = ARTICLE_NUMBER.matcher(a);
      if (m.find() && m.group(1).length() < 6) {
        out.add(Integer.valueOf(m.group(1)));
      }
    }));
    return out;
  }

  // ---- checks ------------------------------------------------------------------------------

  private static Check req(Predicate<Request> ok) {
    return (r, m, p) -> ok.test(r) ? List.of() : List.of(p);
  }

  private static <M extends Measure> Check meas(Class<M> type, Predicate<M> ok) {
    return (r, m, p) -> ok.test(type.cast(m)) ? List.of() : List.of(p);
  }

  private static Check both(BiPredicate<Request, Measure> ok) {
    return (r, m, p) -> ok.test(r, m) ? List.of() : List.of(p);
  }

  private static Optional<CaseDescription> cd(Request r) {
    return r.caseDescription();
  }

  private static final Check SUMMARY = req(r -> cd(r).flatMap(CaseDescription::summaryOfFacts).isPresent());
  private static final Check OFFENCES = req(r -> cd(r).map(c -> !c.offences().isEmpty()).orElse(false));
  private static final Check NECESSITY =
      req(r -> cd(r).flatMap(CaseDescription::necessityAndProportionality).isPresent());
  private static final Check PROVISIONS = (r, m, p) -> {
    var offences = cd(r).map(CaseDescription::offences).orElse(List.of());
    var out = new ArrayList<String>();
    for (int i = 0; i < offences.size(); i++) {
      if (offences.get(i).statutoryProvision().isEmpty()) {
        out.add(p.replace("[*]", "[" + i + "]"));
      }
    }
    return out;
  };
  private static final Check SUBJECTS = req(r -> !r.subjects().isEmpty());
  private static final Check MEASURES = req(r -> !r.measures().isEmpty());
  private static final Check ISSUED_AT = req(r -> r.issuedAt().isPresent());
  private static final Check LEGAL_BASIS = req(r -> r.legalBasis().isPresent());
  private static final Check ARTICLES = req(r -> r.legalBasis().map(b -> !b.articles().isEmpty()).orElse(false));
  private static final Check TREATY_NAME = req(r -> r.legalBasis().flatMap(b -> b.description()).isPresent());
  private static final Check LANGUAGE = req(r -> r.language().isPresent());
  private static final Check JUSTIFICATION = req(r -> r.urgency().justification().isPresent());
  private static final Check SERVICE_PROVIDER = req(r -> r.parties().serviceProvider().isPresent());
  private static final Check ISSUER_EMAIL = req(r -> r.parties().issuingAuthority().email().isPresent());
  private static final Check ISSUER_KIND = req(r -> r.parties().issuingAuthority().authorityKind().isPresent());
  private static final Check VALIDATING = req(r -> r.parties().validatingAuthority().isPresent());
  private static final Check CONTACT_PERSONS = req(r -> !r.parties().contactPersons().isEmpty());
  private static final Check VALIDATOR_JUDICIAL = validatorKindIn(EnumSet.of(AuthorityKind.COURT, AuthorityKind.PROSECUTOR));
  private static final Check VALIDATOR_COURT = validatorKindIn(EnumSet.of(AuthorityKind.COURT));

  private static Check validatorKindIn(Set<AuthorityKind> allowed) {
    return req(r -> r.parties().validatingAuthority()
        .map(v -> v.authorityKind().filter(allowed::contains).isPresent()).orElse(true));
  }

  private static final Check CATEGORIES = both((r, m) -> !Condition.categories(m).isEmpty());
  private static final Check DATA_DESCRIPTION = both((r, m) ->
      (m instanceof Preservation p && p.dataDescription().isPresent())
          || (m instanceof DataProduction d && d.dataDescription().isPresent())
          || (m instanceof ExpeditedDisclosure e && e.dataDescription().isPresent()));
  private static final Check CUSTODIAN = both((r, m) ->
      (m instanceof Preservation p && p.custodian().isPresent())
          || (m instanceof DataProduction d && d.custodian().isPresent()));
  private static final Check TIME_RANGE = both((r, m) ->
      (m instanceof Preservation p && p.timeRange().isPresent())
          || (m instanceof DataProduction d && d.timeRange().isPresent())
          || (m instanceof ExpeditedDisclosure e && e.timeRange().isPresent())
          || (m instanceof BankingInformation b && b.timeRange().isPresent()));
  private static final Check TARGETS = both((r, m) ->
      (m instanceof Preservation p && !p.targets().isEmpty())
          || (m instanceof DataProduction d && !d.targets().isEmpty())
          || (m instanceof ExpeditedDisclosure e && !e.targets().isEmpty())
          || (m instanceof RealTimeTrafficCollection t && !t.targets().isEmpty()));

  // Declared after the checks it uses: static initialisers run in order.
  private static final List<Rule> RULES = build();

  private static Rule rule(Object instrument, String article, Object measure, Condition condition, String path,
      CoreErrorCode code, String source, Check check) {
    String measureName = measure instanceof Class<?> c ? TypeNames.MEASURE.nameOf(c) : (String) measure;
    String instrumentName = instrument instanceof Instrument i ? i.name() : (String) instrument;
    return new Rule(instrumentName, article, measureName, condition, path, code, source, check);
  }

  private static List<Rule> build() {
    var c = Condition.ALWAYS;
    var req = VALIDATION_FIELD_REQUIRED;
    var rules = new ArrayList<Rule>();
    // Every instrument, request level.
    rules.add(rule(ANY, "", REQUEST, c, "$.legalBasis", req, "mlat baseline", LEGAL_BASIS));
    rules.add(rule(ANY, "", REQUEST, c, "$.issuedAt", req, "mlat baseline", ISSUED_AT));
    rules.add(rule(ANY, "", REQUEST, c, "$.measures", req, "mlat baseline", MEASURES));
    rules.add(rule(ANY, "", REQUEST, Condition.URGENT_OR_EMERGENCY, "$.urgency.justification",
        VALIDATION_URGENCY_JUSTIFICATION_MISSING, "mlat baseline; Second Protocol Arts. 9(3)(e), 10(3); Reg. 2023/1543 Art. 5(5)(g)", JUSTIFICATION));

    // Budapest Convention (ETS 185).
    var bc = Instrument.BUDAPEST_CONVENTION;
    rules.add(rule(bc, "", Preservation.class, c, "$.caseDescription.offences", req, "Budapest Art. 29(2)(b)", OFFENCES));
    rules.add(rule(bc, "", Preservation.class, c, "$.measures[*].targets", VALIDATION_MEASURE_TARGET_MISSING, "Budapest Art. 29(2)(c)", TARGETS));
    rules.add(rule(bc, "", Preservation.class, c, "$.measures[*].dataDescription", req, "Budapest Art. 29(2)(c)", DATA_DESCRIPTION));
    rules.add(rule(bc, "", Preservation.class, c, "$.measures[*].custodian", req, "Budapest Art. 29(2)(d)", CUSTODIAN));
    rules.add(rule(bc, "", Preservation.class, c, "$.caseDescription.summaryOfFacts", req, "Budapest Art. 29(2)(b)", SUMMARY));
    rules.add(rule(bc, "", Preservation.class, c, "$.caseDescription.necessityAndProportionality", req, "Budapest Art. 29(2)(e)", NECESSITY));
    rules.add(rule(bc, "", Preservation.class, c, "$.measures[*].productionToFollow", req, "Budapest Art. 29(2)(f)",
        meas(Preservation.class, Preservation::productionToFollow)));
    rules.add(rule(bc, "", ExpeditedDisclosure.class, c, "$.measures[*].preservationReference", req, "Budapest Art. 30(1)",
        meas(ExpeditedDisclosure.class, m -> m.preservationReference().isPresent())));
    rules.add(rule(bc, "", DataProduction.class, c, "$.caseDescription.offences", req, "Budapest Arts. 31(1), 27", OFFENCES));
    rules.add(rule(bc, "", DataProduction.class, c, "$.caseDescription.summaryOfFacts", req, "Budapest Arts. 31(1), 27", SUMMARY));
    rules.add(rule(bc, "", DataProduction.class, c, "$.measures[*].dataDescription", req, "Budapest Art. 31(1)", DATA_DESCRIPTION));
    rules.add(rule(bc, "", DataProduction.class, c, "$.measures[*].custodian", req, "Budapest Art. 31(1)", CUSTODIAN));
    rules.add(rule(bc, "", RealTimeTrafficCollection.class, c, "$.caseDescription.offences", req, "Budapest Art. 33(2)", OFFENCES));
    rules.add(rule(bc, "", RealTimeTrafficCollection.class, c, "$.caseDescription.summaryOfFacts", req, "Budapest Arts. 33(1), 27", SUMMARY));
    rules.add(rule(bc, "", RealTimeTrafficCollection.class, c, "$.measures[*].description", req, "Budapest Art. 33(1)",
        meas(RealTimeTrafficCollection.class, m -> m.description().isPresent())));

    // Second Additional Protocol (CETS 224): the declared article selects the contents.
    var sp = Instrument.BUDAPEST_SECOND_PROTOCOL;
    rules.add(rule(sp, "", REQUEST, c, "$.legalBasis.articles", req, "Second Protocol Arts. 6, 7, 9, 10", ARTICLES));
    rules.add(rule(sp, "6", DataProduction.class, c, "$.parties.serviceProvider", req, "Second Protocol Art. 6(1)", SERVICE_PROVIDER));
    rules.add(rule(sp, "6", DataProduction.class, c, "$.parties.issuingAuthority.email", req, "Second Protocol Art. 6(3)(a)", ISSUER_EMAIL));
    rules.add(rule(sp, "6", DataProduction.class, c, "$.measures[*].dataDescription", req, "Second Protocol Art. 6(3)(b)", DATA_DESCRIPTION));
    rules.add(rule(sp, "6", DataProduction.class, c, "$.caseDescription.necessityAndProportionality", req, "Second Protocol Art. 6(3)(c)", NECESSITY));
    rules.add(rule(sp, "7", DataProduction.class, c, "$.parties.serviceProvider", req, "Second Protocol Art. 7(3)(d)", SERVICE_PROVIDER));
    rules.add(rule(sp, "7", DataProduction.class, c, "$.caseDescription.offences", req, "Second Protocol Art. 7(3)(e)", OFFENCES));
    rules.add(rule(sp, "7", DataProduction.class, c, "$.measures[*].dataDescription", req, "Second Protocol Art. 7(3)(g)", DATA_DESCRIPTION));
    rules.add(rule(sp, "7", DataProduction.class, c, "$.caseDescription.offences[*].statutoryProvision", req, "Second Protocol Art. 7(4)(b)", PROVISIONS));
    rules.add(rule(sp, "7", DataProduction.class, c, "$.parties.issuingAuthority.email", req, "Second Protocol Art. 7(4)(c)", ISSUER_EMAIL));
    rules.add(rule(sp, "9", ExpeditedDisclosure.class, c, "$.parties.serviceProvider", req, "Second Protocol Art. 9(3)(c)", SERVICE_PROVIDER));
    rules.add(rule(sp, "9", ExpeditedDisclosure.class, c, "$.caseDescription.offences", req, "Second Protocol Art. 9(3)(d)", OFFENCES));
    rules.add(rule(sp, "9", ExpeditedDisclosure.class, c, "$.caseDescription.offences[*].statutoryProvision", req, "Second Protocol Art. 9(3)(d)", PROVISIONS));
    rules.add(rule(sp, "9", ExpeditedDisclosure.class, c, "$.urgency.justification", VALIDATION_URGENCY_JUSTIFICATION_MISSING, "Second Protocol Art. 9(3)(e)", JUSTIFICATION));
    rules.add(rule(sp, "9", ExpeditedDisclosure.class, c, "$.measures[*].dataDescription", req, "Second Protocol Art. 9(3)(f)", DATA_DESCRIPTION));
    rules.add(rule(sp, "10", REQUEST, c, "$.urgency.justification", VALIDATION_URGENCY_JUSTIFICATION_MISSING, "Second Protocol Art. 10(3)", JUSTIFICATION));
    rules.add(rule(sp, "10", REQUEST, c, "$.caseDescription.offences", req, "Second Protocol Art. 10(3) with UNTOC Art. 18(15)(b) as baseline", OFFENCES));
    rules.add(rule(sp, "10", REQUEST, c, "$.caseDescription.summaryOfFacts", req, "Second Protocol Art. 10(3) with UNTOC Art. 18(15)(c) as baseline", SUMMARY));

    // Regulation (EU) 2023/1543: EPOC (dataProduction) and EPOC-PR (preservation).
    var ee = Instrument.EU_E_EVIDENCE_REGULATION;
    rules.add(rule(ee, "", DataProduction.class, c, "$.parties.issuingAuthority.authorityKind", req, "Reg. 2023/1543 Art. 4(1), 4(2)", ISSUER_KIND));
    rules.add(rule(ee, "", DataProduction.class, Condition.ISSUER_OTHER_AUTHORITY, "$.parties.validatingAuthority", VALIDATION_VALIDATING_AUTHORITY_REQUIRED, "Reg. 2023/1543 Art. 4(1)(b)", VALIDATING));
    rules.add(rule(ee, "", DataProduction.class, Condition.ISSUER_NOT_COURT_TRAFFIC_OR_CONTENT, "$.parties.validatingAuthority", VALIDATION_VALIDATING_AUTHORITY_REQUIRED, "Reg. 2023/1543 Art. 4(2)(b)", VALIDATING));
    rules.add(rule(ee, "", DataProduction.class, Condition.TRAFFIC_OR_CONTENT, "$.parties.validatingAuthority.authorityKind", VALIDATION_AUTHORITY_KIND_NOT_ALLOWED, "Reg. 2023/1543 Art. 4(2)(b)", VALIDATOR_COURT));
    rules.add(rule(ee, "", DataProduction.class, Condition.VALIDATING_AUTHORITY_NAMED, "$.parties.validatingAuthority.authorityKind", VALIDATION_AUTHORITY_KIND_NOT_ALLOWED, "Reg. 2023/1543 Art. 4(1)(b)", VALIDATOR_JUDICIAL));
    rules.add(rule(ee, "", DataProduction.class, c, "$.parties.serviceProvider", req, "Reg. 2023/1543 Art. 5(5)(b)", SERVICE_PROVIDER));
    rules.add(rule(ee, "", DataProduction.class, c, "$.measures[*].targets", VALIDATION_MEASURE_TARGET_MISSING, "Reg. 2023/1543 Art. 5(5)(c)", TARGETS));
    rules.add(rule(ee, "", DataProduction.class, c, "$.measures[*].dataCategories", req, "Reg. 2023/1543 Art. 5(5)(d)", CATEGORIES));
    rules.add(rule(ee, "", DataProduction.class, Condition.TRAFFIC_OR_CONTENT, "$.measures[*].timeRange", req, "Reg. 2023/1543 Art. 5(5)(e)", TIME_RANGE));
    rules.add(rule(ee, "", DataProduction.class, c, "$.caseDescription.offences", req, "Reg. 2023/1543 Art. 5(5)(f)", OFFENCES));
    rules.add(rule(ee, "", DataProduction.class, c, "$.caseDescription.offences[*].statutoryProvision", req, "Reg. 2023/1543 Art. 5(5)(f)", PROVISIONS));
    rules.add(rule(ee, "", DataProduction.class, Condition.EMERGENCY, "$.urgency.justification", VALIDATION_URGENCY_JUSTIFICATION_MISSING, "Reg. 2023/1543 Art. 5(5)(g)", JUSTIFICATION));
    rules.add(rule(ee, "", DataProduction.class, c, "$.caseDescription.necessityAndProportionality", req, "Reg. 2023/1543 Art. 5(5)(i)", NECESSITY));
    rules.add(rule(ee, "", DataProduction.class, c, "$.caseDescription.summaryOfFacts", req, "Reg. 2023/1543 Art. 5(5)(j)", SUMMARY));
    rules.add(rule(ee, "", Preservation.class, c, "$.parties.issuingAuthority.authorityKind", req, "Reg. 2023/1543 Art. 4(3)", ISSUER_KIND));
    rules.add(rule(ee, "", Preservation.class, Condition.ISSUER_OTHER_AUTHORITY, "$.parties.validatingAuthority", VALIDATION_VALIDATING_AUTHORITY_REQUIRED, "Reg. 2023/1543 Art. 4(3)(b)", VALIDATING));
    rules.add(rule(ee, "", Preservation.class, Condition.VALIDATING_AUTHORITY_NAMED, "$.parties.validatingAuthority.authorityKind", VALIDATION_AUTHORITY_KIND_NOT_ALLOWED, "Reg. 2023/1543 Art. 4(3)(b)", VALIDATOR_JUDICIAL));
    rules.add(rule(ee, "", Preservation.class, c, "$.parties.serviceProvider", req, "Reg. 2023/1543 Art. 6(4)(b)", SERVICE_PROVIDER));
    rules.add(rule(ee, "", Preservation.class, c, "$.measures[*].targets", VALIDATION_MEASURE_TARGET_MISSING, "Reg. 2023/1543 Art. 6(4)(c)", TARGETS));
    rules.add(rule(ee, "", Preservation.class, c, "$.measures[*].dataCategories", req, "Reg. 2023/1543 Art. 6(4)(d)", CATEGORIES));
    rules.add(rule(ee, "", Preservation.class, Condition.TRAFFIC_OR_CONTENT, "$.measures[*].timeRange", req, "Reg. 2023/1543 Art. 6(4)(e)", TIME_RANGE));
    rules.add(rule(ee, "", Preservation.class, c, "$.caseDescription.offences", req, "Reg. 2023/1543 Art. 6(4)(f)", OFFENCES));
    rules.add(rule(ee, "", Preservation.class, c, "$.caseDescription.offences[*].statutoryProvision", req, "Reg. 2023/1543 Art. 6(4)(f)", PROVISIONS));
    rules.add(rule(ee, "", Preservation.class, c, "$.caseDescription.necessityAndProportionality", req, "Reg. 2023/1543 Art. 6(4)(g)", NECESSITY));

    // Directive 2014/41/EU (EIO).
    var eio = Instrument.EU_EIO_DIRECTIVE;
    rules.add(rule(eio, "", REQUEST, c, "$.parties.issuingAuthority.authorityKind", req, "EIO Art. 2(c)", ISSUER_KIND));
    rules.add(rule(eio, "", REQUEST, Condition.ISSUER_OTHER_AUTHORITY, "$.parties.validatingAuthority", VALIDATION_VALIDATING_AUTHORITY_REQUIRED, "EIO Art. 2(c)(ii)", VALIDATING));
    rules.add(rule(eio, "", REQUEST, Condition.VALIDATING_AUTHORITY_NAMED, "$.parties.validatingAuthority.authorityKind", VALIDATION_AUTHORITY_KIND_NOT_ALLOWED, "EIO Art. 2(c)(ii)", VALIDATOR_JUDICIAL));
    rules.add(rule(eio, "", REQUEST, c, "$.caseDescription.necessityAndProportionality", req, "EIO Arts. 5(1)(b), 6(1)(a)", NECESSITY));
    rules.add(rule(eio, "", REQUEST, c, "$.subjects", req, "EIO Art. 5(1)(c)", SUBJECTS));
    rules.add(rule(eio, "", REQUEST, c, "$.caseDescription.summaryOfFacts", req, "EIO Art. 5(1)(d)", SUMMARY));
    rules.add(rule(eio, "", REQUEST, c, "$.caseDescription.offences", req, "EIO Art. 5(1)(d)", OFFENCES));
    rules.add(rule(eio, "", REQUEST, c, "$.caseDescription.offences[*].statutoryProvision", req, "EIO Art. 5(1)(d)", PROVISIONS));
    rules.add(rule(eio, "", REQUEST, c, "$.language", req, "EIO Art. 5(2)", LANGUAGE));

    // UN conventions, and the same contents as the baseline for treaties, reciprocity and others.
    for (var inst : List.of(Instrument.UNTOC, Instrument.UNCAC, Instrument.BILATERAL_MLAT, Instrument.RECIPROCITY, Instrument.OTHER)) {
      String art = inst == Instrument.UNCAC ? "UNCAC Art. 46" : "UNTOC Art. 18";
      String suffix = inst == Instrument.UNTOC || inst == Instrument.UNCAC ? "" : " (baseline)";
      rules.add(rule(inst, "", REQUEST, c, "$.caseDescription.offences", req, art + "(15)(b)" + suffix, OFFENCES));
      rules.add(rule(inst, "", REQUEST, Condition.NOT_ONLY_SERVICE_OF_DOCUMENTS, "$.caseDescription.summaryOfFacts", req, art + "(15)(c)" + suffix, SUMMARY));
      rules.add(rule(inst, "", REQUEST, c, "$.caseDescription.necessityAndProportionality", req, art + "(15)(f)" + suffix, NECESSITY));
      rules.add(rule(inst, "", REQUEST, c, "$.language", req, art + "(14)" + suffix, LANGUAGE));
      if (inst == Instrument.BILATERAL_MLAT || inst == Instrument.OTHER) {
        rules.add(rule(inst, "", REQUEST, c, "$.legalBasis.description", req, "mlat baseline", TREATY_NAME));
      }
    }
    // Every instrument, per measure. Last, so that an instrument's own citation wins when both apply.
    var t = VALIDATION_MEASURE_TARGET_MISSING;
    rules.add(rule(ANY, "", Preservation.class, c, "$.measures[*].targets", t, "Budapest Art. 29(2)(c) (baseline)", TARGETS));
    rules.add(rule(ANY, "", Preservation.class, c, "$.measures[*].dataCategories", req, "Budapest Art. 29(2)(c) (baseline)", CATEGORIES));
    rules.add(rule(ANY, "", Preservation.class, c, "$.measures[*].dataDescription", req, "Budapest Art. 29(2)(c) (baseline)", DATA_DESCRIPTION));
    rules.add(rule(ANY, "", Preservation.class, c, "$.measures[*].custodian", req, "Budapest Art. 29(2)(d) (baseline)", CUSTODIAN));
    rules.add(rule(ANY, "", PreservationExtension.class, c, "$.measures[*].preservationReference", t, "Budapest Art. 29(7) (baseline)",
        meas(PreservationExtension.class, m -> m.preservationReference().isPresent())));
    rules.add(rule(ANY, "", PreservationExtension.class, c, "$.measures[*].extensionDays", req, "Budapest Art. 29(7) (baseline)",
        meas(PreservationExtension.class, m -> m.extensionDays().isPresent())));
    rules.add(rule(ANY, "", PreservationEnd.class, c, "$.measures[*].preservationReference", t, "Budapest Art. 29(7) (baseline)",
        meas(PreservationEnd.class, m -> m.preservationReference().isPresent())));
    rules.add(rule(ANY, "", DataProduction.class, c, "$.measures[*].targets", t, "UNTOC Art. 18(15)(d) (baseline)", TARGETS));
    rules.add(rule(ANY, "", DataProduction.class, c, "$.measures[*].dataCategories", req, "UNTOC Art. 18(15)(d) (baseline)", CATEGORIES));
    rules.add(rule(ANY, "", DataProduction.class, Condition.TRAFFIC_OR_CONTENT, "$.measures[*].timeRange", req, "UNTOC Art. 18(15)(d) (baseline)", TIME_RANGE));
    rules.add(rule(ANY, "", ExpeditedDisclosure.class, c, "$.measures[*].targets", t, "Budapest Art. 30(1); Second Protocol Art. 9(3)(f) (baseline)", TARGETS));
    rules.add(rule(ANY, "", ExpeditedDisclosure.class, c, "$.measures[*].timeRange", req, "Budapest Art. 30(1) (baseline)", TIME_RANGE));
    rules.add(rule(ANY, "", RealTimeTrafficCollection.class, c, "$.measures[*].targets", t, "Budapest Art. 33(1) (baseline)", TARGETS));
    rules.add(rule(ANY, "", RealTimeTrafficCollection.class, c, "$.measures[*].period", req, "Budapest Art. 33(1) (baseline)",
        meas(RealTimeTrafficCollection.class, m -> m.period().isPresent())));
    rules.add(rule(ANY, "", SearchAndSeizure.class, c, "$.measures[*].location", t, "UNTOC Art. 18(15)(d); EIO Art. 5(1)(e) (baseline)",
        meas(SearchAndSeizure.class, m -> m.location().isPresent())));
    rules.add(rule(ANY, "", SearchAndSeizure.class, c, "$.measures[*].objectsSought", req, "UNTOC Art. 18(15)(d); EIO Art. 5(1)(e) (baseline)",
        meas(SearchAndSeizure.class, m -> !m.objectsSought().isEmpty())));
    rules.add(rule(ANY, "", Hearing.class, c, "$.measures[*].subjectReference", t, "UNTOC Art. 18(15)(e); EIO Art. 5(1)(c) (baseline)",
        meas(Hearing.class, m -> m.subjectReference().isPresent())));
    rules.add(rule(ANY, "", Hearing.class, Condition.VIDEO_CONFERENCE, "$.measures[*].proposedAt", req, "EIO Art. 24(2); UNTOC Art. 18(18) (baseline)",
        meas(Hearing.class, m -> m.proposedAt().isPresent())));
    rules.add(rule(ANY, "", Hearing.class, Condition.VIDEO_CONFERENCE, "$.parties.contactPersons", req, "EIO Art. 24(3); Second Protocol Art. 11(2) (baseline)", CONTACT_PERSONS));
    rules.add(rule(ANY, "", ServiceOfDocuments.class, c, "$.measures[*].subjectReference", t, "UNTOC Art. 18(3)(d), 18(15)(e) (baseline)",
        meas(ServiceOfDocuments.class, m -> m.subjectReference().isPresent())));
    rules.add(rule(ANY, "", ServiceOfDocuments.class, c, "$.measures[*].attachmentIds", req, "UNTOC Art. 18(3)(d) (baseline)",
        meas(ServiceOfDocuments.class, m -> !m.attachmentIds().isEmpty())));
    rules.add(rule(ANY, "", ServiceOfDocuments.class, c, "$.measures[*].addressForService", req, "UNTOC Art. 18(15)(e) (baseline)",
        meas(ServiceOfDocuments.class, m -> m.addressForService().isPresent())));
    rules.add(rule(ANY, "", AssetFreezing.class, c, "$.measures[*].assets", t, "EIO Art. 32(1); UNTOC Art. 13(1), 18(15)(d) (baseline)",
        meas(AssetFreezing.class, m -> !m.assets().isEmpty())));
    rules.add(rule(ANY, "", AssetConfiscation.class, c, "$.measures[*].assets", t, "UNTOC Art. 13(3)(a); UNCAC Art. 55(3)(a) (baseline)",
        meas(AssetConfiscation.class, m -> !m.assets().isEmpty())));
    rules.add(rule(ANY, "", AssetConfiscation.class, c, "$.measures[*].confiscationOrderReference", req, "UNTOC Art. 13(3)(b); UNCAC Art. 55(3)(b) (baseline)",
        meas(AssetConfiscation.class, m -> m.confiscationOrderReference().isPresent())));
    rules.add(rule(ANY, "", BankingInformation.class, c, "$.measures[*].accounts", t, "EIO Arts. 26(5), 27(4), 28(1) (baseline)",
        meas(BankingInformation.class, m -> !m.accounts().isEmpty() || !m.subjectReferences().isEmpty())));
    rules.add(rule(ANY, "", BankingInformation.class, c, "$.measures[*].kinds", req, "EIO Arts. 26-28 (baseline)",
        meas(BankingInformation.class, m -> !m.kinds().isEmpty())));
    rules.add(rule(ANY, "", BankingInformation.class, Condition.TRANSACTIONS_OR_MONITORING, "$.measures[*].timeRange", req, "EIO Arts. 27(1), 28(1)(a) (baseline)", TIME_RANGE));

    return List.copyOf(rules);
  }
}
