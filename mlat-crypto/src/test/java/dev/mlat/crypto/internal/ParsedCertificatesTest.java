package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x500.X500Name;
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
}
