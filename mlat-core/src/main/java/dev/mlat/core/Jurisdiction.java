package dev.mlat.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who a party acts for: a state, by its ISO 3166-1 alpha-2 code (validated against the JDK's list
 * of officially assigned codes, plus the user-assigned {@code XK} for Kosovo), or an international
 * body that has no country code of its own (see {@link InternationalBody}).
 *
 * <p>Immutable and thread-safe. The JSON form is the bare code, for example {@code "FR"} or
 * {@code "EUROJUST"}.
 *
 * <pre>{@code
 * Jurisdiction fr = Jurisdiction.of("FR");
 * Jurisdiction ej = Jurisdiction.of("EUROJUST");
 * assert fr.isState() && !ej.isState();
 * }</pre>
 *
 * @param code the upper-case code
 */
public record Jurisdiction(String code) implements Comparable<Jurisdiction> {

  private static final Set<String> STATES;

  static {
    var codes = new java.util.TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
    codes.add("XK");
    STATES = Set.copyOf(codes);
  }

  /**
   * @throws IllegalArgumentException if {@code code} is not an assigned ISO 3166-1 alpha-2 code,
   *     {@code XK}, or the name of an {@link InternationalBody}; use {@link #parse} for untrusted
   *     input
   */
  public Jurisdiction {
    Objects.requireNonNull(code, "code");
    if (!isKnown(code)) {
      throw new IllegalArgumentException(
          "unknown jurisdiction '" + printable(code) + "': expected an ISO 3166-1 alpha-2 code such as FR,"
              + " XK, or one of " + java.util.Arrays.toString(InternationalBody.values()));
    }
  }

  /** The jurisdiction for {@code code}; throws {@link IllegalArgumentException} if unknown. */
  @JsonCreator
  public static Jurisdiction of(String code) {
    return new Jurisdiction(code);
  }

  /** The jurisdiction for untrusted {@code code}, or a {@link MlatCoreException} with {@link CoreErrorCode#JURISDICTION_UNKNOWN}. */
  public static Jurisdiction parse(String code) throws MlatCoreException {
    if (code == null || !isKnown(code)) {
      throw new MlatCoreException(
          CoreErrorCode.JURISDICTION_UNKNOWN,
          "'" + printable(code) + "' is not an ISO 3166-1 alpha-2 code (or XK) nor one of "
              + java.util.Arrays.toString(InternationalBody.values()));
    }
    return new Jurisdiction(code);
  }

  /** True when {@code code} names a jurisdiction this library knows. */
  public static boolean isKnown(String code) {
    return code != null && (STATES.contains(code) || InternationalBody.find(code) != null);
  }

  /** True for a state (ISO 3166-1 code or XK), false for an international body. */
  public boolean isState() {
    return STATES.contains(code);
  }

  /** The international body, when this is not a state. */
  public java.util.Optional<InternationalBody> internationalBody() {
    return java.util.Optional.ofNullable(InternationalBody.find(code));
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public int compareTo(Jurisdiction other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }

  /** Echo untrusted input safely in a message: short, printable ASCII only. */
  static String printable(String value) {
    if (value == null) {
      return "null";
    }
    var out = new StringBuilder();
    for (int i = 0; i < value.length() && out.length() < 40; i++) {
      char c = value.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return value.length() > 40 ? out + "..." : out.toString();
  }

  /** International bodies that act as a jurisdiction of their own. Their registered anchor alone decides who speaks for them. */
  public enum InternationalBody {
    /** The European Union Agency for Criminal Justice Cooperation. */
    EUROJUST,
    /** The European Public Prosecutor's Office. */
    EPPO,
    /** The European Union Agency for Law Enforcement Cooperation. */
    EUROPOL,
    /** The International Criminal Police Organization. */
    INTERPOL,
    /** The International Criminal Court. */
    ICC;

    static InternationalBody find(String code) {
      for (var body : values()) {
        if (body.name().equals(code)) {
          return body;
        }
      }
      return null;
    }
  }
}
