package dev.mlat.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.ecc.ECCCMSSharedInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;

/**
 * An ECDH (ephemeral-static, RFC 5753) recipient that runs only the raw ECDH on the key's own
 * provider (a PKCS#11 token through SunPKCS11, or BouncyCastle for a software key) and does the
 * ANSI X9.63 KDF and the AES key unwrap in software. SunPKCS11 has no ECDH with the CMS KDF, so
 * this is how a token key decrypts; software keys take the same path so that both are tested alike.
 *
 * <p>The ECC-CMS-SharedInfo's keyInfo is the key-wrap AlgorithmIdentifier as the message encodes
 * it (OpenSSL's reading); when that KEK fails AES key wrap's integrity check the other encoding
 * (absent vs NULL parameters, BouncyCastle's reading) is tried, so messages of both stacks open.
 */
public final class RawEcdhRecipient extends JceKeyAgreeAuthEnvelopedRecipient {
  private final PrivateKey key;
  private final AlgorithmIdentifier recipientKeyAlgorithm;
  private final Provider agreementProvider;

  /**
   * @param key the recipient's private key (a software key or a token handle)
   * @param recipientPublicKey the recipient certificate's public key: its curve completes an
   *     originator key sent without parameters (RFC 5753 allows that)
   * @param agreementProvider the provider that runs the raw ECDH with {@code key}
   */
  public RawEcdhRecipient(PrivateKey key, PublicKey recipientPublicKey, Provider agreementProvider) {
    super(key);
    this.key = key;
    this.recipientKeyAlgorithm = SubjectPublicKeyInfo.getInstance(recipientPublicKey.getEncoded()).getAlgorithm();
    this.agreementProvider = agreementProvider;
    setProvider(Providers.bouncyCastle());
    setContentProvider((String) null);
  }

