package dev.mlat.cli.internal;

import dev.mlat.cli.CliErrorCode;
import dev.mlat.cli.ExitCode;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.PartyId;
import dev.mlat.crypto.AlgorithmPolicy;
import dev.mlat.crypto.KeyFamily;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.SignatureAlgorithm;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.keys.KeyIdentity;
import dev.mlat.crypto.keys.KeyRing;
import dev.mlat.crypto.keys.Pkcs11Settings;
import dev.mlat.crypto.keys.Pkcs11Token;
import dev.mlat.crypto.keys.Pkcs12KeyStore;
import dev.mlat.crypto.trust.TrustDirectory;
import dev.mlat.crypto.trust.TrustReport;
import dev.mlat.crypto.trust.TrustVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The key and trust material the package commands read: a trust directory ({@code --trust DIR}),
 * PKCS#12 files or a PKCS#11 token, the password or PIN for them (never a command-line argument), and
 * who a key speaks for (the authority its certificate names, as the trust directory verifies it).
 */
final class Material {

  private Material() {}

  /** The trust folder as a verifier on the command's clock (fail-closed revocation from the folder's CRLs). */
  static TrustVerifier trust(CliContext context, Path folder) throws MlatCryptoException {
    if (!Files.isDirectory(folder)) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, "--trust: " + folder + " is not a folder");
    }
    return TrustVerifier.builder(TrustDirectory.load(folder)).clock(context.clock()).build();
  }

  /** Where the keys' password (or the token's PIN) comes from. */
  record PasswordSource(Optional<Path> file, boolean prompt) {
    char[] read(CliContext context, String what) {
      return Passwords.forExistingKey(context, file, prompt, what);
    }
  }

  /** The identities of a PKCS#12 file. */
  static KeyRing pkcs12(CliContext context, String option, Path file, char[] password) throws MlatCryptoException {
    if (!Files.isRegularFile(file)) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, option + ": " + file + ": no such file");
    }
    return Pkcs12KeyStore.load(file, password.clone());
  }

  /**
   * A PKCS#11 token described by a properties file: {@code library} (the module), and {@code slot}
   * (a slot id) or {@code slotListIndex}; {@code name} optional.
   */
  static Pkcs11Token pkcs11(Path config, char[] pin) throws MlatCryptoException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(config)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, "--pkcs11-config: " + config + ": no such file", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new CliFailure(CliErrorCode.IO_FAILED, ExitCode.IO, "--pkcs11-config: cannot read " + config + ": " + e.getMessage(), e);
    }
    String library = p.getProperty("library");
    if (library == null || library.isBlank()) {
      throw CliFailure.usage("--pkcs11-config " + config + ": set library=/path/to/the/pkcs11/module.so");
    }
    String name = p.getProperty("name", "mlat-hsm");
    Pkcs11Settings settings;
    try {
      if (p.getProperty("slot") != null) {
        settings = Pkcs11Settings.slot(name, Path.of(library), Long.parseLong(p.getProperty("slot").trim()));
      } else {
        settings = Pkcs11Settings.slotListIndex(name, Path.of(library), Integer.parseInt(p.getProperty("slotListIndex", "0").trim()));
      }
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("--pkcs11-config " + config + ": " + e.getMessage() + " (slot=<id> or slotListIndex=<n>, name=[A-Za-z0-9-]+)");
    }
    return Pkcs11Token.open(settings, pin.clone());
  }

  /** The identity labelled {@code alias} on a token. */
  static KeyIdentity byAlias(KeyRing ring, String alias) {
    for (KeyIdentity identity : ring.identities()) {
      if (identity.label().equals(alias)) {
        return identity;
      }
    }
    List<String> labels = new ArrayList<>();
    for (KeyIdentity identity : ring.identities()) {
      labels.add(identity.label());
    }
    throw CliFailure.usage("--key-alias: the token holds no key labelled '" + alias + "'; it holds " + labels);
  }

  /** The only identity of a key ring (a file made by {@code mlat pki init} holds one per purpose). */
  static KeyIdentity single(String option, Path file, KeyRing ring) {
    if (ring.identities().size() != 1) {
      throw CliFailure.usage(option + ": " + file + " holds " + ring.identities().size()
          + " keys; give a PKCS#12 file with exactly one key entry");
    }
    return ring.identities().get(0);
  }

  /** The authority a signing certificate speaks for, as the trust directory verifies it. */
  static PartyId signingAuthority(TrustVerifier trust, KeyIdentity identity, String option) throws MlatCryptoException {
    return authority(trust, identity, option, true);
  }

  /** The authority a decryption certificate receives for, as the trust directory verifies it. */
  static PartyId receivingAuthority(TrustVerifier trust, KeyIdentity identity, String option) throws MlatCryptoException {
    return authority(trust, identity, option, false);
  }

  private static PartyId authority(TrustVerifier trust, KeyIdentity identity, String option, boolean signing)
      throws MlatCryptoException {
    X509Certificate certificate = identity.certificate();
    List<X509Certificate> chain = identity.chain().subList(1, identity.chain().size());
    MlatCryptoException first = null;
    for (Jurisdiction j : trust.directory().jurisdictions()) {
      try {
        TrustReport report = signing ? trust.verifySigner(j, certificate, chain) : trust.verifyRecipient(j, certificate, chain);
        if (report.authority().isPresent()) {
          return report.authority().get();
        }
      } catch (MlatCryptoException e) {
        // the most telling failure: one from a jurisdiction whose anchors the path does end in
        boolean elsewhere = e.errorCode().code().equals("CERTIFICATE_WRONG_JURISDICTION");
        if (first == null || (!elsewhere && first.errorCode().code().equals("CERTIFICATE_WRONG_JURISDICTION"))) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw new CliFailure(first.errorCode(), ExitCode.CRYPTO, option + ": the certificate " + certificate.getSubjectX500Principal()
          + " is not trusted " + (signing ? "to sign" : "to receive") + " for any jurisdiction of the trust directory: "
          + CliFailure.detailOf(first), first);
    }
    throw new CliFailure(CliErrorCode.USAGE_INVALID, ExitCode.CRYPTO, option + ": the trust directory holds no jurisdiction");
  }

  /** A signer for {@code identity} with the algorithm its key calls for, under the default policy. */
  static CmsSigner signer(CliContext context, Jurisdiction jurisdiction, KeyIdentity identity) throws MlatCryptoException {
    return CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), context.clock())
        .signer(jurisdiction, identity, signatureAlgorithm(identity.certificate()))
        .build();
  }

  /** ECDSA with SHA-256 (P-256) / SHA-384 / SHA-512, RSA-PSS SHA-256, Ed25519, ML-DSA, composite: by the key in the certificate. */
  static SignatureAlgorithm signatureAlgorithm(X509Certificate certificate) {
    String oid = publicKeyAlgorithmOid(certificate.getPublicKey().getEncoded());
    KeyFamily family = null;
    for (KeyFamily f : KeyFamily.values()) {
      if (f.oid().equals(oid)) {
        family = f;
      }
    }
    if (family == KeyFamily.EC && certificate.getPublicKey() instanceof java.security.interfaces.ECPublicKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      return bits > 384 ? SignatureAlgorithm.ECDSA_SHA512 : bits > 256 ? SignatureAlgorithm.ECDSA_SHA384 : SignatureAlgorithm.ECDSA_SHA256;
    }
    if (family == KeyFamily.RSA) {
      return SignatureAlgorithm.RSA_PSS_SHA256;
    }
    for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
      if (a.keyFamily() == family && !a.forbidden()) {
        return a;
      }
    }
    throw new CliFailure(CliErrorCode.USAGE_INVALID, ExitCode.CRYPTO, "the key of " + certificate.getSubjectX500Principal()
        + " (" + oid + ") cannot sign");
  }

  /** The algorithm OID of a DER SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID, ... }, BIT STRING }. */
  static String publicKeyAlgorithmOid(byte[] spki) {
    int[] at = {0};
    expect(spki, at, 0x30);
    expect(spki, at, 0x30);
    if (spki[at[0]] != 0x06) {
      throw new IllegalArgumentException("not a SubjectPublicKeyInfo");
    }
    at[0]++;
    int length = length(spki, at);
    byte[] oid = Arrays.copyOfRange(spki, at[0], at[0] + length);
    StringBuilder s = new StringBuilder();
    long value = 0;
    for (int i = 0; i < oid.length; i++) {
      value = (value << 7) | (oid[i] & 0x7f);
      if ((oid[i] & 0x80) == 0) {
        if (s.length() == 0) {
          long first = Math.min(value / 40, 2);
          s.append(first).append('.').append(value - first * 40);
        } else {
          s.append('.').append(value);
        }
        value = 0;
      }
    }
    return s.toString();
  }

  private static void expect(byte[] der, int[] at, int tag) {
    if ((der[at[0]] & 0xff) != tag) {
      throw new IllegalArgumentException("not a SubjectPublicKeyInfo");
    }
    at[0]++;
    length(der, at);
  }

  private static int length(byte[] der, int[] at) {
    int first = der[at[0]++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      length = (length << 8) | (der[at[0]++] & 0xff);
    }
    return length;
  }

  /** The TLS key and chain of a PKCS#12 file (alias {@code tls}, as mlat pki init writes it, or its only key entry). */
  static dev.mlat.transport.https.TlsIdentity tlsIdentity(Path p12, char[] password) {
    if (!Files.isRegularFile(p12)) {
      throw new CliFailure(CliErrorCode.FILE_NOT_FOUND, ExitCode.IO, "--tls: " + p12 + ": no such file");
    }
    try (InputStream in = Files.newInputStream(p12)) {
      java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
      store.load(in, password);
      String alias = store.containsAlias("tls") ? "tls" : null;
      if (alias == null) {
        var aliases = java.util.Collections.list(store.aliases());
        if (aliases.size() != 1) {
          throw CliFailure.usage("--tls: " + p12 + " has no entry 'tls' and " + aliases.size() + " entries");
        }
        alias = aliases.get(0);
      }
      java.security.PrivateKey key = (java.security.PrivateKey) store.getKey(alias, password);
      List<X509Certificate> chain = new ArrayList<>();
      for (java.security.cert.Certificate c : store.getCertificateChain(alias)) {
        chain.add((X509Certificate) c);
      }
      return dev.mlat.transport.https.TlsIdentity.of(key, chain);
    } catch (IOException e) {
      if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
        throw new CliFailure(dev.mlat.crypto.CryptoErrorCode.KEYSTORE_WRONG_PASSWORD, ExitCode.CRYPTO, "--tls: wrong password for " + p12, e);
      }
      throw OutputFiles.ioFailure("--tls: cannot read " + p12, e);
    } catch (java.security.GeneralSecurityException e) {
      throw new CliFailure(dev.mlat.crypto.CryptoErrorCode.KEYSTORE_INVALID, ExitCode.CRYPTO, "--tls: " + p12 + ": " + e.getMessage(), e);
    }
  }
}
