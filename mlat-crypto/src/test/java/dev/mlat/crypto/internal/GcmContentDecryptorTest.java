package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The content decryptor on a per-thread cipher: plaintext only after the tag verified, the cipher
 * reused only after a decryption that ended, and only the profile's parameters taken off
 * BouncyCastle's path. (End to end: CmsDecryptorTest, the OpenSSL interop and SoftHSM tests.)
 */
class GcmContentDecryptorTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Sealed(SecretKeySpec key, GCMParameters parameters, byte[] ciphertextAndTag) {}

  private static Sealed seal(byte[] plaintext) throws Exception {
    byte[] k = new byte[32];
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(k);
    RANDOM.nextBytes(nonce);
    var key = new SecretKeySpec(k, "AES");
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
    return new Sealed(key, new GCMParameters(nonce, 16), c.doFinal(plaintext));
  }

  private static byte[] open(Sealed s, byte[] ciphertext) throws Exception {
    var algorithm = new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, s.parameters());
    var decryptor = GcmContentDecryptor.create(algorithm, s.parameters(), s.key());
    assertThat(decryptor.getAlgorithmIdentifier()).isEqualTo(algorithm);
    try (var in = decryptor.getInputStream(new ByteArrayInputStream(ciphertext))) {
      return in.readAllBytes();
    }
  }

  @Test
  void decryptsAndReusesTheCipherOnlyAfterADecryptionThatEnded() throws Exception {
    GcmContentDecryptor.forget();
    for (int size : new int[] {0, 1, 4700, 70_000}) {
      byte[] plaintext = new byte[size];
      RANDOM.nextBytes(plaintext);
      Sealed s = seal(plaintext);
      assertThat(open(s, s.ciphertextAndTag())).isEqualTo(plaintext);
      assertThat(GcmContentDecryptor.threadHoldsCipher()).isTrue();
    }
  }

  @Test
  void anAlteredMessageReleasesNothingAndTheNextOneStillOpens() throws Exception {
    byte[] plaintext = new byte[5000];
    RANDOM.nextBytes(plaintext);
    Sealed s = seal(plaintext);
    byte[] altered = s.ciphertextAndTag().clone();
    altered[100] ^= 1;
    GcmContentDecryptor.forget();
    var decryptor = GcmContentDecryptor.create(new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, s.parameters()),
        s.parameters(), s.key());
    var in = decryptor.getInputStream(new ByteArrayInputStream(altered));
    byte[] buffer = new byte[8192];
    assertThatThrownBy(() -> in.read(buffer)).isInstanceOf(IOException.class);
    assertThat(GcmContentDecryptor.threadHoldsCipher()).isFalse();
    byte[] tagAltered = s.ciphertextAndTag().clone();
    tagAltered[tagAltered.length - 1] ^= 1;
    assertThatThrownBy(() -> open(s, tagAltered)).isInstanceOf(IOException.class);
    assertThat(open(s, s.ciphertextAndTag())).isEqualTo(plaintext);
  }

  @Test
  void onlyTheProfilesParametersLeaveBouncyCastlesPath() {
    byte[] nonce = new byte[12];
    assertThat(RawEcdhRecipient.profileGcm(new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, 16))))
        .isNotNull();
    assertThat(RawEcdhRecipient.profileGcm(new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes128_GCM, new GCMParameters(nonce, 16))))
        .isNull();
    assertThat(RawEcdhRecipient.profileGcm(new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, 12))))
        .isNull();
    assertThat(RawEcdhRecipient.profileGcm(new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM,
        new GCMParameters(new byte[16], 16)))).isNull();
    assertThat(RawEcdhRecipient.profileGcm(new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM))).isNull();
    assertThat(RawEcdhRecipient.profileGcm(new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM,
        org.bouncycastle.asn1.DERNull.INSTANCE))).isNull();
  }
}
