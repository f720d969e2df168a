package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.cms.Time;
import org.junit.jupiter.api.Test;

class SignedAttributesTest {

  private static byte[] der(Time t) throws Exception {
    return t.toASN1Primitive().getEncoded(ASN1Encoding.DER);
  }

  /** The encoding BouncyCastle's Time(Date) produced before: the reference the wire must keep. */
  private static byte[] reference(Instant instant) throws Exception {
    return der(new Time(Date.from(instant)));
  }

  @Test
  void utcTimeUpTo2049AndGeneralizedTimeFrom2050() throws Exception {
    Time last = SignedAttributes.signingTime(Instant.parse("2049-12-31T23:59:59.999Z"));
    assertThat(last.toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
    assertThat(new String(der(last), 2, 13, "US-ASCII")).isEqualTo("491231235959Z");

    Time first = SignedAttributes.signingTime(Instant.parse("2050-01-01T00:00:00Z"));
    assertThat(first.toASN1Primitive()).isInstanceOf(ASN1GeneralizedTime.class);
    assertThat(new String(der(first), 2, 15, "US-ASCII")).isEqualTo("20500101000000Z");
  }

  @Test
  void utcTimeFrom1950AndGeneralizedTimeBefore() throws Exception {
    Time first = SignedAttributes.signingTime(Instant.parse("1950-01-01T00:00:00Z"));
    assertThat(first.toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
    assertThat(new String(der(first), 2, 13, "US-ASCII")).isEqualTo("500101000000Z");

    Time before = SignedAttributes.signingTime(Instant.parse("1949-12-31T23:59:59Z"));
    assertThat(before.toASN1Primitive()).isInstanceOf(ASN1GeneralizedTime.class);
    assertThat(new String(der(before), 2, 15, "US-ASCII")).isEqualTo("19491231235959Z");
  }

  @Test
  void sameBytesAsBouncyCastlesTimeAtTheBoundariesAndToday() throws Exception {
    for (String s : new String[] {"1949-12-31T23:59:59Z", "1950-01-01T00:00:00Z", "1999-12-31T23:59:59.5Z", "2000-01-01T00:00:00Z",
        "2026-11-25T22:42:52.123456789Z", "2049-12-31T23:59:59.999Z", "2050-01-01T00:00:00Z", "2100-02-28T12:00:00Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "9999-12-31T23:59:59Z", "1583-01-01T00:00:00Z"}) {
      Instant i = Instant.parse(s);
      assertThat(der(SignedAttributes.signingTime(i))).as(s).isEqualTo(reference(i));
    }
  }

  @Property(tries = 300)
  void sameBytesAsBouncyCastlesTime(@ForAll @LongRange(min = -2_208_988_800_000L, max = 7_258_118_400_000L) long millis) throws Exception {
    Instant i = Instant.ofEpochMilli(millis);
    assertThat(der(SignedAttributes.signingTime(i))).isEqualTo(reference(i));
  }

  @Property(tries = 300)
  void readsBackTheInstantToTheSecond(@ForAll @LongRange(min = -2_208_988_800_000L, max = 7_258_118_400_000L) long millis) {
    Instant i = Instant.ofEpochMilli(millis);
    Time t = SignedAttributes.signingTime(i);
    Instant read = SignedAttributes.instant(t);
    assertThat(read).isEqualTo(Instant.ofEpochSecond(i.getEpochSecond()));
    assertThat(read).isEqualTo(t.getDate().toInstant());
  }

  @Test
  void beforeTheGregorianReformTheCalendarIsProlepticGregorian() throws Exception {
    // BouncyCastle's SimpleDateFormat switched to the Julian calendar before 1582; ASN.1 times are ISO 8601 (Gregorian).
    assertThat(new String(der(SignedAttributes.signingTime(Instant.parse("0001-01-01T00:00:00Z"))), 2, 15, "US-ASCII"))
        .isEqualTo("00010101000000Z");
  }

  @Test
  void yearsGeneralizedTimeCannotCarryAreACallerBug() {
    assertThatThrownBy(() -> SignedAttributes.signingTime(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formsOtherThanTheProfilesAreReadAsBouncyCastleReadsThem() throws Exception {
    for (Time t : new Time[] {
        Time.getInstance(new DERUTCTime("4912312359Z")), // no seconds
        Time.getInstance(new DERUTCTime("491231235959+0100")), // offset
        Time.getInstance(new ASN1GeneralizedTime("20500101000000.25Z")), // fraction
        Time.getInstance(new DERGeneralizedTime("20500101000000+0130")),
        Time.getInstance(new DERUTCTime("000229120000Z")), // leap day in 2000
        Time.getInstance(new DERUTCTime("991231235959Z"))}) {
      assertThat(SignedAttributes.instant(t)).as(t.toString()).isEqualTo(t.getDate().toInstant());
    }
  }

  @Test
  void fieldsOutOfRangeFallBackToBouncyCastlesReading() {
    // 31 February: BouncyCastle's parser refuses it on the wire; an object built in memory is read leniently by
    // BouncyCastle (3 March), and the strict reading declines and leaves it to BouncyCastle, as before.
    assertThatThrownBy(() -> ASN1UTCTime.getInstance(new byte[] {0x17, 13, '2', '6', '0', '2', '3', '1', '1', '2', '0', '0', '0', '0', 'Z'}))
        .isInstanceOf(IllegalArgumentException.class);
    Time t = Time.getInstance(new DERUTCTime("260231120000Z"));
    assertThat(SignedAttributes.instant(t)).isEqualTo(t.getDate().toInstant()).isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
  }

  @Test
  void signaturesOfOneSecondShareItsValueAndTheNextSecondGetsItsOwn() throws Exception {
    var clock = new dev.mlat.crypto.support.SettableClock(Instant.parse("2049-12-31T23:59:59.100Z"));
    var pki = dev.mlat.crypto.testing.TestPki.builder(dev.mlat.core.Jurisdiction.of("FR")).authority("FR-MOJ").build();
    var attributes = new SignedAttributes(pki.intermediate().certificate(), clock);
    Time first = attributes.signingTimeNow();
    clock.instant = Instant.parse("2049-12-31T23:59:59.900Z");
    assertThat(attributes.signingTimeNow()).isSameAs(first);
    assertThat(der(first)).isEqualTo(reference(Instant.parse("2049-12-31T23:59:59Z")));
    clock.instant = Instant.parse("2050-01-01T00:00:00Z");
    Time next = attributes.signingTimeNow();
    assertThat(der(next)).isEqualTo(reference(Instant.parse("2050-01-01T00:00:00Z")));
    assertThat(next.toASN1Primitive()).isInstanceOf(ASN1GeneralizedTime.class);
    // a clock set back gets its own second's value too
    clock.instant = Instant.parse("2026-11-25T10:00:00Z");
    assertThat(der(attributes.signingTimeNow())).isEqualTo(reference(Instant.parse("2026-11-25T10:00:00Z")));
    // the attribute table carries it
    var table = attributes.getAttributes(java.util.Map.of(
        org.bouncycastle.cms.CMSAttributeTableGenerator.CONTENT_TYPE, org.bouncycastle.asn1.cms.CMSObjectIdentifiers.data,
        org.bouncycastle.cms.CMSAttributeTableGenerator.DIGEST, new byte[32]));
    assertThat(SignedAttributes.instant(Time.getInstance(
        table.get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime).getAttrValues().getObjectAt(0))))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
  }
}
