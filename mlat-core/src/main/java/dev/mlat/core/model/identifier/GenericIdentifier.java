package dev.mlat.core.model.identifier;

import dev.mlat.core.validation.NonBlankText;
import java.util.Objects;

/**
 * An identifier of a type not listed in {@link Identifier}, typed by the organisation that defines
 * the format and the format's name (as in ETSI TS 103 280's generic types).
 *
 * <p>Immutable and thread-safe. The constructor only checks structure (required components
 * present, collections copied); content rules are checked by validation.
 *
 * @param formatOwner who defines the format, for example {@code ETSI} or a provider's name
 * @param formatName the format's name, for example {@code TEIDFormat}
 * @param value the value, as text
 * @throws NullPointerException if a required component or an {@code Optional} is null
 */
public record GenericIdentifier(
    @NonBlankText String formatOwner,
    @NonBlankText String formatName,
    @NonBlankText String value) implements Identifier {

  public GenericIdentifier {
    Objects.requireNonNull(formatOwner, "formatOwner");
    Objects.requireNonNull(formatName, "formatName");
    Objects.requireNonNull(value, "value");
  }
}
