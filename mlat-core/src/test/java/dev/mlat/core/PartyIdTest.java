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
}
