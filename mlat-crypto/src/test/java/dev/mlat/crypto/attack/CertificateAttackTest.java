package dev.mlat.crypto.attack;

import static dev.mlat.crypto.attack.AttackFixture.CA_AS_SIGNER;
import static dev.mlat.crypto.attack.AttackFixture.DE;
import static dev.mlat.crypto.attack.AttackFixture.EXPIRED;
import static dev.mlat.crypto.attack.AttackFixture.FORGED_FR;
import static dev.mlat.crypto.attack.AttackFixture.FR;
import static dev.mlat.crypto.attack.AttackFixture.NOT_YET_VALID;
import static dev.mlat.crypto.attack.AttackFixture.PAYLOAD;
import static dev.mlat.crypto.attack.AttackFixture.REVOKED;
import static dev.mlat.crypto.attack.AttackFixture.SHA1_SIGNED;
import static dev.mlat.crypto.attack.AttackFixture.TRUST;
import static dev.mlat.crypto.attack.AttackFixture.UNKNOWN_CRITICAL_EXTENSION;
import static dev.mlat.crypto.attack.AttackFixture.UNREGISTERED;
import static dev.mlat.crypto.attack.AttackFixture.WRONG_COUNTRY;
import static dev.mlat.crypto.attack.AttackFixture.WRONG_KEY_USAGE;
import static dev.mlat.crypto.attack.AttackFixture.assertCode;
import static dev.mlat.crypto.attack.AttackFixture.encryptorFor;
import static dev.mlat.crypto.attack.AttackFixture.hostileSignedData;
import static dev.mlat.crypto.attack.AttackFixture.opener;
import static dev.mlat.crypto.attack.AttackFixture.party;
import static dev.mlat.crypto.attack.AttackFixture.sealedContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.seal.OpenExpectation;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.trust.AuthorityRole;
import dev.mlat.crypto.trust.CertificatePurpose;
import dev.mlat.crypto.trust.VerificationRequest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Attacks through certificates: a signer whose certificate is outside its validity, revoked, made
 * for another purpose, of another country, or issued by a PKI nobody registered (a forged
 * jurisdiction); a relay or a TLS carrier that is not what it claims (docs/SECURITY.md, threats C1
 * to C10). The signed messages are made with the attacker's signer, which skips the sender-side
 * checks, and opened by DE-BMJ as coming from France: the trust directory alone must refuse them.
 */
class CertificateAttackTest {

  /** FR-MOJ's binding for DE-BMJ, signed with {@code credential}'s key and certificate, encrypted for DE-BMJ. */
  private static byte[] signedBy(TestCredential credential, String jcaAlgorithm) throws MlatCryptoException {
    byte[] content = sealedContent(party(FR, "FR-MOJ"), party(DE, "DE-BMJ"), UUID.randomUUID(), PAYLOAD);
    return encryptorFor(DE, "DE-BMJ").encrypt(hostileSignedData(content, jcaAlgorithm, credential));
  }

  private static void assertDeRefuses(TestCredential signer, CryptoErrorCode code) throws MlatCryptoException {
    byte[] sealed = signedBy(signer, "SHA256withECDSA");
    assertCode(() -> opener(DE, "DE-BMJ").open(sealed, OpenExpectation.from(FR.jurisdiction())), code);
  }

  @Test
  void theAttackersSignerIsAcceptedWithAGenuineCertificate() throws Exception {
    // the control: the attacker's tool makes a valid signature when the certificate is good
    byte[] sealed = signedBy(FR.authority("FR-MOJ").signing(), "SHA256withECDSA");
    assertThat(opener(DE, "DE-BMJ").open(sealed, OpenExpectation.from(FR.jurisdiction())).payload()).isEqualTo(PAYLOAD);
  }

  @Test
  void anExpiredSignerCertificateIsRefused() throws Exception {
    assertDeRefuses(EXPIRED, CryptoErrorCode.CERTIFICATE_EXPIRED);
  }

  @Test
  void aNotYetValidSignerCertificateIsRefused() throws Exception {
    assertDeRefuses(NOT_YET_VALID, CryptoErrorCode.CERTIFICATE_NOT_YET_VALID);
  }

  @Test
  void aSignerCertificateRevokedByCrlIsRefused() throws Exception {
    assertDeRefuses(REVOKED, CryptoErrorCode.CERTIFICATE_REVOKED);
  }

