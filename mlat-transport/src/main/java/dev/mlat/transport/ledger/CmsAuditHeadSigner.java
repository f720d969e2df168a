package dev.mlat.transport.ledger;

import dev.mlat.crypto.MlatCryptoException;
import dev.mlat.crypto.cms.CmsSigner;
import dev.mlat.crypto.cms.Encapsulation;
import dev.mlat.transport.MlatTransportException;
import dev.mlat.transport.TransportErrorCode;
import java.util.Objects;

/**
 * Signs audit heads as detached CMS SignedData (CAdES baseline B) with a {@link CmsSigner}.
 *
 * <pre>{@code
 * CmsSigner cms = CmsSigner.builder(AlgorithmPolicy.defaultPolicy(), clock)
 *     .signer(Jurisdiction.of("FR"), nodeKey, SignatureAlgorithm.ECDSA_SHA256).build();
 * AuditHeadSigner signer = new CmsAuditHeadSigner(cms, nodeKey.certificate().getSubjectX500Principal().getName());
 * }</pre>
 *
 * <p>Thread-safe (the {@link CmsSigner} is).
 */
public final class CmsAuditHeadSigner implements AuditHeadSigner {
  private final CmsSigner signer;
  private final String name;

  /**
   * @param signer the CMS signer holding the node's key
   * @param name who signs, recorded beside each head (the certificate subject)
   */
  public CmsAuditHeadSigner(CmsSigner signer, String name) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.name = Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
  }

  @Override
  public byte[] sign(byte[] content) throws MlatTransportException {
    try {
      return signer.sign(content, Encapsulation.DETACHED);
    } catch (MlatCryptoException e) {
      throw new MlatTransportException(TransportErrorCode.LEDGER_UNAVAILABLE,
          "the audit head could not be signed (" + e.errorCode().code() + "): " + e.getMessage(), e);
    }
  }

  @Override
  public String signer() {
    return name;
  }
}
