package dev.mlat.crypto.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.KeyFamily;
import dev.mlat.crypto.internal.AlgorithmIdentifiers;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.trust.AuthorityRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestPkiTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final Jurisdiction FR = Jurisdiction.of("FR");

  @ParameterizedTest
  @EnumSource(PkiAlgorithm.class)
  void everyVariantIssuesAConsistentHierarchy(PkiAlgorithm algorithm) throws Exception {
    var pki = TestPki.builder(FR).authority("FR-MOJ").algorithm(algorithm).clock(CLOCK).build();
    var root = pki.root().certificate();
    var intermediate = pki.intermediate().certificate();
    root.verify(root.getPublicKey(), Providers.bouncyCastle());
    intermediate.verify(root.getPublicKey(), Providers.bouncyCastle());
    assertThat(root.getBasicConstraints()).isEqualTo(1);
    assertThat(intermediate.getBasicConstraints()).isEqualTo(0);
    assertThat(root.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());

    var moj = pki.authority("FR-MOJ");
    assertThat(moj.id()).isEqualTo(new PartyId(FR, "FR-MOJ"));
    assertThat(moj.roles()).containsExactlyInAnyOrder(AuthorityRole.SIGN, AuthorityRole.RECEIVE);
    for (var credential : List.of(moj.signing(), moj.encryption(), moj.tls(), pki.timestampAuthority())) {
      var cert = credential.certificate();
      cert.verify(intermediate.getPublicKey(), Providers.bouncyCastle());
      assertThat(cert.getBasicConstraints()).isEqualTo(-1);
      assertThat(cert.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
      assertThat(cert.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
      assertThat(cert.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
      assertThat(cert.getExtensionValue(Extension.cRLDistributionPoints.getId())).isNotNull();
      assertThat(credential.chain()).containsExactly(cert, intermediate, root);
      assertThat(credential.intermediates()).containsExactly(intermediate);
      assertThat(country(cert)).isEqualTo("FR");
      assertThat(credential.keyPair().getPublic()).isEqualTo(cert.getPublicKey());
      // every certificate of the default variants passes the default policy
      AlgorithmPolicy.defaultPolicy().checkCertificate(FR, cert, intermediate.getPublicKey());
    }
    assertThat(organizationIdentifier(moj.signing().certificate())).isEqualTo("FR:FR-MOJ");
    boolean[] signingUsage = moj.signing().certificate().getKeyUsage();
    assertThat(signingUsage[0] && signingUsage[1]).as("digitalSignature + nonRepudiation").isTrue();
    boolean[] encryptionUsage = moj.encryption().certificate().getKeyUsage();
    if (algorithm == PkiAlgorithm.ECDSA_P256) {
      assertThat(encryptionUsage[4]).as("keyAgreement").isTrue();
    } else {
      assertThat(encryptionUsage[2]).as("keyEncipherment").isTrue();
    }
    assertThat(encryptionUsage[0]).isFalse();
    assertThat(AlgorithmIdentifiers.describe(moj.encryption().certificate().getPublicKey()).family())
        .isEqualTo(algorithm.encryptionAlgorithm().keyFamily().orElseThrow());
    assertThat(moj.tls().certificate().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    var tsa = pki.timestampAuthority().certificate();
    assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
    assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
  }

  @Test
  void compositeVariantUsesTheCompositeKeys() {
    var pki = TestPki.builder(FR).algorithm(PkiAlgorithm.COMPOSITE_MLDSA65_ECDSA_P256).clock(CLOCK).build();
    var moj = pki.authority("FR-MOJ");
    assertThat(AlgorithmIdentifiers.describe(moj.signing().certificate().getPublicKey()).family()).isEqualTo(KeyFamily.MLDSA65_ECDSA_P256);
    assertThat(moj.signing().certificate().getSigAlgOID()).isEqualTo("1.3.6.1.5.5.7.6.45");
    assertThat(AlgorithmIdentifiers.describe(moj.encryption().certificate().getPublicKey()).family()).isEqualTo(KeyFamily.MLKEM768_ECDH_P256);
  }

  @Test
  void internationalBodyHasNoCountry() throws Exception {
    var pki = TestPki.builder(Jurisdiction.of("EUROJUST")).authority("EJ-COLLEGE").clock(CLOCK).build();
    var cert = pki.authority("EJ-COLLEGE").signing().certificate();
    assertThat(country(cert)).isNull();
    assertThat(organizationIdentifier(cert)).isEqualTo("EUROJUST:EJ-COLLEGE");
  }

  @Test
  void defectsAreWhatTheySay() throws Exception {
    var pki = TestPki.builder(FR).clock(CLOCK).build();
    Date now = Date.from(CLOCK.instant());
    var expired = pki.issueDefective("FR-MOJ", CertificateDefect.EXPIRED).certificate();
    assertThat(expired.getNotAfter()).isBefore(now);
    var future = pki.issueDefective("FR-MOJ", CertificateDefect.NOT_YET_VALID).certificate();
    assertThat(future.getNotBefore()).isAfter(now);
    var revoked = pki.issueDefective("FR-MOJ", CertificateDefect.REVOKED).certificate();
    assertThat(pki.crl().isRevoked(revoked)).isTrue();
    assertThat(pki.crl().isRevoked(pki.authority("FR-MOJ").signing().certificate())).isFalse();
    assertThat(pki.issueDefective("FR-MOJ", CertificateDefect.SHA1_SIGNED).certificate().getSigAlgOID()).isEqualTo("1.2.840.10045.4.1");
    assertThat(AlgorithmIdentifiers.describe(pki.issueDefective("FR-MOJ", CertificateDefect.RSA_2048).certificate().getPublicKey()).bits()).isEqualTo(2048);
    assertThat(AlgorithmIdentifiers.describe(pki.issueDefective("FR-MOJ", CertificateDefect.RSA_1024).certificate().getPublicKey()).bits()).isEqualTo(1024);
    assertThat(pki.issueDefective("FR-MOJ", CertificateDefect.CA_AS_SIGNER).certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    boolean[] ku = pki.issueDefective("FR-MOJ", CertificateDefect.WRONG_KEY_USAGE).certificate().getKeyUsage();
    assertThat(ku[0] || ku[1]).isFalse();
    assertThat(country(pki.issueDefective("FR-MOJ", CertificateDefect.WRONG_SUBJECT_COUNTRY).certificate())).isEqualTo("DE");
    assertThat(pki.issueDefective("FR-MOJ", CertificateDefect.UNKNOWN_CRITICAL_EXTENSION).certificate().getCriticalExtensionOIDs())
        .contains(TestPki.UNKNOWN_EXTENSION_OID);
    var pq = TestPki.builder(FR).algorithm(PkiAlgorithm.ML_DSA_65).clock(CLOCK).build();
    assertThatThrownBy(() -> pq.issueDefective("FR-MOJ", CertificateDefect.SHA1_SIGNED)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesTheTrustDirectoryLayoutAndPkcs12(@TempDir Path dir) throws Exception {
    var pki = TestPki.builder(FR).authority("FR-MOJ").authority("FR-GW", AuthorityRole.CARRY).clock(CLOCK).build();
    pki.writeTo(dir);
    pki.writeOcspResponsesTo(dir);
    for (String f : List.of("FR/anchors/root-ca.pem", "FR/intermediates/issuing-ca.pem", "FR/authorities/FR-MOJ-signing.pem",
        "FR/authorities/FR-MOJ-encryption.pem", "FR/authorities/FR-GW-tls.pem", "FR/crls/issuing-ca.crl", "FR/crls/root-ca.crl",
        "FR/authorities.json", "FR/ocsp/FR-MOJ-signing.ocsp", "tsa/FR-root-ca.pem")) {
      assertThat(dir.resolve(f)).as(f).isRegularFile();
    }
    assertThat(Files.readString(dir.resolve("FR/authorities.json"))).contains("\"FR:FR-GW\"").contains("\"carry\"");

    char[] password = "test-password".toCharArray();
    Path p12 = dir.resolve("fr-moj.p12");
    pki.writePkcs12("FR-MOJ", p12, password);
    var jdk = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(p12)) {
      jdk.load(in, password);
    }
    assertThat(java.util.Collections.list(jdk.aliases())).containsExactlyInAnyOrder("signing", "encryption", "tls");
    assertThat(jdk.getCertificateChain("signing")).hasSize(3);
    assertThat(jdk.getKey("signing", password)).isNotNull();
    assertThat(Arrays.equals(jdk.getKey("signing", password).getEncoded(), pki.authority("FR-MOJ").signing().keyPair().getPrivate().getEncoded())).isTrue();

    Path pem = dir.resolve("key.pem");
    pki.authority("FR-MOJ").signing().writePrivateKeyPem(pem);
    assertThat(Files.readString(pem)).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void pqPkcs12ReadsWithBouncyCastle(@TempDir Path dir) throws Exception {
    var pki = TestPki.builder(FR).algorithm(PkiAlgorithm.ML_DSA_65).clock(CLOCK).build();
    char[] password = "pw".toCharArray();
    Path p12 = dir.resolve("fr.p12");
    pki.writePkcs12("FR-MOJ", p12, password);
    var bc = KeyStore.getInstance("PKCS12", Providers.bouncyCastle());
    try (var in = Files.newInputStream(p12)) {
      bc.load(in, password);
    }
    assertThat(bc.getKey("signing", password).getAlgorithm()).contains("ML-DSA");
  }

  @Test
  void ocspResponderAnswersGoodAndRevoked() throws Exception {
    try (var responder = TestOcspResponder.start()) {
      var pki = TestPki.builder(FR).clock(CLOCK).ocspResponder(responder).build();
      var good = pki.authority("FR-MOJ").signing().certificate();
      var revoked = pki.issueDefective("FR-MOJ", CertificateDefect.REVOKED).certificate();
      assertThat(good.getExtensionValue(Extension.authorityInfoAccess.getId())).isNotNull();
      assertThat(ask(responder.uri(), pki.intermediate().certificate(), good).getResponses()[0].getCertStatus()).isNull();
      assertThat(ask(responder.uri(), pki.intermediate().certificate(), revoked).getResponses()[0].getCertStatus())
          .isInstanceOf(RevokedStatus.class);
      var crl = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(responder.uri() + "/crl/FR/issuing-ca.crl")).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(crl.statusCode()).isEqualTo(200);
      assertThat(responder.requestCount()).isEqualTo(2);
    }
  }

  private static BasicOCSPResp ask(URI base, X509Certificate issuer, X509Certificate cert) throws Exception {
    var id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
        new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
    byte[] req = new OCSPReqBuilder().addRequest(id).build().getEncoded();
    var response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + "/ocsp")).header("Content-Type", "application/ocsp-request")
            .POST(HttpRequest.BodyPublishers.ofByteArray(req)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    var ocsp = new OCSPResp(response.body());
    assertThat(ocsp.getStatus()).isEqualTo(0);
    return (BasicOCSPResp) ocsp.getResponseObject();
  }

  static String country(X509Certificate cert) {
    var rdns = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.C);
    return rdns.length == 0 ? null : rdns[0].getFirst().getValue().toString();
  }

  static String organizationIdentifier(X509Certificate cert) {
    var rdns = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.ORGANIZATION_IDENTIFIER);
    return rdns.length == 0 ? null : rdns[0].getFirst().getValue().toString();
  }

}
