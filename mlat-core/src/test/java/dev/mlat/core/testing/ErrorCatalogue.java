package dev.mlat.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code docs/ERRORS.md} and compares a module's section with that module's error-code
 * enum. Shared with the other modules through mlat-core's test jar.
 *
 * <p>The document has one {@code ## <module>} section per module, each a table whose rows start
 * with {@code | `CODE` |}.
 */
public final class ErrorCatalogue {
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z0-9_]+)`\\s*\\|\\s*([^|]*\\S)\\s*\\|\\s*([^|]*\\S)\\s*\\|\\s*$");

  private ErrorCatalogue() {}

  /** The repository's {@code docs/} folder, found by walking up from the working directory. */
  public static Path docsFolder() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("docs").resolve("ERRORS.md");
      if (Files.isRegularFile(candidate)) {
        return candidate.getParent();
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("docs/ERRORS.md not found above " + Path.of("").toAbsolutePath());
  }

  /** The codes documented under {@code ## module}, each row having a meaning and an action. */
  public static Set<String> documentedCodes(String module) {
    try {
      var lines = Files.readAllLines(docsFolder().resolve("ERRORS.md"));
      var codes = new LinkedHashSet<String>();
      boolean inSection = false;
      for (String line : lines) {
        if (line.startsWith("## ")) {
          inSection = line.substring(3).trim().equals(module);
          continue;
        }
        if (!inSection || !line.startsWith("| `")) {
          continue;
        }
        var m = ROW.matcher(line);
        assertThat(m.matches())
            .as("row in docs/ERRORS.md section %s must be | `CODE` | meaning | what to do |: %s", module, line)
            .isTrue();
        assertThat(codes.add(m.group(1))).as("code %s documented twice in %s", m.group(1), module).isTrue();
      }
      return codes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts the enum's codes and the document's section name exactly the same codes. */
  public static <E extends Enum<E> & ErrorCode> void assertDocumented(String module, Class<E> codes) {
    Set<String> inSource =
        Arrays.stream(codes.getEnumConstants()).map(ErrorCode::code).collect(Collectors.toCollection(TreeSet::new));
    Set<String> inDocs = new TreeSet<>(documentedCodes(module));
    var missingFromDocs = new TreeSet<>(inSource);
    missingFromDocs.removeAll(inDocs);
    var missingFromSource = new TreeSet<>(inDocs);
    missingFromSource.removeAll(inSource);
    assertThat(missingFromDocs).as("codes of %s missing from docs/ERRORS.md section '## %s'", codes.getSimpleName(), module).isEmpty();
    assertThat(missingFromSource).as("codes in docs/ERRORS.md section '## %s' that %s does not define", module, codes.getSimpleName()).isEmpty();
  }
}
