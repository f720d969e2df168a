package dev.mlat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JurisdictionTest {

  @ParameterizedTest
  @ValueSource(strings = {"FR", "US", "DE", "XK", "EUROJUST", "EPPO"})
  void acceptsAssignedCodesAndBodies(String code) throws MlatCoreException {
    assertThat(Jurisdiction.parse(code).code()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ZZ", "XX", "EU", "", "FRA", "F", "eurojust", "UK"})
  void rejectsUnassignedOrMalformed(String code) {
    assertThatThrownBy(() -> Jurisdiction.parse(code))
        .isInstanceOf(MlatCoreException.class)
        .satisfies(e -> assertThat(((MlatCoreException) e).errorCode()).isEqualTo(CoreErrorCode.JURISDICTION_UNKNOWN));
    assertThatThrownBy(() -> Jurisdiction.of(code)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statesAndBodiesAreDistinguished() {
    assertThat(Jurisdiction.of("FR").isState()).isTrue();
    assertThat(Jurisdiction.of("XK").isState()).isTrue();
    assertThat(Jurisdiction.of("EPPO").isState()).isFalse();
    assertThat(Jurisdiction.of("EPPO").internationalBody()).contains(Jurisdiction.InternationalBody.EPPO);
  }

  @Test
  void errorMessagesDoNotEchoControlCharacters() {
    assertThatThrownBy(() -> Jurisdiction.parse("A\nB\u0000"))
        .hasMessageNotContaining("\n")
        .hasMessageContaining("A?B?");
  }
}
