package dev.mlat.crypto.timestamp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.testing.CertificateDefect;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.testing.TestTimestampAuthority;
import dev.mlat.crypto.timestamp.TimestampClient;
import dev.mlat.crypto.timestamp.TimestampVerifier;
import dev.mlat.crypto.timestamp.VerifiedTimestamp;
import dev.mlat.crypto.trust.AuthorityRole;
import dev.mlat.crypto.trust.CertificatePurpose;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustReport;
import dev.mlat.crypto.trust.TrustVerifier;
import dev.mlat.crypto.trust.VerificationRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import dev.mlat.crypto.support.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CAdES B-T end to end with BouncyCastle's CMS directly (as the CMS engine will): sign, timestamp
 * the signature value through the client and the test TSA, attach the token as
 * id-aa-signatureTimeStampToken, read it back and verify it. And the reason for all this: a signer
 * certificate that has expired since verifies at the timestamp's time, never at its own
 * signing-time attribute.
 */
class SignatureTimestampsTest {
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  static final Instant SIGNED = NOW.minus(Duration.ofDays(10));
  static final Jurisdiction FR = Jurisdiction.of("FR");
  static final byte[] MESSAGE = "{\"type\":\"request\"}".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path folder;
  static TestPki pki;
  static TestCredential expiredSigner;
  static TrustVerifier trust;
  static TimestampVerifier verifier;
  static TestTimestampAuthority tsa;
  static TimestampClient client;

  @BeforeAll
  static void start() throws Exception {
    var clock = new SettableClock(NOW.minus(Duration.ofDays(40)));
    pki = TestPki.builder(FR).clock(clock).build();
    clock.instant = NOW;
    expiredSigner = pki.issueDefective("FR-MOJ", CertificateDefect.EXPIRED); // valid NOW-30d .. NOW-1d
    pki.writeTo(folder);
    Clock fixed = Clock.fixed(NOW, ZoneOffset.UTC);
    trust = TrustVerifier.builder(TrustDirectory.load(folder)).clock(fixed).build();
    verifier = TimestampVerifier.builder(trust).clock(fixed).build();
    tsa = TestTimestampAuthority.start(pki);
    tsa.clock(Clock.fixed(SIGNED, ZoneOffset.UTC));
    client = TimestampClient.builder(tsa.uri(), verifier).build();
  }

  @AfterAll
  static void stop() {
    tsa.close();
  }

