package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AadStreamTest {
  private static Cipher gcm(byte[] nonce) throws Exception {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new GCMParameterSpec(128, nonce));
    return c;
  }

  @Test
  void bytesWrittenAreTheCiphersAadWhetherSingleOrInArrays() throws Exception {
    byte[] aad = "authenticated attributes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Cipher direct = gcm(new byte[12]);
    direct.updateAAD(aad);
    byte[] expected = direct.doFinal(new byte[] {1, 2, 3});

    Cipher streamed = gcm(new byte[12]);
    var out = AadStream.of(streamed);
    out.write(aad[0]);
    out.write(aad, 1, aad.length - 1);
    assertThat(streamed.doFinal(new byte[] {1, 2, 3})).isEqualTo(expected);

    Cipher other = gcm(new byte[12]);
    AadStream.of(other).write(aad, 0, aad.length - 1);
    assertThat(other.doFinal(new byte[] {1, 2, 3})).isNotEqualTo(expected);
  }
}
