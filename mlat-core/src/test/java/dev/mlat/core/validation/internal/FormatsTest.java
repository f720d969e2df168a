package dev.mlat.core.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

  @Test
  void luhn() {
    assertThat(Formats.luhnValid("79927398713")).isTrue();   // the classic Luhn example
    assertThat(Formats.luhnValid("79927398710")).isFalse();
    assertThat(Formats.luhnValid("490154203237518")).isTrue(); // IMEI example of 3GPP TS 23.003 Annex B
    assertThat(Formats.luhnValid("490154203237517")).isFalse();
    assertThat(Formats.luhnValid("0")).isFalse();
    assertThat(Formats.luhnValid("12a4")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"490154203237518", "35209900176148", "3520990017614823", "356938035643809"})
  void validImeis(String v) {
    assertThat(Formats.isImei(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"490154203237517", "4901542032375", "49015420323751890", "49015420323751a", ""})
  void invalidImeis(String v) {
    assertThat(Formats.isImei(v)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606",
      "NL91ABNA0417164300", "BE68539007547034", "CH9300762011623852957", "NO9386011117947",
      "IT60X0542811101000000123456", "ES9121000418450200051332", "MT84MALT011000012345MTLCAST001S"})
  void validIbans(String v) {
    assertThat(Formats.isIban(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DE89370400440532013001",     // check digits wrong
      "DE8937040044053201300",      // one short for DE
      "GB82 WEST 1234 5698 7654 32", // spaces
      "gb82west12345698765432",     // lower case
      "ZZ89370400440532013000",     // no such country
      "DE8937040044053201300X0"})
  void invalidIbans(String v) {
    assertThat(Formats.isIban(v)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+33612345678", "+14155552671", "+6831234"})
  void validE164(String v) {
    assertThat(Formats.isE164(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0612345678", "+0612345678", "+3361234567890123", "+33 6 12 34 56 78", "+12345", "33612345678"})
  void invalidE164(String v) {
    assertThat(Formats.isE164(v)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"208011234567890", "26201123456789", "901700000012345"})
  void validImsis(String v) {
    assertThat(Formats.isImsi(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2080112345678", "2080112345678901", "001011234567890", "20801123456789x"})
  void invalidImsis(String v) {
    assertThat(Formats.isImsi(v)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.10", "0.0.0.0", "255.255.255.255"})
  void validIpv4(String v) {
    assertThat(Formats.isIpv4(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.010", "256.0.0.1", "1.2.3", "1.2.3.4.5", "1.2.3.", "a.b.c.d", " 1.2.3.4"})
  void invalidIpv4(String v) {
    assertThat(Formats.isIpv4(v)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::1", "::", "::1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:DB8::FF00:42:8329",
      "::ffff:192.0.2.128", "64:ff9b::192.0.2.33", "fe80::", "1:2:3:4:5:6:7::", "1:2:3:4:5:6::8"})
  void validIpv6(String v) {
    assertThat(Formats.isIpv6(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::1::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "fe80::1%eth0",
      "2001:db8::/32", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "::ffff:192.0.2.256", "g::1", "", "1:2:3:4:5:6:7:8::"})
  void invalidIpv6(String v) {
    assertThat(Formats.isIpv6(v)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.fr", "sub.example.co.uk", "xn--bcher-kva.example", "bücher.example", "münchen.de",
      "a-b.example", "例え.jp"})
  void validDomains(String v) {
    assertThat(Formats.isDomainName(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "example.fr.", "-example.fr", "example-.fr", "exa mple.fr", "http://example.fr",
      "192.0.2.1", "a..b", "exa_mple.fr"})
  void invalidDomains(String v) {
    assertThat(Formats.isDomainName(v)).isFalse();
  }

  @Test
  void domainLengthLimits() {
    assertThat(Formats.isDomainName("a".repeat(63) + ".fr")).isTrue();
    assertThat(Formats.isDomainName("a".repeat(64) + ".fr")).isFalse();
    assertThat(Formats.isDomainName(("a".repeat(60) + ".").repeat(5) + "fr")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jean.dupont@example.fr", "a+tag@sub.example.com", "josé@exämple.de", "x@xn--bcher-kva.example"})
  void validEmails(String v) {
    assertThat(Formats.isEmailAddress(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jean..dupont@example.fr", ".jean@example.fr", "jean@", "@example.fr", "jean@localhost",
      "\"quoted\"@example.fr", "jean@[192.0.2.1]", "jean dupont@example.fr", "jean@example.fr."})
  void invalidEmails(String v) {
    assertThat(Formats.isEmailAddress(v)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.fr/a?b=c#d", "http://192.0.2.1:8080/", "ftp://files.example.org/x.zip",
      "https://[2001:db8::1]/", "HTTPS://EXAMPLE.FR"})
  void validUrls(String v) {
    assertThat(Formats.isUrl(v)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.fr/page", "/relative", "mailto:a@example.fr", "javascript:alert(1)", "file:///etc/passwd",
      "https://", "https://exa mple.fr/", "https://[2001:db8::zz]/"})
  void invalidUrls(String v) {
    assertThat(Formats.isUrl(v)).isFalse();
  }

  @Test
  void languagesSha256MediaTypesCurrenciesAmountsZones() {
    assertThat(Formats.isLanguageCode("fr")).isTrue();
    assertThat(Formats.isLanguageCode("FR")).isFalse();
    assertThat(Formats.isLanguageCode("fra")).isFalse();
    assertThat(Formats.isLanguageCode("xx")).isFalse();
    assertThat(Formats.isSha256Hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")).isTrue();
    assertThat(Formats.isSha256Hex("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")).isFalse();
    assertThat(Formats.isSha256Hex("e3b0c442")).isFalse();
    assertThat(Formats.isMediaType("application/pdf")).isTrue();
    assertThat(Formats.isMediaType("application/vnd.mlat.package+zip")).isTrue();
    assertThat(Formats.isMediaType("application/pdf; charset=x")).isFalse();
    assertThat(Formats.isMediaType("pdf")).isFalse();
    assertThat(Formats.isCurrencyCode("EUR")).isTrue();
    assertThat(Formats.isCurrencyCode("eur")).isFalse();
    assertThat(Formats.isCurrencyCode("XYZ")).isFalse();
    assertThat(Formats.isAmount("125000.00")).isTrue();
    assertThat(Formats.isAmount("0")).isTrue();
    assertThat(Formats.isAmount("-1")).isFalse();
    assertThat(Formats.isAmount("01")).isFalse();
    assertThat(Formats.isAmount("1,000")).isFalse();
    assertThat(Formats.isTimeZone("Europe/Paris")).isTrue();
    assertThat(Formats.isTimeZone("+01:00")).isTrue();
    assertThat(Formats.isTimeZone("Mars/Olympus")).isFalse();
  }
}
