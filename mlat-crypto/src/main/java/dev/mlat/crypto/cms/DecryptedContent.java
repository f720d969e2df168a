package dev.mlat.crypto.cms;

import dev.mlat.crypto.KeyEstablishmentAlgorithm;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Content whose AES-GCM tag has been verified. Only {@link CmsDecryptor} creates it, and only after
 * the tag passed: holding one means the bytes are the sender's, unaltered (who the sender is, is a
 * question for the signature inside).
 */
public final class DecryptedContent {
  private final byte[] content;
  private final X509Certificate recipientCertificate;
  private final KeyEstablishmentAlgorithm keyEstablishment;

  DecryptedContent(byte[] content, X509Certificate recipientCertificate, KeyEstablishmentAlgorithm keyEstablishment) {
    this.content = Objects.requireNonNull(content, "content");
    this.recipientCertificate = Objects.requireNonNull(recipientCertificate, "recipientCertificate");
    this.keyEstablishment = Objects.requireNonNull(keyEstablishment, "keyEstablishment");
  }

  /** The verified plaintext (a copy). */
  public byte[] content() {
    return content.clone();
  }

  /** The plaintext length. */
  public int length() {
    return content.length;
  }

  /** The certificate of the identity the message was opened with (after a key rotation, possibly the old one). */
  public X509Certificate recipientCertificate() {
    return recipientCertificate;
  }

  /** How that identity obtained the content key. */
  public KeyEstablishmentAlgorithm keyEstablishment() {
    return keyEstablishment;
  }

  @Override
  public String toString() {
    return "DecryptedContent[" + content.length + " bytes, " + keyEstablishment + ", for "
        + recipientCertificate.getSubjectX500Principal().getName() + "]";
  }
}
