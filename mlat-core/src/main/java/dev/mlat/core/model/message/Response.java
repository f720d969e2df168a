package dev.mlat.core.model.message;

import dev.mlat.core.MessageType;
import java.util.Objects;
import java.util.Optional;

/**
 * A partial or final response, carrying evidence described by a manifest.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param header the envelope
 * @param kind whether more responses follow
 * @param manifest the evidence delivered with this response
 * @param note free text (may be absent)
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Response(
    MessageHeader header,
    ResponseKind kind,
    EvidenceManifest manifest,
    Optional<String> note) implements LifecycleMessage {

  public Response {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(note, "note");
  }

  /** Always {@link MessageType#RESPONSE}. */
  @Override
  public MessageType messageType() {
    return MessageType.RESPONSE;
  }
}
