package dev.mlat.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.testing.ErrorCatalogue;
import dev.mlat.core.validation.internal.CompletenessRules;
import dev.mlat.core.validation.internal.CompletenessRules.Rule;
import dev.mlat.core.validation.internal.ViolationMessages;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code docs/VALIDATION.md} and the rules in code identical, and runs one positive and one
 * negative case per row of the documented table.
 */
class CompletenessRulesTableTest {

  private static final String TABLE_HEADING = "## Completeness rules";

  /** The rows of the table in docs/VALIDATION.md, each as its trimmed cells. */
  static List<List<String>> documentedRows() throws Exception {
    var lines = Files.readAllLines(ErrorCatalogue.docsFolder().resolve("VALIDATION.md"));
    var rows = new ArrayList<List<String>>();
    boolean inTable = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inTable = line.trim().equals(TABLE_HEADING);
        continue;
      }
      if (!inTable || !line.startsWith("|") || line.startsWith("|---") || line.startsWith("| instrument ")) {
        continue;
      }
      var cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1))
          .map(String::trim).collect(Collectors.toList());
      rows.add(cells);
    }
    return rows;
  }

  static String render(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  @Test
  void theDocumentedTableIsTheTableInCode() throws Exception {
    var expected = CompletenessRules.all().stream().map(Rule::cells).collect(Collectors.toList());
    var rendered = expected.stream().map(CompletenessRulesTableTest::render).collect(Collectors.joining("\n"));
    assertThat(documentedRows())
        .as("docs/VALIDATION.md section '%s' must list exactly these rows, in this order:%n%s", TABLE_HEADING, rendered)
        .isEqualTo(expected);
  }

  static Stream<Rule> rules() {
    return CompletenessRules.all().stream();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("rules")
  void everyRuleHasALabelInEnglishAndFrench(Rule rule) {
    for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
      var messages = new ViolationMessages(locale);
      assertThat(messages.label(rule.path())).as("label of %s in %s", rule.path(), locale).isNotEqualTo(rule.path());
      assertThat(messages.format(rule.code(), rule.path(), rule.source())).contains(rule.source().isEmpty() ? "" : "");
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("rules")
  void positiveACompleteRequestForTheRowIsValid(Rule rule) {
    var request = RuleFixtures.completeFor(rule);
    assertThat(RequestValidatorTest.VALIDATOR.validate(request, Level.ISSUED, Locale.ENGLISH).violations()).isEmpty();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("rules")
  void negativeRemovingTheRequiredFieldIsReportedWithCodeAndPath(Rule rule) {
    var request = RuleFixtures.without(RuleFixtures.completeFor(rule), rule.path());
    var expectedPath = rule.path().replace("[*]", "[0]");
    var report = RequestValidatorTest.VALIDATOR.validate(request, Level.ISSUED, Locale.ENGLISH);
    assertThat(report.at(expectedPath)).extracting(Violation::code).contains(rule.code());
    // A draft may lack it.
    assertThat(RequestValidatorTest.VALIDATOR.validate(request, Level.DRAFT, Locale.ENGLISH).violations()).isEmpty();
  }
}
