package dev.mlat.crypto.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.AuthorityRole;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CMS verifier with the real trust directory behind it: {@code TrustVerifier.asSignerTrust()}. */
class CmsSignatureVerifierTrustDirectoryTest {
  private static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
  private static final Jurisdiction FR = Jurisdiction.of("FR");
  private static final Jurisdiction DE = Jurisdiction.of("DE");
  private static final byte[] CONTENT = "{\"messageType\":\"Request\"}".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path folder;
  static TestPki fr;
  static TestPki de;
  static TrustVerifier trust;

  @BeforeAll
  static void pkis() throws Exception {
    fr = TestPki.builder(FR).authority("FR-MOJ").clock(CLOCK).build();
    de = TestPki.builder(DE).authority("DE-BMJ").clock(CLOCK).build();
    fr.writeTo(folder);
    de.writeTo(folder);
    trust = TrustVerifier.builder(TrustDirectory.load(folder)).clock(CLOCK).build();
  }

  private static byte[] signedByFrenchMinistry() throws MlatCryptoException {
    var credential = fr.authority("FR-MOJ").signing();
    var identity = dev.mlat.crypto.keys.KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain());
    return CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), CLOCK).signer(FR, identity, SignatureAlgorithm.ECDSA_SHA256)
        .build().sign(CONTENT, Encapsulation.ENCAPSULATED);
  }

  @Test
  void aRegisteredAuthorityVerifiesWithItsTrustReport() throws Exception {
    var verifier = new CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), trust.asSignerTrust(), CLOCK, CmsLimits.defaults());
    var verified = verifier.verify(signedByFrenchMinistry(), SignatureExpectation.oneSigner(FR));
    assertThat(verified.content()).isEqualTo(CONTENT);
    var report = verified.signers().get(0).trust();
    assertThat(report.jurisdiction()).isEqualTo(FR);
    assertThat(report.authority()).contains(PartyId.parse("FR:FR-MOJ"));
    assertThat(report.validationTime()).isEqualTo(CLOCK.instant());
    assertThat(report.revocation()).isNotEmpty();
    assertThat(report.softFail()).isFalse();
  }

  @Test
  void aSignatureOfAnotherJurisdictionNeverCountsForTheExpectedOne() throws Exception {
    var verifier = new CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), trust.asSignerTrust(), CLOCK, CmsLimits.defaults());
    assertThatThrownBy(() -> verifier.verify(signedByFrenchMinistry(), SignatureExpectation.oneSigner(DE)))
        .isInstanceOf(MlatCryptoException.class)
        .satisfies(e -> assertThat(((MlatCryptoException) e).errorCode())
            .isIn(CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION, CryptoErrorCode.CERTIFICATE_COUNTRY_MISMATCH));
  }

  @Test
  void aSignerWithoutTheRequiredRoleIsRefused() throws Exception {
    var relaysOnly = trust.asSignerTrust(Set.of(AuthorityRole.RELAY));
    var verifier = new CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), relaysOnly, CLOCK, CmsLimits.defaults());
    assertThatThrownBy(() -> verifier.verify(signedByFrenchMinistry(), SignatureExpectation.oneSigner(FR)))
        .isInstanceOf(MlatCryptoException.class)
        .satisfies(e -> assertThat(((MlatCryptoException) e).errorCode()).isEqualTo(CryptoErrorCode.AUTHORITY_ROLE_NOT_ALLOWED));
  }
}
