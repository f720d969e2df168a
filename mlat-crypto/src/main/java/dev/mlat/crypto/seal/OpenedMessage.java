package dev.mlat.crypto.seal;

import dev.mlat.crypto.KeyEstablishmentAlgorithm;
import dev.mlat.crypto.cms.VerifiedSigner;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A sealed message that passed every check of {@link Opener}: its tag, its signatures, its
 * signers' trust for the sender's jurisdiction, and its binding (addressed to the opener, signed by
 * its sender, the expected message id). Only {@link Opener} creates it.
 */
public final class OpenedMessage {
  private final SealBinding binding;
  private final byte[] payload;
  private final List<VerifiedSigner> signers;
  private final byte[] signedData;
  private final X509Certificate recipientCertificate;
  private final KeyEstablishmentAlgorithm keyEstablishment;

  OpenedMessage(SealBinding binding, byte[] payload, List<VerifiedSigner> signers, byte[] signedData,
      X509Certificate recipientCertificate, KeyEstablishmentAlgorithm keyEstablishment) {
    this.binding = Objects.requireNonNull(binding, "binding");
    this.payload = Objects.requireNonNull(payload, "payload");
    this.signers = List.copyOf(signers);
    this.signedData = Objects.requireNonNull(signedData, "signedData");
    this.recipientCertificate = Objects.requireNonNull(recipientCertificate, "recipientCertificate");
    this.keyEstablishment = Objects.requireNonNull(keyEstablishment, "keyEstablishment");
  }

  /** The verified binding: sender, recipient (the opener), message id. */
  public SealBinding binding() {
    return binding;
  }

  /** The payload (a copy). */
  public byte[] payload() {
    return payload.clone();
  }

  /** The verified signers, in SignerInfo order, each with its trust report. */
  public List<VerifiedSigner> signers() {
    return signers;
  }

  /**
   * The decrypted SignedData (a copy): the sender's signature over binding and payload, to keep as
   * evidence that verifies again without the recipient's decryption key.
   */
  public byte[] signedData() {
    return signedData.clone();
  }

  /** The opener's certificate whose key decrypted the message. */
  public X509Certificate recipientCertificate() {
    return recipientCertificate;
  }

  /** The key establishment the message used for the opener. */
  public KeyEstablishmentAlgorithm keyEstablishment() {
    return keyEstablishment;
  }

  @Override
  public String toString() {
    return "OpenedMessage[" + binding + ", " + payload.length + " bytes, " + signers.size() + " signers]";
  }
}
