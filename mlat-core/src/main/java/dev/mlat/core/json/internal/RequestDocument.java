package dev.mlat.core.json.internal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.mlat.core.model.Request;
import java.util.Objects;

/** The top-level JSON document that carries a request on its own: {@code {"schemaVersion", "request"}}. */
@JsonPropertyOrder({"schemaVersion", "request"})
public record RequestDocument(String schemaVersion, Request request) {
  public RequestDocument {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(request, "request");
  }
}
