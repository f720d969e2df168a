package dev.mlat.crypto.testing;

import dev.mlat.crypto.internal.Pem;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A test certificate with its key pair and its chain ({@code [certificate, issuing CA, root]}, the
 * root last). Test material only: the private key is in clear.
 *
 * @param certificate the end-entity or CA certificate
 * @param keyPair its key pair
 * @param chain the certificate followed by its issuers up to and including the root
 */
public record TestCredential(X509Certificate certificate, KeyPair keyPair, List<X509Certificate> chain) {

  /** Validates and copies. */
  public TestCredential {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(keyPair, "keyPair");
    chain = List.copyOf(chain);
    if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
      throw new IllegalArgumentException("chain must start with the certificate");
    }
  }

  /** The intermediates of the chain: everything between the certificate and the root. */
  public List<X509Certificate> intermediates() {
    return chain.size() <= 2 ? List.of() : chain.subList(1, chain.size() - 1);
  }

  /** Writes the certificate as PEM. */
  public void writeCertificatePem(Path file) throws IOException {
    Pem.writeCertificates(file, List.of(certificate));
  }

  /** Writes the whole chain (certificate first) as PEM. */
  public void writeChainPem(Path file) throws IOException {
    Pem.writeCertificates(file, chain);
  }

  /** Writes the private key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); test material only. */
  public void writePrivateKeyPem(Path file) throws IOException {
    Pem.writePrivateKey(file, keyPair.getPrivate());
  }

  @Override
  public String toString() {
    return "TestCredential[" + certificate.getSubjectX500Principal().getName() + ", serial "
        + certificate.getSerialNumber().toString(16) + "]";
  }
}
