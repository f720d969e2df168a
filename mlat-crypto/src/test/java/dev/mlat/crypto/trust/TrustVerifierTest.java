package dev.mlat.crypto.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.AlgorithmRefusedException;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.KeyFamily;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.testing.CertificateDefect;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestOcspResponder;
import dev.mlat.crypto.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure matrix of docs/TRUST.md: every failure kind gives its own error code, and the
 * successful verifications report what they relied on.
 */
class TrustVerifierTest {
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Jurisdiction FR = Jurisdiction.of("FR");
  static final Jurisdiction DE = Jurisdiction.of("DE");
  static final Jurisdiction EUROJUST = Jurisdiction.of("EUROJUST");

  static TestPki fr;
  static TestPki de;
  static TestPki eurojust;
  static TestOcspResponder responder;
  static TestPki online;

  @TempDir static Path shared;
  static Path folder;
  static TrustDirectory directory;
  static TrustVerifier verifier;

  @BeforeAll
  static void pkis() throws Exception {
    fr = TestPki.builder(FR)
        .authority("FR-MOJ")
        .authority("FR-CA", AuthorityRole.SIGN, AuthorityRole.RECEIVE, AuthorityRole.RELAY)
        .authority("FR-GW", AuthorityRole.CARRY)
        .clock(CLOCK)
        .build();
    de = TestPki.builder(DE).authority("DE-BMJ").clock(CLOCK).build();
    eurojust = TestPki.builder(EUROJUST).authority("EJ-COLLEGE").clock(CLOCK).build();
    responder = TestOcspResponder.start();
    online = TestPki.builder(Jurisdiction.of("XK")).authority("XK-MOJ").clock(CLOCK).ocspResponder(responder).build();
    folder = shared.resolve("trust");
    fr.writeTo(folder);
    de.writeTo(folder);
    eurojust.writeTo(folder);
    directory = TrustDirectory.load(folder);
    verifier = TrustVerifier.builder(directory).clock(CLOCK).build();
  }

  @AfterAll
  static void stop() {
    responder.close();
  }

  static CryptoErrorCode code(ThrowingCall call) {
    try {
      call.run();
    } catch (MlatCryptoException e) {
      return e.errorCode();
    }
    throw new AssertionError("expected the verification to fail");
  }

  interface ThrowingCall {
    void run() throws MlatCryptoException;
  }

  static TrustReport sign(TrustVerifier v, Jurisdiction j, TestCredential c) throws MlatCryptoException {
    return v.verifySigner(j, c.certificate(), c.intermediates());
  }

