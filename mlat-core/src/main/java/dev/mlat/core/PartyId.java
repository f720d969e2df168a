package dev.mlat.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of a party (an authority, a service provider, a person acting for one): its
 * {@link Jurisdiction} plus an identifier unique within that jurisdiction, such as {@code FR-MOJ}.
 *
 * <p>The text form is {@code JURISDICTION:IDENTIFIER}, for example {@code FR:FR-MOJ}; it is what
 * the command line takes and what certificates and trust directories name. Immutable and
 * thread-safe.
 *
 * @param jurisdiction who the party acts for
 * @param identifier 1 to 64 characters of {@code [A-Za-z0-9._-]}, starting with a letter or digit
 */
public record PartyId(Jurisdiction jurisdiction, String identifier) implements Comparable<PartyId> {

  /** Allowed identifiers; kept conservative so they are safe in file names, ZIP entries and logs. */
  public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** @throws IllegalArgumentException if the identifier does not match {@link #IDENTIFIER} */
  public PartyId {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(identifier, "identifier");
    if (!IDENTIFIER.matcher(identifier).matches()) {
      throw new IllegalArgumentException(
          "invalid party identifier '" + Jurisdiction.printable(identifier)
              + "': use 1 to 64 characters of A-Z a-z 0-9 . _ - starting with a letter or digit");
    }
  }

  /** Parses {@code FR:FR-MOJ} from untrusted input. */
  public static PartyId parse(String text) throws MlatCoreException {
    if (text == null) {
      throw new MlatCoreException(CoreErrorCode.PARTY_ID_INVALID, "missing party identifier");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new MlatCoreException(
          CoreErrorCode.PARTY_ID_INVALID,
          "'" + Jurisdiction.printable(text) + "' is not of the form JURISDICTION:IDENTIFIER, for example FR:FR-MOJ");
    }
    var jurisdiction = Jurisdiction.parse(text.substring(0, colon));
    var identifier = text.substring(colon + 1);
    if (!IDENTIFIER.matcher(identifier).matches()) {
      throw new MlatCoreException(
          CoreErrorCode.PARTY_ID_INVALID,
          "'" + Jurisdiction.printable(identifier)
              + "' is not a valid identifier: use 1 to 64 characters of A-Z a-z 0-9 . _ - starting with a letter or digit");
    }
    return new PartyId(jurisdiction, identifier);
  }

  @Override
  public int compareTo(PartyId other) {
    int c = jurisdiction.compareTo(other.jurisdiction);
    return c != 0 ? c : identifier.compareTo(other.identifier);
  }

  @Override
  public String toString() {
    return jurisdiction.code() + ":" + identifier;
  }
}
