package dev.mlat.core.model.message;

import java.util.List;
import java.util.Objects;

/**
 * One item of evidence delivered with a response. Its bytes travel as an attachment of the
 * package; the size and SHA-256 bind them.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param itemId identifier unique within the manifest, also the attachment's id in the package
 * @param description what the item is
 * @param mediaType the media type, for example {@code application/zip}
 * @param sizeBytes size in bytes
 * @param sha256 SHA-256 of the item, 64 lower-case hexadecimal digits
 * @param chainOfCustody the chain of custody, oldest first (possibly empty, never null)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record EvidenceItem(
    String itemId,
    String description,
    String mediaType,
    long sizeBytes,
    String sha256,
    List<CustodyEntry> chainOfCustody) {

  public EvidenceItem {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(sha256, "sha256");
    chainOfCustody = List.copyOf(chainOfCustody);
  }
}
