package dev.mlat.crypto.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.testing.CertificateDefect;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.testing.TestTimestampAuthority;
import dev.mlat.crypto.timestamp.TimestampClient;
import dev.mlat.crypto.timestamp.TimestampVerifier;
import dev.mlat.crypto.timestamp.internal.SignatureTimestamps;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import dev.mlat.crypto.support.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CAdES B-T through the CMS engine: CmsSigner timestamps each signature through a TimestampClient,
 * CmsSignatureVerifier verifies the token and validates the signer at its genTime.
 */
class CmsTimestampedSignatureTest {
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  static final Instant SIGNED = NOW.minus(Duration.ofDays(10));
  static final Jurisdiction FR = Jurisdiction.of("FR");
  static final byte[] CONTENT = "{\"messageType\":\"Request\"}".getBytes(StandardCharsets.UTF_8);
  static final Clock AT_SIGNING = Clock.fixed(SIGNED, ZoneOffset.UTC);
  static final Clock AT_NOW = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir static Path folder;
  static TestPki pki;
  static TestCredential expiredSigner;
  static TrustVerifier trust;
  static TimestampVerifier timestampVerifier;
  static TestTimestampAuthority tsa;
  static TimestampClient client;

  @BeforeAll
  static void start() throws Exception {
    var clock = new SettableClock(NOW.minus(Duration.ofDays(40)));
    pki = TestPki.builder(FR).clock(clock).build();
    clock.instant = NOW;
    expiredSigner = pki.issueDefective("FR-MOJ", CertificateDefect.EXPIRED); // valid NOW-30d .. NOW-1d
    pki.writeTo(folder);
    trust = TrustVerifier.builder(TrustDirectory.load(folder)).clock(AT_NOW).build();
    timestampVerifier = TimestampVerifier.builder(trust).clock(AT_NOW).build();
    tsa = TestTimestampAuthority.start(pki);
    tsa.clock(AT_SIGNING);
    client = TimestampClient.builder(tsa.uri(), timestampVerifier).build();
  }

  @AfterAll
  static void stop() {
    tsa.close();
  }

