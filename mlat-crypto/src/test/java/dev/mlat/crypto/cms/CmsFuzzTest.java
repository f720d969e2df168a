package dev.mlat.crypto.cms;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.testing.PkiAlgorithm;

/**
 * Fuzz targets of the two opening paths: any input either opens or fails with a
 * {@link MlatCryptoException}; any other exception (or a hang, or memory exhaustion) is a finding.
 * The normal build replays the corpus under
 * {@code src/test/resources/dev/mlat/crypto/cms/CmsFuzzTestInputs/<method>/}; run with
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class CmsFuzzTest {
  private static final CmsDecryptor DECRYPTOR = new CmsDecryptor(AlgorithmPolicy.defaultPolicy(),
      Pkis.ring(Pkis.encryption(PkiAlgorithm.ECDSA_P256)), CmsLimits.defaults().withMaxMessageBytes(1 << 20));
  private static final CmsSignatureVerifier VERIFIER = new CmsSignatureVerifier(AlgorithmPolicy.defaultPolicy(), Signers.trust(),
      CmsSignerTest.CLOCK, CmsLimits.defaults().withMaxMessageBytes(1 << 20));

  @FuzzTest(maxDuration = "30s")
  void openAuthEnvelopedData(byte[] input) {
    try {
      DECRYPTOR.decrypt(input, Pkis.FR);
    } catch (MlatCryptoException expected) {
      // Every refusal carries a code; that is the contract under test.
    }
  }

  @FuzzTest(maxDuration = "30s")
  void verifySignedData(byte[] input) {
    try {
      VERIFIER.verify(input, SignatureExpectation.oneSigner(Pkis.DE));
    } catch (MlatCryptoException expected) {
      // Every refusal carries a code; that is the contract under test.
    }
  }
}
