package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.json.MlatJson;
import dev.mlat.core.model.Request;
import dev.mlat.core.testing.ErrorCatalogue;
import dev.mlat.core.testing.SampleRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestValidateCommandTest {

  @TempDir
  Path dir;

  static Stream<Path> exampleRequests() throws Exception {
    return Files.list(ErrorCatalogue.docsFolder().resolve("examples"))
        .filter(p -> p.getFileName().toString().endsWith(".request.json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("exampleRequests")
  void thePublishedExamplesAreOk(Path example) throws Exception {
    var r = CliRun.run("request", "validate", example.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    Request request = MlatJson.strict().readRequest(Files.readAllBytes(example));
    assertThat(r.outLines()).singleElement().asString()
        .isEqualTo("OK: " + example + ": request " + request.id() + " passes strict JSON reading and validation at the issued level.");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aMalformedDocumentIsOneProblemLineAndExitOne() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": \"1.0\", \"request\": {\n");
    var r = CliRun.run("request", "validate", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.outLines()).singleElement().asString().matches("\\$[^:]*: JSON_MALFORMED: .+");
    assertThat(r.errLines()).singleElement().asString().isEqualTo("mlat: REQUEST_INVALID: " + file + ": 1 problem");
  }

  @Test
  void anUnknownPropertyIsReportedAtItsPath() throws Exception {
    String valid = new String(MlatJson.strict().writeRequest(SampleRequests.frenchPreservationAndProduction()), java.nio.charset.StandardCharsets.UTF_8);
    Path file = Files.writeString(dir.resolve("typo.json"), valid.replace("\"urgency\" : {", "\"urgencyy\" : 1, \"urgency\" : {"));
    var r = CliRun.run("request", "validate", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.outLines()).singleElement().asString().startsWith("$.request.urgencyy: JSON_UNKNOWN_PROPERTY: unknown property");
  }

  @Test
  void aDuplicateKeyIsReported() throws Exception {
    Path file = Files.writeString(dir.resolve("dup.json"), "{\"schemaVersion\": \"1.0\", \"schemaVersion\": \"1.0\"}");
    var r = CliRun.run("request", "validate", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.outLines()).singleElement().asString().contains(": JSON_DUPLICATE_KEY: ");
  }

  @Test
  void aMessageDocumentIsNotARequest() throws Exception {
    Path refusal = ErrorCatalogue.docsFolder().resolve("examples/refusal.message.json");
    var r = CliRun.run("request", "validate", refusal.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.outLines()).singleElement().asString().matches("\\$[.a-z]*: JSON_[A-Z_]+: .+");
  }

  @Test
  void aDocumentOverTheSizeLimitIsOneProblem() throws Exception {
    int limit = MlatJson.strict().limits().maxDocumentBytes();
    Path file = Files.writeString(dir.resolve("big.json"), "{\"schemaVersion\": \"" + "x".repeat(limit) + "\"}");
    var r = CliRun.run("request", "validate", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.outLines()).singleElement().asString().startsWith("$: JSON_DOCUMENT_TOO_LARGE: ");
  }

  @Test
  void aMissingFileIsExitFour() {
    Path missing = dir.resolve("missing.json");
    var r = CliRun.run("request", "validate", missing.toString());
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).singleElement().asString().isEqualTo("mlat: FILE_NOT_FOUND: cannot read " + missing + ": no such file or folder");
  }

  @Test
  void aFolderIsExitFour() {
    var r = CliRun.run("request", "validate", dir.toString());
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.errLines()).singleElement().asString().isEqualTo("mlat: IO_FAILED: " + dir + " is a folder, not a request document");
  }

  @Test
  void noFileIsAUsageError() {
    var r = CliRun.run("request", "validate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("mlat: USAGE_INVALID: Missing required parameter: 'FILE'");
  }

  @Test
  void theChecksAfterStrictReadingArePluggedInThroughTheContext() throws Exception {
    Path file = dir.resolve("ok.json");
    Files.write(file, MlatJson.strict().writeRequest(SampleRequests.frenchPreservationAndProduction()));
    RequestChecks twoProblems = new RequestChecks() {
      @Override
      public String description(dev.mlat.core.validation.Level level) {
        return "issued-level validation";
      }

      @Override
      public List<Problem> check(Request request, dev.mlat.core.validation.Level level) {
        return List.of(
            new Problem("$.request.caseDescription.summaryOfFacts", "FIELD_REQUIRED", "the summary of facts is required"),
            new Problem("$.request.measures[0].custodian", "FIELD_REQUIRED", "name the custodian of the data"));
      }
    };
    var r = CliRun.run(CliRun.context().withRequestChecks(twoProblems), "request", "validate", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.outLines()).containsExactly(
        "$.request.caseDescription.summaryOfFacts: FIELD_REQUIRED: the summary of facts is required",
        "$.request.measures[0].custodian: FIELD_REQUIRED: name the custodian of the data");
    assertThat(r.errLines()).singleElement().asString().isEqualTo("mlat: REQUEST_INVALID: " + file + ": 2 problems");

    RequestChecks none = new RequestChecks() {
      @Override
      public String description(dev.mlat.core.validation.Level level) {
        return "issued-level validation";
      }

      @Override
      public List<Problem> check(Request request, dev.mlat.core.validation.Level level) {
        return List.of();
      }
    };
    var ok = CliRun.run(CliRun.context().withRequestChecks(none), "request", "validate", file.toString());
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("passes issued-level validation.");
  }

  @Test
  void anIncompleteRequestListsWhatItLacksAtTheIssuedLevelOnly() throws Exception {
    Request incomplete = SampleRequests.frenchPreservationAndProduction().toBuilder().caseDescription(null).build();
    Path file = dir.resolve("incomplete.json");
    Files.write(file, MlatJson.strict().writeRequest(incomplete));

    var draft = CliRun.run("request", "validate", "--level", "draft", file.toString());
    assertThat(draft.exitCode()).as(draft.out() + draft.err()).isZero();
    assertThat(draft.out()).contains("passes strict JSON reading and validation at the draft level.");

    var issued = CliRun.run("request", "validate", file.toString());
    assertThat(issued.exitCode()).isEqualTo(1);
    assertThat(issued.outLines()).isNotEmpty().allSatisfy(line -> assertThat(line).matches("\\$\\S*: VALIDATION_[A-Z_]+: .+"));
    assertThat(issued.out()).as(issued.out()).contains("$.caseDescription.summaryOfFacts: VALIDATION_FIELD_REQUIRED: Missing: the summary of the facts.");
    assertThat(issued.err()).startsWith("mlat: REQUEST_INVALID: ");
  }

  @Test
  void messagesFollowTheLocale() throws Exception {
    Request incomplete = SampleRequests.frenchPreservationAndProduction().toBuilder().caseDescription(null).build();
    Path file = dir.resolve("incomplete.json");
    Files.write(file, MlatJson.strict().writeRequest(incomplete));
    var english = CliRun.run("request", "validate", file.toString());
    var french = CliRun.run(CliRun.context().withRequestChecks(RequestChecks.perInstrument(java.util.Locale.FRENCH)),
        "request", "validate", file.toString());
    assertThat(french.exitCode()).isEqualTo(1);
    assertThat(french.outLines()).hasSameSizeAs(english.outLines());
    assertThat(french.out()).isNotEqualTo(english.out());
  }

  @Test
  void anUnknownLevelIsAUsageError() throws Exception {
    Path file = dir.resolve("r.json");
    Files.write(file, MlatJson.strict().writeRequest(SampleRequests.frenchPreservationAndProduction()));
    var r = CliRun.run("request", "validate", "--level", "final", file.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("use draft or issued");
  }

  @Test
  void placeholdersLeftFromATemplateAreProblemsAtTheIssuedLevel() throws Exception {
    Path file = dir.resolve("template.json");
    assertThat(CliRun.run("request", "new", "--template", "video-hearing", "--from", "FR", "--to", "US", "--out", file.toString())
        .exitCode()).isZero();

    var issued = CliRun.run("request", "validate", file.toString());
    assertThat(issued.exitCode()).isEqualTo(1);
    assertThat(issued.out()).contains("$.requestingReference: PLACEHOLDER_LEFT: ");
    assertThat(issued.outLines().stream().filter(l -> l.contains(": PLACEHOLDER_LEFT: ")))
        .hasSizeGreaterThan(3)
        .allSatisfy(line -> assertThat(line).matches("\\$[^ ]*: PLACEHOLDER_LEFT: .+"));

    var draft = CliRun.run("request", "validate", "--level", "draft", file.toString());
    assertThat(draft.out()).doesNotContain("PLACEHOLDER_LEFT");
  }
}
