package dev.mlat.core.model.measure;

import dev.mlat.core.validation.NonBlankText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Service of procedural documents on a person.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param subjectReference the reference of the person to be served (may be absent)
 * @param attachmentIds the attachments to serve (possibly empty, never null)
 * @param addressForService where to serve them (may be absent)
 * @param proofOfServiceRequired true when proof of service is to be returned
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record ServiceOfDocuments(
    Optional<@NonBlankText String> subjectReference,
    List<@NonBlankText String> attachmentIds,
    Optional<@NonBlankText String> addressForService,
    boolean proofOfServiceRequired) implements Measure {

  public ServiceOfDocuments {
    Objects.requireNonNull(subjectReference, "subjectReference");
    attachmentIds = List.copyOf(attachmentIds);
    Objects.requireNonNull(addressForService, "addressForService");
  }
}
