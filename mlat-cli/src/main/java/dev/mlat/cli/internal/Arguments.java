package dev.mlat.cli.internal;

import dev.mlat.core.CoreErrorCode;
import dev.mlat.core.Jurisdiction;
import dev.mlat.core.MlatCoreException;
import dev.mlat.core.PartyId;

/** Parses command-line values into model types; a bad value is a usage error with the library's code. */
final class Arguments {

  /** The authority identifier used when {@code --from FR} / {@code --to US} name no authority. */
  static final String DEFAULT_AUTHORITY_SUFFIX = "-MOJ";

  private Arguments() {}

  /** {@code FR}, {@code XK}, {@code EUROJUST}. */
  static Jurisdiction jurisdiction(String option, String value) {
    try {
      return Jurisdiction.parse(value);
    } catch (MlatCoreException e) {
      throw CliFailure.badArgument(option, e);
    }
  }

  /** An authority identifier within {@code jurisdiction}, such as {@code FR-MOJ}. */
  static PartyId authority(String option, Jurisdiction jurisdiction, String identifier) {
    try {
      return PartyId.parse(jurisdiction.code() + ":" + identifier);
    } catch (MlatCoreException e) {
      throw CliFailure.badArgument(option, e);
    }
  }

  /**
   * {@code FR} (the authority {@code FR-MOJ}) or {@code FR:AUTHORITY}.
   */
  static PartyId party(String option, String value) {
    if (value == null || value.isEmpty()) {
      throw CliFailure.badArgument(option, new MlatCoreException(CoreErrorCode.PARTY_ID_INVALID,
          "empty; give a jurisdiction and optionally an authority, for example FR or FR:FR-MOJ"));
    }
    int colon = value.indexOf(':');
    if (colon < 0) {
      Jurisdiction j = jurisdiction(option, value);
      return authority(option, j, j.code() + DEFAULT_AUTHORITY_SUFFIX);
    }
    try {
      return PartyId.parse(value);
    } catch (MlatCoreException e) {
      throw CliFailure.badArgument(option, e);
    }
  }
}
