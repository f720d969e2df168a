package dev.mlat.core.json.internal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.mlat.core.model.message.LifecycleMessage;
import java.util.Objects;

/** The top-level JSON document that carries a lifecycle message: {@code {"schemaVersion", "message"}}. */
@JsonPropertyOrder({"schemaVersion", "message"})
public record MessageDocument(String schemaVersion, LifecycleMessage message) {
  public MessageDocument {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(message, "message");
  }
}
