package dev.mlat.crypto.cms;

import dev.mlat.crypto.KeyEstablishmentAlgorithm;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A file whose content passed the AES-GCM tag: {@link CmsDecryptor#decrypt(java.io.InputStream,
 * dev.mlat.core.Jurisdiction, Path)} moves the plaintext to {@code file} only after the tag verified,
 * so the file never exists with unverified content.
 *
 * @param file where the verified plaintext is
 * @param size its length in bytes
 * @param recipientCertificate the certificate of the identity the message was opened with
 * @param keyEstablishment how that identity obtained the content key
 */
public record DecryptedFile(Path file, long size, X509Certificate recipientCertificate, KeyEstablishmentAlgorithm keyEstablishment) {
  /** Validates. */
  public DecryptedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(recipientCertificate, "recipientCertificate");
    Objects.requireNonNull(keyEstablishment, "keyEstablishment");
  }
}
