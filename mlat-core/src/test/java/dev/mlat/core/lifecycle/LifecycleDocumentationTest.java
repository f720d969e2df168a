package dev.mlat.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mlat.core.testing.ErrorCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Parses the transition tables of {@code docs/LIFECYCLE.md} and compares them, cell by cell, with
 * {@link Transitions} for every state, message kind and side, so the document cannot drift from
 * the code. On a mismatch, the expected tables are printed in the failure message.
 */
class LifecycleDocumentationTest {
  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*`([A-Z_]+)`\\s*\\|\\s*([A-Za-z_()]+)\\s*\\|\\s*(.+?)\\s*\\|\\s*(.+?)\\s*\\|\\s*$");
  private static final Pattern TARGET = Pattern.compile("^→ `([A-Za-z_ ]+)`$");

  private record Key(String state, EventKind kind) {}

  private static List<String> section(String marker) throws IOException {
    var lines = Files.readAllLines(ErrorCatalogue.docsFolder().resolve("LIFECYCLE.md"));
    int begin = lines.indexOf("<!-- " + marker + ":begin -->");
    int end = lines.indexOf("<!-- " + marker + ":end -->");
    assertThat(begin).as("marker %s:begin in docs/LIFECYCLE.md", marker).isNotNegative();
    assertThat(end).as("marker %s:end after begin", marker).isGreaterThan(begin);
    return lines.subList(begin + 1, end);
  }

  /** The rows of a table: (state, kind) to the cells for the requesting and requested side. */
  private static Map<Key, Optional<String>[]> parse(List<String> lines, String expectedMarkdown) {
    var rows = new HashMap<Key, Optional<String>[]>();
    for (String line : lines) {
      if (!line.startsWith("| `")) {
        continue;
      }
      var m = ROW.matcher(line);
      if (!m.matches()) {
        fail("malformed row in docs/LIFECYCLE.md: " + line + "\nexpected table:\n" + expectedMarkdown);
      }
      @SuppressWarnings("unchecked")
      Optional<String>[] cells = new Optional[] {cell(m.group(3), line), cell(m.group(4), line)};
      var key = new Key(m.group(1), EventKind.fromLabel(m.group(2)));
      assertThat(rows.put(key, cells)).as("row listed twice: %s", line).isNull();
    }
    return rows;
  }

  private static Optional<String> cell(String text, String line) {
    if (text.equals("—")) {
      return Optional.empty();
    }
    var m = TARGET.matcher(text);
    assertThat(m.matches()).as("cell '%s' must be — or → `STATE` in: %s", text, line).isTrue();
    return Optional.of(m.group(1));
  }

  @Test
  void theMainTableInTheDocsIsTheCodesTable() throws IOException {
    String expected = Transitions.mainTableMarkdown();
    var rows = parse(section("lifecycle-main-table"), expected);
    for (var state : RequestState.values()) {
      for (var kind : EventKind.values()) {
        if (kind.isPreservation()) {
          continue;
        }
        var documented = rows.remove(new Key(state.name(), kind));
        for (var side : Side.values()) {
          Optional<String> inCode = Transitions.main(state, kind, side).map(Transitions.Target::label);
          Optional<String> inDocs = documented == null ? Optional.empty() : documented[side.ordinal()];
          assertThat(inDocs)
              .as("docs/LIFECYCLE.md main table, %s sends %s in %s; the table should be:%n%s", side, kind.label(), state, expected)
              .isEqualTo(inCode);
        }
      }
    }
    assertThat(rows.keySet()).as("rows for unknown states or preservation messages; the table should be:%n%s", expected).isEmpty();
  }

  @Test
  void thePreservationTableInTheDocsIsTheCodesTable() throws IOException {
    String expected = Transitions.preservationTableMarkdown();
    var rows = parse(section("lifecycle-preservation-table"), expected);
    for (var state : PreservationState.values()) {
      for (var kind : EventKind.values()) {
        if (!kind.isPreservation()) {
          continue;
        }
        var documented = rows.remove(new Key(state.name(), kind));
        for (var side : Side.values()) {
          Optional<String> inCode = Transitions.preservation(state, kind, side).map(Enum::name);
          Optional<String> inDocs = documented == null ? Optional.empty() : documented[side.ordinal()];
          assertThat(inDocs)
              .as("docs/LIFECYCLE.md preservation table, %s sends %s with %s; the table should be:%n%s", side, kind.label(), state, expected)
              .isEqualTo(inCode);
        }
      }
    }
    assertThat(rows.keySet()).as("rows for unknown states or main messages; the table should be:%n%s", expected).isEmpty();
  }

  @Test
  void theDocsNameTheStatesWherePreservationCanNoLongerBeConfirmed() throws IOException {
    String doc = Files.readString(ErrorCatalogue.docsFolder().resolve("LIFECYCLE.md"));
    for (var state : Transitions.PRESERVATION_CLOSED) {
      assertThat(doc).contains("`" + state + "`");
    }
    assertThat(doc).contains(
        "`REFUSED`, `NOT_EXECUTED`, `WITHDRAWAL_REQUESTED` or `WITHDRAWN` (nothing left to preserve");
  }
}
