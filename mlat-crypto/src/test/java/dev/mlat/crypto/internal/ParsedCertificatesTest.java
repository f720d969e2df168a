package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class ParsedCertificatesTest {
  private static final KeyPair KEYS = keys();

  private static KeyPair keys() {
    try {
      var generator = KeyPairGenerator.getInstance("EC", Providers.bouncyCastle());
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] certificate(long serial) throws Exception {
    var name = new X500Name("CN=parsed certificates test " + serial);
    var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(serial), new Date(0), new Date(4_000_000_000_000L), name,
        KEYS.getPublic());
    return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.bouncyCastle()).build(KEYS.getPrivate()))
        .getEncoded();
  }

  @Test
  void theSameBytesGiveTheSameCertificateObjectAndItsKey() throws Exception {
    byte[] der = certificate(1);
    X509Certificate first = ParsedCertificates.parse(der);
    X509Certificate second = ParsedCertificates.parse(der.clone());
    assertThat(second).isSameAs(first);
    assertThat(second.getPublicKey()).isSameAs(first.getPublicKey());
    assertThat(first.getEncoded()).isEqualTo(der);
    assertThat(first.getSerialNumber()).isEqualTo(BigInteger.ONE);
  }

  @Test
  void otherBytesGiveAnotherCertificate() throws Exception {
    X509Certificate a = ParsedCertificates.parse(certificate(2));
    X509Certificate b = ParsedCertificates.parse(certificate(3));
    assertThat(a).isNotEqualTo(b);
    assertThat(b.getSerialNumber()).isEqualTo(BigInteger.valueOf(3));
  }

  @Test
  void changingTheCallersArrayAfterwardsChangesNothingRemembered() throws Exception {
    byte[] der = certificate(4);
    byte[] original = der.clone();
    X509Certificate parsed = ParsedCertificates.parse(der);
    der[der.length - 1] ^= 1;
    assertThat(ParsedCertificates.parse(original)).isSameAs(parsed);
    assertThat(parsed.getEncoded()).isEqualTo(original);
  }

  @Test
  void bytesThatAreNoCertificateAreRefusedEveryTime() {
    byte[] garbage = {0x30, 0x03, 0x02, 0x01, 0x05};
    assertThatThrownBy(() -> ParsedCertificates.parse(garbage)).isInstanceOf(CertificateException.class);
    assertThatThrownBy(() -> ParsedCertificates.parse(garbage)).isInstanceOf(CertificateException.class);
    assertThatThrownBy(() -> ParsedCertificates.parse(new byte[0])).isInstanceOf(CertificateException.class);
  }

  @Test
  void remembersAtMostItsCapacity() throws Exception {
    for (int i = 0; i < ParsedCertificates.CAPACITY + 20; i++) {
      ParsedCertificates.parse(certificate(1000 + i));
      assertThat(ParsedCertificates.size()).isLessThanOrEqualTo(ParsedCertificates.CAPACITY);
    }
    assertThat(ParsedCertificates.size()).isEqualTo(ParsedCertificates.CAPACITY);
  }

  @Test
  void concurrentCallersGetEqualCertificates() throws Exception {
    List<byte[]> encodings = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      encodings.add(certificate(5000 + i));
    }
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<X509Certificate>> results = new ArrayList<>();
      for (int round = 0; round < 50; round++) {
        byte[] der = encodings.get(round % encodings.size());
        results.add(pool.submit((Callable<X509Certificate>) () -> ParsedCertificates.parse(der)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get().getEncoded()).isEqualTo(encodings.get(i % encodings.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCertificateReadFromAStructureIsFoundAgainByAnEqualValueWithItsHolderAndDigests() throws Exception {
    byte[] der = certificate(7001);
    var first = ParsedCertificates.parse(new X509CertificateHolder(der));
    assertThat(first.certificate().getEncoded()).isEqualTo(der);
    assertThat(first.holder().getEncoded()).isEqualTo(der);
    // another parse of the same bytes (as the next SignedData carries them) is found without parsing
    var again = ParsedCertificates.known(ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der.clone())));
    assertThat(again).isSameAs(first);
    assertThat(again.certificate()).isSameAs(ParsedCertificates.parse(der));
    assertThat(again.digest("SHA-256")).isEqualTo(MessageDigest.getInstance("SHA-256").digest(der));
    assertThat(again.digest("SHA-384")).isEqualTo(MessageDigest.getInstance("SHA-384").digest(der));
    byte[] copy = again.digest("SHA-256");
    copy[0] ^= 1;
    assertThat(again.digest("SHA-256")).isEqualTo(MessageDigest.getInstance("SHA-256").digest(der));
  }

  @Test
  void anotherValueWithTheSameSignatureIsNotTakenForTheKnownCertificate() throws Exception {
    byte[] der = certificate(7002);
    ParsedCertificates.parse(new X509CertificateHolder(der));
    var value = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
    var tbs = org.bouncycastle.asn1.x509.TBSCertificate.getInstance(value.getObjectAt(0));
    // the same signature value over a TBSCertificate with another serial number
    var other = new org.bouncycastle.asn1.x509.V3TBSCertificateGenerator();
    other.setSerialNumber(new org.bouncycastle.asn1.ASN1Integer(7003));
    other.setSignature(tbs.getSignature());
    other.setIssuer(tbs.getIssuer());
    other.setStartDate(tbs.getStartDate());
    other.setEndDate(tbs.getEndDate());
    other.setSubject(tbs.getSubject());
    other.setSubjectPublicKeyInfo(tbs.getSubjectPublicKeyInfo());
    var forged = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
        other.generateTBSCertificate(), value.getObjectAt(1), value.getObjectAt(2)});
    assertThat(ParsedCertificates.known(forged)).isNull();
    assertThat(ParsedCertificates.known(new org.bouncycastle.asn1.DERSequence(value.getObjectAt(0)))).isNull();
    var parsed = ParsedCertificates.parse(new X509CertificateHolder(forged.getEncoded()));
    assertThat(parsed.certificate().getSerialNumber()).isEqualTo(BigInteger.valueOf(7003));
    assertThat(ParsedCertificates.known(ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(forged.getEncoded())))).isSameAs(parsed);
    assertThat(ParsedCertificates.known(value)).isNull();
    assertThat(ParsedCertificates.sizeByValue()).isLessThanOrEqualTo(ParsedCertificates.CAPACITY);
  }
}