  /**
   * For the profile's content encryption (AES-256-GCM, 96-bit nonce, 128-bit tag), the content
   * cipher is this thread's reused JDK cipher initialised directly with the message's nonce,
   * instead of a new cipher and an {@code AlgorithmParameters} round trip per message (together
   * about 4% of opening a small package); the decryption stream is BouncyCastle's
   * {@code CipherInputStream} as before. Anything else takes BouncyCastle's path unchanged.
   */
  @Override
  public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm, AlgorithmIdentifier contentEncryptionAlgorithm,
      SubjectPublicKeyInfo senderPublicKey, ASN1OctetString userKeyingMaterial, byte[] encryptedContentKey) throws CMSException {
    GCMParameters gcm = profileGcm(contentEncryptionAlgorithm);
    if (gcm == null) {
      return super.getRecipientOperator(keyEncryptionAlgorithm, contentEncryptionAlgorithm, senderPublicKey, userKeyingMaterial,
          encryptedContentKey);
    }
    Key contentKey = extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm, senderPublicKey, userKeyingMaterial,
        encryptedContentKey);
    return new RecipientOperator(GcmContentDecryptor.create(contentEncryptionAlgorithm, gcm, contentKey));
  }

  /** The GCM parameters when {@code algorithm} is exactly the profile's AES-256-GCM, otherwise null. */
  static GCMParameters profileGcm(AlgorithmIdentifier algorithm) {
    if (!NISTObjectIdentifiers.id_aes256_GCM.equals(algorithm.getAlgorithm()) || algorithm.getParameters() == null) {
      return null;
    }
    try {
      GCMParameters p = GCMParameters.getInstance(algorithm.getParameters());
      return p.getIcvLen() == GcmContentDecryptor.TAG_BYTES && p.getNonce().length == GcmContentDecryptor.NONCE_BYTES ? p : null;
    } catch (RuntimeException e) {
      return null; // BouncyCastle's own path reports it as before
    }
  }

  @Override
  protected Key extractSecretKey(AlgorithmIdentifier keyEncryptionAlgorithm, AlgorithmIdentifier contentEncryptionAlgorithm,
      SubjectPublicKeyInfo senderKey, ASN1OctetString userKeyingMaterial, byte[] encryptedContentEncryptionKey)
      throws CMSException {
    byte[] z = null;
    try {
      String digest = kdfDigest(keyEncryptionAlgorithm.getAlgorithm().getId());
      AlgorithmIdentifier wrap = AlgorithmIdentifier.getInstance(keyEncryptionAlgorithm.getParameters());
      if (!NISTObjectIdentifiers.id_aes256_wrap.equals(wrap.getAlgorithm())) {
        throw new CMSException("key wrap " + wrap.getAlgorithm() + " is not AES-256 key wrap");
      }
      var senderAlgorithm = senderKey.getAlgorithm();
      if (senderAlgorithm.getParameters() == null || senderAlgorithm.getParameters() instanceof org.bouncycastle.asn1.ASN1Null) {
        senderKey = new SubjectPublicKeyInfo(recipientKeyAlgorithm, senderKey.getPublicKeyData().getBytes());
      } else if (!senderAlgorithm.equals(recipientKeyAlgorithm)) {
        throw new CMSException("originator key is on another curve than the recipient's key");
      }
      Lookups.PerThread mine = Lookups.mine();
      PublicKey sender = mine.keyFactory().generatePublic(new X509EncodedKeySpec(senderKey.getEncoded()));
      KeyAgreement agreement = mine.agreement(agreementProvider);
      agreement.init(key);
      agreement.doPhase(sender, true);
      z = agreement.generateSecret();
      byte[] ukm = userKeyingMaterial == null ? null : userKeyingMaterial.getOctets();
      AlgorithmIdentifier asEncoded = wrap;
      AlgorithmIdentifier other = wrap.getParameters() == null
          ? new AlgorithmIdentifier(wrap.getAlgorithm(), DERNull.INSTANCE)
          : new AlgorithmIdentifier(wrap.getAlgorithm());
      try {
        return unwrap(z, digest, asEncoded, ukm, encryptedContentEncryptionKey);
      } catch (GeneralSecurityException first) {
        return unwrap(z, digest, other, ukm, encryptedContentEncryptionKey);
      }
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new CMSException("content key cannot be recovered: " + e.getClass().getSimpleName(), e);
    } catch (java.security.ProviderException e) {
      // A token refusing the derivation (for example a key without CKA_DERIVE) is not a forged message.
      throw new CMSException("the key's provider refused ECDH: " + e.getMessage(), e);
    } finally {
      if (z != null) {
        Arrays.fill(z, (byte) 0);
      }
    }
  }

  private static Key unwrap(byte[] z, String digest, AlgorithmIdentifier keyInfo, byte[] ukm, byte[] wrapped)
      throws GeneralSecurityException, java.io.IOException {
    byte[] sharedInfo = new ECCCMSSharedInfo(keyInfo, ukm, new byte[] {0, 0, 1, 0}).getEncoded(ASN1Encoding.DER);
    byte[] kek = x963(z, sharedInfo, digest, 32);
    try {
      Cipher cipher = Lookups.mine().wrap();
      cipher.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
      return cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /**
   * The providers the JCA's default lookup picks for the EC key factory and AES key wrap, found
   * once: a lookup by name alone walks the provider list (and its services) at every message.
   * Asking the same provider object by name later gives the same implementation as before.
   */
  static final class Lookups {
    static final Provider EC_KEY_FACTORY = provider(() -> KeyFactory.getInstance("EC").getProvider());
    static final Provider AES_WRAP = provider(() -> Cipher.getInstance("AESWrap").getProvider());

    private Lookups() {}

    private static final ThreadLocal<PerThread> MINE = ThreadLocal.withInitial(PerThread::new);

    static PerThread mine() {
      return MINE.get();
    }

    /**
     * The EC key factory, the key agreement (for the last provider asked) and the AES key-wrap
     * cipher this thread reuses: looking each up on its provider per message was about 1% of
     * opening a small package. Each is fully reset by its next use ({@code generatePublic} is
     * stateless, {@code init} starts a new agreement or a new unwrap), and only this thread uses them.
     */
    static final class PerThread {
      private KeyFactory keyFactory;
      private Provider agreementProvider;
      private KeyAgreement agreement;
      private Cipher wrap;

      KeyFactory keyFactory() throws GeneralSecurityException {
        if (keyFactory == null) {
          keyFactory = KeyFactory.getInstance("EC", EC_KEY_FACTORY);
        }
        return keyFactory;
      }

      KeyAgreement agreement(Provider provider) throws GeneralSecurityException {
        if (agreement == null || agreementProvider != provider) {
          agreement = KeyAgreement.getInstance("ECDH", provider);
          agreementProvider = provider;
        }
        return agreement;
      }

      Cipher wrap() throws GeneralSecurityException {
        if (wrap == null) {
          wrap = Cipher.getInstance("AESWrap", AES_WRAP);
        }
        return wrap;
      }
    }

    private interface Lookup {
      Provider get() throws GeneralSecurityException;
    }

    private static Provider provider(Lookup lookup) {
      try {
        return lookup.get();
      } catch (GeneralSecurityException e) {
        // Every JDK has both; without them no ECDH message could be opened at all.
        throw new IllegalStateException("the JDK offers no provider for " + e.getMessage(), e);
      }
    }
  }

  /** ANSI X9.63 KDF: Hash(Z || counter || SharedInfo), counter from 1, truncated to {@code length}. */
  static byte[] x963(byte[] z, byte[] sharedInfo, String digest, int length) throws GeneralSecurityException {
    MessageDigest md = MessageDigest.getInstance(digest);
    byte[] out = new byte[length];
    int done = 0;
    for (int counter = 1; done < length; counter++) {
      md.update(z);
      md.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
      md.update(sharedInfo);
      byte[] block = md.digest();
      int n = Math.min(block.length, length - done);
      System.arraycopy(block, 0, out, done, n);
      Arrays.fill(block, (byte) 0);
      done += n;
    }
    return out;
  }

  private static String kdfDigest(String schemeOid) throws CMSException {
    switch (schemeOid) {
      case "1.3.132.1.11.1":
        return "SHA-256";
      case "1.3.132.1.11.2":
        return "SHA-384";
      case "1.3.132.1.11.3":
        return "SHA-512";
      case "1.3.133.16.840.63.0.2":
        // Only reached when a legacy policy accepted the SHA-1 KDF for reading old material.
        return "SHA-1";
      default:
        throw new CMSException("key agreement scheme " + schemeOid + " is not ephemeral-static ECDH with the X9.63 KDF");
    }
  }

  @Override
  public AlgorithmIdentifier getPrivateKeyAlgorithmIdentifier() {
    // The base class encodes the private key, which a token key refuses; only ECMQV needs it.
    return new AlgorithmIdentifier(org.bouncycastle.asn1.x9.X9ObjectIdentifiers.id_ecPublicKey);
  }
}
