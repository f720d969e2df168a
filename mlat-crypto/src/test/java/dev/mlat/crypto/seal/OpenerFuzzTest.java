package dev.mlat.crypto.seal;

import static dev.mlat.crypto.seal.SealFixture.DE;
import static dev.mlat.crypto.seal.SealFixture.FR;
import static dev.mlat.crypto.seal.SealFixture.encryptorFor;
import static dev.mlat.crypto.seal.SealFixture.opener;
import static dev.mlat.crypto.seal.SealFixture.party;
import static dev.mlat.crypto.seal.SealFixture.signer;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsEncryptor;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;

/**
 * Fuzz targets of the sealed-message open path ({@link Opener#open}): every input either opens, and
 * then its binding names the opener as recipient and the signer as sender, or fails with a
 * {@link MlatCryptoException}; any other exception, an error, a hang or memory exhaustion is a
 * finding.
 *
 * <ul>
 *   <li>{@code openArbitraryBytes}: the bytes as they arrive (the AuthEnvelopedData parser, then
 *       nothing else can be reached without the key);
 *   <li>{@code openSignedArbitraryContent}: the bytes as the content the genuine sender (FR-MOJ)
 *       signs and encrypts for the opener (DE-BMJ), which drives the inner path: SignedData
 *       verification, trust, the {@code SealedContent} DER reader and the binding checks.
 * </ul>
 *
 * Corpus: {@code src/test/resources/dev/mlat/crypto/seal/OpenerFuzzTestInputs/<method>/}; to fuzz,
 * see {@code docs/FUZZING.md}.
 */
class OpenerFuzzTest {
  private static final Opener OPENER = opener(DE, "DE-BMJ");
  private static final CmsSigner SIGNER;
  private static final CmsEncryptor ENCRYPTOR;

  static {
    try {
      SIGNER = signer(FR, "FR-MOJ");
      ENCRYPTOR = encryptorFor(DE, "DE-BMJ");
    } catch (MlatCryptoException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void openArbitraryBytes(byte[] input) {
    try {
      OPENER.open(input, OpenExpectation.from(FR.jurisdiction()));
    } catch (MlatCryptoException expected) {
      assertThat(expected.errorCode()).isNotNull();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void openSignedArbitraryContent(byte[] content) throws MlatCryptoException {
    byte[] sealed = ENCRYPTOR.encrypt(SIGNER.sign(content, Encapsulation.ENCAPSULATED));
    try {
      var opened = OPENER.open(sealed, OpenExpectation.from(FR.jurisdiction()));
      assertThat(opened.binding().recipient()).isEqualTo(party(DE, "DE-BMJ"));
      assertThat(opened.binding().sender()).isEqualTo(party(FR, "FR-MOJ"));
      assertThat(SealedContent.encode(opened.binding(), opened.payload())).isEqualTo(content);
    } catch (MlatCryptoException expected) {
      assertThat(expected.errorCode()).isNotNull();
    }
  }
}
