package dev.mlat.crypto.cms;

import static dev.mlat.crypto.cms.Pkis.DE;
import static dev.mlat.crypto.cms.Pkis.FR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.testing.PkiAlgorithm;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link CmsDecryptor#decrypt(byte[], dev.mlat.core.Jurisdiction)} (the message read in memory,
 * its size checked first) and {@link CmsDecryptor#decrypt(java.io.InputStream, dev.mlat.core.Jurisdiction, Path)}
 * (streamed through a bounded, buffered stream) give the same outcome for the same bytes: the
 * same plaintext and recipient, or the same error code. Checked on real AuthEnvelopedData (one EC
 * recipient; an RSA and an EC recipient) with one byte changed or cut short anywhere.
 */
class InMemoryDecryptionPropertyTest {
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();
  private static final byte[] PLAINTEXT = CmsEncryptorTest.random(5000);
  private static final List<byte[]> MESSAGES = messages();

  private static List<byte[]> messages() {
    try {
      var ec = Pkis.encryption(PkiAlgorithm.ECDSA_P256);
      var rsa = Pkis.encryption(PkiAlgorithm.RSA_3072);
      return List.of(
          CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, ec.certificate())).build().encrypt(PLAINTEXT),
          CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, rsa.certificate()))
              .recipient(EncryptionRecipient.of(DE, ec.certificate())).build().encrypt(new byte[] {7}));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static CmsDecryptor decryptor() {
    return new CmsDecryptor(POLICY, Pkis.ring(Pkis.encryption(PkiAlgorithm.ECDSA_P256)), CmsLimits.defaults());
  }

  @Property(tries = 200)
  void oneChangedByteGivesTheSameOutcomeInMemoryAndStreamed(@ForAll @IntRange(min = 0, max = 1) int which,
      @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll @IntRange(min = 1, max = 255) int mask) throws Exception {
    byte[] mutated = MESSAGES.get(which).clone();
    mutated[where % mutated.length] ^= (byte) mask;
    assertThat(inMemory(mutated)).isEqualTo(streamed(mutated));
  }

  @Property(tries = 60)
  void aTruncatedMessageGivesTheSameOutcomeInMemoryAndStreamed(@ForAll @IntRange(min = 0, max = 1) int which,
      @ForAll @IntRange(min = 0, max = 1_000_000) int length) throws Exception {
    byte[] message = MESSAGES.get(which);
    byte[] truncated = java.util.Arrays.copyOf(message, length % message.length);
    assertThat(inMemory(truncated)).isEqualTo(streamed(truncated));
  }

  @Property(tries = 4)
  void theUnchangedMessagesOpenAlike(@ForAll @IntRange(min = 0, max = 1) int which) throws Exception {
    String outcome = inMemory(MESSAGES.get(which));
    assertThat(outcome).startsWith("opened");
    assertThat(streamed(MESSAGES.get(which))).isEqualTo(outcome);
  }

  private static String inMemory(byte[] message) throws Exception {
    try {
      var opened = decryptor().decrypt(message, FR);
      return "opened " + InMemoryVerificationPropertyTest.sha256(opened.content()) + " for "
          + opened.recipientCertificate().getSerialNumber() + " " + opened.keyEstablishment();
    } catch (MlatCryptoException e) {
      return "refused " + e.errorCode();
    }
  }

  private static String streamed(byte[] message) throws Exception {
    Path dir = Files.createTempDirectory("mlat-streamed-");
    Path target = dir.resolve("plaintext");
    try {
      var opened = decryptor().decrypt(new ByteArrayInputStream(message), FR, target);
      return "opened " + InMemoryVerificationPropertyTest.sha256(Files.readAllBytes(target)) + " for "
          + opened.recipientCertificate().getSerialNumber() + " "
          + opened.keyEstablishment();
    } catch (MlatCryptoException e) {
      return "refused " + e.errorCode();
    } finally {
      Files.deleteIfExists(target);
      Files.delete(dir);
    }
  }
}