  static Path copyWithout(Path source, Path target, String... removed) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    for (String r : removed) {
      Path p = target.resolve(r);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
      } else {
        Files.delete(p);
      }
    }
    return target;
  }

  // ---------------------------------------------------------------- successes

  @Test
  void aRegisteredSignerIsTrustedAndTheReportKeepsTheEvidence() throws Exception {
    var moj = fr.authority("FR-MOJ").signing();
    TrustReport report = sign(verifier, FR, moj);
    assertThat(report.jurisdiction()).isEqualTo(FR);
    assertThat(report.authority()).contains(new PartyId(FR, "FR-MOJ"));
    assertThat(report.roles()).containsExactlyInAnyOrder(AuthorityRole.SIGN, AuthorityRole.RECEIVE);
    assertThat(report.purpose()).isEqualTo(CertificatePurpose.SIGNING);
    assertThat(report.chain()).containsExactly(moj.certificate(), fr.intermediate().certificate(), fr.root().certificate());
    assertThat(report.anchor()).isEqualTo(fr.root().certificate());
    assertThat(report.validationTime()).isEqualTo(NOW);
    assertThat(report.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.ECDSA_SHA256);
    assertThat(report.keyFamily()).isEqualTo(KeyFamily.EC);
    assertThat(report.policyName()).isEqualTo("default");
    assertThat(report.softFail()).isFalse();
    assertThat(report.revocation()).hasSize(2);
    assertThat(report.revocation()).allMatch(e -> e.source() == RevocationEvidence.Source.CRL_STORED);
    // the kept bytes are the CRLs themselves, re-parseable years later
    assertThat(Certificates.parseCrl(report.revocation().get(0).encoded()).getIssuerX500Principal())
        .isEqualTo(fr.root().certificate().getSubjectX500Principal());
  }

  @Test
  void recipientRelayCarrierAndTimestampAuthority() throws Exception {
    assertThat(verifier.verifyRecipient(FR, fr.authority("FR-MOJ").encryption().certificate(), fr.authority("FR-MOJ").encryption().intermediates())
        .purpose()).isEqualTo(CertificatePurpose.ENCRYPTION);
    var ca = fr.authority("FR-CA").signing();
    assertThat(verifier.verifyRelay(FR, ca.certificate(), ca.intermediates()).roles()).contains(AuthorityRole.RELAY);
    assertThat(code(() -> verifier.verifyRelay(FR, fr.authority("FR-MOJ").signing().certificate(), ca.intermediates())))
        .isEqualTo(CryptoErrorCode.AUTHORITY_ROLE_NOT_ALLOWED);
    var gw = fr.authority("FR-GW").tls();
    assertThat(verifier.verifyTlsPeer(FR, gw.chain()).authority()).contains(new PartyId(FR, "FR-GW"));
    assertThat(verifier.verifyTlsPeer(FR, fr.authority("FR-MOJ").tls().chain()).purpose()).isEqualTo(CertificatePurpose.TLS);
    var tsa = fr.timestampAuthority();
    var report = verifier.verifyTimestampAuthority(FR, tsa.certificate(), tsa.intermediates(), NOW.minus(Duration.ofMinutes(5)));
    assertThat(report.authority()).isEmpty();
    assertThat(report.validationTime()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
    assertThat(code(() -> verifier.verifyTimestampAuthority(FR, fr.authority("FR-MOJ").signing().certificate(), tsa.intermediates(), NOW)))
        .isEqualTo(CryptoErrorCode.CERTIFICATE_KEY_USAGE);
  }

  @Test
  void findsTheRecipientCertificateOfAnAuthority() throws Exception {
    var report = verifier.verifyRecipient(new PartyId(FR, "FR-MOJ"));
    assertThat(report.certificate()).isEqualTo(fr.authority("FR-MOJ").encryption().certificate());
    assertThat(code(() -> verifier.verifyRecipient(new PartyId(FR, "FR-NOBODY")))).isEqualTo(CryptoErrorCode.AUTHORITY_NOT_REGISTERED);
    assertThat(code(() -> verifier.verifyRecipient(new PartyId(FR, "FR-GW")))).as("a carrier does not receive")
        .isEqualTo(CryptoErrorCode.AUTHORITY_ROLE_NOT_ALLOWED);
  }

  @Test
  void anInternationalBodyIsTrustedByItsAnchorAlone() throws Exception {
    var ej = eurojust.authority("EJ-COLLEGE").signing();
    var report = sign(verifier, EUROJUST, ej);
    assertThat(report.authority()).contains(new PartyId(EUROJUST, "EJ-COLLEGE"));
    assertThat(code(() -> sign(verifier, FR, ej))).isEqualTo(CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION);
  }

  @Test
  void postQuantumAndCompositeChainsValidate(@TempDir Path dir) throws Exception {
    for (var algorithm : List.of(PkiAlgorithm.ML_DSA_65, PkiAlgorithm.COMPOSITE_MLDSA65_ECDSA_P256)) {
      var pki = TestPki.builder(FR).clock(CLOCK).algorithm(algorithm).build();
      Path f = dir.resolve(algorithm.name());
      pki.writeTo(f);
      var v = TrustVerifier.builder(TrustDirectory.load(f)).clock(CLOCK).build();
      var report = sign(v, FR, pki.authority("FR-MOJ").signing());
      assertThat(report.signatureAlgorithm()).isEqualTo(algorithm.signatureAlgorithm());
      var recipient = pki.authority("FR-MOJ").encryption();
      assertThat(v.verifyRecipient(FR, recipient.certificate(), recipient.intermediates()).keyFamily())
          .isEqualTo(algorithm.encryptionAlgorithm().keyFamily().orElseThrow());
    }
  }

  @Test
  void anExplicitValidationTimeIsUsed() throws Exception {
    var expired = fr.issueDefective("FR-MOJ", CertificateDefect.EXPIRED);
    var report = verifier.verify(VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), expired.certificate())
        .withIntermediates(expired.intermediates())
        .at(NOW.minus(Duration.ofDays(2))));
    assertThat(report.validationTime()).isEqualTo(NOW.minus(Duration.ofDays(2)));
  }

  // ---------------------------------------------------------------- the failure matrix

  @Test
  void wrongJurisdictionAnchor() {
    assertThat(code(() -> sign(verifier, FR, de.authority("DE-BMJ").signing()))).isEqualTo(CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION);
  }

  @Test
  void rightAnchorButSubjectCountryDiffers() {
    assertThat(code(() -> sign(verifier, FR, fr.issueDefective("FR-MOJ", CertificateDefect.WRONG_SUBJECT_COUNTRY))))
        .isEqualTo(CryptoErrorCode.CERTIFICATE_COUNTRY_MISMATCH);
  }

  @Test
  void revokedByCrlSuppliedBesideTheSignature() {
    var revoked = fr.issueDefective("FR-MOJ", CertificateDefect.REVOKED);
    var request = VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), revoked.certificate())
        .withIntermediates(revoked.intermediates())
        .withRevocationData(List.of(fr.crl()), List.of());
    assertThat(code(() -> verifier.verify(request))).isEqualTo(CryptoErrorCode.CERTIFICATE_REVOKED);
  }

  @Test
  void revokedByStoredCrl(@TempDir Path dir) throws Exception {
    var pki = TestPki.builder(FR).clock(CLOCK).build();
    var revoked = pki.issueDefective("FR-MOJ", CertificateDefect.REVOKED);
    pki.writeTo(dir);
    var v = TrustVerifier.builder(TrustDirectory.load(dir)).clock(CLOCK).build();
    var e = org.junit.jupiter.api.Assertions.assertThrows(UntrustedCertificateException.class, () -> sign(v, FR, revoked));
    assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_REVOKED);
    assertThat(e.getMessage()).contains("CRL");
    assertThat(e.jurisdiction()).contains(FR);
    assertThat(e.subject()).isPresent();
  }

  @Test
  void revokedByOcspOnline(@TempDir Path dir) throws Exception {
    online.writeTo(dir.resolve("source"));
    Path noCrls = copyWithout(dir.resolve("source"), dir.resolve("copy"), "XK/crls");
    var v = TrustVerifier.builder(TrustDirectory.load(noCrls))
        .clock(CLOCK)
        .revocationPolicy(RevocationPolicy.failClosed().withOnlineOcsp())
        .build();
    int before = responder.requestCount();
    var good = sign(v, Jurisdiction.of("XK"), online.authority("XK-MOJ").signing());
    assertThat(good.revocation()).extracting(RevocationEvidence::source).containsOnly(RevocationEvidence.Source.OCSP_ONLINE);
    assertThat(responder.requestCount()).isEqualTo(before + 2);
    var revoked = online.issueDefective("XK-MOJ", CertificateDefect.REVOKED);
    var e = org.junit.jupiter.api.Assertions.assertThrows(UntrustedCertificateException.class, () -> sign(v, Jurisdiction.of("XK"), revoked));
    assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_REVOKED);
    assertThat(e.getMessage()).contains("OCSP");
  }

  @Test
  void unreachableResponderFailsClosed(@TempDir Path dir) throws Exception {
    online.writeTo(dir.resolve("source"));
    Path noCrls = copyWithout(dir.resolve("source"), dir.resolve("copy"), "XK/crls");
    var v = TrustVerifier.builder(TrustDirectory.load(noCrls))
        .clock(CLOCK)
        .revocationPolicy(RevocationPolicy.failClosed().withOnlineOcsp().withOnlineTimeout(Duration.ofSeconds(5)))
        .build();
    responder.answering(false);
    try {
      assertThat(code(() -> sign(v, Jurisdiction.of("XK"), online.authority("XK-MOJ").signing())))
          .isEqualTo(CryptoErrorCode.REVOCATION_UNAVAILABLE);
    } finally {
      responder.answering(true);
    }
  }

  @Test
  void slowResponderTimesOutAndFailsClosed(@TempDir Path dir) throws Exception {
    online.writeTo(dir.resolve("source"));
    Path noCrls = copyWithout(dir.resolve("source"), dir.resolve("copy"), "XK/crls");
    var v = TrustVerifier.builder(TrustDirectory.load(noCrls))
        .clock(CLOCK)
        .revocationPolicy(RevocationPolicy.failClosed().withOnlineOcsp().withOnlineTimeout(Duration.ofMillis(300)))
        .build();
    responder.delay(Duration.ofSeconds(3));
    try {
      var e = org.junit.jupiter.api.Assertions.assertThrows(UntrustedCertificateException.class,
          () -> sign(v, Jurisdiction.of("XK"), online.authority("XK-MOJ").signing()));
      assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.REVOCATION_UNAVAILABLE);
      assertThat(e.getMessage()).contains("Timeout");
    } finally {
      responder.delay(Duration.ZERO);
    }
  }

  @Test
  void crlMissing(@TempDir Path dir) throws Exception {
    Path noCrls = copyWithout(folder, dir.resolve("copy"), "FR/crls");
    var v = TrustVerifier.builder(TrustDirectory.load(noCrls)).clock(CLOCK).build();
    assertThat(code(() -> sign(v, FR, fr.authority("FR-MOJ").signing()))).isEqualTo(CryptoErrorCode.REVOCATION_CRL_MISSING);
  }

  @Test
  void crlStale() {
    var later = TrustVerifier.builder(directory).clock(Clock.fixed(NOW.plus(Duration.ofDays(8)), ZoneOffset.UTC)).build();
    assertThat(code(() -> sign(later, FR, fr.authority("FR-MOJ").signing()))).isEqualTo(CryptoErrorCode.REVOCATION_CRL_STALE);
  }

  @Test
  void softFailIsAcceptedLoggedAndReported(@TempDir Path dir) throws Exception {
    Path noCrls = copyWithout(folder, dir.resolve("copy"), "FR/crls");
    var v = TrustVerifier.builder(TrustDirectory.load(noCrls))
        .clock(CLOCK)
        .revocationPolicy(RevocationPolicy.failClosed().withSoftFail())
        .build();
    var report = sign(v, FR, fr.authority("FR-MOJ").signing());
    assertThat(report.softFail()).isTrue();
    assertThat(report.revocation()).hasSize(2).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(RevocationEvidence.Source.NONE_SOFT_FAIL);
      assertThat(e.note()).contains("REVOCATION_CRL_MISSING");
      assertThat(e.encoded()).isEmpty();
    });
  }

  @Test
  void softFailNeverAcceptsRevokedOrForgedData(@TempDir Path dir) throws Exception {
    Path noCrls = copyWithout(folder, dir.resolve("copy"), "FR/crls");
    var v = TrustVerifier.builder(TrustDirectory.load(noCrls)).clock(CLOCK)
        .revocationPolicy(RevocationPolicy.failClosed().withSoftFail()).build();
    var revoked = fr.issueDefective("FR-MOJ", CertificateDefect.REVOKED);
    assertThat(code(() -> v.verify(VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), revoked.certificate())
        .withIntermediates(revoked.intermediates()).withRevocationData(List.of(fr.crl(), fr.rootCrl()), List.of()))))
        .isEqualTo(CryptoErrorCode.CERTIFICATE_REVOKED);
    // same issuer names, another key: a forged root CRL
    var impostor = TestPki.builder(FR).clock(CLOCK).build();
    var moj = fr.authority("FR-MOJ").signing();
    assertThat(code(() -> v.verify(VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), moj.certificate())
        .withIntermediates(moj.intermediates()).withRevocationData(List.of(impostor.rootCrl()), List.of()))))
        .isEqualTo(CryptoErrorCode.REVOCATION_DATA_INVALID);
  }

  @Test
  void offlineOcspFromStoredResponses(@TempDir Path dir) throws Exception {
    Path copy = copyWithout(folder, dir.resolve("copy"), "FR/crls");
    fr.writeOcspResponsesTo(copy);
    var v = TrustVerifier.builder(TrustDirectory.load(copy)).clock(CLOCK).build();
    var report = sign(v, FR, fr.authority("FR-MOJ").signing());
    assertThat(report.revocation()).extracting(RevocationEvidence::source).containsOnly(RevocationEvidence.Source.OCSP_STORED);
    assertThat(report.softFail()).isFalse();
  }

  @Test
  void offlineOcspSuppliedBesideTheSignature(@TempDir Path dir) throws Exception {
    Path copy = copyWithout(folder, dir.resolve("copy"), "FR/crls");
    var v = TrustVerifier.builder(TrustDirectory.load(copy)).clock(CLOCK).build();
    var moj = fr.authority("FR-MOJ").signing();
    var report = v.verify(VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), moj.certificate())
        .withIntermediates(moj.intermediates())
        .withRevocationData(List.of(), List.of(fr.ocspResponse(moj.certificate()), fr.ocspResponse(fr.intermediate().certificate()))));
    assertThat(report.revocation()).extracting(RevocationEvidence::source).containsOnly(RevocationEvidence.Source.OCSP_SUPPLIED);
    var revoked = fr.issueDefective("FR-MOJ", CertificateDefect.REVOKED);
    assertThat(code(() -> v.verify(VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), revoked.certificate())
        .withIntermediates(revoked.intermediates())
        .withRevocationData(List.of(), List.of(fr.ocspResponse(revoked.certificate()), fr.ocspResponse(fr.intermediate().certificate()))))))
        .isEqualTo(CryptoErrorCode.CERTIFICATE_REVOKED);
    // a stale stored response alone does not establish the status
    var stale = fr.ocspResponse(moj.certificate(), NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)));
    assertThat(code(() -> v.verify(VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), moj.certificate())
        .withIntermediates(moj.intermediates())
        .withRevocationData(List.of(), List.of(stale, fr.ocspResponse(fr.intermediate().certificate()))))))
        .isEqualTo(CryptoErrorCode.REVOCATION_CRL_STALE);
  }

  @Test
  void expired() {
    assertThat(code(() -> sign(verifier, FR, fr.issueDefective("FR-MOJ", CertificateDefect.EXPIRED)))).isEqualTo(CryptoErrorCode.CERTIFICATE_EXPIRED);
  }

  @Test
  void notYetValid() {
    assertThat(code(() -> sign(verifier, FR, fr.issueDefective("FR-MOJ", CertificateDefect.NOT_YET_VALID))))
        .isEqualTo(CryptoErrorCode.CERTIFICATE_NOT_YET_VALID);
  }

  @Test
  void caCertificateUsedAsSigner() {
    assertThat(code(() -> sign(verifier, FR, fr.issueDefective("FR-MOJ", CertificateDefect.CA_AS_SIGNER)))).isEqualTo(CryptoErrorCode.CERTIFICATE_IS_CA);
    assertThat(code(() -> sign(verifier, FR, fr.intermediate()))).isEqualTo(CryptoErrorCode.CERTIFICATE_IS_CA);
  }

  @Test
  void encryptionCertificateUsedToSign() {
    assertThat(code(() -> sign(verifier, FR, fr.authority("FR-MOJ").encryption()))).isEqualTo(CryptoErrorCode.CERTIFICATE_KEY_USAGE);
    assertThat(code(() -> sign(verifier, FR, fr.issueDefective("FR-MOJ", CertificateDefect.WRONG_KEY_USAGE))))
        .isEqualTo(CryptoErrorCode.CERTIFICATE_KEY_USAGE);
    assertThat(code(() -> sign(verifier, FR, fr.authority("FR-MOJ").tls()))).as("a TLS certificate does not sign documents")
        .isEqualTo(CryptoErrorCode.CERTIFICATE_KEY_USAGE);
    assertThat(code(() -> verifier.verifyRecipient(FR, fr.authority("FR-MOJ").signing().certificate(), fr.authority("FR-MOJ").signing().intermediates())))
        .isEqualTo(CryptoErrorCode.CERTIFICATE_KEY_USAGE);
  }

  @Test
  void sha1SignedCertificate() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(AlgorithmRefusedException.class,
        () -> sign(verifier, FR, fr.issueDefective("FR-MOJ", CertificateDefect.SHA1_SIGNED)));
    assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED);
  }

  @Test
  void rsa2048RefusedByDefaultAndAcceptedUnderAPerJurisdictionOverride() throws Exception {
    var rsa2048 = fr.issueDefective("FR-MOJ", CertificateDefect.RSA_2048);
    assertThat(code(() -> sign(verifier, FR, rsa2048))).isEqualTo(CryptoErrorCode.KEY_TOO_SMALL);
    var overridden = TrustVerifier.builder(directory).clock(CLOCK)
        .algorithmPolicy(AlgorithmPolicy.defaultPolicy().withMinimumRsaBits(FR, 2048)).build();
    assertThat(sign(overridden, FR, rsa2048).keyFamily()).isEqualTo(KeyFamily.RSA);
    var overriddenForDe = TrustVerifier.builder(directory).clock(CLOCK)
        .algorithmPolicy(AlgorithmPolicy.defaultPolicy().withMinimumRsaBits(DE, 2048)).build();
    assertThat(code(() -> sign(overriddenForDe, FR, rsa2048))).isEqualTo(CryptoErrorCode.KEY_TOO_SMALL);
    assertThat(code(() -> sign(overridden, FR, fr.issueDefective("FR-MOJ", CertificateDefect.RSA_1024)))).isEqualTo(CryptoErrorCode.KEY_TOO_SMALL);
  }

  @Test
  void unknownCriticalExtension() {
    assertThat(code(() -> sign(verifier, FR, fr.issueDefective("FR-MOJ", CertificateDefect.UNKNOWN_CRITICAL_EXTENSION))))
        .isEqualTo(CryptoErrorCode.CERTIFICATE_UNKNOWN_CRITICAL_EXTENSION);
  }

  @Test
  void noAnchorsForTheJurisdiction() {
    assertThat(code(() -> sign(verifier, Jurisdiction.of("IT"), fr.authority("FR-MOJ").signing())))
        .isEqualTo(CryptoErrorCode.JURISDICTION_NOT_TRUSTED);
  }

  @Test
  void noPathToAnyAnchor() {
    var stranger = TestPki.builder(FR).clock(CLOCK).build();
    assertThat(code(() -> sign(verifier, FR, stranger.authority("FR-MOJ").signing()))).isEqualTo(CryptoErrorCode.CERTIFICATE_UNTRUSTED);
  }

  @Test
  void unregisteredAuthorityAndWrongRole() {
    assertThat(code(() -> sign(verifier, FR, fr.issueDefective("FR-NOBODY", CertificateDefect.REVOKED))))
        .as("an unregistered authority is refused before revocation is even looked at")
        .isEqualTo(CryptoErrorCode.AUTHORITY_NOT_REGISTERED);
    assertThat(code(() -> sign(verifier, FR, fr.authority("FR-GW").signing()))).isEqualTo(CryptoErrorCode.AUTHORITY_ROLE_NOT_ALLOWED);
  }

  @Test
  void requestLimitsHold() {
    var tight = TrustVerifier.builder(directory).clock(CLOCK).limits(TrustLimits.defaults().withMaxIntermediatesPerRequest(1)).build();
    var moj = fr.authority("FR-MOJ").signing();
    assertThat(code(() -> tight.verifySigner(FR, moj.certificate(), moj.chain().subList(1, 3)))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
    var small = TrustVerifier.builder(directory).clock(CLOCK).limits(TrustLimits.defaults().withMaxCrlBytes(10)).build();
    assertThat(code(() -> small.verify(VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), moj.certificate())
        .withRevocationData(List.of(fr.crl()), List.of())))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
    var many = new java.util.ArrayList<byte[]>();
    for (int i = 0; i < 33; i++) {
      many.add(fr.ocspResponse(moj.certificate()));
    }
    assertThat(code(() -> verifier.verify(VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), moj.certificate())
        .withRevocationData(List.of(), many)))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
    var smallOcsp = TrustVerifier.builder(directory).clock(CLOCK).limits(TrustLimits.defaults().withMaxOcspResponseBytes(100)).build();
    assertThat(code(() -> smallOcsp.verify(VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), moj.certificate())
        .withRevocationData(List.of(), List.of(fr.ocspResponse(moj.certificate())))))).isEqualTo(CryptoErrorCode.TRUST_LIMIT_EXCEEDED);
    var shortPaths = TrustVerifier.builder(directory).clock(CLOCK)
        .limits(new TrustLimits(256 * 1024, 64, 16 << 20, 64 << 10, 1 << 20, 1000, 2000, 300, 16 << 20, 16, 32, 2)).build();
    assertThat(code(() -> sign(shortPaths, FR, moj))).isEqualTo(CryptoErrorCode.CERTIFICATE_UNTRUSTED);
  }

  @Test
  void keyStoreTrustWithAuthoritiesJson(@TempDir Path dir) throws Exception {
    char[] password = "changeit".toCharArray();
    for (String type : List.of("PKCS12", "JKS")) {
      var store = KeyStore.getInstance(type);
      store.load(null, password);
      store.setCertificateEntry("fr.root", fr.root().certificate());
      store.setCertificateEntry("EUROJUST.root", eurojust.root().certificate());
      store.setCertificateEntry("tsa.fr-root", fr.root().certificate());
      Path file = dir.resolve("trust." + type.toLowerCase());
      try (var out = Files.newOutputStream(file)) {
        store.store(out, password);
      }
      var trust = TrustDirectory.builder()
          .addKeyStore(file, password)
          .addAuthoritiesJson(folder.resolve("FR/authorities.json"))
          .build();
      assertThat(trust.jurisdictions()).containsExactly(EUROJUST, FR);
      assertThat(trust.timestampAnchors()).containsExactly(fr.root().certificate());
      var v = TrustVerifier.builder(trust).clock(CLOCK).build();
      var moj = fr.authority("FR-MOJ").signing();
      var report = v.verify(VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), moj.certificate())
          .withIntermediates(moj.intermediates())
          .withRevocationData(List.of(fr.crl(), fr.rootCrl()), List.of()));
      assertThat(report.revocation()).extracting(RevocationEvidence::source).containsOnly(RevocationEvidence.Source.CRL_SUPPLIED);
      assertThat(code(() -> v.verifySigner(FR, moj.certificate(), List.of()))).as("the keystore holds no intermediates")
          .isEqualTo(CryptoErrorCode.CERTIFICATE_UNTRUSTED);
    }
  }

  /** A CRL of FR's issuing CA listing nothing, current at NOW, with {@code extension} (critical or not). */
  private static java.security.cert.X509CRL issuingCaCrl(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
      org.bouncycastle.asn1.ASN1Encodable value) throws Exception {
    var ca = fr.intermediate();
    var builder = new org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder(ca.certificate(), java.util.Date.from(NOW.minusSeconds(60)));
    builder.setNextUpdate(java.util.Date.from(NOW.plus(Duration.ofDays(7))));
    builder.addExtension(oid, critical, value);
    String signature = ca.keyPair().getPrivate().getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    var signer = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(signature)
        .setProvider(dev.mlat.crypto.internal.Providers.bouncyCastle()).build(ca.keyPair().getPrivate());
    return new org.bouncycastle.cert.jcajce.JcaX509CRLConverter().setProvider(dev.mlat.crypto.internal.Providers.bouncyCastle())
        .getCRL(builder.build(signer));
  }

  @Test
  void crlsWithUnsupportedCriticalExtensionsOrScopesAreNotTakenAsEvidence(@TempDir Path dir) throws Exception {
    Path noCrls = copyWithout(folder, dir.resolve("copy"), "FR/crls");
    var v = TrustVerifier.builder(TrustDirectory.load(noCrls)).clock(CLOCK).build();
    var moj = fr.authority("FR-MOJ").signing();
    java.util.function.Function<java.security.cert.X509CRL, CryptoErrorCode> outcome = crl -> {
      try {
        v.verify(VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), moj.certificate())
            .withIntermediates(moj.intermediates()).withRevocationData(List.of(crl, fr.rootCrl()), List.of()));
        return null;
      } catch (MlatCryptoException e) {
        return e.errorCode();
      }
    };
    // a delta CRL: its critical deltaCRLIndicator is not supported -> invalid data, not "not revoked"
    assertThat(outcome.apply(issuingCaCrl(org.bouncycastle.asn1.x509.Extension.deltaCRLIndicator, true,
        new org.bouncycastle.asn1.ASN1Integer(1)))).isEqualTo(CryptoErrorCode.REVOCATION_DATA_INVALID);
    // an indirect CRL
    assertThat(outcome.apply(issuingCaCrl(org.bouncycastle.asn1.x509.Extension.issuingDistributionPoint, true,
        new org.bouncycastle.asn1.x509.IssuingDistributionPoint(null, false, false, null, true, false))))
        .isEqualTo(CryptoErrorCode.REVOCATION_DATA_INVALID);
    // a CRL only for CA certificates says nothing about an end-entity certificate
    assertThat(outcome.apply(issuingCaCrl(org.bouncycastle.asn1.x509.Extension.issuingDistributionPoint, true,
        new org.bouncycastle.asn1.x509.IssuingDistributionPoint(null, false, true, null, false, false))))
        .isEqualTo(CryptoErrorCode.REVOCATION_CRL_MISSING);
    // one for user certificates does; so does one with a non-critical unknown extension
    assertThat(outcome.apply(issuingCaCrl(org.bouncycastle.asn1.x509.Extension.issuingDistributionPoint, true,
        new org.bouncycastle.asn1.x509.IssuingDistributionPoint(null, true, false, null, false, false)))).isNull();
    assertThat(outcome.apply(issuingCaCrl(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), false,
        org.bouncycastle.asn1.DERNull.INSTANCE))).isNull();
  }
}
