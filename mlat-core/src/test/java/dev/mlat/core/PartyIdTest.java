package dev.mlat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartyIdTest {

  @Test
  void parsesAndPrintsTheTextForm() throws MlatCoreException {
    var id = PartyId.parse("FR:FR-MOJ");
    assertThat(id).isEqualTo(new PartyId(Jurisdiction.of("FR"), "FR-MOJ"));
    assertThat(id.toString()).isEqualTo("FR:FR-MOJ");
    assertThat(PartyId.parse("EUROJUST:college").jurisdiction().isState()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"FR", "FR:", "FR:-MOJ", "FR:a/b", "FR:../x", "FR:a b", ":MOJ"})
  void rejectsMalformedIdentifiers(String text) {
    assertThatThrownBy(() -> PartyId.parse(text))
        .isInstanceOf(MlatCoreException.class)
        .satisfies(e -> assertThat(((MlatCoreException) e).errorCode())
            .isIn(CoreErrorCode.PARTY_ID_INVALID, CoreErrorCode.JURISDICTION_UNKNOWN));
  }

  @Test
  void rejectsOverlongIdentifier() throws MlatCoreException {
    assertThatThrownBy(() -> PartyId.parse("FR:" + "a".repeat(65)))
        .isInstanceOf(MlatCoreException.class)
        .satisfies(e -> assertThat(((MlatCoreException) e).errorCode()).isEqualTo(CoreErrorCode.PARTY_ID_INVALID));
    assertThat(PartyId.parse("FR:" + "a".repeat(64)).identifier()).hasSize(64);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "Z", "0", "9", ".", "_", "-", "a.", "a_", "a-", "a.b_c-d", "-a", ".a", "_a",
      "a b", "a/b", "a:b", "a\n", "\na", "\u00e9", "a\u00e9", "\u0660", "a\u212a", "AZaz09", "@", "[", "`", "{", "/", ":"})
  void theIdentifierCheckIsTheRegularExpressionOnBoundaryCharacters(String text) {
    assertThat(PartyId.isIdentifier(text)).isEqualTo(PartyId.IDENTIFIER.matcher(text).matches());
  }

  @Test
  void theIdentifierCheckIsTheRegularExpressionAtEveryLength() {
    for (int length = 0; length <= 66; length++) {
      for (String text : new String[] {"a".repeat(length), "-".repeat(length), length == 0 ? "" : "a" + "-".repeat(length - 1)}) {
        assertThat(PartyId.isIdentifier(text)).as("length %d", length).isEqualTo(PartyId.IDENTIFIER.matcher(text).matches());
      }
    }
  }

  @net.jqwik.api.Property(tries = 2000)
  void theIdentifierCheckIsTheRegularExpression(@net.jqwik.api.ForAll("identifierLike") String text) {
    assertThat(PartyId.isIdentifier(text)).isEqualTo(PartyId.IDENTIFIER.matcher(text).matches());
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> identifierLike() {
    return net.jqwik.api.Arbitraries.oneOf(
        net.jqwik.api.Arbitraries.strings().withChars("aZ09._-/: \u00e9").ofMaxLength(70),
        net.jqwik.api.Arbitraries.strings().alpha().numeric().withChars("._-").ofMinLength(60).ofMaxLength(68),
        net.jqwik.api.Arbitraries.strings().all().ofMaxLength(10));
  }
}
