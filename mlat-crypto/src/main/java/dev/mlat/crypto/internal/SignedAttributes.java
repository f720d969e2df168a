package dev.mlat.crypto.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cms.CMSAttributeTableGenerator;

/**
 * Exactly the profile's signed attributes (CAdES baseline B): content-type, message-digest,
 * signing-time, signing-certificate-v2 (ESSCertIDv2 over the signer certificate with SHA-256, with
 * issuer and serial). Nothing else, in particular not BouncyCastle's default CMS algorithm
 * protection attribute, which readers following this profile reject as unexpected.
 */
public final class SignedAttributes implements CMSAttributeTableGenerator {
  /** The attribute types a reader of this profile accepts, all required. */
  public static final Set<ASN1ObjectIdentifier> PROFILE = Set.of(
      CMSAttributes.contentType, CMSAttributes.messageDigest, CMSAttributes.signingTime,
      PKCSObjectIdentifiers.id_aa_signingCertificateV2);

  private final Clock clock;
  /** The signing-certificate-v2 value, the same for every signature of this signer: computed once. */
  private final DERSet signingCertificate;

  /** The last signing-time value made, for its second (immutable, so shared by the signatures of that second). */
  private volatile SigningSecond last;

  private record SigningSecond(long epochSecond, Time time) {}

  public SignedAttributes(X509Certificate signer, Clock clock) {
    this.clock = clock;
    this.signingCertificate = new DERSet(signingCertificateV2(signer));
  }

  @Override
  public AttributeTable getAttributes(Map params) {
    var v = new ASN1EncodableVector();
    v.add(new Attribute(CMSAttributes.contentType, new DERSet((ASN1ObjectIdentifier) params.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
    v.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString((byte[]) params.get(CMSAttributeTableGenerator.DIGEST)))));
    v.add(new Attribute(CMSAttributes.signingTime, new DERSet(signingTimeNow())));
    v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, signingCertificate));
    return new AttributeTable(v);
  }

  /** The signing-time value for the clock's now; the signatures of one second share one (immutable) value. Thread-safe. */
  Time signingTimeNow() {
    long second = clock.instant().getEpochSecond();
    SigningSecond cached = last;
    if (cached != null && cached.epochSecond() == second) {
      return cached.time();
    }
    Time time = signingTime(Instant.ofEpochSecond(second));
    last = new SigningSecond(second, time);
    return time;
  }

  /**
   * The signing-time value for {@code instant} as RFC 5652 section 11.3 requires: UTCTime
   * {@code YYMMDDHHMMSSZ} for the years 1950 to 2049, GeneralizedTime {@code YYYYMMDDHHMMSSZ}
   * otherwise, whole seconds (the fraction is dropped), always UTC. The same encoding as
   * BouncyCastle's {@code new Time(Date)}, without its {@code SimpleDateFormat} per call (and
   * without the date re-parse {@code new DERUTCTime(String)} does): the DER is written here and
   * read back with BouncyCastle's ASN.1 decoder.
   *
   * @throws IllegalArgumentException for a year before 0 or after 9999, which GeneralizedTime cannot carry
   */
  public static Time signingTime(Instant instant) {
    var t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException("signing time " + instant + " has no UTCTime or GeneralizedTime encoding");
    }
    boolean utc = year >= 1950 && year <= 2049;
    int digits = utc ? 12 : 14;
    byte[] der = new byte[2 + digits + 1];
    der[0] = (byte) (utc ? BERTags.UTC_TIME : BERTags.GENERALIZED_TIME);
    der[1] = (byte) (digits + 1);
    int i = 2;
    if (utc) {
      i = two(der, i, year % 100);
    } else {
      i = two(der, i, year / 100);
      i = two(der, i, year % 100);
    }
    i = two(der, i, t.getMonthValue());
    i = two(der, i, t.getDayOfMonth());
    i = two(der, i, t.getHour());
    i = two(der, i, t.getMinute());
    i = two(der, i, t.getSecond());
    der[i] = 'Z';
    return Time.getInstance(utc ? ASN1UTCTime.getInstance(der) : ASN1GeneralizedTime.getInstance(der));
  }

  /**
   * The instant a signing-time value names, as BouncyCastle's {@code Time.getDate()} reads it
   * ({@link Asn1Times#instant}).
   *
   * @throws IllegalStateException when BouncyCastle cannot read the value either
   */
  public static Instant instant(Time time) {
    return Asn1Times.instant(time.toASN1Primitive(), () -> time.getDate());
  }

  private static int two(byte[] out, int at, int value) {
    out[at] = (byte) ('0' + value / 10);
    out[at + 1] = (byte) ('0' + value % 10);
    return at + 2;
  }

  /** SigningCertificateV2 { ESSCertIDv2 { SHA-256 (default, omitted), hash, issuerSerial } }. */
  public static SigningCertificateV2 signingCertificateV2(X509Certificate certificate) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      var issuer = new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded())));
      var issuerSerial = new IssuerSerial(issuer, new ASN1Integer(certificate.getSerialNumber()));
      return new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(hash, issuerSerial)});
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot hash the signer certificate", e);
    }
  }

}
