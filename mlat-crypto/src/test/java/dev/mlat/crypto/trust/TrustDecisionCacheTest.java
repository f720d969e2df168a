package dev.mlat.crypto.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.support.SettableClock;
import dev.mlat.crypto.testing.CertificateDefect;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust decision cache of {@link TrustVerifier}: a cached verifier decides exactly as an
 * uncached one (including for revoked, expired, not-yet-valid and foreign certificates, and after
 * a CRL update that revokes a certificate it remembers), verifies each CRL's signature once, never
 * uses a decision outside the validity of its path, and stays within its size.
 */
class TrustDecisionCacheTest {
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Jurisdiction FR = Jurisdiction.of("FR");
  static final Jurisdiction DE = Jurisdiction.of("DE");

  static TestPki fr;
  static TestPki de;
  static TrustDirectory directory;

  @TempDir static Path shared;

  @BeforeAll
  static void pkis() throws Exception {
    fr = TestPki.builder(FR)
        .authority("FR-MOJ")
        .authority("FR-CA", AuthorityRole.SIGN, AuthorityRole.RECEIVE, AuthorityRole.RELAY)
        .authority("FR-GW", AuthorityRole.CARRY)
        .clock(CLOCK)
        .build();
    de = TestPki.builder(DE).authority("DE-BMJ").clock(CLOCK).build();
    Path folder = shared.resolve("trust");
    fr.writeTo(folder);
    de.writeTo(folder);
    directory = TrustDirectory.load(folder);
  }

  /** What a verification came to: the report's content, or the error code. */
  static String outcome(TrustVerifier verifier, VerificationRequest request) {
    try {
      TrustReport r = verifier.verify(request);
      var sources = new ArrayList<String>();
      for (var e : r.revocation()) {
        sources.add(e.source() + ":" + e.serialNumber() + ":" + e.thisUpdate());
      }
      return "trusted " + r.jurisdiction() + " " + r.authority() + " " + r.roles() + " " + r.purpose() + " " + r.chain() + " "
          + r.validationTime() + " " + r.signatureAlgorithm() + " " + r.keyFamily() + " " + r.policyName() + " " + sources + " "
          + r.softFail();
    } catch (MlatCryptoException e) {
      return "refused " + e.errorCode();
    }
  }

