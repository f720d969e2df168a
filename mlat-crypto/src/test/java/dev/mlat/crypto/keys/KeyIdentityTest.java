package dev.mlat.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.testing.TestPki;
import java.math.BigInteger;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/** An identity is named by its certificate's issuer (compared as X500Principal.equals does) and serial. */
class KeyIdentityTest {

  @Test
  void matchesItsIssuerAndSerialWhateverTheNamesEncoding() {
    var pki = TestPki.builder(Jurisdiction.of("FR")).authority("FR-MOJ").build();
    var credential = pki.intermediate();
    var identity = KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain());
    X500Principal issuer = credential.certificate().getIssuerX500Principal();
    BigInteger serial = credential.certificate().getSerialNumber();

    assertThat(identity.matches(issuer, serial)).isTrue();
    assertThat(identity.matches(new X500Principal(issuer.getEncoded()), serial)).isTrue();
    // the same name spelled otherwise (other encoding, equal canonical form)
    var respelled = new X500Principal(issuer.getName(X500Principal.RFC2253).toLowerCase(Locale.ROOT).replace(",", ",  "));
    assertThat(respelled.getEncoded()).isNotEqualTo(issuer.getEncoded());
    assertThat(identity.matches(respelled, serial)).isEqualTo(respelled.equals(issuer)).isTrue();

    assertThat(identity.matches(issuer, serial.add(BigInteger.ONE))).isFalse();
    assertThat(identity.matches(new X500Principal("CN=Someone Else, C=FR"), serial)).isFalse();
    assertThat(identity.issuer()).isEqualTo(issuer);
    assertThat(identity.serialNumber()).isEqualTo(serial);
  }
}
