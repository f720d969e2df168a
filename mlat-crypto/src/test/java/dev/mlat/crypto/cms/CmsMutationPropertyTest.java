package dev.mlat.crypto.cms;

import static dev.mlat.crypto.cms.Pkis.DE;
import static dev.mlat.crypto.cms.Pkis.FR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.testing.PkiAlgorithm;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Mutation properties of the two opening paths: whatever single byte of a message is changed, the
 * result is either a specific {@link MlatCryptoException} or, for bytes nothing authenticates (for
 * example another recipient's RecipientInfo, BER end-of-contents), exactly the original verified
 * result; never another exception, never different content.
 */
class CmsMutationPropertyTest {
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();

  @Property(tries = 150)
  void aMutatedAuthEnvelopedDataFailsWithACodeOrOpensToTheOriginal(
      @ForAll @Size(max = 300) byte[] plaintext, @ForAll @IntRange(min = 0, max = 1_000_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask) throws Exception {
    var ec = Pkis.encryption(PkiAlgorithm.ECDSA_P256);
    var rsa = Pkis.encryption(PkiAlgorithm.RSA_3072);
    byte[] sealed = CmsEncryptor.builder(POLICY)
        .recipient(EncryptionRecipient.of(DE, rsa.certificate()))
        .recipient(EncryptionRecipient.of(DE, ec.certificate()))
        .build().encrypt(plaintext);
    byte[] mutated = sealed.clone();
    mutated[where % mutated.length] ^= (byte) mask;
    try {
      var opened = new CmsDecryptor(POLICY, Pkis.ring(ec), CmsLimits.defaults()).decrypt(mutated, FR);
      assertThat(opened.content()).isEqualTo(plaintext);
      assertThat(opened.recipientCertificate()).isEqualTo(ec.certificate());
    } catch (MlatCryptoException expected) {
      assertThat(expected.errorCode()).isNotNull();
    }
  }

  @Property(tries = 150)
  void aMutatedSignedDataFailsWithACodeOrVerifiesToTheOriginal(
      @ForAll @Size(max = 300) byte[] content, @ForAll @IntRange(min = 0, max = 1_000_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask) throws Exception {
    byte[] signed = CmsSignerTest.signer(SignatureAlgorithm.ECDSA_SHA256).sign(content, Encapsulation.ENCAPSULATED);
    byte[] mutated = signed.clone();
    mutated[where % mutated.length] ^= (byte) mask;
    try {
      var verified = CmsSignerTest.verifier().verify(mutated, SignatureExpectation.oneSigner(DE));
      assertThat(verified.content()).isEqualTo(content);
      assertThat(verified.signers()).singleElement()
          .satisfies(s -> assertThat(s.certificate()).isEqualTo(Signers.credential(SignatureAlgorithm.ECDSA_SHA256).certificate()));
    } catch (MlatCryptoException expected) {
      assertThat(expected.errorCode()).isNotNull();
    }
  }
}
