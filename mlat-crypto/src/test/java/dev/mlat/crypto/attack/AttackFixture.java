package dev.mlat.crypto.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsDecryptor;
import dev.mlat.crypto.cms.CmsEncryptor;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.EncryptionRecipient;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.internal.SignedAttributes;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.seal.Opener;
import dev.mlat.crypto.seal.SealBinding;
import dev.mlat.crypto.seal.Sealer;
import dev.mlat.crypto.testing.CertificateDefect;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import dev.mlat.crypto.trust.AuthorityRole;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The attack suite's world, generated once per JVM: the genuine parties with a real trust
 * directory (FR: FR-MOJ, FR-PG, the relay FR-CA and the carrier FR-GW; DE, IT with ECDSA; NL with
 * ML-DSA-65 / ML-KEM-768; AT with RSA-3072), certificates of FR-MOJ with every defect of
 * {@link CertificateDefect} (issued before the directory is written, so the revoked one is on the
 * stored CRL), and a forged FR PKI whose anchor is registered nowhere. Plus the attacker's tools:
 * a signer that skips every check of {@link CmsSigner} and signs whatever it is given.
 */
final class AttackFixture {
  static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
  static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();
  static final byte[] PAYLOAD = "{\"messageType\":\"Request\"}".getBytes(StandardCharsets.UTF_8);

  static final TestPki FR = TestPki.builder(Jurisdiction.of("FR"))
      .authority("FR-MOJ").authority("FR-PG")
      .authority("FR-CA", AuthorityRole.SIGN, AuthorityRole.RECEIVE, AuthorityRole.RELAY)
      .authority("FR-GW", AuthorityRole.CARRY)
      .clock(CLOCK).build();
  static final TestPki DE = TestPki.builder(Jurisdiction.of("DE")).authority("DE-BMJ").clock(CLOCK).build();
  static final TestPki IT = TestPki.builder(Jurisdiction.of("IT")).authority("IT-MOJ").clock(CLOCK).build();
  static final TestPki NL = TestPki.builder(Jurisdiction.of("NL")).algorithm(PkiAlgorithm.ML_DSA_65).authority("NL-MOJ")
      .clock(CLOCK).build();
  static final TestPki AT = TestPki.builder(Jurisdiction.of("AT")).algorithm(PkiAlgorithm.RSA_3072).authority("AT-BMJ")
      .clock(CLOCK).build();
  /** A PKI that calls itself French, with an FR-MOJ: its anchor is registered nowhere. */
  static final TestPki FORGED_FR = TestPki.builder(Jurisdiction.of("FR")).authority("FR-MOJ").clock(CLOCK).build();
  /** FR-MOJ's ML-DSA-65 half of a two-SignerInfo hybrid signature (its PKI is not registered: the count fails first). */
  static final TestPki FR_POST_QUANTUM = TestPki.builder(Jurisdiction.of("FR")).algorithm(PkiAlgorithm.ML_DSA_65)
      .authority("FR-MOJ").clock(CLOCK).build();

  static final TestCredential EXPIRED = FR.issueDefective("FR-MOJ", CertificateDefect.EXPIRED);
  static final TestCredential NOT_YET_VALID = FR.issueDefective("FR-MOJ", CertificateDefect.NOT_YET_VALID);
  static final TestCredential REVOKED = FR.issueDefective("FR-MOJ", CertificateDefect.REVOKED);
  static final TestCredential WRONG_KEY_USAGE = FR.issueDefective("FR-MOJ", CertificateDefect.WRONG_KEY_USAGE);
  static final TestCredential WRONG_COUNTRY = FR.issueDefective("FR-MOJ", CertificateDefect.WRONG_SUBJECT_COUNTRY);
  static final TestCredential SHA1_SIGNED = FR.issueDefective("FR-MOJ", CertificateDefect.SHA1_SIGNED);
  static final TestCredential RSA_1024 = FR.issueDefective("FR-MOJ", CertificateDefect.RSA_1024);
  static final TestCredential CA_AS_SIGNER = FR.issueDefective("FR-MOJ", CertificateDefect.CA_AS_SIGNER);
  static final TestCredential UNKNOWN_CRITICAL_EXTENSION = FR.issueDefective("FR-MOJ", CertificateDefect.UNKNOWN_CRITICAL_EXTENSION);
  static final TestCredential UNREGISTERED = FR.issueDefective("FR-NOBODY", CertificateDefect.REVOKED);

