package dev.mlat.core.model;

import dev.mlat.core.validation.LanguageCode;
import dev.mlat.core.validation.MediaTypeFormat;
import dev.mlat.core.validation.NonBlankText;
import dev.mlat.core.validation.Sha256Hex;
import jakarta.validation.constraints.Positive;
import java.util.Objects;
import java.util.Optional;

/**
 * A document attached to a request or message, bound by its size and SHA-256 digest. The bytes
 * travel in the package, not in the JSON.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param attachmentId identifier unique within the request, for example {@code A1}
 * @param documentType the kind of document
 * @param mediaType the media type, for example {@code application/pdf}
 * @param sizeBytes size of the document in bytes
 * @param sha256 SHA-256 of the document, 64 lower-case hexadecimal digits
 * @param language language of the document, as an ISO 639 code (may be absent)
 * @param title title or short description (may be absent)
 * @param translationOf for a translation, the {@code attachmentId} of the translated document (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Attachment(
    @NonBlankText String attachmentId,
    DocumentType documentType,
    @MediaTypeFormat String mediaType,
    @Positive long sizeBytes,
    @Sha256Hex String sha256,
    Optional<@LanguageCode String> language,
    Optional<@NonBlankText String> title,
    Optional<@NonBlankText String> translationOf) {

  public Attachment {
    Objects.requireNonNull(attachmentId, "attachmentId");
    Objects.requireNonNull(documentType, "documentType");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(translationOf, "translationOf");
  }
}
