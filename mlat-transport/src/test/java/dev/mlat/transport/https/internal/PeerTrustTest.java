package dev.mlat.transport.https.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.trust.AuthorityRole;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import dev.mlat.transport.https.TlsPeer;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerTrustTest {
  static final Jurisdiction FR = Jurisdiction.of("FR");
  static final Jurisdiction DE = Jurisdiction.of("DE");
  @TempDir static Path folder;
  static TestPki fr;
  static TestPki de;
  static PeerTrust trust;

  @BeforeAll
  static void setUp() throws Exception {
    fr = TestPki.builder(FR).authority("FR-MOJ").build();
    de = TestPki.builder(DE).authority("DE-BFJ").authority("DE-GW", AuthorityRole.CARRY).build();
    fr.writeTo(folder);
    de.writeTo(folder);
    trust = new PeerTrust(TrustVerifier.builder(TrustDirectory.load(folder)).build(), Set.of());
  }

  @Test
  void theClientsJurisdictionIsTheOneWhoseAnchorItsPathEndsIn() throws Exception {
    TlsPeer peer = trust.authenticateClient(de.authority("DE-GW").tls().chain());

    assertThat(peer.jurisdiction()).isEqualTo(DE);
    assertThat(peer.party()).isEqualTo(new PartyId(DE, "DE-GW"));
    assertThat(peer.roles()).containsExactly(AuthorityRole.CARRY);
  }

  @Test
  void aSigningCertificateIsNoTlsCertificate() {
    assertThatThrownBy(() -> trust.authenticateClient(fr.authority("FR-MOJ").signing().chain()))
        .isInstanceOfSatisfying(MlatTransportException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_PEER_REFUSED);
          assertThat(((MlatCryptoException) e.getCause()).errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_KEY_USAGE);
        });
  }

  @Test
  void aServerMustBeOfTheDestinationsJurisdiction() {
    assertThatThrownBy(() -> trust.authenticateServer(DE, fr.authority("FR-MOJ").tls().chain()))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(((MlatCryptoException) e.getCause()).errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION));
  }

  @Test
  void aPeerMayCarryPackagesOfItsOwnJurisdictionOnly() throws Exception {
    TlsPeer frMoj = trust.authenticateClient(fr.authority("FR-MOJ").tls().chain());
    TlsPeer deGateway = trust.authenticateClient(de.authority("DE-GW").tls().chain());

    assertThatCode(() -> PeerTrust.checkCarriage(frMoj, new PartyId(FR, "FR-MOJ"))).doesNotThrowAnyException();
    assertThatCode(() -> PeerTrust.checkCarriage(frMoj, new PartyId(FR, "FR-PARQUET-PARIS"))).doesNotThrowAnyException();
    assertThatCode(() -> PeerTrust.checkCarriage(deGateway, new PartyId(DE, "DE-BFJ"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> PeerTrust.checkCarriage(frMoj, new PartyId(DE, "DE-BFJ")))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_PEER_NOT_CARRIER));
    assertThatThrownBy(() -> PeerTrust.checkCarriage(deGateway, new PartyId(FR, "FR-MOJ")))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_PEER_NOT_CARRIER));
  }

  @Test
  void anEmptyChainIsRefused() {
    assertThatThrownBy(() -> trust.authenticateClient(java.util.List.of()))
        .isInstanceOfSatisfying(MlatTransportException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TransportErrorCode.HTTPS_PEER_REFUSED));
  }
}
