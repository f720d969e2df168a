package dev.mlat.crypto.cms;

import java.util.List;
import java.util.Objects;

/**
 * Encapsulated content whose signatures all verified and whose signers are trusted. Only
 * {@link CmsSignatureVerifier} creates it, after every check passed.
 */
public final class VerifiedContent {
  private final byte[] content;
  private final List<VerifiedSigner> signers;

  VerifiedContent(byte[] content, List<VerifiedSigner> signers) {
    this.content = Objects.requireNonNull(content, "content");
    this.signers = List.copyOf(signers);
  }

  /** The signed content (a copy). */
  public byte[] content() {
    return content.clone();
  }

  /** The signers, in SignerInfo order. */
  public List<VerifiedSigner> signers() {
    return signers;
  }

  @Override
  public String toString() {
    return "VerifiedContent[" + content.length + " bytes, " + signers.size() + " signers]";
  }
}
