package dev.mlat.crypto.cms;

import static dev.mlat.crypto.cms.CmsSignerTest.CLOCK;
import static dev.mlat.crypto.cms.CmsSignerTest.POLICY;
import static dev.mlat.crypto.cms.CmsSignerTest.signer;
import static dev.mlat.crypto.cms.CmsSignerTest.verifier;
import static dev.mlat.crypto.cms.Pkis.DE;
import static dev.mlat.crypto.cms.Pkis.FR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.internal.Providers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmsSignatureVerifierTest {
  private static final byte[] CONTENT = "request for mutual legal assistance, case 2026/17".getBytes(StandardCharsets.UTF_8);

  interface Call {
    void run() throws Exception;
  }

  private static void assertCode(Call call, CryptoErrorCode code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
  }

  private static byte[] signedEc() throws Exception {
    return signer(SignatureAlgorithm.ECDSA_SHA256).sign(CONTENT, Encapsulation.ENCAPSULATED);
  }

  @Test
  void tamperedContentAttributesSignatureOrCertificateAreRejectedWithSpecificCodes() throws Exception {
    byte[] signed = signedEc();
    var info = new CMSSignedData(signed).getSignerInfos().getSigners().iterator().next();
    var expectation = SignatureExpectation.oneSigner(DE);

    // content
    byte[] content = Bytes.flip(signed, Bytes.indexOf(signed, CONTENT) + 5);
    assertCode(() -> verifier().verify(content, expectation), CryptoErrorCode.CMS_SIGNATURE_INVALID);
    // signed attributes: a digit of signing-time
    var format = new SimpleDateFormat("yyMMddHHmmss");
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    byte[] time = format.format(Date.from(CLOCK.instant())).getBytes(StandardCharsets.US_ASCII);
    byte[] attributes = Bytes.flip(signed, Bytes.indexOf(signed, time) + 11);
    assertCode(() -> verifier().verify(attributes, expectation), CryptoErrorCode.CMS_SIGNATURE_INVALID);
    // signature value
    byte[] signature = Bytes.flip(signed, Bytes.indexOf(signed, info.getSignature()) + 20);
    assertCode(() -> verifier().verify(signature, expectation), CryptoErrorCode.CMS_SIGNATURE_INVALID);
    // the signer certificate's own signature: same issuer and serial, other bytes -> signing-certificate-v2 catches it
    var cert = Signers.credential(SignatureAlgorithm.ECDSA_SHA256).certificate();
    byte[] certificate = Bytes.flip(signed, Bytes.indexOf(signed, cert.getSignature()) + 10);
    assertCode(() -> verifier().verify(certificate, expectation), CryptoErrorCode.CMS_SIGNING_CERTIFICATE_MISMATCH);
  }

  @Test
  void aSignerSeenBeforeIsVerifiedAgainEveryTime() throws Exception {
    // The signer's certificate is parsed once (internal.ParsedCertificates) and its key object
    // reused: every signature is still checked, before and after a failure.
    byte[] signed = signedEc();
    var info = new CMSSignedData(signed).getSignerInfos().getSigners().iterator().next();
    var expectation = SignatureExpectation.oneSigner(DE);
    var cert = Signers.credential(SignatureAlgorithm.ECDSA_SHA256).certificate();
    for (int i = 0; i < 3; i++) {
      assertThat(verifier().verify(signed, expectation).signers().get(0).certificate()).isEqualTo(cert);
    }
    byte[] signature = Bytes.flip(signed, Bytes.indexOf(signed, info.getSignature()) + 20);
    assertCode(() -> verifier().verify(signature, expectation), CryptoErrorCode.CMS_SIGNATURE_INVALID);
    byte[] content = Bytes.flip(signed, Bytes.indexOf(signed, CONTENT) + 5);
    assertCode(() -> verifier().verify(content, expectation), CryptoErrorCode.CMS_SIGNATURE_INVALID);
    assertThat(verifier().verify(signed, expectation).content()).isEqualTo(CONTENT);
    byte[] other = signer(SignatureAlgorithm.ECDSA_SHA256).sign(CONTENT, Encapsulation.ENCAPSULATED);
    assertThat(other).isNotEqualTo(signed);
    assertThat(verifier().verify(other, expectation).signers().get(0).certificate()).isEqualTo(cert);
  }

  /**
   * A SignedData whose certificates SET holds SEQUENCEs nested {@code depth} deep: refused on the
   * nesting limit, never a StackOverflowError, whether held in memory (read by the ASN.1 classes
   * first) or streamed, with definite or indefinite lengths.
   */
  @Test
  void deeplyNestedSignedDataIsRefusedInMemoryAndStreamed() {
    for (boolean definite : new boolean[] {true, false}) {
      byte[] nested = nestedSignedData(5_000, definite, true);
      byte[] detached = nestedSignedData(5_000, definite, false);
      var expectation = SignatureExpectation.oneSigner(DE);
      assertCode(() -> verifier().verify(nested, expectation), CryptoErrorCode.CMS_LIMIT_EXCEEDED);
      assertCode(() -> verifier().verify(new ByteArrayInputStream(nested), expectation, Files.createTempFile("nested", ".out")),
          CryptoErrorCode.CMS_LIMIT_EXCEEDED);
      assertCode(() -> verifier().verifyDetached(new ByteArrayInputStream(detached), new ByteArrayInputStream(CONTENT), expectation),
          CryptoErrorCode.CMS_LIMIT_EXCEEDED);
    }
  }

  /**
   * ContentInfo { signedData, [0] { SignedData { version 1, digestAlgorithms { sha256 }, eContentInfo
   * { data [, [0] OCTET STRING] }, [0] { SEQUENCE^depth }, signerInfos {} } } }
   */
  private static byte[] nestedSignedData(int depth, boolean definite, boolean encapsulated) {
    byte[] inner = new byte[0];
    for (int i = 0; i < depth; i++) {
      inner = definite ? tlv(0x30, inner) : indefinite(0x30, inner);
    }
    byte[] certificates = definite ? tlv(0xa0, inner) : indefinite(0xa0, inner);
    byte[] version = {0x02, 0x01, 0x01};
    byte[] digestAlgorithms = tlv(0x31, tlv(0x30, new byte[] {0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01}));
    byte[] dataOid = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x01};
    byte[] eContentInfo = tlv(0x30, encapsulated ? concat(dataOid, tlv(0xa0, tlv(0x04, CONTENT))) : dataOid);
    byte[] signedData = tlv(0x30, concat(version, digestAlgorithms, eContentInfo, certificates, new byte[] {0x31, 0x00}));
    byte[] oid = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x02};
    return tlv(0x30, concat(oid, tlv(0xa0, signedData)));
  }

  private static byte[] indefinite(int tag, byte[] content) {
    return concat(new byte[] {(byte) tag, (byte) 0x80}, content, new byte[] {0, 0});
  }

  private static byte[] tlv(int tag, byte[] content) {
    var out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(n >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void requiresExactlyTheExpectedSigners() throws Exception {
    // two signers where one is expected
    byte[] two = signer(SignatureAlgorithm.ECDSA_SHA256, SignatureAlgorithm.ML_DSA_65).sign(CONTENT, Encapsulation.ENCAPSULATED);
    assertCode(() -> verifier().verify(two, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_SIGNER_COUNT);
    // zero signers
    var gen = new CMSSignedDataGenerator();
    byte[] zero = gen.generate(new CMSProcessableByteArray(CONTENT), true).getEncoded();
    assertCode(() -> verifier().verify(zero, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_SIGNER_COUNT);
  }

  @Test
  void aHybridSignatureNeedsBothPartsAndStrippingEitherIsRejected() throws Exception {
    byte[] hybrid = signer(SignatureAlgorithm.ECDSA_SHA256, SignatureAlgorithm.ML_DSA_65).sign(CONTENT, Encapsulation.ENCAPSULATED);
    var verified = verifier().verify(hybrid, SignatureExpectation.hybrid(DE));
    assertThat(verified.signers()).extracting(VerifiedSigner::algorithm)
        .containsExactly(SignatureAlgorithm.ECDSA_SHA256, SignatureAlgorithm.ML_DSA_65);

    var cms = new CMSSignedData(hybrid);
    for (SignerInformation keep : cms.getSignerInfos().getSigners()) {
      byte[] stripped = CMSSignedData.replaceSigners(cms, new SignerInformationStore(keep)).getEncoded();
      assertCode(() -> verifier().verify(stripped, SignatureExpectation.hybrid(DE)), CryptoErrorCode.CMS_SIGNER_COUNT);
    }
    byte[] composite = signer(SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512).sign(CONTENT, Encapsulation.ENCAPSULATED);
    assertThat(verifier().verify(composite, SignatureExpectation.hybrid(DE)).signers()).hasSize(1);
    byte[] twoClassical = signer(SignatureAlgorithm.ECDSA_SHA256, SignatureAlgorithm.ED25519).sign(CONTENT, Encapsulation.ENCAPSULATED);
    assertCode(() -> verifier().verify(twoClassical, SignatureExpectation.hybrid(DE)), CryptoErrorCode.CMS_SIGNER_COUNT);
  }

  @Test
  void theTwoHalvesOfAHybridSignatureMustComeFromOneAuthority() throws Exception {
    var moj = Signers.pki().authority("DE-MOJ").signing();   // organizationIdentifier DE:DE-MOJ
    var bkaMlDsa = Signers.issue(java.security.KeyPairGenerator.getInstance("ML-DSA-65", Providers.bouncyCastle()).generateKeyPair(),
        org.bouncycastle.asn1.x509.KeyUsage.digitalSignature,
        new org.bouncycastle.asn1.x500.X500Name("C=DE,O=DE-BKA,2.5.4.97=DE:DE-BKA,CN=DE-BKA signing ML-DSA"));
    var mojMlDsa = Signers.issue(java.security.KeyPairGenerator.getInstance("ML-DSA-65", Providers.bouncyCastle()).generateKeyPair(),
        org.bouncycastle.asn1.x509.KeyUsage.digitalSignature,
        new org.bouncycastle.asn1.x500.X500Name("C=DE,O=DE-MOJ,2.5.4.97=DE:DE-MOJ,CN=DE-MOJ signing ML-DSA"));
    byte[] mixed = CmsSigner.builder(POLICY, CLOCK)
        .signer(DE, Pkis.identity(moj), SignatureAlgorithm.ECDSA_SHA256)
        .signer(DE, Pkis.identity(bkaMlDsa), SignatureAlgorithm.ML_DSA_65)
        .build().sign(CONTENT, Encapsulation.ENCAPSULATED);
    assertCode(() -> verifier().verify(mixed, SignatureExpectation.hybrid(DE)), CryptoErrorCode.CMS_SIGNER_COUNT);
    byte[] same = CmsSigner.builder(POLICY, CLOCK)
        .signer(DE, Pkis.identity(moj), SignatureAlgorithm.ECDSA_SHA256)
        .signer(DE, Pkis.identity(mojMlDsa), SignatureAlgorithm.ML_DSA_65)
        .build().sign(CONTENT, Encapsulation.ENCAPSULATED);
    assertThat(verifier().verify(same, SignatureExpectation.hybrid(DE)).signers()).hasSize(2);
  }

  @Test
  void refusesAttributesOutsideTheProfile() throws Exception {
    // BouncyCastle's default signed attributes add CMS algorithm protection and no signing-certificate-v2.
    var credential = Signers.credential(SignatureAlgorithm.ECDSA_SHA256);
    var gen = new CMSSignedDataGenerator();
    gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.bouncyCastle()).build(credential.keyPair().getPrivate()),
            credential.certificate()));
    gen.addCertificates(new JcaCertStore(List.of(credential.certificate(), Signers.pki().intermediate().certificate())));
    byte[] signed = gen.generate(new CMSProcessableByteArray(CONTENT), true).getEncoded();
    assertCode(() -> verifier().verify(signed, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE);
  }

  @Test
  void checksTheContentTypeAgainstTheExpectation() throws Exception {
    var other = new CmsContentType("1.3.6.1.4.1.55555.2.1");
    byte[] signed = CmsSigner.builder(POLICY, CLOCK).signer(DE, Signers.identity(SignatureAlgorithm.ECDSA_SHA256), SignatureAlgorithm.ECDSA_SHA256)
        .contentType(other).build().sign(CONTENT, Encapsulation.ENCAPSULATED);
    assertCode(() -> verifier().verify(signed, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_CONTENT_TYPE_MISMATCH);
    var expectation = new SignatureExpectation(DE, other, SignerRequirement.ONE_SIGNER);
    assertThat(verifier().verify(signed, expectation).content()).isEqualTo(CONTENT);
  }

  @Test
  void theSignerTrustDecidesTheJurisdiction() throws Exception {
    byte[] signed = signedEc();
    assertCode(() -> verifier().verify(signed, SignatureExpectation.oneSigner(FR)), CryptoErrorCode.CERTIFICATE_WRONG_JURISDICTION);
  }

  @Test
  void aMissingSignerCertificateIsNamed() throws Exception {
    var cms = new CMSSignedData(signedEc());
    var onlyIntermediate = new JcaCertStore(List.of(Signers.pki().intermediate().certificate()));
    byte[] without = CMSSignedData.replaceCertificatesAndCRLs(cms, onlyIntermediate, null, null).getEncoded();
    assertCode(() -> verifier().verify(without, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_SIGNER_CERTIFICATE_MISSING);
  }

  @Test
  void aDetachedSignatureOverOtherContentFails() throws Exception {
    byte[] signature = signer(SignatureAlgorithm.ML_DSA_65).sign(CONTENT, Encapsulation.DETACHED);
    byte[] other = CONTENT.clone();
    other[0] ^= 1;
    assertCode(() -> verifier().verifyDetached(new ByteArrayInputStream(signature), new ByteArrayInputStream(other),
        SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_SIGNATURE_INVALID);
    assertCode(() -> verifier().verify(signature, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_MALFORMED);
  }

  @Test
  void anEncapsulatedSignatureIsNotAcceptedAsADetachedOne() throws Exception {
    byte[] signed = signedEc();
    assertCode(() -> verifier().verifyDetached(new ByteArrayInputStream(signed), new ByteArrayInputStream(CONTENT),
        SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_MALFORMED);
  }

  @Test
  void aStreamedVerificationReleasesTheFileOnlyWhenEverythingPassed(@TempDir Path dir) throws Exception {
    byte[] big = CmsEncryptorTest.random(2 * 1024 * 1024);
    var out = new ByteArrayOutputStream();
    signer(SignatureAlgorithm.ECDSA_SHA384).sign(new ByteArrayInputStream(big), out, Encapsulation.ENCAPSULATED);
    Path target = dir.resolve("content.bin");
    var result = verifier().verify(new ByteArrayInputStream(out.toByteArray()), SignatureExpectation.oneSigner(DE), target);
    assertThat(result.contentLength()).isEqualTo(big.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(big);

    Files.delete(target);
    byte[] tampered = Bytes.flip(out.toByteArray(), out.size() / 2);
    assertThatThrownBy(() -> verifier().verify(new ByteArrayInputStream(tampered), SignatureExpectation.oneSigner(DE), target))
        .isInstanceOf(MlatCryptoException.class);
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void limitsHold() throws Exception {
    byte[] signed = signedEc();
    byte[] two = signer(SignatureAlgorithm.ECDSA_SHA256, SignatureAlgorithm.ML_DSA_65).sign(CONTENT, Encapsulation.ENCAPSULATED);
    var trust = Signers.trust();
    assertCode(() -> new CmsSignatureVerifier(POLICY, trust, CLOCK, CmsLimits.defaults().withMaxMessageBytes(100))
        .verify(signed, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_LIMIT_EXCEEDED);
    assertCode(() -> new CmsSignatureVerifier(POLICY, trust, CLOCK, CmsLimits.defaults().withMaxContentBytes(CONTENT.length - 1))
        .verify(signed, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_LIMIT_EXCEEDED);
    assertCode(() -> new CmsSignatureVerifier(POLICY, trust, CLOCK, CmsLimits.defaults().withMaxCertificates(1))
        .verify(signed, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_LIMIT_EXCEEDED);
    assertCode(() -> new CmsSignatureVerifier(POLICY, trust, CLOCK, CmsLimits.defaults().withMaxSignerInfos(1))
        .verify(two, SignatureExpectation.hybrid(DE)), CryptoErrorCode.CMS_LIMIT_EXCEEDED);
  }

  @Test
  void refusesGarbageAndOtherCmsTypes() throws Exception {
    assertCode(() -> verifier().verify(new byte[] {0x30, 0x01, 0x00}, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_MALFORMED);
    byte[] sealed = CmsEncryptor.builder(POLICY)
        .recipient(EncryptionRecipient.of(DE, Pkis.encryption(dev.mlat.crypto.testing.PkiAlgorithm.ECDSA_P256).certificate()))
        .build().encrypt(CONTENT);
    assertCode(() -> verifier().verify(sealed, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_MALFORMED);
    byte[] truncated = java.util.Arrays.copyOf(signedEc(), 200);
    assertCode(() -> verifier().verify(truncated, SignatureExpectation.oneSigner(DE)), CryptoErrorCode.CMS_MALFORMED);
  }


  @Test
  void aSigningTimeOutsideTheSignersCertificateIsRefusedWithTheCertificatesDates() throws Exception {
    var a = SignatureAlgorithm.ECDSA_SHA256;
    var cert = Signers.credential(a).certificate();
    java.time.Instant notAfter = cert.getNotAfter().toInstant();
    java.time.Instant notBefore = cert.getNotBefore().toInstant();
    var late = java.time.Clock.fixed(notAfter.plusSeconds(1), java.time.ZoneOffset.UTC);
    byte[] afterExpiry = CmsSigner.builder(POLICY, late).signer(DE, Signers.identity(a), a).build().sign(CONTENT, Encapsulation.ENCAPSULATED);
    assertThatThrownBy(() -> verifier().verify(afterExpiry, SignatureExpectation.oneSigner(DE)))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_EXPIRED);
          assertThat(e.getMessage()).contains("expired at " + notAfter + ", before the signing time " + notAfter.plusSeconds(1));
        });
    var early = java.time.Clock.fixed(notBefore.minusSeconds(1), java.time.ZoneOffset.UTC);
    byte[] beforeValidity = CmsSigner.builder(POLICY, early).signer(DE, Signers.identity(a), a).build().sign(CONTENT, Encapsulation.ENCAPSULATED);
    assertThatThrownBy(() -> verifier().verify(beforeValidity, SignatureExpectation.oneSigner(DE)))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_NOT_YET_VALID);
          assertThat(e.getMessage()).contains("is valid from " + notBefore + ", after the signing time " + notBefore.minusSeconds(1));
        });
    // at the edges themselves the signing time is inside the validity
    for (java.time.Instant edge : new java.time.Instant[] {notBefore, notAfter}) {
      var at = java.time.Clock.fixed(edge, java.time.ZoneOffset.UTC);
      byte[] signed = CmsSigner.builder(POLICY, at).signer(DE, Signers.identity(a), a).build().sign(CONTENT, Encapsulation.ENCAPSULATED);
      try {
        verifier().verify(signed, SignatureExpectation.oneSigner(DE));
      } catch (MlatCryptoException e) {
        assertThat(e.errorCode()).as(edge.toString()).isNotIn(CryptoErrorCode.CERTIFICATE_EXPIRED, CryptoErrorCode.CERTIFICATE_NOT_YET_VALID);
      }
    }
  }

  @Test
  void ecdsaSignatureObjectsAreReusedPerThreadAndEveryVerificationStillCounts() throws Exception {
    byte[] signed = signedEc();
    var verifier = verifier();
    var expectation = SignatureExpectation.oneSigner(DE);
    var info = new CMSSignedData(signed).getSignerInfos().getSigners().iterator().next();
    byte[] forged = Bytes.flip(signed, Bytes.indexOf(signed, info.getSignature()) + 20);
    for (int i = 0; i < 5; i++) {
      assertThat(verifier.verify(signed, expectation).content()).isEqualTo(CONTENT);
      assertThat(CmsSignatureVerifier.Verifiers.holds(SignatureAlgorithm.ECDSA_SHA256)).isTrue();
      assertCode(() -> verifier.verify(forged, expectation), CryptoErrorCode.CMS_SIGNATURE_INVALID);
    }
    // another thread gets its own objects, and its verifications give the same answers
    var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
      for (int t = 0; t < 6; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 5; i++) {
            verifier.verify(signed, expectation);
            try {
              verifier.verify(forged, expectation);
              return "a forged signature verified";
            } catch (MlatCryptoException e) {
              if (e.errorCode() != CryptoErrorCode.CMS_SIGNATURE_INVALID) {
                return e.errorCode().toString();
              }
            }
          }
          return "ok";
        }));
      }
      for (var f : futures) {
        assertThat(f.get()).isEqualTo("ok");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theEncapsulationCheckReadsBerAndDerAsBouncyCastlesParserDoes() throws Exception {
    var signer = signer(SignatureAlgorithm.ECDSA_SHA256);
    byte[] encapsulatedBer = signer.sign(CONTENT, Encapsulation.ENCAPSULATED);
    byte[] detachedBer = signer.sign(CONTENT, Encapsulation.DETACHED);
    byte[] encapsulatedDer = new CMSSignedData(encapsulatedBer).getEncoded("DER");
    byte[] detachedDer = new CMSSignedData(new CMSProcessableByteArray(CONTENT), detachedBer).getEncoded("DER");
    for (byte[] b : new byte[][] {encapsulatedBer, detachedBer, encapsulatedDer, detachedDer}) {
      boolean bouncyCastle = new org.bouncycastle.cms.CMSSignedDataParser(
          new JcaDigestCalculatorProviderBuilder().build(), b).getSignedContent() != null;
      assertThat(CmsSignatureVerifier.encapsulatesContent(b)).isEqualTo(bouncyCastle);
    }
    assertThat(CmsSignatureVerifier.encapsulatesContent(encapsulatedBer)).isTrue();
    assertThat(CmsSignatureVerifier.encapsulatesContent(encapsulatedDer)).isTrue();
    assertThat(CmsSignatureVerifier.encapsulatesContent(detachedBer)).isFalse();
    assertThat(CmsSignatureVerifier.encapsulatesContent(detachedDer)).isFalse();
    // unreadable input is "no"; the verification itself then reports it
    assertThat(CmsSignatureVerifier.encapsulatesContent(new byte[0])).isFalse();
    assertThat(CmsSignatureVerifier.encapsulatesContent(new byte[] {0x30, 0x03, 0x02, 0x01})).isFalse();
    assertThat(CmsSignatureVerifier.encapsulatesContent(java.util.Arrays.copyOf(encapsulatedDer, 40))).isFalse();
    assertThat(CmsSignatureVerifier.encapsulatesContent("not CMS at all".getBytes(StandardCharsets.US_ASCII))).isFalse();
  }
}
