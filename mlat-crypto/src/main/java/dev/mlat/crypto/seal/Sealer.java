package dev.mlat.crypto.seal;

import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsContentType;
import dev.mlat.crypto.cms.CmsEncryptor;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import java.util.Objects;

/**
 * Signs then encrypts: the payload, with its sender, recipient and message id
 * ({@link SealBinding}), is signed as CMS SignedData (encapsulated, id-data) by the issuing
 * authority, and that SignedData travels as the id-data content of an AuthEnvelopedData for the
 * recipients. Because the recipient is inside the signature, a recipient cannot pass the message
 * on as if it had been sent to someone else: {@link Opener} refuses it.
 *
 * <pre>{@code
 * Sealer sealer = new Sealer(CmsSigner.builder(policy, clock)
 *     .signer(Jurisdiction.of("FR"), ministrySigningIdentity, SignatureAlgorithm.ECDSA_SHA256).build());
 * SealedMessage sealed = sealer.seal(
 *     new SealBinding(PartyId.parse("FR:FR-MOJ"), PartyId.parse("DE:DE-BMJ"), messageId),
 *     messageJson,
 *     CmsEncryptor.builder(policy).recipient(EncryptionRecipient.of(Jurisdiction.of("DE"), deCertificate)).build());
 * }</pre>
 *
 * <p>The signer's identities must be certificates of the binding's sender (the opener checks it).
 * Immutable and thread-safe.
 */
public final class Sealer {
  private final CmsSigner signer;

  /**
   * A sealer signing with {@code signer}.
   *
   * @throws IllegalArgumentException when the signer announces another content type than id-data
   */
  public Sealer(CmsSigner signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
    if (!signer.contentType().equals(CmsContentType.DATA)) {
      throw new IllegalArgumentException("a sealed message's signature has content type id-data, the signer announces " + signer.contentType().oid());
    }
  }

  /**
   * Signs {@code payload} bound to {@code binding} and encrypts the signature for the encryptor's
   * recipients (which should include the binding's recipient; the sender's own archive may be another).
   *
   * @throws MlatCryptoException KEY_OPERATION_UNSUPPORTED when a key cannot sign where it lives, and
   *     the encryptor's errors
   */
  public SealedMessage seal(SealBinding binding, byte[] payload, CmsEncryptor encryptor) throws MlatCryptoException {
    Objects.requireNonNull(binding, "binding");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(encryptor, "encryptor");
    byte[] signed = signer.sign(SealedContent.encode(binding, payload), Encapsulation.ENCAPSULATED);
    return new SealedMessage(binding, encryptor.encrypt(signed));
  }
}
