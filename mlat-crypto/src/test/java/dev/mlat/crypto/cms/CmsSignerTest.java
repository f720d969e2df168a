package dev.mlat.crypto.cms;

import static dev.mlat.crypto.cms.Pkis.DE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CmsSignerTest {
  static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();
  static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);

  static CmsSigner signer(SignatureAlgorithm... algorithms) throws MlatCryptoException {
    var b = CmsSigner.builder(POLICY, CLOCK);
    for (var a : algorithms) {
      b.signer(DE, Signers.identity(a), a);
    }
    return b.build();
  }

  static CmsSignatureVerifier verifier() {
    return new CmsSignatureVerifier(POLICY, Signers.trust(), CLOCK, CmsLimits.defaults());
  }

  static Stream<Arguments> matrix() {
    var out = new ArrayList<Arguments>();
    for (var a : Signers.PROFILE) {
      for (var e : Encapsulation.values()) {
        out.add(Arguments.of(a, e));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void signsAndVerifiesEveryProfileAlgorithmEncapsulatedAndDetached(SignatureAlgorithm algorithm, Encapsulation encapsulation)
      throws Exception {
    byte[] content = CmsEncryptorTest.random(1000);
    byte[] signed = signer(algorithm).sign(content, encapsulation);
    VerifiedSignature result;
    if (encapsulation == Encapsulation.ENCAPSULATED) {
      var verified = verifier().verify(signed, SignatureExpectation.oneSigner(DE));
      assertThat(verified.content()).isEqualTo(content);
      result = new VerifiedSignature(content.length, verified.signers());
    } else {
      result = verifier().verifyDetached(new ByteArrayInputStream(signed), new ByteArrayInputStream(content), SignatureExpectation.oneSigner(DE));
    }
    assertThat(result.signers()).singleElement().satisfies(s -> {
      assertThat(s.algorithm()).isEqualTo(algorithm);
      assertThat(s.certificate()).isEqualTo(Signers.credential(algorithm).certificate());
      assertThat(s.claimedSigningTime()).isEqualTo(CLOCK.instant());
    });
  }

  @ParameterizedTest
  @MethodSource("ecdsa")
  void oneSignerSignsManyTimesWithItsCachedEcKeyAndEverySignatureVerifies(SignatureAlgorithm algorithm) throws Exception {
    CmsSigner signer = signer(algorithm);
    var values = new java.util.HashSet<String>();
    for (int i = 0; i < 4; i++) {
      byte[] content = CmsEncryptorTest.random(100 + i);
      byte[] signed = signer.sign(content, Encapsulation.ENCAPSULATED);
      var verified = verifier().verify(signed, SignatureExpectation.oneSigner(DE));
      assertThat(verified.content()).isEqualTo(content);
      assertThat(verified.signers()).singleElement().satisfies(s -> assertThat(s.algorithm()).isEqualTo(algorithm));
      var info = new CMSSignedData(signed).getSignerInfos().getSigners().iterator().next();
      values.add(java.util.HexFormat.of().formatHex(info.getSignature()));
    }
    assertThat(values).as("ECDSA with a fresh random k every time").hasSize(4);
  }

  static Stream<SignatureAlgorithm> ecdsa() {
    return Signers.PROFILE.stream().filter(a -> a.keyFamily() == dev.mlat.crypto.KeyFamily.EC);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void roundTripsContentOfEverySize(int size) throws Exception {
    byte[] content = CmsEncryptorTest.random(size);
    byte[] signed = signer(SignatureAlgorithm.ECDSA_SHA256).sign(content, Encapsulation.ENCAPSULATED);
    assertThat(verifier().verify(signed, SignatureExpectation.oneSigner(DE)).content()).isEqualTo(content);
  }

  static Stream<Integer> sizes() {
    return Stream.of(0, 1, 65535, 65536, 65537, 3 * 1024 * 1024);
  }

  @Test
  void carriesExactlyTheProfileAttributesAndTheChainWithoutTheAnchor() throws Exception {
    byte[] signed = signer(SignatureAlgorithm.ECDSA_SHA256).sign(new byte[] {1}, Encapsulation.ENCAPSULATED);
    var cms = new CMSSignedData(signed);
    var signerInfo = cms.getSignerInfos().getSigners().iterator().next();
    var v = signerInfo.getSignedAttributes().toASN1EncodableVector();
    Set<String> types = new java.util.HashSet<>();
    for (int i = 0; i < v.size(); i++) {
      types.add(Attribute.getInstance(v.get(i)).getAttrType().getId());
    }
    assertThat(types).containsExactlyInAnyOrder(
        "1.2.840.113549.1.9.3", "1.2.840.113549.1.9.4", "1.2.840.113549.1.9.5", "1.2.840.113549.1.9.16.2.47");
    assertThat(signerInfo.getUnsignedAttributes()).isNull();
    var subjects = cms.getCertificates().getMatches(null).stream()
        .map(h -> ((org.bouncycastle.cert.X509CertificateHolder) h).getSubject().toString()).collect(Collectors.toSet());
    assertThat(subjects).hasSize(2).noneMatch(s -> s.contains("root CA"));
  }

  @Test
  void refusesSignersThePolicyOrKeyUsageRefuses() throws Exception {
    var pqOnly = CmsSigner.builder(AlgorithmPolicy.postQuantumPolicy(), CLOCK);
    assertThatThrownBy(() -> pqOnly.signer(DE, Signers.identity(SignatureAlgorithm.ECDSA_SHA256), SignatureAlgorithm.ECDSA_SHA256))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.ALGORITHM_REFUSED));
    var mismatch = CmsSigner.builder(POLICY, CLOCK);
    assertThatThrownBy(() -> mismatch.signer(DE, Signers.identity(SignatureAlgorithm.ECDSA_SHA256), SignatureAlgorithm.ML_DSA_65))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.KEY_REFUSED));
    var encryptionCert = Pkis.identity(Pkis.encryption(dev.mlat.crypto.testing.PkiAlgorithm.ECDSA_P256));
    assertThatThrownBy(() -> CmsSigner.builder(POLICY, CLOCK).signer(DE, encryptionCert, SignatureAlgorithm.ECDSA_SHA256))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(CryptoErrorCode.CERTIFICATE_KEY_USAGE));
    assertThatThrownBy(() -> CmsSigner.builder(POLICY, CLOCK).build()).isInstanceOf(IllegalStateException.class);
  }
}