  @Test
  void aSignerCertificateRevokedByOcspIsRefused() {
    // OCSP responses supplied beside the signature are consulted before any CRL
    var request = VerificationRequest.of(FR.jurisdiction(), CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), REVOKED.certificate())
        .withIntermediates(REVOKED.intermediates())
        .withRevocationData(List.of(), List.of(FR.ocspResponse(REVOKED.certificate()), FR.ocspResponse(FR.intermediate().certificate())));
    assertThatThrownBy(() -> TRUST.verify(request)).isInstanceOfSatisfying(MlatCryptoException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_REVOKED);
      assertThat(e.getMessage()).contains("OCSP");
    });
  }

  @Test
  void aCertificateWithTheWrongKeyUsageCannotSign() throws Exception {
    assertDeRefuses(WRONG_KEY_USAGE, CryptoErrorCode.CERTIFICATE_KEY_USAGE);
  }

  @Test
  void anEncryptionCertificateCannotSign() throws Exception {
    assertDeRefuses(FR.authority("FR-MOJ").encryption(), CryptoErrorCode.CERTIFICATE_KEY_USAGE);
  }

  @Test
  void aCertificateOfTheRightAnchorButAnotherCountryIsRefused() throws Exception {
    assertDeRefuses(WRONG_COUNTRY, CryptoErrorCode.CERTIFICATE_COUNTRY_MISMATCH);
  }

  @Test
  void aForgedJurisdictionWithAnUnregisteredAnchorIsRefused() throws Exception {
    // a PKI that writes C=FR and organizationIdentifier FR:FR-MOJ into its certificates, but whose anchor nobody registered
    assertDeRefuses(FORGED_FR.authority("FR-MOJ").signing(), CryptoErrorCode.CERTIFICATE_UNTRUSTED);
  }

  @Test
  void aSha1SignedCertificateIsRefused() throws Exception {
    assertDeRefuses(SHA1_SIGNED, CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void aCaCertificateCannotSignMessages() throws Exception {
    assertDeRefuses(CA_AS_SIGNER, CryptoErrorCode.CERTIFICATE_IS_CA);
  }

  @Test
  void aCertificateWithAnUnknownCriticalExtensionIsRefused() throws Exception {
    assertDeRefuses(UNKNOWN_CRITICAL_EXTENSION, CryptoErrorCode.CERTIFICATE_UNKNOWN_CRITICAL_EXTENSION);
  }

  @Test
  void anAuthorityTheDirectoryDoesNotRegisterCannotSign() throws Exception {
    assertDeRefuses(UNREGISTERED, CryptoErrorCode.AUTHORITY_NOT_REGISTERED);
  }

  @Test
  void aCarrierCannotSignMessages() throws Exception {
    // FR-GW is registered to carry packages over TLS only
    assertDeRefuses(FR.authority("FR-GW").signing(), CryptoErrorCode.AUTHORITY_ROLE_NOT_ALLOWED);
  }

  @Test
  void aForwarderThatIsNotARegisteredRelayIsRefused() {
    var moj = FR.authority("FR-MOJ").signing();
    assertCode(() -> TRUST.verifyRelay(FR.jurisdiction(), moj.certificate(), moj.intermediates()), CryptoErrorCode.AUTHORITY_ROLE_NOT_ALLOWED);
    var relay = FR.authority("FR-CA").signing();
    assertCode(() -> TRUST.verifyRelay(DE.jurisdiction(), relay.certificate(), relay.intermediates()),
        CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION);
  }

  @Test
  void aTlsPeerOfOneJurisdictionCannotCarryForAnother() {
    // FR-GW is a registered carrier of France; it posts a package that claims to come from Germany
    assertCode(() -> TRUST.verifyTlsPeer(DE.jurisdiction(), FR.authority("FR-GW").tls().chain()),
        CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION);
  }

  @Test
  void aTlsPeerOfAForgedJurisdictionIsRefused() {
    assertCode(() -> TRUST.verifyTlsPeer(FR.jurisdiction(), FORGED_FR.authority("FR-MOJ").tls().chain()),
        CryptoErrorCode.CERTIFICATE_UNTRUSTED);
  }

  @Test
  void aSigningCertificateIsNoTlsClientCertificate() {
    assertCode(() -> TRUST.verifyTlsPeer(FR.jurisdiction(), FR.authority("FR-MOJ").signing().chain()),
        CryptoErrorCode.CERTIFICATE_KEY_USAGE);
  }
}
