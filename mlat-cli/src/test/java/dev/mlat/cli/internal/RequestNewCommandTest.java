package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.Instrument;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.UrgencyLevel;
import dev.mlat.core.model.measure.AssetFreezing;
import dev.mlat.core.model.measure.DataCategory;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.ExpeditedDisclosure;
import dev.mlat.core.model.measure.Hearing;
import dev.mlat.core.model.measure.HearingMode;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.measure.Preservation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestNewCommandTest {

  private static final MlatJson JSON = MlatJson.strict();
  private static final Instant ISSUED = CliRun.NOW.truncatedTo(ChronoUnit.SECONDS);

  @TempDir
  Path dir;

  private static final Map<RequestTemplate, Instrument> INSTRUMENTS = Map.of(
      RequestTemplate.PRESERVATION, Instrument.BUDAPEST_CONVENTION,
      RequestTemplate.SUBSCRIBER_DATA, Instrument.BUDAPEST_CONVENTION,
      RequestTemplate.TRAFFIC_DATA, Instrument.BUDAPEST_CONVENTION,
      RequestTemplate.EMERGENCY_DISCLOSURE, Instrument.BUDAPEST_SECOND_PROTOCOL,
      RequestTemplate.VIDEO_HEARING, Instrument.BILATERAL_MLAT,
      RequestTemplate.ASSET_FREEZING, Instrument.UNTOC,
      RequestTemplate.EU_PRODUCTION_ORDER, Instrument.EU_E_EVIDENCE_REGULATION);

  @ParameterizedTest
  @EnumSource(RequestTemplate.class)
  void everyTemplateWritesADraftThatReadsBackStrictly(RequestTemplate template) throws Exception {
    Path file = dir.resolve(template.templateName() + ".json");
    String to = template.recipientIsServiceProvider() ? "IE:EXAMPLE-CLOUD" : "US:US-DOJ";
    var r = CliRun.run("request", "new", "--template", template.templateName(), "--from", "FR", "--to", to, "--out", file.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    byte[] bytes = Files.readAllBytes(file);
    Request request = JSON.readRequest(bytes);
    assertThat(r.out()).startsWith("Wrote " + file + ": " + template.templateName() + " draft, request " + request.id());

    assertThat(request.id().version()).isEqualTo(4);
    assertThat(request.issuedAt()).contains(ISSUED);
    assertThat(request.language()).contains("en");
    assertThat(request.parties().issuingAuthority().id()).isEqualTo(PartyId.parse("FR:FR-MOJ"));
    if (template.recipientIsServiceProvider()) {
      assertThat(request.parties().serviceProvider().orElseThrow().id()).isEqualTo(PartyId.parse("IE:EXAMPLE-CLOUD"));
      assertThat(request.parties().receivingCentralAuthority()).isEmpty();
    } else {
      assertThat(request.parties().receivingCentralAuthority().orElseThrow().id()).isEqualTo(PartyId.parse("US:US-DOJ"));
    }
    assertThat(request.legalBasis().orElseThrow().instrument()).isEqualTo(INSTRUMENTS.get(template));
    assertThat(request.measures()).hasSize(1);
    assertThat(request.caseDescription().orElseThrow().summaryOfFacts().orElseThrow()).startsWith(RequestTemplate.PLACEHOLDER_PREFIX);
    assertThat(request.confidentiality().orElseThrow().until()).contains(LocalDate.of(2027, 11, 25));
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).contains("[FILL IN: brief summary of the facts]", "[FILL IN: legal classification of the offence]");
    // Deterministic writer: what was written is what the strict writer produces for the model read back.
    assertThat(JSON.writeRequest(request)).isEqualTo(bytes);
  }

  @Test
  void eachTemplateCarriesItsOwnMeasureAndUrgency() {
    Request preservation = draft(RequestTemplate.PRESERVATION);
    var p = (Preservation) single(preservation);
    assertThat(p.productionToFollow()).isTrue();
    assertThat(p.periodDays()).contains(90);
    assertThat(preservation.legalBasis().orElseThrow().articles()).containsExactly("Art. 29");
    assertThat(preservation.urgency().level()).isEqualTo(UrgencyLevel.URGENT);

    assertThat(((DataProduction) single(draft(RequestTemplate.SUBSCRIBER_DATA))).dataCategories()).containsExactly(DataCategory.SUBSCRIBER);
    assertThat(((DataProduction) single(draft(RequestTemplate.TRAFFIC_DATA))).dataCategories()).containsExactly(DataCategory.TRAFFIC);

    Request emergency = draft(RequestTemplate.EMERGENCY_DISCLOSURE);
    assertThat(single(emergency)).isInstanceOf(ExpeditedDisclosure.class);
    assertThat(emergency.urgency().level()).isEqualTo(UrgencyLevel.EMERGENCY);
    assertThat(emergency.urgency().justification().orElseThrow()).startsWith(RequestTemplate.PLACEHOLDER_PREFIX);
    assertThat(emergency.deadline()).contains(ISSUED.plus(Duration.ofHours(24)));

    var hearing = (Hearing) single(draft(RequestTemplate.VIDEO_HEARING));
    assertThat(hearing.mode()).isEqualTo(HearingMode.VIDEO_CONFERENCE);
    assertThat(hearing.subjectReference()).contains("W1");

    assertThat(((AssetFreezing) single(draft(RequestTemplate.ASSET_FREEZING))).subjectReferences()).containsExactly("S1");

    Request order = draft(RequestTemplate.EU_PRODUCTION_ORDER);
    assertThat(order.deadline()).contains(ISSUED.plus(Duration.ofDays(10)));
    assertThat(order.legalBasis().orElseThrow().articles()).containsExactly("Art. 5");
  }

  @Test
  void everyRunGetsAFreshId() {
    var a = draft(RequestTemplate.PRESERVATION);
    var b = draft(RequestTemplate.PRESERVATION);
    assertThat(a.id()).isNotEqualTo(b.id());
  }

  @Test
  void theTemplatesAreTheSevenOfTheIssue() {
    assertThat(EnumSet.allOf(RequestTemplate.class)).hasSize(7);
    assertThat(RequestTemplate.names()).containsExactly("preservation", "subscriber-data", "traffic-data",
        "emergency-disclosure", "video-hearing", "asset-freezing", "eu-production-order");
  }

  @Test
  void anExplicitAuthorityIsKept() throws Exception {
    Path file = dir.resolve("r.json");
    var r = CliRun.run("request", "new", "--template", "subscriber-data", "--from", "FR:TJ-PARIS", "--to", "XK:XK-MOJ", "--out", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Request request = JSON.readRequest(Files.readAllBytes(file));
    assertThat(request.parties().issuingAuthority().id()).isEqualTo(PartyId.parse("FR:TJ-PARIS"));
    assertThat(request.parties().contactPersons().get(0).actsFor()).contains(PartyId.parse("FR:TJ-PARIS"));
    assertThat(request.parties().receivingCentralAuthority().orElseThrow().id()).isEqualTo(PartyId.parse("XK:XK-MOJ"));
  }

  @Test
  void missingFoldersOfTheOutputAreCreated() {
    Path file = dir.resolve("a/b/draft.json");
    assertThat(CliRun.run("request", "new", "--template", "preservation", "--from", "FR", "--to", "US", "--out", file.toString()).exitCode()).isZero();
    assertThat(file).isRegularFile();
  }

  @Test
  void unknownTemplate() {
    var r = CliRun.run("request", "new", "--template", "extradition", "--from", "FR", "--to", "US", "--out", dir.resolve("x").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("mlat: TEMPLATE_UNKNOWN: --template: 'extradition' is not a template; one of [preservation, ");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void unknownCountry() {
    var r = CliRun.run("request", "new", "--template", "preservation", "--from", "FR", "--to", "ZZ", "--out", dir.resolve("x").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("mlat: JURISDICTION_UNKNOWN: --to: 'ZZ'");
  }

  @Test
  void badPartyIdentifier() {
    for (String bad : new String[] {"FR:", "FR:-MOJ", "FR:a b", ":FR-MOJ", ""}) {
      var r = CliRun.run("request", "new", "--template", "preservation", "--from", bad, "--to", "US", "--out", dir.resolve("x").toString());
      assertThat(r.exitCode()).as(bad).isEqualTo(2);
      assertThat(r.errLines()).as(bad).singleElement().asString().matches("mlat: (PARTY_ID_INVALID|JURISDICTION_UNKNOWN): --from: .*");
    }
  }

  @Test
  void bothSidesInOneJurisdiction() {
    var r = CliRun.run("request", "new", "--template", "preservation", "--from", "FR", "--to", "FR:FR-CA", "--out", dir.resolve("x").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("mlat: USAGE_INVALID: --from and --to are both FR");
  }

  @Test
  void aProductionOrderNeedsTheProviderNamed() {
    var r = CliRun.run("request", "new", "--template", "eu-production-order", "--from", "DE", "--to", "IE", "--out", dir.resolve("x").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("mlat: USAGE_INVALID: --to: template eu-production-order addresses a service provider");
  }

  @Test
  void anExistingOutputIsKeptUnlessForce() throws Exception {
    Path file = Files.writeString(dir.resolve("draft.json"), "my work");
    String[] args = {"request", "new", "--template", "preservation", "--from", "FR", "--to", "US", "--out", file.toString()};
    var r = CliRun.run(args);
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.errLines()).singleElement().asString().isEqualTo("mlat: OUTPUT_EXISTS: " + file + " exists already; choose another path or pass --force to replace it");
    assertThat(Files.readString(file)).isEqualTo("my work");

    String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--force";
    assertThat(CliRun.run(forced).exitCode()).isZero();
    assertThat(Files.readString(file)).contains("\"schemaVersion\"");
    try (var listing = Files.list(dir)) {
      assertThat(listing).as("no temporary file left behind").containsExactly(file);
    }
  }

  @Test
  void missingOptionsAreAUsageError() {
    var r = CliRun.run("request", "new", "--template", "preservation");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("mlat: USAGE_INVALID: Missing required options: ");
  }

  private Request draft(RequestTemplate template) {
    return template.draft(CliRun.context().clock(), new PartyId(Jurisdiction.of("FR"), "FR-MOJ"), new PartyId(Jurisdiction.of("US"), "US-DOJ"));
  }

  private static Measure single(Request request) {
    assertThat(request.measures()).hasSize(1);
    return request.measures().get(0);
  }
}
