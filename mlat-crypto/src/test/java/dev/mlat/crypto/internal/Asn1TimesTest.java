package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Certificate validity dates read from the holder are the dates the certificate object gives. */
class Asn1TimesTest {

  private static X509CertificateHolder certificate(Time notBefore, Time notAfter) throws Exception {
    var g = KeyPairGenerator.getInstance("EC", Providers.bouncyCastle());
    g.initialize(new ECGenParameterSpec("secp256r1"));
    var keys = g.generateKeyPair();
    var name = new X500Name("CN=Asn1TimesTest");
    return new JcaX509v3CertificateBuilder(name, BigInteger.ONE, notBefore, notAfter, name, keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.bouncyCastle()).build(keys.getPrivate()));
  }

  private static void assertSameAsTheCertificateObject(X509CertificateHolder holder) throws Exception {
    X509Certificate cert = new JcaX509CertificateConverter().setProvider(Providers.bouncyCastle()).getCertificate(holder);
    assertThat(Asn1Times.notBefore(holder)).isEqualTo(cert.getNotBefore().toInstant());
    assertThat(Asn1Times.notAfter(holder)).isEqualTo(cert.getNotAfter().toInstant());
  }

  @Test
  void utcTimeAndGeneralizedTimeValidityAcrossTheCenturyBoundaries() throws Exception {
    Instant[][] windows = {
        {Instant.parse("1950-01-01T00:00:00Z"), Instant.parse("1999-12-31T23:59:59Z")},
        {Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2049-12-31T23:59:59Z")},
        {Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2050-01-01T00:00:00Z")},
        {Instant.parse("1949-12-31T23:59:59Z"), Instant.parse("9999-12-31T23:59:59Z")}};
    for (Instant[] w : windows) {
      // Time(Date) chooses UTCTime for 1950-2049 and GeneralizedTime otherwise, as RFC 5280 requires
      var holder = certificate(new Time(Date.from(w[0])), new Time(Date.from(w[1])));
      assertSameAsTheCertificateObject(holder);
      assertThat(Asn1Times.notBefore(holder)).isEqualTo(w[0]);
      assertThat(Asn1Times.notAfter(holder)).isEqualTo(w[1]);
    }
  }

  @Test
  void nonStrictFormsAreReadAsBouncyCastleReadsThem() throws Exception {
    // GeneralizedTime inside the UTCTime years and with a fraction, UTCTime without seconds: not RFC 5280's forms
    assertSameAsTheCertificateObject(certificate(new Time(new ASN1GeneralizedTime("20260101000000.5Z")),
        new Time(new DERUTCTime("3001010000Z"))));
  }
}
