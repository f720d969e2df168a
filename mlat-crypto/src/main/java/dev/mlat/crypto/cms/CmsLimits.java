package dev.mlat.crypto.cms;

/**
 * Bounds applied to CMS input this library did not produce. Every one is a named setting with a
 * safe default ({@link #defaults()}); docs/LIMITS.md lists them with the tests that show they hold.
 * Larger payloads are split into segments by the transport, each its own CMS message.
 *
 * @param maxMessageBytes the largest encoded CMS message read (CMS_LIMIT_EXCEEDED)
 * @param maxContentBytes the largest content released by decryption or verification; AES-GCM
 *     decryption holds the content until the tag is checked, so this also bounds memory
 * @param maxRecipientInfos the most RecipientInfos in an AuthEnvelopedData
 * @param maxSignerInfos the most SignerInfos in a SignedData
 * @param maxCertificates the most certificates in a SignedData's certificate set
 */
public record CmsLimits(long maxMessageBytes, long maxContentBytes, int maxRecipientInfos, int maxSignerInfos, int maxCertificates) {
  /** 72 MiB: a 64 MiB segment plus the CMS structure. */
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 72L << 20;
  /** 64 MiB. */
  public static final long DEFAULT_MAX_CONTENT_BYTES = 64L << 20;
  /** 32 recipients. */
  public static final int DEFAULT_MAX_RECIPIENT_INFOS = 32;
  /** 4 signers (a hybrid signature needs 2). */
  public static final int DEFAULT_MAX_SIGNER_INFOS = 4;
  /** 16 certificates. */
  public static final int DEFAULT_MAX_CERTIFICATES = 16;

  /** Validates. */
  public CmsLimits {
    if (maxMessageBytes <= 0 || maxContentBytes <= 0 || maxRecipientInfos <= 0 || maxSignerInfos <= 0 || maxCertificates <= 0) {
      throw new IllegalArgumentException("every CMS limit must be positive: " + maxMessageBytes + ", " + maxContentBytes + ", "
          + maxRecipientInfos + ", " + maxSignerInfos + ", " + maxCertificates);
    }
  }

  /** The defaults. */
  public static CmsLimits defaults() {
    return new CmsLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_CONTENT_BYTES, DEFAULT_MAX_RECIPIENT_INFOS,
        DEFAULT_MAX_SIGNER_INFOS, DEFAULT_MAX_CERTIFICATES);
  }

  /** A copy with another message limit. */
  public CmsLimits withMaxMessageBytes(long bytes) {
    return new CmsLimits(bytes, maxContentBytes, maxRecipientInfos, maxSignerInfos, maxCertificates);
  }

  /** A copy with another content limit. */
  public CmsLimits withMaxContentBytes(long bytes) {
    return new CmsLimits(maxMessageBytes, bytes, maxRecipientInfos, maxSignerInfos, maxCertificates);
  }

  /** A copy with another RecipientInfo limit. */
  public CmsLimits withMaxRecipientInfos(int n) {
    return new CmsLimits(maxMessageBytes, maxContentBytes, n, maxSignerInfos, maxCertificates);
  }

  /** A copy with another SignerInfo limit. */
  public CmsLimits withMaxSignerInfos(int n) {
    return new CmsLimits(maxMessageBytes, maxContentBytes, maxRecipientInfos, n, maxCertificates);
  }

  /** A copy with another certificate limit. */
  public CmsLimits withMaxCertificates(int n) {
    return new CmsLimits(maxMessageBytes, maxContentBytes, maxRecipientInfos, maxSignerInfos, n);
  }
}
