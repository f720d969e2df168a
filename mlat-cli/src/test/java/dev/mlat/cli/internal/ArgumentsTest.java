package dev.mlat.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.cli.ExitCode;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.core.json.MlatJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  @Test
  void aJurisdictionAloneMeansItsMinistryOfJustice() {
    assertThat(Arguments.party("--from", "FR")).isEqualTo(new PartyId(Jurisdiction.of("FR"), "FR-MOJ"));
    assertThat(Arguments.party("--to", "XK:XK-MOJ")).isEqualTo(new PartyId(Jurisdiction.of("XK"), "XK-MOJ"));
    assertThat(Arguments.party("--to", "EUROJUST:EJ-COLLEGE")).isEqualTo(new PartyId(Jurisdiction.of("EUROJUST"), "EJ-COLLEGE"));
  }

  /** Whatever is typed, the result is a party or a usage error with a library code: never another exception. */
  @Property(tries = 500)
  void anyTextIsAPartyOrAUsageError(@ForAll("typed") String text) {
    try {
      PartyId id = Arguments.party("--from", text);
      assertThat(text).startsWith(id.jurisdiction().code());
    } catch (CliFailure f) {
      assertThat(f.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(f.errorCode().code()).isIn("JURISDICTION_UNKNOWN", "PARTY_ID_INVALID");
      assertThat(f.detail()).startsWith("--from: ").doesNotContain("\n");
    }
  }

  /** Every template drafts a document that reads back strictly, between any two jurisdictions. */
  @Property(tries = 60)
  void everyTemplateReadsBackBetweenAnyTwoJurisdictions(
      @ForAll RequestTemplate template, @ForAll("codes") String from, @ForAll("codes") String to) throws Exception {
    var request = template.draft(CliRun.context().clock(), Arguments.party("--from", from), Arguments.party("--to", to + ":X.Y_Z-9"));
    var json = MlatJson.strict();
    assertThat(json.readRequest(json.writeRequest(request))).isEqualTo(request);
  }

  @Provide
  Arbitrary<String> typed() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.strings().withChars("FRUSXKEUROJST:-._ /\u00e9\u0000").ofMaxLength(20),
        codes().map(c -> c + ":" + "A".repeat(64)),
        codes().map(c -> c + ":" + "A".repeat(65)));
  }

  @Provide
  Arbitrary<String> codes() {
    return Arbitraries.of("FR", "US", "DE", "XK", "IE", "JP", "BR", "EUROJUST", "EPPO");
  }
}
