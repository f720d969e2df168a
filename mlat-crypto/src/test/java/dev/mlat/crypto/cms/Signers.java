package dev.mlat.crypto.cms;

import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.internal.Providers;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.testing.PkiAlgorithm;
import dev.mlat.crypto.testing.TestCredential;
import dev.mlat.crypto.testing.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signing identities for every signature algorithm of the profile, all issued under the ECDSA test PKI of DE. */
final class Signers {
  private static final Map<SignatureAlgorithm, TestCredential> CACHE = new EnumMap<>(SignatureAlgorithm.class);

  static final List<SignatureAlgorithm> PROFILE = List.of(
      SignatureAlgorithm.ECDSA_SHA256, SignatureAlgorithm.ECDSA_SHA384, SignatureAlgorithm.ECDSA_SHA512,
      SignatureAlgorithm.RSA_PSS_SHA256, SignatureAlgorithm.RSA_PKCS1_SHA256, SignatureAlgorithm.ED25519,
      SignatureAlgorithm.ML_DSA_65, SignatureAlgorithm.ML_DSA_87,
      SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512, SignatureAlgorithm.MLDSA87_ECDSA_P384_SHA512);

  private Signers() {}

  static TestPki pki() {
    return Pkis.pki(PkiAlgorithm.ECDSA_P256);
  }

  static synchronized TestCredential credential(SignatureAlgorithm algorithm) {
    return CACHE.computeIfAbsent(algorithm, Signers::issue);
  }

  static KeyIdentity identity(SignatureAlgorithm algorithm) {
    return Pkis.identity(credential(algorithm));
  }

  static AnchorTrust trust() {
    return new AnchorTrust(pki().root().certificate(), Pkis.DE);
  }

  private static TestCredential issue(SignatureAlgorithm algorithm) {
    try {
      KeyPair keys;
      switch (algorithm) {
        case ECDSA_SHA256:
          return pki().authority("DE-MOJ").signing();
        case ECDSA_SHA384:
          keys = ec("secp384r1");
          break;
        case ECDSA_SHA512:
          keys = ec("secp521r1");
          break;
        case RSA_PSS_SHA256:
        case RSA_PKCS1_SHA256: {
          var g = KeyPairGenerator.getInstance("RSA");
          g.initialize(3072);
          keys = g.generateKeyPair();
          break;
        }
        default:
          keys = KeyPairGenerator.getInstance(algorithm.jcaName(), Providers.bouncyCastle()).generateKeyPair();
      }
      return issue(keys, KeyUsage.digitalSignature | KeyUsage.nonRepudiation, "DE-MOJ signing " + algorithm);
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue a " + algorithm + " test certificate", e);
    }
  }

  /** A certificate for {@code keys} with {@code keyUsage}, issued by the DE ECDSA test PKI's issuing CA. */
  static TestCredential issue(KeyPair keys, int keyUsage, String commonName) {
    return issue(keys, keyUsage, new X500Name("C=DE,O=DE-MOJ,CN=" + commonName));
  }

  /** A certificate with the given subject, otherwise as {@link #issue(KeyPair, int, String)}. */
  static TestCredential issue(KeyPair keys, int keyUsage, X500Name subject) {
    try {
      var issuer = pki().intermediate();
      Instant now = Instant.now();
      var builder = new JcaX509v3CertificateBuilder(
          X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
          new BigInteger(64, new SecureRandom()).setBit(63), Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
          subject, keys.getPublic());
      var utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
      builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer.certificate()));
      var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.bouncyCastle())
          .build(issuer.keyPair().getPrivate()));
      var cert = new JcaX509CertificateConverter().setProvider(Providers.bouncyCastle()).getCertificate(holder);
      return new TestCredential(cert, keys, List.of(cert, issuer.certificate(), pki().root().certificate()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue a test certificate for " + subject, e);
    }
  }

  static KeyPair ec(String curve) throws Exception {
    var g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair();
  }
}