  static CmsSigner.Builder signer(TestCredential credential) throws MlatCryptoException {
    return CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), AT_SIGNING)
        .signer(FR, KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain()), SignatureAlgorithm.ECDSA_SHA256);
  }

  static CmsSignatureVerifier verifier() {
    return new CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), trust.asSignerTrust(), AT_NOW, CmsLimits.defaults(),
        timestampVerifier);
  }

  static void assertCode(ThrowingCallable call, CryptoErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
  }

  static byte[] replaceSigner(byte[] signedData, java.util.function.Function<SignerInformation, SignerInformation> change)
      throws Exception {
    var parsed = new CMSSignedData(signedData);
    var signer = parsed.getSignerInfos().getSigners().iterator().next();
    return CMSSignedData.replaceSigners(parsed, new SignerInformationStore(change.apply(signer))).getEncoded();
  }

  @Test
  void aSignerExpiredSinceTheTimestampVerifiesAtGenTime() throws Exception {
    byte[] signed = signer(expiredSigner).timestamps(client).build().sign(CONTENT, Encapsulation.ENCAPSULATED);

    var verified = verifier().verify(signed, SignatureExpectation.oneSigner(FR));

    assertThat(verified.content()).isEqualTo(CONTENT);
    var signer = verified.signers().get(0);
    assertThat(signer.timestamp()).isPresent();
    assertThat(signer.timestamp().get().genTime()).isEqualTo(SIGNED);
    assertThat(signer.trust().validationTime()).isEqualTo(SIGNED);
  }

  @Test
  void aDetachedSignatureIsTimestampedToo() throws Exception {
    byte[] signed = signer(pki.authority("FR-MOJ").signing()).timestamps(client).build().sign(CONTENT, Encapsulation.DETACHED);
    var verified = verifier().verifyDetached(new java.io.ByteArrayInputStream(signed), new java.io.ByteArrayInputStream(CONTENT),
        SignatureExpectation.oneSigner(FR));
    assertThat(verified.signers().get(0).timestamp()).isPresent();
  }

  @Test
  void aTimestampedSealOpensAfterTheSignerExpired() throws Exception {
    var self = new dev.mlat.core.PartyId(FR, "FR-MOJ");
    var binding = new dev.mlat.crypto.seal.SealBinding(self, self, java.util.UUID.randomUUID());
    var encryption = pki.authority("FR-MOJ").encryption();
    var sealed = new dev.mlat.crypto.seal.Sealer(signer(expiredSigner).timestamps(client).build()).seal(binding, CONTENT,
        CmsEncryptor.builder(AlgorithmPolicy.defaultPolicy()).recipient(EncryptionRecipient.of(FR, encryption.certificate())).build());
    var ring = dev.mlat.crypto.keys.KeyRing.of(KeyIdentity.of(encryption.keyPair().getPrivate(), encryption.chain()));
    var opener = new dev.mlat.crypto.seal.Opener(self, new CmsDecryptor(AlgorithmPolicy.defaultPolicy(), ring, CmsLimits.defaults()),
        verifier());

    var opened = opener.open(sealed.bytes(), dev.mlat.crypto.seal.OpenExpectation.from(FR).withMessageId(binding.messageId()));

    assertThat(opened.payload()).isEqualTo(CONTENT);
    assertThat(opened.signers().get(0).timestamp().orElseThrow().genTime()).isEqualTo(SIGNED);
    assertThat(opened.signers().get(0).trust().validationTime()).isEqualTo(SIGNED);
  }

  @Test
  void withoutTheTokenTheExpiredSignerFails() throws Exception {
    byte[] signed = signer(expiredSigner).build().sign(CONTENT, Encapsulation.ENCAPSULATED);
    assertCode(() -> verifier().verify(signed, SignatureExpectation.oneSigner(FR)), CryptoErrorCode.CERTIFICATE_EXPIRED);
  }

  @Test
  void aTokenOfAnotherSignatureFails() throws Exception {
    byte[] other = signer(expiredSigner).timestamps(client).build().sign("other".getBytes(StandardCharsets.UTF_8), Encapsulation.ENCAPSULATED);
    byte[] token = SignatureTimestamps.tokens(new CMSSignedData(other).getSignerInfos().getSigners().iterator().next()).get(0);
    byte[] plain = signer(expiredSigner).build().sign(CONTENT, Encapsulation.ENCAPSULATED);
    byte[] grafted = replaceSigner(plain, s -> SignatureTimestamps.attach(s, token));
    assertCode(() -> verifier().verify(grafted, SignatureExpectation.oneSigner(FR)), CryptoErrorCode.TIMESTAMP_IMPRINT_MISMATCH);
  }

  @Test
  void anUnknownUnsignedAttributeBesideTheTokenFails() throws Exception {
    byte[] signed = signer(expiredSigner).timestamps(client).build().sign(CONTENT, Encapsulation.ENCAPSULATED);
    byte[] extended = replaceSigner(signed, s -> {
      ASN1EncodableVector attributes = s.getUnsignedAttributes().toASN1EncodableVector();
      attributes.add(new Attribute(new ASN1ObjectIdentifier("1.2.3.4"), new DERSet(DERNull.INSTANCE)));
      return SignerInformation.replaceUnsignedAttributes(s, new AttributeTable(attributes));
    });
    assertCode(() -> verifier().verify(extended, SignatureExpectation.oneSigner(FR)), CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE);
  }

  @Test
  void twoTokensFail() throws Exception {
    byte[] signed = signer(expiredSigner).timestamps(client).build().sign(CONTENT, Encapsulation.ENCAPSULATED);
    byte[] token = SignatureTimestamps.tokens(new CMSSignedData(signed).getSignerInfos().getSigners().iterator().next()).get(0);
    byte[] twice = replaceSigner(signed, s -> SignatureTimestamps.attach(s, token));
    assertCode(() -> verifier().verify(twice, SignatureExpectation.oneSigner(FR)), CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE);
  }

  @Test
  void aVerifierWithoutTimestampVerifierRefusesTheToken() throws Exception {
    byte[] signed = signer(pki.authority("FR-MOJ").signing()).timestamps(client).build().sign(CONTENT, Encapsulation.ENCAPSULATED);
    var plain = new CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), trust.asSignerTrust(), AT_NOW, CmsLimits.defaults());
    assertCode(() -> plain.verify(signed, SignatureExpectation.oneSigner(FR)), CryptoErrorCode.CMS_UNEXPECTED_ATTRIBUTE);
  }
}
