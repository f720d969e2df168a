package dev.mlat.core.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class FormatsPropertiesTest {

  @Property
  void noCheckThrowsOnArbitraryText(@ForAll @StringLength(max = 300) String s) {
    Formats.isLanguageCode(s);
    Formats.isE164(s);
    Formats.isImsi(s);
    Formats.isImei(s);
    Formats.isIban(s);
    Formats.isIpv4(s);
    Formats.isIpv6(s);
    Formats.isDomainName(s);
    Formats.isEmailAddress(s);
    Formats.isUrl(s);
    Formats.isSha256Hex(s);
    Formats.isMediaType(s);
    Formats.isCurrencyCode(s);
    Formats.isAmount(s);
    Formats.isTimeZone(s);
  }

  @Provide
  Arbitrary<String> fourteenDigits() {
    return Arbitraries.strings().numeric().ofLength(14);
  }

  /** Appending the Luhn check digit to any 14-digit TAC+serial gives a valid IMEI, and any other digit an invalid one. */
  @Property
  void exactlyOneCheckDigitCompletesAnImei(@ForAll("fourteenDigits") String body) {
    int valid = 0;
    for (char d = '0'; d <= '9'; d++) {
      if (Formats.isImei(body + d)) {
        valid++;
      }
    }
    assertThat(valid).isEqualTo(1);
  }

  /** ISO 7064 mod 97-10 detects every single-character substitution in the BBAN. */
  @Property
  void aSingleDigitChangeInAValidIbanIsDetected(@ForAll @IntRange(min = 4, max = 21) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String iban = "DE89370400440532013000";
    char c = iban.charAt(position);
    char changed = (char) ('0' + (c - '0' + delta) % 10);
    String mutated = iban.substring(0, position) + changed + iban.substring(position + 1);
    assertThat(Formats.isIban(mutated)).isFalse();
  }

  /** Computing the check digits for an arbitrary German BBAN yields an IBAN the check accepts. */
  @Property
  void computedCheckDigitsAreAccepted(@ForAll("eighteenDigits") String bban) {
    var numeric = new BigInteger(bban + "131400"); // D=13, E=14, check digits 00
    int check = 98 - numeric.mod(BigInteger.valueOf(97)).intValue();
    String iban = "DE" + (check < 10 ? "0" : "") + check + bban;
    assertThat(Formats.isIban(iban)).isTrue();
  }

  @Provide
  Arbitrary<String> eighteenDigits() {
    return Arbitraries.strings().numeric().ofLength(18);
  }
}
