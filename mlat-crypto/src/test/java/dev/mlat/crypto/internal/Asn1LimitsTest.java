package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlat.core.Jurisdiction;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsDecryptor;
import dev.mlat.crypto.cms.CmsLimits;
import dev.mlat.crypto.keys.KeyRing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1InputStream;
import org.junit.jupiter.api.Test;

class Asn1LimitsTest {

  @Test
  void installsBouncyCastlesLimitsWhenTheHostSetNone() {
    Asn1Limits.ensureInstalled();
    assertThat(System.getProperty(Asn1Limits.MAX_DEPTH_PROPERTY)).isEqualTo(Asn1Limits.DEFAULT_MAX_DEPTH);
    assertThat(System.getProperty(Asn1Limits.MAX_LIMIT_PROPERTY)).isEqualTo(Asn1Limits.DEFAULT_MAX_LIMIT);
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedByTheParser() {
    Asn1Limits.ensureInstalled();
    var out = new ByteArrayOutputStream();
    for (int i = 0; i < 40; i++) {
      out.writeBytes(new byte[] {0x30, (byte) 0x80});
    }
    out.writeBytes(new byte[] {0x05, 0x00});
    for (int i = 0; i < 40; i++) {
      out.writeBytes(new byte[] {0, 0});
    }
    assertThatThrownBy(() -> new ASN1InputStream(new ByteArrayInputStream(out.toByteArray())).readObject())
        .isInstanceOf(IOException.class);
  }

  @Test
  void aHugeClaimedLengthIsReadAsTruncatedInputWithoutAllocatingIt() {
    // ContentInfo { authEnvelopedData, [0] { SEQUENCE claiming 2^31 - 1 bytes } }
    byte[] message = {0x30, (byte) 0x80, 0x06, 0x0b, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01, 0x17,
        (byte) 0xa0, (byte) 0x80, 0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x00};
    var decryptor = new CmsDecryptor(AlgorithmPolicy.defaultPolicy(), KeyRing.of(), CmsLimits.defaults());
    assertThatThrownBy(() -> decryptor.decrypt(message, Jurisdiction.of("FR")))
        .isInstanceOfSatisfying(MlatCryptoException.class, e -> assertThat(e.errorCode())
            .isEqualTo(CryptoErrorCode.CMS_MALFORMED));
  }
}