  static final Path TRUST_FOLDER;
  static final TrustDirectory DIRECTORY;
  static final TrustVerifier TRUST;

  static {
    try {
      TRUST_FOLDER = Files.createTempDirectory("mlat-attack-trust");
      for (var pki : List.of(FR, DE, IT, NL, AT)) {
        pki.writeTo(TRUST_FOLDER);
      }
      DIRECTORY = TrustDirectory.load(TRUST_FOLDER);
      TRUST = TrustVerifier.builder(DIRECTORY).clock(CLOCK).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MlatCryptoException e) {
      throw new IllegalStateException(e);
    }
  }

  private AttackFixture() {}

  static PartyId party(TestPki pki, String authority) {
    return new PartyId(pki.jurisdiction(), authority);
  }

  static SealBinding binding(TestPki from, String sender, TestPki to, String recipient) {
    return new SealBinding(party(from, sender), party(to, recipient), UUID.randomUUID());
  }

  static KeyIdentity identity(TestCredential credential) {
    return KeyIdentity.of(credential.keyPair().getPrivate(), credential.chain());
  }

  static CmsSigner signer(TestPki pki, String authority) throws MlatCryptoException {
    return CmsSigner.builder(POLICY, CLOCK)
        .signer(pki.jurisdiction(), identity(pki.authority(authority).signing()), pki.algorithm().signatureAlgorithm())
        .build();
  }

  static Sealer sealer(TestPki pki, String authority) throws MlatCryptoException {
    return new Sealer(signer(pki, authority));
  }

  static CmsEncryptor encryptorFor(TestPki pki, String authority) throws MlatCryptoException {
    return CmsEncryptor.builder(POLICY)
        .recipient(EncryptionRecipient.of(pki.jurisdiction(), pki.authority(authority).encryption().certificate()))
        .build();
  }

  static CmsDecryptor decryptor(TestPki pki, String authority) {
    var credential = pki.authority(authority).encryption();
    return new CmsDecryptor(POLICY, KeyRing.of(List.of(identity(credential))), CmsLimits.defaults());
  }

  static CmsSignatureVerifier verifier() {
    return new CmsSignatureVerifier(POLICY, TRUST.asSignerTrust(), CLOCK, CmsLimits.defaults());
  }

  static Opener opener(TestPki pki, String authority) {
    return new Opener(party(pki, authority), decryptor(pki, authority), verifier());
  }

  /** The DER of a SealedContent (docs/CMS.md) as a partner builds it, with any values. */
  static byte[] sealedContent(PartyId sender, PartyId recipient, UUID messageId, byte[] payload) {
    try {
      return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(1), new DERUTF8String(sender.toString()),
          new DERUTF8String(recipient.toString()), new DERUTF8String(messageId.toString()), new DEROctetString(payload)})
          .getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The attacker's signer: an encapsulated SignedData with the profile's four signed attributes,
   * by each of {@code signers} with the JCA algorithm {@code jcaAlgorithm} (for example
   * SHA1withECDSA), without any of the checks {@link CmsSigner} makes on its own side.
   */
  static byte[] hostileSignedData(byte[] content, String jcaAlgorithm, TestCredential... signers) {
    try {
      var generator = new CMSSignedDataGenerator();
      var certificates = new ArrayList<X509Certificate>();
      var digests = new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bouncyCastle()).build();
      for (var credential : signers) {
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests)
            .setSignedAttributeGenerator(new SignedAttributes(credential.certificate(), CLOCK))
            .build(new JcaContentSignerBuilder(jcaAlgorithm).setProvider(Providers.bouncyCastle())
                .build(credential.keyPair().getPrivate()), credential.certificate()));
        for (var c : credential.chain()) {
          if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && !certificates.contains(c)) {
            certificates.add(c);
          }
        }
      }
      generator.addCertificates(new JcaCertStore(certificates));
      return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException("the attacker's signer failed", e);
    }
  }

  static void assertCode(ThrowingCallable call, CryptoErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MlatCryptoException.class,
        e -> assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code));
  }
}
