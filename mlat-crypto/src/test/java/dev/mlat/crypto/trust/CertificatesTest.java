package dev.mlat.crypto.trust;

import static org.assertj.core.api.Assertions.assertThat;

import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class CertificatesTest {

  @Test
  void namesWithEqualEncodingsAreTheSameName() {
    var a = new X500Principal("CN=FR-MOJ-BEPI CA, O=Ministere de la Justice, C=FR");
    var b = new X500Principal(a.getEncoded());
    assertThat(Certificates.sameName(a, b)).isTrue();
  }

  @Test
  void namesThatDifferOnlyInEncodingAreStillTheSameName() {
    // Case and spacing differ, so the encodings do; the canonical forms (RFC 5280 comparison) agree.
    var a = new X500Principal("CN=FR-MOJ-BEPI CA, O=Ministere de la Justice, C=FR");
    var b = new X500Principal("cn=fr-moj-bepi  ca,o=ministere de la justice,c=fr");
    assertThat(a.getEncoded()).isNotEqualTo(b.getEncoded());
    assertThat(Certificates.sameName(a, b)).isEqualTo(a.equals(b)).isTrue();
  }

  @Test
  void otherNamesAreNotTheSameName() {
    var a = new X500Principal("CN=FR-MOJ-BEPI CA, C=FR");
    var b = new X500Principal("CN=FR-MOJ-BEPI CA2, C=FR");
    var c = new X500Principal("CN=FR-MOJ-BEPI CA, C=DE");
    assertThat(Certificates.sameName(a, b)).isFalse();
    assertThat(Certificates.sameName(a, c)).isFalse();
    assertThat(Certificates.sameName(b, a)).isFalse();
  }
}
