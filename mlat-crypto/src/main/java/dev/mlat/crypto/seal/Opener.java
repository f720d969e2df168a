package dev.mlat.crypto.seal;

import dev.mlat.core.PartyId;
import dev.mlat.crypto.CryptoErrorCode;
import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsContentType;
import dev.mlat.crypto.cms.CmsDecryptor;
import dev.mlat.crypto.cms.CmsSignatureVerifier;
import dev.mlat.crypto.cms.SignatureExpectation;
import dev.mlat.crypto.cms.VerifiedSigner;
import java.util.Objects;

/**
 * Opens what {@link Sealer} sealed, for one party ({@code self}), checking in this order:
 * <ol>
 *   <li>decryption with the key ring and its AES-GCM tag ({@link CmsDecryptor});
 *   <li>the SignedData: exactly the expected signers, content type id-data, signatures, and each
 *       signer's trust for the expected sender jurisdiction through the verifier's
 *       {@code SignerTrust} (normally {@code TrustVerifier.asSignerTrust()});
 *   <li>the signed content's form (SEAL_BINDING_MALFORMED);
 *   <li>the signed recipient is {@code self} (SEAL_RECIPIENT_MISMATCH): a message re-encrypted by
 *       its first recipient for someone else is refused there;
 *   <li>the signed sender belongs to the expected jurisdiction and to every signer's jurisdiction,
 *       and, under {@link SenderAuthority#SIGNER_IS_SENDER}, is the authority every signer's trust
 *       report names (SEAL_SENDER_MISMATCH);
 *   <li>the message id, when the caller expects one (SEAL_MESSAGE_ID_MISMATCH).
 * </ol>
 * Nothing is returned unless every check passed.
 *
 * <pre>{@code
 * Opener opener = new Opener(PartyId.parse("DE:DE-BMJ"),
 *     new CmsDecryptor(policy, keyRing, CmsLimits.defaults()),
 *     new CmsSignatureVerifier(policy, trustVerifier.asSignerTrust(), clock, CmsLimits.defaults()));
 * OpenedMessage opened = opener.open(bytes, OpenExpectation.from(Jurisdiction.of("FR")).withMessageId(id));
 * }</pre>
 *
 * <p>Immutable and thread-safe when its decryptor and verifier are (the library's are).
 */
public final class Opener {
  private final PartyId self;
  private final CmsDecryptor decryptor;
  private final CmsSignatureVerifier verifier;

  /** An opener for {@code self}, decrypting with {@code decryptor} and verifying with {@code verifier}. */
  public Opener(PartyId self, CmsDecryptor decryptor, CmsSignatureVerifier verifier) {
    this.self = Objects.requireNonNull(self, "self");
    this.decryptor = Objects.requireNonNull(decryptor, "decryptor");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /** The party this opener opens for. */
  public PartyId self() {
    return self;
  }

  /**
   * Opens a sealed message held in memory (its size bounded by the decryptor's and verifier's
   * {@code CmsLimits}).
   *
   * @throws MlatCryptoException the decryptor's codes (CMS_AUTHENTICATION_FAILED, CMS_NO_MATCHING_RECIPIENT, ...),
   *     the verifier's (CMS_SIGNATURE_INVALID, CMS_SIGNER_COUNT, CERTIFICATE_WRONG_JURISDICTION, ...), then
   *     SEAL_BINDING_MALFORMED, SEAL_RECIPIENT_MISMATCH, SEAL_SENDER_MISMATCH, SEAL_MESSAGE_ID_MISMATCH
   */
  public OpenedMessage open(byte[] message, OpenExpectation expected) throws MlatCryptoException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(expected, "expected");
    var decrypted = decryptor.decrypt(message, expected.sender());
    byte[] signedData = decrypted.content();
    var verified = verifier.verify(signedData,
        new SignatureExpectation(expected.sender(), CmsContentType.DATA, expected.requirement()));
    var content = SealedContent.decode(verified.content());
    var binding = content.binding();
    if (!binding.recipient().equals(self)) {
      throw new MlatCryptoException(CryptoErrorCode.SEAL_RECIPIENT_MISMATCH,
          "the message is signed for " + binding.recipient() + ", it is opened by " + self);
    }
    if (!binding.sender().jurisdiction().equals(expected.sender())) {
      throw new MlatCryptoException(CryptoErrorCode.SEAL_SENDER_MISMATCH,
          "the signed sender " + binding.sender() + " is not of the expected jurisdiction " + expected.sender());
    }
    for (VerifiedSigner signer : verified.signers()) {
      var report = signer.trust();
      if (!report.jurisdiction().equals(binding.sender().jurisdiction())) {
        throw new MlatCryptoException(CryptoErrorCode.SEAL_SENDER_MISMATCH,
            "the signed sender " + binding.sender() + " is not of the signer's jurisdiction " + report.jurisdiction());
      }
      if (expected.senderAuthority() == SenderAuthority.SIGNER_IS_SENDER) {
        if (report.authority().isEmpty()) {
          throw new MlatCryptoException(CryptoErrorCode.SEAL_SENDER_MISMATCH,
              "the signer's trust report names no authority, so it cannot be shown to be the signed sender " + binding.sender());
        }
        if (!report.authority().get().equals(binding.sender())) {
          throw new MlatCryptoException(CryptoErrorCode.SEAL_SENDER_MISMATCH,
              "the message is signed by " + report.authority().get() + " but names " + binding.sender() + " as its sender");
        }
      }
    }
    if (expected.messageId().isPresent() && !expected.messageId().get().equals(binding.messageId())) {
      throw new MlatCryptoException(CryptoErrorCode.SEAL_MESSAGE_ID_MISMATCH,
          "the signed message id is " + binding.messageId() + ", expected " + expected.messageId().get());
    }
    return new OpenedMessage(binding, content.payload(), verified.signers(), signedData,
        decrypted.recipientCertificate(), decrypted.keyEstablishment());
  }
}
