package dev.mlat.core.model;

/**
 * What kind of authority a {@link Party} is, as far as the instruments distinguish them: EU
 * Directive 2014/41 Art. 2(c) and Regulation 2023/1543 Art. 4 let only a judge, court,
 * investigating judge or (for some orders) a public prosecutor issue or validate an order.
 *
 * <p>The JSON form is the constant's name, for example {@code PROSECUTOR}.
 */
public enum AuthorityKind {
  /** A judge, a court or an investigating judge. */
  COURT,
  /** A public prosecutor. */
  PROSECUTOR,
  /** Another competent authority (police, customs, tax or administrative authority, central authority). */
  OTHER_AUTHORITY;
}
