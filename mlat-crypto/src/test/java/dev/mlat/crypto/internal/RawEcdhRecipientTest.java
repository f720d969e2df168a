package dev.mlat.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/**
 * The providers RawEcdhRecipient looks up once are those the JCA's default lookup picks (so the
 * implementations are the ones used before). Its unwrapping itself is exercised by every ECDH test
 * of CmsDecryptorTest, CmsEncryptorTest and the OpenSSL interop tests.
 */
class RawEcdhRecipientTest {

  @Test
  void theRememberedProvidersAreTheDefaultLookupsOwn() throws Exception {
    assertThat(RawEcdhRecipient.Lookups.EC_KEY_FACTORY).isSameAs(KeyFactory.getInstance("EC").getProvider());
    assertThat(RawEcdhRecipient.Lookups.AES_WRAP).isSameAs(Cipher.getInstance("AESWrap").getProvider());
  }

  @Test
  void x963KdfMatchesTheAnsiDefinition() throws Exception {
    // ANSI X9.63 with SHA-256, one block: SHA-256(Z || 00000001 || SharedInfo)
    byte[] z = new byte[32];
    byte[] info = {1, 2, 3};
    var md = java.security.MessageDigest.getInstance("SHA-256");
    md.update(z);
    md.update(new byte[] {0, 0, 0, 1});
    md.update(info);
    assertThat(RawEcdhRecipient.x963(z, info, "SHA-256", 32)).isEqualTo(md.digest());
  }
}
