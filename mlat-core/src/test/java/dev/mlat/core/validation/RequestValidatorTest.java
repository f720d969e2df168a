package dev.mlat.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.model.CaseDescription;
import dev.mlat.core.model.Offence;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.TimeRange;
import dev.mlat.core.model.Urgency;
import dev.mlat.core.model.UrgencyLevel;
import dev.mlat.core.model.identifier.Iban;
import dev.mlat.core.model.identifier.Ipv4Address;
import dev.mlat.core.model.measure.DataCategory;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.testing.SampleRequests;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

  static final RequestValidator VALIDATOR = new RequestValidator();

  @Test
  void theSampleRequestLacksOnlyTheDescriptionOfTheDataToProduce() throws Exception {
    var sample = SampleRequests.frenchPreservationAndProduction();
    assertThat(VALIDATOR.validate(sample, Level.DRAFT, Locale.ENGLISH).isValid()).isTrue();
    var report = VALIDATOR.validate(sample, Level.ISSUED, Locale.ENGLISH);
    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("$.measures[1].dataDescription");
      assertThat(v.code()).isEqualTo(CoreErrorCode.VALIDATION_FIELD_REQUIRED);
      assertThat(v.message()).isEqualTo("Missing: the description of the data sought and its link to the offence. "
          + "Budapest Art. 31(1) requires it before the request is issued.");
    });
    var production = (DataProduction) sample.measures().get(1);
    var complete = sample.toBuilder().measures(List.of(sample.measures().get(0), new DataProduction(
        production.dataCategories(), production.targets(), production.timeRange(), production.custodian(),
        Optional.of("the subscriber of the address at that time"), Optional.empty()))).build();
    var ok = VALIDATOR.validate(complete, Level.ISSUED, Locale.ENGLISH);
    assertThat(ok.violations()).isEmpty();
    assertThat(ok.isValid()).isTrue();
    ok.throwIfInvalid();
  }

  private static Request withOffenceProvisionBlank() {
    var r = SampleRequests.frenchPreservationAndProduction();
    var cd = r.caseDescription().orElseThrow();
    var offence = new Offence("extorsion", Optional.of("  "), Optional.empty(), Optional.empty());
    return r.toBuilder().caseDescription(new CaseDescription(cd.summaryOfFacts(), List.of(offence),
        cd.occurrences(), cd.necessityAndProportionality())).build();
  }

  @Test
  void aNestedFormatViolationHasItsJsonPathCodeAndMessage() {
    var report = VALIDATOR.validate(withOffenceProvisionBlank(), Level.DRAFT, Locale.ENGLISH);
    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("$.caseDescription.offences[0].statutoryProvision");
      assertThat(v.code()).isEqualTo(CoreErrorCode.VALIDATION_FIELD_BLANK);
      assertThat(v.message()).isEqualTo("The statutory provision of the offence: empty text. Fill it in or leave the field out.");
    });
  }

  @Test
  void messagesAreInFrenchForAFrenchLocale() {
    var report = VALIDATOR.validate(withOffenceProvisionBlank(), Level.DRAFT, Locale.FRANCE);
    assertThat(report.violations()).singleElement().extracting(Violation::message)
        .isEqualTo("Le texte d'incrimination : texte vide. Complétez-le ou supprimez le champ.");
    var missing = SampleRequests.frenchPreservationAndProduction().toBuilder().issuedAt(null).build();
    assertThat(VALIDATOR.validate(missing, Level.ISSUED, Locale.FRENCH).at("$.issuedAt"))
        .singleElement().extracting(Violation::message)
        .isEqualTo("Information manquante : la date d'émission. Le socle commun de mlat pour une demande émise (docs/VALIDATION.md) l'exige avant l'émission de la demande.");
  }

  @Test
  void everyEnglishMessageHasAFrenchTranslation() throws Exception {
    var english = new java.util.Properties();
    var french = new java.util.Properties();
    try (var en = dev.mlat.core.validation.internal.ViolationMessages.class.getResourceAsStream("Messages.properties");
        var fr = dev.mlat.core.validation.internal.ViolationMessages.class.getResourceAsStream("Messages_fr.properties")) {
      english.load(new java.io.InputStreamReader(en, java.nio.charset.StandardCharsets.UTF_8));
      french.load(new java.io.InputStreamReader(fr, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(french.keySet()).isEqualTo(english.keySet());
    for (CoreErrorCode code : CoreErrorCode.values()) {
      if (code.code().startsWith("VALIDATION_")) {
        assertThat(english).as("message for %s", code).containsKey(code.code());
      }
    }
  }

  @Test
  void otherLocalesFallBackToEnglish() {
    var report = VALIDATOR.validate(withOffenceProvisionBlank(), Level.DRAFT, Locale.GERMAN);
    assertThat(report.violations()).singleElement().extracting(Violation::message)
        .asString().startsWith("The statutory provision");
  }

  @Test
  void listElementsAndTypeArgumentsGetIndexedPaths() {
    var r = SampleRequests.frenchPreservationAndProduction();
    var bad = r.toBuilder()
        .translationLanguages(List.of("de", "deu"))
        .measures(List.of(r.measures().get(0), new DataProduction(List.of(DataCategory.TRAFFIC),
            List.of(new Iban("FR7630006000011234567890188"),
                new Ipv4Address("192.0.2.010", Optional.empty(), Optional.of("Mars/Olympus"), Optional.of(70000))),
            Optional.of(new TimeRange(Instant.parse("2026-02-02T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"))),
            Optional.of("x"), Optional.of("y"), Optional.empty())))
        .build();
    var report = VALIDATOR.validate(bad, Level.DRAFT, Locale.ENGLISH);
    assertThat(report.violations()).extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
        "$.translationLanguages[1] VALIDATION_LANGUAGE_CODE_INVALID",
        "$.measures[1].targets[0].value VALIDATION_IBAN_INVALID",
        "$.measures[1].targets[1].value VALIDATION_IP_ADDRESS_INVALID",
        "$.measures[1].targets[1].timeZone VALIDATION_TIME_ZONE_INVALID",
        "$.measures[1].targets[1].port VALIDATION_NUMBER_OUT_OF_RANGE",
        "$.measures[1].timeRange.end VALIDATION_DATE_ORDER_INVALID");
    assertThat(report.at("$.measures[1].targets[1].port")).singleElement().extracting(Violation::message)
        .isEqualTo("The port number: out of range. It must be at most 65,535.");
    // At ISSUED, the address also needs the time it was observed.
    assertThat(VALIDATOR.validate(bad, Level.ISSUED, Locale.ENGLISH).at("$.measures[1].targets[1].observedAt"))
        .extracting(Violation::code).containsExactly(CoreErrorCode.VALIDATION_IP_OBSERVED_TIME_MISSING);
  }

  @Test
  void deadlineMustFollowTheIssueDate() {
    var r = SampleRequests.frenchPreservationAndProduction().toBuilder()
        .deadline(Instant.parse("2026-02-01T00:00:00Z")).build();
    assertThat(VALIDATOR.validate(r, Level.DRAFT, Locale.ENGLISH).violations())
        .extracting(Violation::path, Violation::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.deadline", CoreErrorCode.VALIDATION_DATE_ORDER_INVALID));
  }

  @Test
  void aDraftMayBeIncompleteButAnIssuedRequestMayNot() {
    var r = SampleRequests.frenchPreservationAndProduction().toBuilder()
        .caseDescription(null).urgency(new Urgency(UrgencyLevel.EMERGENCY, Optional.empty())).build();
    assertThat(VALIDATOR.validate(r, Level.DRAFT, Locale.ENGLISH).isValid()).isTrue();
    var issued = VALIDATOR.validate(r, Level.ISSUED, Locale.ENGLISH);
    assertThat(issued.violations()).extracting(Violation::path).contains(
        "$.caseDescription.summaryOfFacts", "$.caseDescription.offences",
        "$.caseDescription.necessityAndProportionality", "$.urgency.justification");
    assertThatThrownBy(issued::throwIfInvalid).isInstanceOf(RequestValidationException.class)
        .satisfies(e -> {
          var ex = (RequestValidationException) e;
          assertThat(ex.errorCode()).isEqualTo(CoreErrorCode.VALIDATION_FAILED);
          assertThat(ex.report()).isEqualTo(issued);
          assertThat(ex.getMessage()).contains("$.caseDescription.summaryOfFacts VALIDATION_FIELD_REQUIRED");
        });
  }

  @Test
  void validateFieldKeepsOnlyThatFieldAndWhatIsUnderIt() {
    var r = withOffenceProvisionBlank().toBuilder().language("xx").build();
    assertThat(VALIDATOR.validateField(r, "$.language", Level.DRAFT, Locale.ENGLISH).violations())
        .extracting(Violation::code).containsExactly(CoreErrorCode.VALIDATION_LANGUAGE_CODE_INVALID);
    assertThat(VALIDATOR.validateField(r, "$.caseDescription", Level.DRAFT, Locale.ENGLISH).violations())
        .extracting(Violation::path).containsExactly("$.caseDescription.offences[0].statutoryProvision");
    assertThat(VALIDATOR.validateField(r, "$.deadline", Level.DRAFT, Locale.ENGLISH).isValid()).isTrue();
    assertThatThrownBy(() -> VALIDATOR.validateField(r, "language", Level.DRAFT, Locale.ENGLISH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validateValueChecksACandidateBeforeTheRecordExists() {
    assertThat(VALIDATOR.validateValue(Iban.class, "value", "DE89370400440532013000", Level.DRAFT, Locale.ENGLISH).isValid())
        .isTrue();
    assertThat(VALIDATOR.validateValue(Iban.class, "value", "DE89370400440532013001", Level.DRAFT, Locale.ENGLISH)
        .violations()).extracting(Violation::path, Violation::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.value", CoreErrorCode.VALIDATION_IBAN_INVALID));
    assertThat(VALIDATOR.validateValue(Request.class, "language", Optional.of("fra"), Level.DRAFT, Locale.ENGLISH)
        .violations()).extracting(Violation::code).containsExactly(CoreErrorCode.VALIDATION_LANGUAGE_CODE_INVALID);
  }

  @Test
  void referencesMustResolve() {
    var r = SampleRequests.frenchPreservationAndProduction();
    var bad = r.toBuilder().measures(List.of(new dev.mlat.core.model.measure.Hearing(
        dev.mlat.core.model.measure.HearingCapacity.WITNESS, dev.mlat.core.model.measure.HearingMode.IN_PERSON,
        Optional.of("S9"), List.of(), Optional.empty(), Optional.empty(), false))).build();
    assertThat(VALIDATOR.validate(bad, Level.DRAFT, Locale.ENGLISH).violations())
        .extracting(Violation::path, Violation::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.measures[0].subjectReference", CoreErrorCode.VALIDATION_REFERENCE_INVALID));
  }

  @Test
  void anEEvidenceOrderCannotAskForAHearing() {
    var r = SampleRequests.frenchPreservationAndProduction();
    var bad = r.toBuilder()
        .legalBasis(new dev.mlat.core.model.LegalBasis(dev.mlat.core.model.Instrument.EU_E_EVIDENCE_REGULATION, List.of(),
            Optional.empty()))
        .measures(List.of(r.measures().get(0), new dev.mlat.core.model.measure.Hearing(
            dev.mlat.core.model.measure.HearingCapacity.WITNESS, dev.mlat.core.model.measure.HearingMode.IN_PERSON,
            Optional.of("S1"), List.of(), Optional.empty(), Optional.empty(), false))).build();
    var report = VALIDATOR.validate(bad, Level.DRAFT, Locale.ENGLISH);
    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("$.measures[1]");
      assertThat(v.code()).isEqualTo(CoreErrorCode.VALIDATION_MEASURE_NOT_AVAILABLE);
      assertThat(v.message()).isEqualTo("The measure: this measure is not available under Reg. 2023/1543 Art. 1(1).");
    });
    var underEio = bad.toBuilder().legalBasis(new dev.mlat.core.model.LegalBasis(
        dev.mlat.core.model.Instrument.EU_EIO_DIRECTIVE, List.of(), Optional.empty())).build();
    assertThat(VALIDATOR.validate(underEio, Level.DRAFT, Locale.ENGLISH).isValid()).isTrue();
  }

  @Test
  void everyIdentifierAttachmentAndAmountConstraintIsWiredWithItsCodeAndPath() {
    var r = SampleRequests.frenchPreservationAndProduction();
    var person = new dev.mlat.core.model.NaturalPerson("S1", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(
            new dev.mlat.core.model.identifier.EmailAddress("jean@@example.fr"),
            new dev.mlat.core.model.identifier.PhoneNumber("0612345678"),
            new dev.mlat.core.model.identifier.Imsi("20801"),
            new dev.mlat.core.model.identifier.Imei("490154203237517"),
            new dev.mlat.core.model.identifier.DomainName("http://example.fr"),
            new dev.mlat.core.model.identifier.Url("example.fr/page"),
            new dev.mlat.core.model.identifier.Ipv6Address("2001:db8::1::1", Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                Optional.empty(), Optional.empty()),
            new dev.mlat.core.model.identifier.ProviderAccount(" ", "jdupont")),
        Optional.empty());
    var freezing = new dev.mlat.core.model.measure.AssetFreezing(List.of(new dev.mlat.core.model.measure.Asset("account",
        Optional.empty(), Optional.empty(), Optional.of(new dev.mlat.core.model.MonetaryAmount("EURO", "1.000,00")))),
        List.of(), Optional.empty(), Optional.empty());
    var attachment = new dev.mlat.core.model.Attachment("A1", dev.mlat.core.model.DocumentType.FORM, "pdf", 0,
        "9F86D081", Optional.of("french"), Optional.empty(), Optional.of("A7"));
    var occurrence = new dev.mlat.core.model.Occurrence(Optional.of(Instant.parse("2026-02-02T00:00:00Z")),
        Optional.of(Instant.parse("2026-02-01T00:00:00Z")), Optional.empty(), Optional.empty(), Optional.empty());
    var cd = r.caseDescription().orElseThrow();
    var bad = r.toBuilder().subjects(List.of(person)).measures(List.of(freezing)).attachments(List.of(attachment))
        .caseDescription(new CaseDescription(cd.summaryOfFacts(), cd.offences(), List.of(occurrence),
            cd.necessityAndProportionality()))
        .build();
    var report = VALIDATOR.validate(bad, Level.DRAFT, Locale.ENGLISH);
    assertThat(report.violations()).extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
        "$.subjects[0].identifiers[0].value VALIDATION_EMAIL_INVALID",
        "$.subjects[0].identifiers[1].value VALIDATION_E164_INVALID",
        "$.subjects[0].identifiers[2].value VALIDATION_IMSI_INVALID",
        "$.subjects[0].identifiers[3].value VALIDATION_IMEI_INVALID",
        "$.subjects[0].identifiers[4].value VALIDATION_DOMAIN_INVALID",
        "$.subjects[0].identifiers[5].value VALIDATION_URL_INVALID",
        "$.subjects[0].identifiers[6].value VALIDATION_IP_ADDRESS_INVALID",
        "$.subjects[0].identifiers[7].provider VALIDATION_FIELD_BLANK",
        "$.measures[0].assets[0].estimatedValue.currency VALIDATION_CURRENCY_INVALID",
        "$.measures[0].assets[0].estimatedValue.amount VALIDATION_AMOUNT_INVALID",
        "$.attachments[0].mediaType VALIDATION_MEDIA_TYPE_INVALID",
        "$.attachments[0].sizeBytes VALIDATION_NUMBER_OUT_OF_RANGE",
        "$.attachments[0].sha256 VALIDATION_SHA256_INVALID",
        "$.attachments[0].language VALIDATION_LANGUAGE_CODE_INVALID",
        "$.attachments[0].translationOf VALIDATION_REFERENCE_INVALID",
        "$.caseDescription.occurrences[0].to VALIDATION_DATE_ORDER_INVALID");
    // Every message names the field and never quotes the value.
    assertThat(report.violations()).allSatisfy(v -> assertThat(v.message())
        .doesNotContain("jean@@", "0612345678", "EURO", "9F86D081", "french").doesNotStartWith("$"));
  }

  /** Every property of the model has a label, so that no message ever falls back to a bare JSON path. */
  @Test
  void everyModelPropertyHasALabelInEnglishAndFrench() {
    var types = new java.util.ArrayList<Class<?>>();
    for (var family : dev.mlat.core.json.internal.TypeNames.ALL) {
      if (family.base() != dev.mlat.core.model.message.LifecycleMessage.class) {
        types.addAll(family.subtypes().values());
      }
    }
    types.addAll(List.of(Request.class, dev.mlat.core.model.Parties.class, dev.mlat.core.model.Party.class,
        dev.mlat.core.model.ServiceProvider.class, dev.mlat.core.model.ContactPerson.class,
        dev.mlat.core.model.LegalBasis.class, CaseDescription.class, Offence.class, dev.mlat.core.model.MaximumPenalty.class,
        dev.mlat.core.model.Occurrence.class, TimeRange.class, Urgency.class, dev.mlat.core.model.Confidentiality.class,
        dev.mlat.core.model.UseConditions.class, dev.mlat.core.model.Attachment.class, dev.mlat.core.model.MonetaryAmount.class,
        dev.mlat.core.model.measure.Asset.class));
    for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
      var messages = new dev.mlat.core.validation.internal.ViolationMessages(locale);
      for (Class<?> type : types) {
        for (var component : type.getRecordComponents()) {
          String path = "$.x." + component.getName();
          assertThat(messages.label(path)).as("label of %s.%s in %s", type.getSimpleName(), component.getName(), locale)
              .isNotEqualTo(path);
        }
      }
    }
  }
}
