package dev.mlat.core.validation.internal;

import java.math.BigInteger;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The format checks behind the constraint annotations of {@code dev.mlat.core.validation}. Every
 * method is a pure function that accepts {@code null} as "nothing to check" only where noted; the
 * constraint validators handle {@code null} themselves (an absent value is the business of the
 * completeness rules, not of the format).
 *
 * <p>Thread-safe: only immutable state.
 */
public final class Formats {

  private Formats() {}

  /** ISO 639-1 codes known to this JDK, lower case. */
  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

  /**
   * IBAN lengths per country (SWIFT IBAN Registry, ISO 13616; release 99, 2025). Countries that
   * use another country's IBAN format (French overseas departments use FR) have no entry.
   */
  private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
      Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
      Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
      Map.entry("BH", 22), Map.entry("BI", 27), Map.entry("BR", 29), Map.entry("BY", 28),
      Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
      Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
      Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
      Map.entry("FK", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
      Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27),
      Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21), Map.entry("HU", 28),
      Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
      Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
      Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20),
      Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27),
      Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
      Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
      Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24),
      Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
      Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33), Map.entry("SA", 24),
      Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
      Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
      Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26),
      Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20),
      Map.entry("YE", 30));

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern MEDIA_TYPE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");
  private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,17})(\\.[0-9]{1,4})?");
  /** RFC 5322 atext, plus any non-ASCII character (RFC 6531 internationalised local parts). */
  private static final Pattern LOCAL_PART_ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\x{80}-\\x{10FFFF}]+");
  private static final Set<String> URL_SCHEMES = Set.of("http", "https", "ftp", "ftps");

  /** A lower-case ISO 639-1 two-letter code that {@link Locale#getISOLanguages()} lists. */
  public static boolean isLanguageCode(String value) {
    return value.length() == 2 && ISO_639_1.contains(value);
  }

  /** E.164: {@code +}, a country code not starting with 0, 7 to 15 digits in all (ITU-T E.164 §6). */
  public static boolean isE164(String value) {
    return E164.matcher(value).matches();
  }

  /**
   * IMSI (ITU-T E.212, 3GPP TS 23.003 §2.2): 14 or 15 digits, MCC (3) + MNC (2 or 3) + MSIN. The
   * MCC's first digit is 2 to 7 (geographic) or 9 (shared codes such as 901); 0, 1 and 8 are not
   * assigned.
   */
  public static boolean isImsi(String value) {
    if ((value.length() != 14 && value.length() != 15) || !DIGITS.matcher(value).matches()) {
      return false;
    }
    char first = value.charAt(0);
    return (first >= '2' && first <= '7') || first == '9';
  }

  /**
   * IMEI (3GPP TS 23.003 §6.2): 14 digits (TAC + serial, without check digit), 15 digits whose
   * last is the Luhn check digit, or a 16-digit IMEISV (TAC + serial + software version, which
   * has no check digit).
   */
  public static boolean isImei(String value) {
    if (!DIGITS.matcher(value).matches()) {
      return false;
    }
    return switch (value.length()) {
      case 14, 16 -> true;
      case 15 -> luhnValid(value);
      default -> false;
    };
  }

  /** The Luhn (mod 10) check over a string of digits, including its check digit. */
  public static boolean luhnValid(String digits) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return digits.length() > 1 && sum % 10 == 0;
  }

  /**
   * IBAN (ISO 13616-1): upper-case country code of a registry country, two check digits, the BBAN
   * in upper-case letters and digits, the registry's length for that country, and the ISO 7064
   * mod 97-10 check (the number formed by moving the first four characters to the end and
   * replacing letters by 10..35 is 1 modulo 97).
   */
  public static boolean isIban(String value) {
    if (value.length() < 5 || value.length() > 34) {
      return false;
    }
    Integer expected = IBAN_LENGTHS.get(value.substring(0, 2));
    if (expected == null || expected != value.length()) {
      return false;
    }
    if (!Character.isDigit(value.charAt(2)) || !Character.isDigit(value.charAt(3))) {
      return false;
    }
    StringBuilder numeric = new StringBuilder(value.length() * 2);
    String rearranged = value.substring(4) + value.substring(0, 4);
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      if (c >= '0' && c <= '9') {
        numeric.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        numeric.append(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  /** IPv4 dotted quad: four decimal octets 0-255, no leading zeros (they read as octal elsewhere). */
  public static boolean isIpv4(String value) {
    String[] parts = value.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !DIGITS.matcher(part).matches()
          || (part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * IPv6 text forms of RFC 4291 §2.2: eight groups of 1-4 hex digits, at most one {@code ::}
   * standing for one or more zero groups, optionally ending in an embedded IPv4 dotted quad. Zone
   * identifiers ({@code %eth0}) and prefix lengths are refused: they mean nothing to another state.
   */
  public static boolean isIpv6(String value) {
    if (value.isEmpty() || value.length() > 45) {
      return false;
    }
    int doubleColon = value.indexOf("::");
    if (doubleColon >= 0 && value.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    int groups;
    if (doubleColon >= 0) {
      String head = value.substring(0, doubleColon);
      String tail = value.substring(doubleColon + 2);
      int headGroups = head.isEmpty() ? 0 : countGroups(head, false);
      int tailGroups = tail.isEmpty() ? 0 : countGroups(tail, true);
      if (headGroups < 0 || tailGroups < 0) {
        return false;
      }
      groups = headGroups + tailGroups;
      return groups <= 7;
    }
    groups = countGroups(value, true);
    return groups == 8;
  }

  /** Number of 16-bit groups in a colon-separated run, or -1 if malformed. */
  private static int countGroups(String run, boolean mayEndInIpv4) {
    String[] parts = run.split(":", -1);
    int groups = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (mayEndInIpv4 && i == parts.length - 1 && part.indexOf('.') >= 0) {
        if (!isIpv4(part)) {
          return -1;
        }
        groups += 2;
        continue;
      }
      if (part.isEmpty() || part.length() > 4) {
        return -1;
      }
      for (int k = 0; k < part.length(); k++) {
        if (Character.digit(part.charAt(k), 16) < 0) {
          return -1;
        }
      }
      groups++;
    }
    return groups;
  }

  /**
   * A DNS name of at least two labels, given as LDH labels or as an internationalised name that
   * {@link IDN#toASCII(String, int)} converts under the STD3 rules (IDNA 2003 as the JDK
   * implements it). Each label 1-63 octets, no leading or trailing hyphen, at most 253 octets in
   * all, no trailing dot, and a top-level label that is not all digits (that would be an address).
   */
  public static boolean isDomainName(String value) {
    if (value.isEmpty() || value.endsWith(".") || value.length() > 253) {
      return false;
    }
    String ascii;
    try {
      ascii = IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (ascii.length() > 253) {
      return false;
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LDH_LABEL.matcher(label).matches()) {
        return false;
      }
      if (label.startsWith("xn--")) {
        try {
          // A punycode label must decode; IDN.toUnicode returns its input unchanged when it cannot.
          if (IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES).equals(label)) {
            return false;
          }
        } catch (IllegalArgumentException e) {
          return false;
        }
      }
    }
    return !ALL_DIGITS.matcher(labels[labels.length - 1]).matches();
  }

  /**
   * An e-mail addr-spec (RFC 5322 §3.4.1) in dot-atom form: a local part of at most 64
   * characters made of atext (RFC 6531 non-ASCII allowed) separated by single dots, {@code @}, and
   * a domain that {@link #isDomainName(String)} accepts. Quoted local parts and address literals
   * are refused: no provider hands them out and they hide typing errors.
   */
  public static boolean isEmailAddress(String value) {
    if (value.length() > 254) {
      return false;
    }
    int at = value.lastIndexOf('@');
    if (at <= 0 || at == value.length() - 1) {
      return false;
    }
    String local = value.substring(0, at);
    String domain = value.substring(at + 1);
    if (local.length() > 64) {
      return false;
    }
    for (String atom : local.split("\\.", -1)) {
      if (!LOCAL_PART_ATOM.matcher(atom).matches()) {
        return false;
      }
    }
    return isDomainName(domain);
  }

  /**
   * An absolute URL (RFC 3986) with scheme {@code http}, {@code https}, {@code ftp} or {@code
   * ftps} and a host that is a domain name ({@link #isDomainName(String)}) or an IP literal.
   */
  public static boolean isUrl(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return false;
    }
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getScheme() == null
        || !URL_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
      return false;
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return false;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      return isIpv6(host.substring(1, host.length() - 1));
    }
    return isIpv4(host) || isDomainName(host);
  }

  /** 64 lower-case hexadecimal digits, as {@code sha256sum} prints them. */
  public static boolean isSha256Hex(String value) {
    return SHA256.matcher(value).matches();
  }

  /** {@code type/subtype} with RFC 6838 §4.2 restricted names and no parameters. */
  public static boolean isMediaType(String value) {
    int slash = value.indexOf('/');
    return slash > 0 && MEDIA_TYPE_NAME.matcher(value.substring(0, slash)).matches()
        && MEDIA_TYPE_NAME.matcher(value.substring(slash + 1)).matches();
  }

  /** An ISO 4217 alphabetic code the JDK knows (upper case, three letters). */
  public static boolean isCurrencyCode(String value) {
    if (value.length() != 3 || !value.equals(value.toUpperCase(Locale.ROOT))) {
      return false;
    }
    try {
      Currency.getInstance(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A non-negative decimal: up to 18 integer digits without leading zeros, up to 4 decimals. */
  public static boolean isAmount(String value) {
    return AMOUNT.matcher(value).matches();
  }

  /** An IANA zone name or UTC offset that {@link ZoneId#of(String)} accepts. */
  public static boolean isTimeZone(String value) {
    try {
      ZoneId.of(value);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
