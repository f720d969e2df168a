package dev.mlat.crypto.cms;

import java.util.List;

/**
 * A detached signature, or a streamed encapsulated one, that verified: the content it covers is
 * where the caller put it (for a streamed one, in the file the verifier moved into place only
 * after every check passed).
 *
 * @param contentLength the number of content bytes the signatures cover
 * @param signers the signers, in SignerInfo order
 */
public record VerifiedSignature(long contentLength, List<VerifiedSigner> signers) {
  /** Copies. */
  public VerifiedSignature {
    signers = List.copyOf(signers);
  }
}
