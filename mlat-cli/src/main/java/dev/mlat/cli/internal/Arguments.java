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

  /**
   * A duration: {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 500ms}, {@code 0} or ISO-8601
   * ({@code PT1M30S}); not negative, at most {@code max}.
   */
  static java.time.Duration duration(String option, String value, java.time.Duration max) {
    java.time.Duration d;
    try {
      var m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?").matcher(value == null ? "" : value);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? (n == 0 ? "s" : "") : m.group(2);
        d = switch (unit) {
          case "ms" -> java.time.Duration.ofMillis(n);
          case "s" -> java.time.Duration.ofSeconds(n);
          case "m" -> java.time.Duration.ofMinutes(n);
          case "h" -> java.time.Duration.ofHours(n);
          case "d" -> java.time.Duration.ofDays(n);
          default -> throw CliFailure.usage(option + ": '" + value + "' needs a unit: ms, s, m, h or d (for example 30s)");
        };
      } else {
        d = java.time.Duration.parse(value == null ? "" : value);
      }
    } catch (java.time.format.DateTimeParseException e) {
      throw CliFailure.usage(option + ": '" + value + "' is not a duration; write for example 30s, 5m, 2h, 1d or PT1M30S");
    }
    if (d.isNegative() || d.compareTo(max) > 0) {
      throw CliFailure.usage(option + ": '" + value + "' must be 0 to " + max.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
    }
    return d;
  }

  /** {@code 1h 30m}, {@code 45s}, {@code 250ms}: a duration for a line of output. */
  static String describe(java.time.Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + " ms";
    }
    StringBuilder s = new StringBuilder();
    long days = d.toDays();
    if (days > 0) {
      s.append(days).append("d ");
    }
    if (d.toHoursPart() > 0) {
      s.append(d.toHoursPart()).append("h ");
    }
    if (d.toMinutesPart() > 0) {
      s.append(d.toMinutesPart()).append("m ");
    }
    if (d.toSecondsPart() > 0) {
      s.append(d.toSecondsPart()).append("s");
    }
    return s.toString().strip();
  }
}
