package dev.mlat.crypto.trust;

/**
 * What an authority registered in the {@link TrustDirectory} may do for its jurisdiction. The JSON
 * form in {@code authorities.json} is the lower-case name ({@code "sign"}, {@code "receive"},
 * {@code "relay"}, {@code "carry"}).
 */
public enum AuthorityRole {
  /** Sign requests and other lifecycle messages as the issuing or sending authority. */
  SIGN,
  /** Be the recipient packages are encrypted for. */
  RECEIVE,
  /** Forward a received package, unchanged inside, to a domestic executing authority (a central authority). */
  RELAY,
  /** Carry packages over TLS as a gateway, without ever opening them. */
  CARRY;

  /** The name used in {@code authorities.json}. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
