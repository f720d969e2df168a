package dev.mlat.crypto.trust;

import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds and signs a trust list (docs/TRUST-LIST.md) from a {@link TrustDirectory}: its anchors,
 * intermediates, registered authorities with their roles and certificates, timestamping anchors and
 * CRLs (stored OCSP responses are not carried). The result is a DER CMS SignedData, content type
 * id-data, encapsulating the JSON, signed by the {@link CmsSigner} given (CAdES-B attributes).
 *
 * <pre>{@code
 * CmsSigner signer = CmsSigner.builder(policy, clock).signer(NL, publisherKey, SignatureAlgorithm.ECDSA_SHA256).build();
 * byte[] p7m = new TrustListPublisher(signer, "NL trust list service")
 *     .publish(directory, 42, clock.instant(), clock.instant().plus(Duration.ofDays(7)));
 * }</pre>
 *
 * <p>Thread-safe when the signer is.
 */
public final class TrustListPublisher {
  private final CmsSigner signer;
  private final String publisher;

  /**
   * @param signer the publisher's signer (one signer, content type id-data)
   * @param publisher the publisher's name written into the list
   */
  public TrustListPublisher(CmsSigner signer, String publisher) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    if (publisher.isBlank() || publisher.length() > 200) {
      throw new IllegalArgumentException("publisher must be a non-blank name of at most 200 characters");
    }
  }

  /**
   * The JSON content of a list, unsigned (what {@link #publish} signs).
   *
   * @throws IllegalArgumentException if the sequence number is negative or nextUpdate is not after issuedAt
   */
  public byte[] content(TrustDirectory directory, long sequenceNumber, Instant issuedAt, Instant nextUpdate) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(nextUpdate, "nextUpdate");
    if (sequenceNumber < 0) {
      throw new IllegalArgumentException("sequenceNumber must not be negative");
    }
    if (!nextUpdate.isAfter(issuedAt)) {
      throw new IllegalArgumentException("nextUpdate must be after issuedAt");
    }
    return TrustListJson.write(publisher, sequenceNumber, issuedAt, nextUpdate, directory);
  }

  /**
   * The signed list: DER CMS SignedData encapsulating {@link #content}.
   *
   * @throws MlatCryptoException the signer's codes (key unusable, algorithm refused)
   */
  public byte[] publish(TrustDirectory directory, long sequenceNumber, Instant issuedAt, Instant nextUpdate) throws MlatCryptoException {
    return signer.sign(content(directory, sequenceNumber, issuedAt, nextUpdate), Encapsulation.ENCAPSULATED);
  }
}