  static CMSSignedData sign(TestCredential signer, Instant signingTime) throws Exception {
    var attributes = new ASN1EncodableVector();
    attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
    var digests = new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bouncyCastle()).build();
    var generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests)
        .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
        .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.bouncyCastle()).build(signer.keyPair().getPrivate()),
            signer.certificate()));
    generator.addCertificates(new JcaCertStore(signer.chain().subList(0, 2)));
    return generator.generate(new CMSProcessableByteArray(MESSAGE), true);
  }

  static SignerInformation only(CMSSignedData signed) {
    assertThat(signed.getSignerInfos().size()).isEqualTo(1);
    return signed.getSignerInfos().getSigners().iterator().next();
  }

  /** What the CMS engine does for B-T: timestamp the signature value, attach, re-encode. */
  static CMSSignedData timestamped(CMSSignedData signed) throws Exception {
    SignerInformation signer = only(signed);
    VerifiedTimestamp ts = client.timestamp(SignatureTimestamps.timestampedBytes(signer), FR);
    return new CMSSignedData(CMSSignedData.replaceSigners(signed,
        new SignerInformationStore(SignatureTimestamps.attach(signer, ts.token()))).getEncoded());
  }

  static VerificationRequest signerRequest(TestCredential signer) {
    return VerificationRequest.of(FR, CertificatePurpose.SIGNING, Set.of(AuthorityRole.SIGN), signer.certificate())
        .withIntermediates(signer.intermediates());
  }

  @Test
  void attachedTokenReadsBackAndVerifiesAndTheSignatureStillHolds() throws Exception {
    var signer = pki.authority("FR-MOJ").signing();
    CMSSignedData signed = timestamped(sign(signer, SIGNED));
    SignerInformation read = only(signed);
    assertThat(read.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.bouncyCastle()).build(signer.certificate())))
        .isTrue();
    assertThat(read.getUnsignedAttributes().get(new org.bouncycastle.asn1.ASN1ObjectIdentifier(SignatureTimestamps.ATTRIBUTE_OID)))
        .isNotNull();
    assertThat(SignatureTimestamps.tokens(read)).hasSize(1);
    Optional<VerifiedTimestamp> ts = SignatureTimestamps.verify(read, verifier, FR);
    assertThat(ts).isPresent();
    assertThat(ts.get().genTime()).isEqualTo(SIGNED);
    assertThat(verifier.verifySignatureTimestamp(SignatureTimestamps.tokens(read).get(0), read.getSignature(), FR).genTime())
        .isEqualTo(SIGNED);
  }

  @Test
  void anExpiredSignerVerifiesAtTheTimestampsTimeOnly() throws Exception {
    CMSSignedData signed = sign(expiredSigner, SIGNED);

    // without a timestamp: the signing-time attribute (SIGNED) is ignored; validation is now, and fails
    SignerInformation bare = only(signed);
    assertThat(bare.getSignedAttributes().get(CMSAttributes.signingTime)).isNotNull();
    Optional<VerifiedTimestamp> none = SignatureTimestamps.verify(bare, verifier, FR);
    assertThat(none).isEmpty();
    VerificationRequest atNow = none.map(t -> t.applyTo(signerRequest(expiredSigner))).orElse(signerRequest(expiredSigner));
    assertThat(code(() -> trust.verify(atNow))).isEqualTo(CryptoErrorCode.CERTIFICATE_EXPIRED);

    // with a trusted timestamp of its signature: validation at genTime, and it passes
    SignerInformation stamped = only(timestamped(signed));
    VerifiedTimestamp ts = SignatureTimestamps.verify(stamped, verifier, FR).orElseThrow();
    TrustReport report = trust.verify(ts.applyTo(signerRequest(expiredSigner)));
    assertThat(report.validationTime()).isEqualTo(SIGNED);
    assertThat(report.authority()).isPresent();
  }

  @Test
  void aTokenOverAnotherSignatureIsRefusedNotIgnored() throws Exception {
    SignerInformation other = only(timestamped(sign(pki.authority("FR-MOJ").signing(), SIGNED)));
    SignerInformation mine = only(sign(expiredSigner, SIGNED));
    SignerInformation grafted = SignatureTimestamps.attach(mine, SignatureTimestamps.tokens(other).get(0));
    assertThat(code(() -> SignatureTimestamps.verify(grafted, verifier, FR))).isEqualTo(CryptoErrorCode.TIMESTAMP_IMPRINT_MISMATCH);
  }

  @Test
  void everyTokenMustVerifyAndTheEarliestCounts() throws Exception {
    SignerInformation once = only(timestamped(sign(pki.authority("FR-MOJ").signing(), SIGNED)));
    tsa.clock(Clock.fixed(SIGNED.plus(Duration.ofDays(1)), ZoneOffset.UTC));
    try {
      var later = client.timestamp(once.getSignature(), FR);
      SignerInformation twice = SignatureTimestamps.attach(once, later.token());
      assertThat(SignatureTimestamps.tokens(twice)).hasSize(2);
      assertThat(SignatureTimestamps.verify(twice, verifier, FR).orElseThrow().genTime()).isEqualTo(SIGNED);
      // a ContentInfo that is not a SignedData: one bad token fails the whole signature
      byte[] notAToken = new ContentInfo(CMSObjectIdentifiers.data, new DEROctetString(new byte[] {1})).getEncoded();
      SignerInformation withGarbage = SignatureTimestamps.attach(once, notAToken);
      assertThat(code(() -> SignatureTimestamps.verify(withGarbage, verifier, FR))).isEqualTo(CryptoErrorCode.TIMESTAMP_TOKEN_MALFORMED);
    } finally {
      tsa.clock(Clock.fixed(SIGNED, ZoneOffset.UTC));
    }
  }

  interface Call {
    void run() throws MlatCryptoException;
  }

  static CryptoErrorCode code(Call call) {
    try {
      call.run();
    } catch (MlatCryptoException e) {
      return e.errorCode();
    }
    throw new AssertionError("expected a failure");
  }
}
