package dev.mlat.crypto.internal;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import dev.mlat.crypto.SignatureAlgorithm;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * A BouncyCastle ContentSigner that signs on a PKCS#11 token through SunPKCS11's own algorithm
 * names: ECDSA and RSA PKCS#1 v1.5 as named, RSASSA-PSS with explicit parameters. The key never
 * leaves the token.
 */
public final class TokenContentSigner implements ContentSigner {
  private final AlgorithmIdentifier algorithmIdentifier;
  private final Signature signature;

  public TokenContentSigner(SignatureAlgorithm algorithm, PrivateKey key, Provider provider) throws GeneralSecurityException {
    this.algorithmIdentifier = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm.jcaName());
    switch (algorithm) {
      case RSA_PSS_SHA256:
      case RSA_PSS_SHA384:
      case RSA_PSS_SHA512: {
        String digest = algorithm.digest().orElseThrow().jcaName();
        signature = Signature.getInstance("RSASSA-PSS", provider);
        signature.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest),
            algorithm.digest().orElseThrow().length(), 1));
        break;
      }
      case ECDSA_SHA256:
      case ECDSA_SHA384:
      case ECDSA_SHA512:
      case RSA_PKCS1_SHA256:
      case RSA_PKCS1_SHA384:
      case RSA_PKCS1_SHA512:
        signature = Signature.getInstance(algorithm.jcaName(), provider);
        break;
      default:
        throw new java.security.NoSuchAlgorithmException(algorithm + " is not available on a PKCS#11 token through SunPKCS11");
    }
    signature.initSign(key);
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return algorithmIdentifier;
  }

  @Override
  public OutputStream getOutputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        try {
          signature.update(b, off, len);
        } catch (SignatureException e) {
          throw new RuntimeOperatorException("token signature update failed", e);
        }
      }
    };
  }

  @Override
  public byte[] getSignature() {
    try {
      return signature.sign();
    } catch (SignatureException e) {
      throw new RuntimeOperatorException("token signing failed: " + e.getMessage(), e);
    }
  }
}
