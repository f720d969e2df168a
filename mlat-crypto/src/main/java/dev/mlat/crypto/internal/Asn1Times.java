package dev.mlat.crypto.internal;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;

/**
 * Reads UTCTime / GeneralizedTime values (a CMS signing-time, a certificate's validity) without
 * BouncyCastle's {@code SimpleDateFormat} per call, giving exactly BouncyCastle's answer: the two
 * DER forms RFC 5280 and RFC 5652 prescribe ({@code YYMMDDHHMMSSZ}, a two-digit year below 50
 * being 20YY and otherwise 19YY; {@code YYYYMMDDHHMMSSZ}) with every field in range are read
 * here; any other form (fractions, offsets, missing seconds, a field out of range) is left to
 * BouncyCastle's own reading, so nothing is read differently from before. Thread-safe.
 */
public final class Asn1Times {
  private Asn1Times() {}

  /**
   * The instant {@code time} (an ASN1UTCTime or ASN1GeneralizedTime) names.
   *
   * @param bouncyCastleReading BouncyCastle's reading of the same value, asked only for a form not read here
   */
  public static Instant instant(ASN1Primitive time, Supplier<Date> bouncyCastleReading) {
    boolean utc = time instanceof ASN1UTCTime;
    if (utc || time instanceof ASN1GeneralizedTime) {
      byte[] der;
      try {
        der = time.getEncoded(ASN1Encoding.DER);
      } catch (IOException e) {
        return bouncyCastleReading.get().toInstant();
      }
      Instant strict = strict(der, utc);
      if (strict != null) {
        return strict;
      }
    }
    return bouncyCastleReading.get().toInstant();
  }

  /** The instant of a DER value of one of the two strict forms, or null. */
  private static Instant strict(byte[] der, boolean utc) {
    int digits = utc ? 12 : 14;
    if (der.length != 2 + digits + 1 || der[1] != digits + 1 || der[der.length - 1] != 'Z') {
      return null;
    }
    int[] f = new int[digits / 2];
    for (int k = 0, at = 2; k < f.length; k++, at += 2) {
      int hi = der[at] - '0';
      int lo = der[at + 1] - '0';
      if (hi < 0 || hi > 9 || lo < 0 || lo > 9) {
        return null;
      }
      f[k] = hi * 10 + lo;
    }
    int k;
    int year;
    if (utc) {
      year = f[0] < 50 ? 2000 + f[0] : 1900 + f[0];
      k = 1;
    } else {
      year = f[0] * 100 + f[1];
      k = 2;
    }
    try {
      return LocalDateTime.of(year, f[k], f[k + 1], f[k + 2], f[k + 3], f[k + 4]).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null; // not a calendar date: BouncyCastle's (lenient) reading decides, as before
    }
  }

  /**
   * A certificate's notBefore as {@link java.security.cert.X509Certificate#getNotBefore()} gives it.
   */
  public static Instant notBefore(org.bouncycastle.cert.X509CertificateHolder certificate) {
    var t = certificate.toASN1Structure().getStartDate();
    return instant(t.toASN1Primitive(), t::getDate);
  }

  /**
   * A certificate's notAfter as {@link java.security.cert.X509Certificate#getNotAfter()} gives it.
   */
  public static Instant notAfter(org.bouncycastle.cert.X509CertificateHolder certificate) {
    var t = certificate.toASN1Structure().getEndDate();
    return instant(t.toASN1Primitive(), t::getDate);
  }
}
