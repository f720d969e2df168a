package dev.mlat.crypto.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.testing.ConformancePki;
import dev.mlat.crypto.trust.RevocationEvidence;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustReport;
import dev.mlat.crypto.trust.TrustVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed conformance PKI (conformance/pki) verifies offline at its fixed instant, from its
 * stored OCSP responses and CRLs, and not at other instants.
 */
class ConformancePkiTest {
  private static ConformancePki pki;
  private static JsonNode manifest;

  @BeforeAll
  static void load() throws Exception {
    pki = ConformancePki.load(ConformanceFolder.pki());
    manifest = new ObjectMapper().readTree(ConformanceFolder.pki().resolve("pki.json").toFile());
  }

  static Stream<JsonNode> credentials() throws IOException {
    var list = new ArrayList<JsonNode>();
    new ObjectMapper().readTree(ConformanceFolder.pki().resolve("pki.json").toFile()).get("credentials").forEach(list::add);
    return list.stream();
  }

  private static X509Certificate certificate(String relative) throws Exception {
    try (InputStream in = Files.newInputStream(ConformanceFolder.pki().resolve(relative))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static PartyId party(JsonNode credential) {
    String[] parts = credential.get("authority").asText().split(":", 2);
    return new PartyId(Jurisdiction.of(parts[0]), parts[1]);
  }

  /** Every certificate of the path below the anchor has stored revocation evidence of {@code source}. */
  private static void assertEvidence(TrustReport report, RevocationEvidence.Source source) {
    assertThat(report.softFail()).isFalse();
    assertThat(report.validationTime()).isEqualTo(ConformancePki.VERIFICATION_TIME);
    for (X509Certificate c : report.chain().subList(0, report.chain().size() - 1)) {
      assertThat(report.revocation())
          .as("revocation evidence for %s", c.getSubjectX500Principal())
          .anySatisfy(e -> {
            assertThat(e.serialNumber()).isEqualTo(c.getSerialNumber());
            assertThat(e.source()).isEqualTo(source);
            assertThat(e.thisUpdate()).isEqualTo(ConformancePki.ISSUED_AT);
            assertThat(e.nextUpdate()).contains(ConformancePki.REVOCATION_NEXT_UPDATE);
          });
    }
  }

  @Test
  void theManifestRecordsTheFixedInstants() {
    assertThat(manifest.get("verificationTime").asText()).isEqualTo("2026-12-01T00:00:00Z");
    assertThat(Instant.parse(manifest.get("issuedAt").asText())).isEqualTo(ConformancePki.ISSUED_AT);
    assertThat(Instant.parse(manifest.get("revocationNextUpdate").asText())).isEqualTo(ConformancePki.REVOCATION_NEXT_UPDATE);
    assertThat(manifest.get("pkcs12Password").asText()).isEqualTo(ConformancePki.PASSWORD);
    assertThat(pki.trustDirectory().jurisdictions()).extracting(Jurisdiction::code).containsExactlyInAnyOrder("FR", "US", "DE");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("credentials")
  void everyCredentialVerifiesOfflineAtTheFixedInstantFromStoredOcsp(JsonNode credential) throws Exception {
    var verifier = pki.trustVerifier();
    var id = party(credential);
    var family = ConformancePki.Family.valueOf(credential.get("family").asText().toUpperCase().replace('-', '_'));
    var roles = new ArrayList<String>();
    credential.get("roles").forEach(r -> roles.add(r.asText()));

    X509Certificate signing = certificate(credential.get("signingCertificate").asText());
    X509Certificate encryption = certificate(credential.get("encryptionCertificate").asText());
    // the key file holds exactly these certificates
    assertThat(pki.identity(id, family, "signing").certificate()).isEqualTo(signing);
    assertThat(pki.identity(id, family, "encryption").certificate()).isEqualTo(encryption);

    if (roles.contains("sign")) {
      var report = verifier.verifySigner(id.jurisdiction(), signing, List.of());
      assertThat(report.authority()).contains(id);
      assertEvidence(report, RevocationEvidence.Source.OCSP_STORED);
    }
    if (roles.contains("relay")) {
      assertEvidence(verifier.verifyRelay(id.jurisdiction(), signing, List.of()), RevocationEvidence.Source.OCSP_STORED);
    }
    if (roles.contains("receive")) {
      var report = verifier.verifyRecipient(id.jurisdiction(), encryption, List.of());
      assertThat(report.authority()).contains(id);
      assertEvidence(report, RevocationEvidence.Source.OCSP_STORED);
    } else {
      assertThatThrownBy(() -> verifier.verifyRecipient(id.jurisdiction(), encryption, List.of()))
          .isInstanceOfSatisfying(MlatCryptoException.class,
              e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.AUTHORITY_ROLE_NOT_ALLOWED));
    }
    if (!roles.contains("sign")) {
      assertThatThrownBy(() -> verifier.verifySigner(id.jurisdiction(), signing, List.of()))
          .isInstanceOfSatisfying(MlatCryptoException.class,
              e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.AUTHORITY_ROLE_NOT_ALLOWED));
    }
  }

  @Test
  void theTimestampingAuthorityVerifiesOfflineFromTheStoredCrl() throws Exception {
    var tsa = pki.timestampAuthority();
    var report = pki.trustVerifier().verifyTimestampAuthority(
        Jurisdiction.of("FR"), tsa.certificate(), tsa.chain().subList(1, tsa.chain().size()), ConformancePki.VERIFICATION_TIME);
    assertThat(report.certificate()).isEqualTo(certificate("keys/tsa.pem"));
    // no OCSP response is stored for the TSA certificate: its issuing CA's CRL decides; the CA itself has one
    assertThat(report.revocation()).anySatisfy(e -> {
      assertThat(e.serialNumber()).isEqualTo(tsa.certificate().getSerialNumber());
      assertThat(e.source()).isEqualTo(RevocationEvidence.Source.CRL_STORED);
    });
    assertThat(report.softFail()).isFalse();
  }

  /** A copy of the trust folder without the {@code ocsp/} folders. */
  private static Path copyWithoutOcsp(Path temp) throws IOException {
    Path trust = temp.resolve("trust");
    try (var files = Files.walk(pki.trustFolder())) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path relative = pki.trustFolder().relativize(p);
        if (relative.toString().contains("ocsp")) {
          continue;
        }
        Path target = trust.resolve(relative.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return trust;
  }

  @Test
  void withoutTheStoredOcspResponsesTheStoredCrlsDecide(@TempDir Path temp) throws Exception {
    var verifier = TrustVerifier.builder(TrustDirectory.load(copyWithoutOcsp(temp))).clock(ConformancePki.verificationClock()).build();
    var signing = pki.identity(ConformancePki.FR_MOJ, ConformancePki.Family.ECDSA_P256, "signing").certificate();
    assertEvidence(verifier.verifySigner(Jurisdiction.of("FR"), signing, List.of()), RevocationEvidence.Source.CRL_STORED);
  }

  @Test
  void theDefectiveSignersFailOfflineForTheirDefect(@TempDir Path temp) throws Exception {
    var revoked = pki.identity(ConformancePki.DefectiveSigner.REVOKED).certificate();
    assertThatThrownBy(() -> pki.trustVerifier().verifySigner(Jurisdiction.of("FR"), revoked, List.of()))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_REVOKED);
          assertThat(e.getMessage()).contains("OCSP");
        });
    var expired = pki.identity(ConformancePki.DefectiveSigner.EXPIRED).certificate();
    assertThatThrownBy(() -> pki.trustVerifier().verifySigner(Jurisdiction.of("FR"), expired, List.of()))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_EXPIRED));
    // the CRL alone says revoked too
    var withoutOcsp = TrustVerifier.builder(TrustDirectory.load(copyWithoutOcsp(temp))).clock(ConformancePki.verificationClock()).build();
    assertThatThrownBy(() -> withoutOcsp.verifySigner(Jurisdiction.of("FR"), revoked, List.of()))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_REVOKED);
          assertThat(e.getMessage()).contains("CRL");
        });
  }

  private static CryptoErrorCode codeAt(String instant) throws Exception {
    TrustVerifier verifier = pki.trustVerifier(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    var signing = pki.identity(ConformancePki.DE_BFJ, ConformancePki.Family.ECDSA_P256, "signing").certificate();
    try {
      verifier.verifySigner(Jurisdiction.of("DE"), signing, List.of());
      return null;
    } catch (MlatCryptoException e) {
      return e.errorCode();
    }
  }

  @Test
  void theFixedInstantMatters() throws Exception {
    assertThat(codeAt("2026-12-01T00:00:00Z")).isNull();
    // before the certificates were issued
    assertThat(codeAt("2026-10-01T00:00:00Z")).isEqualTo(CryptoErrorCode.CERTIFICATE_NOT_YET_VALID);
    // after the stored CRLs' and OCSP responses' nextUpdate: offline, nothing current decides
    assertThat(codeAt("2028-01-01T00:00:00Z")).isEqualTo(CryptoErrorCode.REVOCATION_CRL_STALE);
    // after the authority certificates expired
    assertThat(codeAt("2029-01-01T00:00:00Z")).isEqualTo(CryptoErrorCode.CERTIFICATE_EXPIRED);
  }

  @Test
  void theKitStaysSmall() throws IOException {
    assertThat(size(ConformanceFolder.pki())).isLessThan(1L << 20);
    assertThat(size(ConformanceFolder.root())).isLessThan(2L << 20);
  }

  private static long size(Path folder) throws IOException {
    try (var files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
