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
    if (!isIdentifier(identifier)) {
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
    if (!isIdentifier(identifier)) {
      throw new MlatCoreException(
          CoreErrorCode.PARTY_ID_INVALID,
          "'" + Jurisdiction.printable(identifier)
              + "' is not a valid identifier: use 1 to 64 characters of A-Z a-z 0-9 . _ - starting with a letter or digit");
    }
    return new PartyId(jurisdiction, identifier);
  }

  /**
   * Whether {@code text} matches {@link #IDENTIFIER}, checked without a matcher (a party id is
   * parsed and checked for every package, in its header and in its message). PartyIdTest holds the
   * two equal.
   */
  static boolean isIdentifier(String text) {
    int length = text.length();
    if (length < 1 || length > 64) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!letterOrDigit && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
        return false;
      }
    }
    return true;
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
