package dev.mlat.core.model.identifier;

import dev.mlat.core.validation.AbsoluteUrl;
import java.util.Objects;

/**
 * A URL, for example of a web page, post or file.
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param value the absolute URL
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record Url(
    @AbsoluteUrl String value) implements Identifier {

  public Url {
    Objects.requireNonNull(value, "value");
  }
}
