package dev.mlat.transport.pkg.internal;

import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.message.AdditionalInformation;
import dev.mlat.core.model.message.EvidenceItem;
import dev.mlat.core.model.message.LifecycleMessage;
import dev.mlat.core.model.message.RequestMessage;
import dev.mlat.core.model.message.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attachments a lifecycle message refers to: a request's attachments, an additional
 * information's attachments, a response's evidence items. Messages of other types refer to none,
 * and may carry any attachments (covering letters, for example).
 */
public final class AttachmentReferences {
  /** One reference: id, media type, size and SHA-256 as the message states them. */
  public record Reference(String id, String mediaType, long size, String sha256) {}

  private AttachmentReferences() {}

  /** The references, or empty when the message's type has no attachment list. */
  public static Optional<List<Reference>> of(LifecycleMessage message) {
    List<Reference> out = new ArrayList<>();
    if (message instanceof RequestMessage m) {
      m.request().attachments().forEach(a -> out.add(of(a)));
    } else if (message instanceof AdditionalInformation m) {
      m.attachments().forEach(a -> out.add(of(a)));
    } else if (message instanceof Response m) {
      for (EvidenceItem item : m.manifest().items()) {
        out.add(new Reference(item.itemId(), item.mediaType(), item.sizeBytes(), item.sha256()));
      }
    } else {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  private static Reference of(Attachment a) {
    return new Reference(a.attachmentId(), a.mediaType(), a.sizeBytes(), a.sha256());
  }

  /**
   * Why the manifest does not match the message's references, or empty when it does: the same ids
   * in the same order with the same media type, size and SHA-256.
   */
  public static Optional<String> mismatch(LifecycleMessage message, List<ManifestEntry> manifest) {
    Optional<List<Reference>> refs = of(message);
    if (refs.isEmpty()) {
      return Optional.empty();
    }
    List<Reference> list = refs.get();
    if (list.size() != manifest.size()) {
      return Optional.of("the " + message.messageType().wireName() + " refers to " + list.size() + " attachments, the package carries "
          + manifest.size());
    }
    for (int i = 0; i < list.size(); i++) {
      Reference r = list.get(i);
      ManifestEntry m = manifest.get(i);
      if (!r.id().equals(m.id())) {
        return Optional.of("attachment " + (i + 1) + " is " + m.id() + ", the message refers to " + r.id() + " there");
      }
      if (!r.mediaType().equals(m.mediaType()) || r.size() != m.size() || !r.sha256().equals(m.sha256())) {
        return Optional.of("attachment " + r.id() + " differs from the message's reference in media type, size or SHA-256");
      }
    }
    return Optional.empty();
  }
}
