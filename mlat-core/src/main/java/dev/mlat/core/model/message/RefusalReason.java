package dev.mlat.core.model.message;

/**
 * Why a request is refused or not executed. Codes follow the grounds of EIO Art. 11 and Regulation
 * 2023/1543 Arts. 10-12 (forms Annex III), and the classic treaty grounds.
 *
 * <p>The JSON form is the constant's name, for example {@code INCOMPLETE}.
 */
public enum RefusalReason {
  /** The request or certificate is incomplete. */
  INCOMPLETE,
  /** The request or certificate contains manifest errors. */
  MANIFEST_ERRORS,
  /** The information given is not enough to execute it. */
  INSUFFICIENT_INFORMATION,
  /** The data sought is not, or no longer, held. */
  DATA_NOT_HELD,
  /** Execution is impossible in fact (for example the person cannot be found). */
  DE_FACTO_IMPOSSIBILITY,
  /** The issuing or validating authority is not competent. */
  INVALID_ISSUING_AUTHORITY,
  /** The offence is outside the instrument's scope. */
  OFFENCE_NOT_COVERED,
  /** The conduct is not an offence under the law of the requested state. */
  DUAL_CRIMINALITY_NOT_MET,
  /** Immunities or privileges prevent execution. */
  IMMUNITIES_OR_PRIVILEGES,
  /** Execution would conflict with the law of a third country (Reg. 2023/1543 Art. 17). */
  CONFLICT_OF_LAW,
  /** Execution would breach the ne bis in idem principle. */
  NE_BIS_IN_IDEM,
  /** Execution would harm essential national security, sovereignty or public-order interests. */
  ESSENTIAL_INTERESTS,
  /** Execution would be incompatible with fundamental rights. */
  FUNDAMENTAL_RIGHTS,
  /** Another ground, explained in the grounds text. */
  OTHER;
}
