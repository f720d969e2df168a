package dev.mlat.crypto.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.testing.TestPki;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facts read once from a CRL are what its getters say, and its issuer comparison is {@link Certificates#sameName}'s. */
class CrlFactsTest {
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  static TestPki fr;
  static TestPki de;

  @BeforeAll
  static void pkis() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    fr = TestPki.builder(Jurisdiction.of("FR")).authority("FR-MOJ").clock(clock).build();
    de = TestPki.builder(Jurisdiction.of("DE")).authority("DE-BMJ").clock(clock).build();
  }

  @Test
  void datesAndDigestAreTheCrlsOwn() throws Exception {
    X509CRL crl = fr.crl(NOW.minusSeconds(3600), NOW.plusSeconds(86_400));
    byte[] der = crl.getEncoded();
    CrlFacts facts = CrlFacts.of(crl, der);
    assertThat(facts.thisUpdate()).isEqualTo(crl.getThisUpdate().toInstant()).isEqualTo(NOW.minusSeconds(3600));
    assertThat(facts.nextUpdate()).isEqualTo(Optional.of(crl.getNextUpdate().toInstant())).contains(NOW.plusSeconds(86_400));
    assertThat(facts.sha256()).isEqualTo(ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(der)));
    assertThat(facts.criticalExtensions()).isEqualTo(crl.getCriticalExtensionOIDs() == null ? java.util.Set.of() : crl.getCriticalExtensionOIDs());
    assertThat(facts.issuingDistributionPoint().orElse(null))
        .isEqualTo(crl.getExtensionValue(org.bouncycastle.asn1.x509.Extension.issuingDistributionPoint.getId()));
    // the digest handed out cannot be consumed or changed by a caller
    ByteBuffer first = facts.sha256();
    first.get();
    assertThat(facts.sha256().remaining()).isEqualTo(32);
    assertThat(first.isReadOnly()).isTrue();
  }

  @Test
  void issuerComparisonAgreesWithSameName() {
    X509CRL crl = fr.crl();
    CrlFacts facts = CrlFacts.of(crl, encoded(crl));
    X500Principal crlIssuer = crl.getIssuerX500Principal();
    X500Principal issuer = fr.intermediate().certificate().getSubjectX500Principal();
    X500Principal root = fr.root().certificate().getSubjectX500Principal();
    X500Principal foreign = de.intermediate().certificate().getSubjectX500Principal();
    // the same name written differently (case, spacing; other string types): equal canonical forms
    X500Principal respelled = new X500Principal(issuer.getName(X500Principal.RFC2253).toLowerCase(java.util.Locale.ROOT).replace(",", ",  "));
    for (X500Principal other : new X500Principal[] {issuer, root, foreign, respelled}) {
      assertThat(facts.issuedBy(other.getEncoded(), () -> other.getName(X500Principal.CANONICAL)))
          .as(other.getName()).isEqualTo(Certificates.sameName(crlIssuer, other)).isEqualTo(crlIssuer.equals(other));
    }
    assertThat(facts.issuedBy(respelled.getEncoded(), () -> respelled.getName(X500Principal.CANONICAL))).isTrue();
    assertThat(facts.issuedBy(root.getEncoded(), () -> root.getName(X500Principal.CANONICAL))).isFalse();
  }

  @Test
  void theCanonicalFormIsAskedOnlyWhenTheEncodingsDiffer() {
    X509CRL crl = fr.crl();
    CrlFacts facts = CrlFacts.of(crl, encoded(crl));
    X500Principal issuer = fr.intermediate().certificate().getSubjectX500Principal();
    var asked = new AtomicInteger();
    assertThat(facts.issuedBy(issuer.getEncoded(), () -> {
      asked.incrementAndGet();
      return issuer.getName(X500Principal.CANONICAL);
    })).isTrue();
    assertThat(asked).hasValue(0);
    X500Principal foreign = de.intermediate().certificate().getSubjectX500Principal();
    assertThat(facts.issuedBy(foreign.getEncoded(), () -> {
      asked.incrementAndGet();
      return foreign.getName(X500Principal.CANONICAL);
    })).isFalse();
    assertThat(asked).hasValue(1);
  }

  private static byte[] encoded(X509CRL crl) {
    try {
      return crl.getEncoded();
    } catch (java.security.cert.CRLException e) {
      throw new AssertionError(e);
    }
  }
}