  static VerificationRequest signing(Jurisdiction j, TestCredential c) {
    return VerificationRequest.of(j, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), c.certificate()).withIntermediates(c.intermediates());
  }

  static VerificationRequest receiving(Jurisdiction j, TestCredential c) {
    return VerificationRequest.of(j, CertificatePurpose.ENCRYPTION, Set.of(AuthorityRole.RECEIVE), c.certificate())
        .withIntermediates(c.intermediates());
  }

  @Test
  void cachedAndUncachedGiveTheSameDecisions() {
    var moj = fr.authority("FR-MOJ");
    var revoked = fr.issueDefective("FR-MOJ", CertificateDefect.REVOKED);
    List<VerificationRequest> requests = List.of(
        signing(FR, moj.signing()),
        receiving(FR, moj.encryption()),
        signing(FR, fr.authority("FR-CA").signing()),
        VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.RELAY), fr.authority("FR-CA").signing().certificate())
            .withIntermediates(fr.authority("FR-CA").signing().intermediates()),
        VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.RELAY), moj.signing().certificate())
            .withIntermediates(moj.signing().intermediates()),
        signing(FR, fr.authority("FR-GW").signing()),
        signing(FR, moj.encryption()),
        signing(FR, revoked),
        signing(FR, revoked).withRevocationData(List.of(fr.crl()), List.of()),
        signing(FR, fr.issueDefective("FR-MOJ", CertificateDefect.EXPIRED)),
        signing(FR, fr.issueDefective("FR-MOJ", CertificateDefect.NOT_YET_VALID)),
        signing(FR, fr.issueDefective("FR-MOJ", CertificateDefect.WRONG_SUBJECT_COUNTRY)),
        signing(FR, fr.issueDefective("FR-MOJ", CertificateDefect.UNKNOWN_CRITICAL_EXTENSION)),
        signing(FR, de.authority("DE-BMJ").signing()),
        signing(DE, de.authority("DE-BMJ").signing()),
        signing(DE, moj.signing()),
        signing(FR, moj.signing()).at(NOW.minus(Duration.ofHours(2))),
        signing(FR, moj.signing()).at(NOW.plus(Duration.ofDays(731))),
        signing(FR, moj.signing()).at(NOW.minus(Duration.ofMinutes(30))));
    var cached = TrustVerifier.builder(directory).clock(CLOCK).build();
    var uncached = TrustVerifier.builder(directory).clock(CLOCK).decisionCacheSize(0).build();
    var expected = new ArrayList<String>();
    for (var r : requests) {
      expected.add(outcome(uncached, r));
    }
    assertThat(expected).anyMatch(s -> s.startsWith("trusted")).contains("refused " + CryptoErrorCode.CERTIFICATE_REVOKED,
        "refused " + CryptoErrorCode.CERTIFICATE_EXPIRED, "refused " + CryptoErrorCode.CERTIFICATE_NOT_YET_VALID,
        "refused " + CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION, "refused " + CryptoErrorCode.CERTIFICATE_COUNTRY_MISMATCH,
        "refused " + CryptoErrorCode.AUTHORITY_ROLE_NOT_ALLOWED, "refused " + CryptoErrorCode.CERTIFICATE_KEY_USAGE);
    for (int round = 0; round < 3; round++) { // round 0 fills the cache, the others are answered from it
      for (int i = 0; i < requests.size(); i++) {
        assertThat(outcome(cached, requests.get(i))).as("round %d, request %d", round, i).isEqualTo(expected.get(i));
      }
    }
    assertThat(uncached.decisionCache().sizes()).containsExactly(0, 0);
  }

  @Test
  void eachCrlSignatureIsVerifiedOnceAndEachPathValidatedOnceForManyVerifications() throws Exception {
    int n = 25;
    var cached = TrustVerifier.builder(directory).clock(CLOCK).build();
    var uncached = TrustVerifier.builder(directory).clock(CLOCK).decisionCacheSize(0).build();
    var signer = fr.authority("FR-MOJ").signing();
    for (int i = 0; i < n; i++) {
      cached.verify(signing(FR, signer));
      uncached.verify(signing(FR, signer));
    }
    // the path is issuing CA -> root: two CRLs apply (the issuing CA's for the signer, the root's for the issuing CA)
    assertThat(cached.decisionCache().crlSignatureVerifications()).isEqualTo(2);
    assertThat(cached.decisionCache().pathValidations()).isEqualTo(1);
    assertThat(uncached.decisionCache().crlSignatureVerifications()).isEqualTo(2L * n);
    assertThat(uncached.decisionCache().pathValidations()).isEqualTo(n);
    // another certificate of the same issuer: a new path, but the CRLs are known already
    cached.verify(receiving(FR, fr.authority("FR-MOJ").encryption()));
    assertThat(cached.decisionCache().crlSignatureVerifications()).isEqualTo(2);
    assertThat(cached.decisionCache().pathValidations()).isEqualTo(2);
  }

  @Test
  void aCrlUpdateRevokesACertificateWhosePathIsCached(@TempDir Path dir) throws Exception {
    var clock = new SettableClock(NOW);
    var pki = TestPki.builder(FR).clock(clock).build();
    pki.writeTo(dir.resolve("before"));
    var signer = pki.authority("FR-MOJ").signing();
    var verifier = TrustVerifier.builder(TrustDirectory.load(dir.resolve("before"))).clock(clock).build();
    assertThat(outcome(verifier, signing(FR, signer))).startsWith("trusted");
    assertThat(verifier.decisionCache().sizes()[0]).isEqualTo(1);

    clock.instant = NOW.plus(Duration.ofHours(1));
    pki.revoke(signer.certificate());
    // a new CRL supplied beside the signature: the cached path does not hide it
    var withNewCrl = signing(FR, signer).withRevocationData(List.of(pki.crl()), List.of());
    assertThat(outcome(verifier, withNewCrl)).isEqualTo("refused " + CryptoErrorCode.CERTIFICATE_REVOKED);
    assertThat(verifier.decisionCache().pathValidations()).as("the path itself still came from the cache").isEqualTo(1);
    // the new CRL stored in the trust folder: the reloaded directory's verifier starts empty and refuses too
    pki.writeTo(dir.resolve("after"));
    var reloaded = TrustVerifier.builder(TrustDirectory.load(dir.resolve("after"))).clock(clock).build();
    assertThat(outcome(reloaded, signing(FR, signer))).isEqualTo("refused " + CryptoErrorCode.CERTIFICATE_REVOKED);
    assertThat(outcome(TrustVerifier.builder(TrustDirectory.load(dir.resolve("after"))).clock(clock).decisionCacheSize(0).build(),
        signing(FR, signer))).isEqualTo("refused " + CryptoErrorCode.CERTIFICATE_REVOKED);
  }

  @Test
  void aDecisionIsNeverUsedOutsideTheValidityOfItsPathNorAStaleCrlTakenAsCurrent() throws Exception {
    var clock = new SettableClock(NOW);
    var verifier = TrustVerifier.builder(directory).clock(clock).build();
    var signer = fr.authority("FR-MOJ").signing();
    assertThat(outcome(verifier, signing(FR, signer))).startsWith("trusted");
    assertThat(verifier.decisionCache().sizes()).containsExactly(1, 2);

    // before the certificate's notBefore (an hour before NOW) and after its notAfter: refused as without a cache
    assertThat(outcome(verifier, signing(FR, signer).at(NOW.minus(Duration.ofHours(2)))))
        .isEqualTo("refused " + CryptoErrorCode.CERTIFICATE_NOT_YET_VALID);
    assertThat(outcome(verifier, signing(FR, signer).at(NOW.plus(Duration.ofDays(731)))))
        .isEqualTo("refused " + CryptoErrorCode.CERTIFICATE_EXPIRED);

    // eight days later the stored CRLs (next update after 7 days) are stale: the cached path does not make them current,
    // and a remembered signature is not used past the CRL's nextUpdate (the root's CRL, checked first, is verified again and
    // not remembered; the issuing CA's is dropped when next looked up)
    clock.instant = NOW.plus(Duration.ofDays(8));
    assertThat(verifier.decisionCache().crlSignatureVerifications()).isEqualTo(2);
    assertThat(outcome(verifier, signing(FR, signer))).isEqualTo("refused " + CryptoErrorCode.REVOCATION_CRL_STALE);
    assertThat(verifier.decisionCache().crlSignatureVerifications()).isEqualTo(3);
    assertThat(verifier.decisionCache().sizes()[1]).isEqualTo(1);

    // once the clock is past the certificate's validity, its decision is dropped
    clock.instant = NOW.plus(Duration.ofDays(731));
    assertThat(outcome(verifier, signing(FR, signer))).isEqualTo("refused " + CryptoErrorCode.CERTIFICATE_EXPIRED);
    assertThat(verifier.decisionCache().sizes()[0]).isEqualTo(0);
  }

  @Test
  void theCacheHoldsAtMostItsSize() throws Exception {
    var verifier = TrustVerifier.builder(directory).clock(CLOCK).decisionCacheSize(2).build();
    verifier.verify(signing(FR, fr.authority("FR-MOJ").signing()));
    verifier.verify(receiving(FR, fr.authority("FR-MOJ").encryption()));
    verifier.verify(signing(FR, fr.authority("FR-CA").signing()));
    verifier.verify(signing(DE, de.authority("DE-BMJ").signing()));
    verifier.verify(receiving(DE, de.authority("DE-BMJ").encryption()));
    assertThat(verifier.decisionCache().sizes()).containsExactly(2, 2);
    assertThat(verifier.decisionCache().pathValidations()).isEqualTo(5);
    // the most recent one is still answered from the cache
    verifier.verify(receiving(DE, de.authority("DE-BMJ").encryption()));
    assertThat(verifier.decisionCache().pathValidations()).isEqualTo(5);
    assertThat(TrustVerifier.builder(directory).build().decisionCache().maxEntries()).isEqualTo(TrustVerifier.DEFAULT_DECISION_CACHE_SIZE);
    assertThatThrownBy(() -> TrustVerifier.builder(directory).decisionCacheSize(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decisionCacheSize");
  }

  @Test
  void concurrentVerificationsAgreeWithSequentialOnes() throws Exception {
    var verifier = TrustVerifier.builder(directory).clock(CLOCK).decisionCacheSize(3).build();
    var reference = TrustVerifier.builder(directory).clock(CLOCK).decisionCacheSize(0).build();
    List<VerificationRequest> requests = List.of(
        signing(FR, fr.authority("FR-MOJ").signing()),
        receiving(FR, fr.authority("FR-MOJ").encryption()),
        signing(FR, fr.authority("FR-CA").signing()),
        signing(DE, de.authority("DE-BMJ").signing()),
        signing(FR, de.authority("DE-BMJ").signing()));
    var expected = new ArrayList<String>();
    for (var r : requests) {
      expected.add(outcome(reference, r));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      var futures = new ArrayList<Future<Boolean>>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 20; i++) {
            int k = (i + offset) % requests.size();
            if (!outcome(verifier, requests.get(k)).equals(expected.get(k))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (var f : futures) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(verifier.decisionCache().sizes()[0]).isLessThanOrEqualTo(3);
  }
}
