package dev.mlat.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written checks of {@link StrictDeserializers} accept what the published patterns do. */
class StrictDeserializersTest {

  private static final Pattern UUID_TEXT = Pattern.compile(StrictDeserializers.UUID_PATTERN);

  @ParameterizedTest
  @ValueSource(strings = {"", "123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000",
      "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
      "123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456-4266141740000", "123e4567e89b-12d3-a456-426614174000-",
      "123e4567-e89b-12d3-a456-426614174000\n", "\n123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456_426614174000",
      "123e4567-e89b-12d3-a456-42661417400g", "123e4567-e89b-12d3-a456-42661417400G", "123e4567-e89b-12d3-a456-42661417400/",
      "123e4567-e89b-12d3-a456-42661417400:", "123e4567-e89b-12d3-a456-42661417400@", "123e4567-e89b-12d3-a456-42661417400`",
      "123e4567-e89b-12d3-a456-42661417400\u0661", "123e4567-e89b-12d3-a456-42661417400\uff10", "{123e4567-e89b-12d3-a456-4266141740}",
      "1-1-1-1-1", "123e4567-e89b-12d3-a4560-42661417400"})
  void theUuidCheckIsTheRegularExpressionOnBoundaryInputs(String text) {
    assertThat(StrictDeserializers.isUuidText(text)).as(text).isEqualTo(UUID_TEXT.matcher(text).matches());
  }

  @Provide
  Arbitrary<String> uuidLike() {
    Arbitrary<String> valid = Arbitraries.create(UUID::randomUUID).map(UUID::toString)
        .map(s -> s.toUpperCase(java.util.Locale.ROOT).equals(s) ? s : (s.hashCode() % 2 == 0 ? s.toUpperCase(java.util.Locale.ROOT) : s));
    Arbitrary<String> mutated = valid.flatMap(s -> Arbitraries.integers().between(0, 35).flatMap(i ->
        Arbitraries.chars().with("0123456789abcdefABCDEFgG-_ /:@`\u00e9\u0661").map(c -> s.substring(0, i) + c + s.substring(i + 1))));
    Arbitrary<String> near = Arbitraries.strings().withChars("0123456789abcdefABCDEF-g").ofMinLength(34).ofMaxLength(38);
    return Arbitraries.oneOf(valid, mutated, near);
  }

  @Property(tries = 3000)
  void theUuidCheckIsTheRegularExpression(@ForAll("uuidLike") String text) {
    assertThat(StrictDeserializers.isUuidText(text)).isEqualTo(UUID_TEXT.matcher(text).matches());
  }
}
