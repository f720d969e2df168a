package dev.mlat.core.model;

/**
 * The instrument a request is based on.
 *
 * <p>The JSON form is the constant's name, for example {@code BILATERAL_MLAT}.
 */
public enum Instrument {
  /** A bilateral mutual legal assistance treaty; name it in {@link LegalBasis#description()}. */
  BILATERAL_MLAT,
  /** Council of Europe Convention on Cybercrime (ETS No. 185), Budapest 2001. */
  BUDAPEST_CONVENTION,
  /** Second Additional Protocol to the Convention on Cybercrime (CETS No. 224), 2022. */
  BUDAPEST_SECOND_PROTOCOL,
  /** Directive 2014/41/EU regarding the European Investigation Order in criminal matters. */
  EU_EIO_DIRECTIVE,
  /** Regulation (EU) 2023/1543 on European Production and Preservation Orders. */
  EU_E_EVIDENCE_REGULATION,
  /** United Nations Convention against Transnational Organized Crime, Palermo 2000. */
  UNTOC,
  /** United Nations Convention against Corruption, Merida 2003. */
  UNCAC,
  /** No treaty: assistance on the basis of reciprocity (comity). */
  RECIPROCITY,
  /** Another instrument; name it in {@link LegalBasis#description()}. */
  OTHER;
}
