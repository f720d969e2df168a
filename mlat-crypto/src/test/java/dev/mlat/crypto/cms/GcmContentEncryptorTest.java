package dev.mlat.crypto.cms;

import static dev.mlat.crypto.cms.Pkis.DE;
import static dev.mlat.crypto.cms.Pkis.FR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.testing.PkiAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HashSet;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.junit.jupiter.api.Test;

/**
 * The content encryptor on a per-thread cipher: the same AlgorithmIdentifier encoding as
 * BouncyCastle's builder, a fresh key and nonce every time, and a reused cipher that is never
 * shared by two encryptions at once, nor harmed by a failed one.
 */
class GcmContentEncryptorTest {
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaultPolicy();
  private static final SecureRandom RANDOM = new SecureRandom();

  private static CmsEncryptor encryptor() throws Exception {
    return CmsEncryptor.builder(POLICY).recipient(EncryptionRecipient.of(DE, Pkis.encryption(PkiAlgorithm.ECDSA_P256).certificate())).build();
  }

  private static CmsDecryptor decryptor() {
    return new CmsDecryptor(POLICY, Pkis.ring(Pkis.encryption(PkiAlgorithm.ECDSA_P256)), CmsLimits.defaults());
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  @Test
  void theAlgorithmIdentifierIsEncodedAsBouncyCastlesBuilderEncodesIt() throws Exception {
    OutputEncryptor bc = new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).setProvider(CmsEncryptor.jdkCipherProvider()).build();
    byte[] theirs = bc.getAlgorithmIdentifier().getEncoded(ASN1Encoding.DER);
    byte[] nonce = GCMParameters.getInstance(bc.getAlgorithmIdentifier().getParameters()).getNonce();
    byte[] ours = new AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, 16))
        .getEncoded(ASN1Encoding.DER);
    assertThat(ours).isEqualTo(theirs);

    try (var mine = GcmContentEncryptor.create(RANDOM, CmsEncryptor.jdkCipherProvider())) {
      var params = GCMParameters.getInstance(mine.getAlgorithmIdentifier().getParameters());
      assertThat(mine.getAlgorithmIdentifier().getAlgorithm()).isEqualTo(CMSAlgorithm.AES256_GCM);
      assertThat(params.getNonce()).hasSize(12);
      assertThat(params.getIcvLen()).isEqualTo(16);
    }
  }

  @Test
  void consecutiveSealsOnOneThreadReuseTheCipherWithFreshKeysAndNonces() throws Exception {
    var nonces = new HashSet<String>();
    var decryptor = decryptor();
    for (int i = 0; i < 20; i++) {
      byte[] plaintext = random(i * 997);
      byte[] sealed = encryptor().encrypt(plaintext);
      assertThat(GcmContentEncryptor.threadHoldsCipher()).isTrue();
      nonces.add(java.util.HexFormat.of().formatHex(
          GCMParameters.getInstance(ASN1Primitive.fromByteArray(new CMSAuthEnvelopedDataParser(sealed).getEncAlgParams())).getNonce()));
      assertThat(decryptor.decrypt(sealed, FR).content()).isEqualTo(plaintext);
    }
    assertThat(nonces).hasSize(20);
  }

  @Test
  void aSealThatFailedHalfWayLeavesTheNextOneIntact() throws Exception {
    InputStream failing = new InputStream() {
      int served;

      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (served++ > 2) {
          throw new IOException("disk gone");
        }
        RANDOM.nextBytes(b);
        return len;
      }
    };
    assertThatThrownBy(() -> encryptor().encrypt(failing, new ByteArrayOutputStream())).isInstanceOf(IOException.class).hasMessage("disk gone");
    byte[] plaintext = random(50_000);
    assertThat(decryptor().decrypt(encryptor().encrypt(plaintext), FR).content()).isEqualTo(plaintext);
  }

  @Test
  void aSealStartedFromInsideAnotherOnTheSameThreadGetsItsOwnCipher() throws Exception {
    byte[] inner = random(3000);
    byte[][] innerSealed = new byte[1][];
    var outer = new ByteArrayOutputStream();
    OutputStream nesting = new OutputStream() {
      @Override
      public void write(int b) {
        outer.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (innerSealed[0] == null) {
          try {
            innerSealed[0] = encryptor().encrypt(inner);
          } catch (Exception e) {
            throw new IOException(e);
          }
        }
        outer.write(b, off, len);
      }
    };
    byte[] plaintext = random(70_000);
    encryptor().encrypt(new java.io.ByteArrayInputStream(plaintext), nesting);
    var decryptor = decryptor();
    assertThat(decryptor.decrypt(outer.toByteArray(), FR).content()).isEqualTo(plaintext);
    assertThat(decryptor.decrypt(innerSealed[0], FR).content()).isEqualTo(inner);
  }
}
